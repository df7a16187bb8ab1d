import CaseloadConsole
import CaseloadCore

/// Drawing one full 200×60 frame: pure work on a loaded state, no terminal.
enum RenderBench {
    static func run(large: BenchCaseload, small: BenchCaseload, repetitions: Int) throws -> [Figure] {
        func median(_ state: ConsoleState) -> Double {
            var samples = Samples()
            for _ in 0..<repetitions { samples.time { render(state, size: ConsoleStates.size) } }
            return samples.median
        }
        func frame(_ caseload: BenchCaseload, _ screen: ScreenName, _ participant: ParticipantID?) throws -> Double {
            median(try ConsoleStates.forScreen(screen, of: caseload, participant: participant))
        }
        let everyone = median(try ConsoleStates.everyoneOnRoster(large))
        return [
            Figure(
                name: "Render: roster of all 3,000 participants 200×60 (median; \(Int(1000 / max(everyone, 0.001))) frames/s)",
                measured: everyone, reference: try frame(small, .roster, nil), referenceName: "default demo", unit: "ms",
                limit: 2, ratioLimit: nil),
            Figure(
                name: "Render: roster frame 200×60 (median)", measured: try frame(large, .roster, nil),
                reference: try frame(small, .roster, nil), referenceName: "default demo", unit: "ms", limit: 2, ratioLimit: nil),
            Figure(
                name: "Render: progress tab 200×60 (median)", measured: try frame(large, .progress, large.busiestParticipant),
                reference: try frame(small, .progress, small.busiestParticipant), referenceName: "default demo", unit: "ms",
                limit: 2, ratioLimit: nil),
        ]
    }
}
