import CaseloadConsole
import CaseloadCore

/// Typing a roster filter on a roster of everyone ever admitted: each keystroke is one update
/// and one full frame, what the console does between a key and the screen.
enum FilterBench {
    static func run(large: BenchCaseload, small: BenchCaseload) throws -> Figure {
        Figure(
            name: "Filter: roster keystroke, update + frame (p99)", measured: try p99(large), reference: try p99(small),
            referenceName: "default demo, everyone listed", unit: "ms", limit: 20, ratioLimit: nil)
    }

    /// Types a participant's last name letter by letter, then erases it (each erase re-filters from scratch).
    private static func p99(_ caseload: BenchCaseload) throws -> Double {
        var state = try ConsoleStates.everyoneOnRoster(caseload)
        _ = state.update(.command(.showAll))
        _ = state.update(.command(.filter))
        let everyone = state.roster.visible.count
        guard state.keyMode == .filter, everyone == caseload.store.participants().records.count else {
            throw BenchFailure("The roster of \(caseload.name) did not open for filtering with everyone listed.")
        }
        let typed = try caseload.store.participant(caseload.busiestParticipant).lastName
        var samples = Samples()
        for _ in 0..<20 {
            for letter in typed {
                samples.time {
                    _ = state.update(.insertText(String(letter)))
                    _ = render(state, size: ConsoleStates.size)
                }
            }
            for _ in typed {
                samples.time {
                    _ = state.update(.command(.deleteCharacter))
                    _ = render(state, size: ConsoleStates.size)
                }
            }
        }
        return samples.p99
    }
}
