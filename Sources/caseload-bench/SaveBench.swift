import CaseloadBenchSupport
import CaseloadCore
import Foundation

/// Interactive saves through `CaseloadStore`, fsync on, as the console makes them: adding a
/// check-in, and signing a note. Each kind is timed on both caseloads, with the store's step timer
/// saying where the time goes.
enum SaveBench {
    struct Result {
        let figures: [Figure]
        /// Median milliseconds per save step, per kind and caseload, for the breakdown table.
        let breakdown: [(kind: String, large: StepTimes, small: StepTimes)]
    }

    static func run(large: BenchCaseload, small: BenchCaseload, saves: Int) throws -> Result {
        let largeAdd = try addCheckIns(large, saves)
        let smallAdd = try addCheckIns(small, saves)
        let (largeWrite, largeSign) = try writeAndSignNotes(large, saves)
        let (smallWrite, smallSign) = try writeAndSignNotes(small, saves)
        func figures(_ what: String, _ large: Measured, _ small: Measured) -> [Figure] {
            [
                Figure(
                    name: "Save: \(what) (median of \(saves))", measured: large.samples.median,
                    reference: small.samples.median, referenceName: "default demo", unit: "ms", limit: 10, ratioLimit: 1.2),
                Figure(
                    name: "Save: \(what) (p99 of \(saves))", measured: large.samples.p99, reference: small.samples.p99,
                    referenceName: "default demo", unit: "ms", limit: nil, ratioLimit: nil),
            ]
        }
        // What keeping the note search index current adds to a save that changes a note: raising the
        // generation (one folder fsync) and appending the session's texts.
        let noteIndex = Figure(
            name: "Save: the note search index's share of writing a note (medians of \(saves))",
            measured: largeWrite.steps.median(.noteIndexGeneration) + largeWrite.steps.median(.noteIndex),
            reference: largeWrite.samples.median, referenceName: "the whole save", unit: "ms", limit: 2, ratioLimit: nil)
        return Result(
            figures: figures("add a check-in", largeAdd, smallAdd) + figures("write a note section", largeWrite, smallWrite)
                + [noteIndex] + figures("sign a note", largeSign, smallSign),
            breakdown: [
                ("add a check-in", largeAdd.steps, smallAdd.steps), ("write a note section", largeWrite.steps, smallWrite.steps),
                ("sign a note", largeSign.steps, smallSign.steps),
            ])
    }

    struct Measured {
        var samples = Samples()
        let steps = StepTimes()
    }

    /// Check-ins dated today for the participants in care, in turn.
    private static func addCheckIns(_ caseload: BenchCaseload, _ saves: Int) throws -> Measured {
        var measured = Measured()
        let store = try CaseloadStore.open(at: caseload.folder, stepTimer: measured.steps)
        let today = Clock.system.today(in: try store.program().timeZone)
        let inCare = try store.roster().map(\.id)
        let staff = caseload.counselor.id
        measured.steps.isRecording = true
        for number in 0..<saves {
            let checkIn = try CheckIn(
                id: try store.newCheckInID(date: today), participant: inCare[number % inCare.count], date: today,
                recordedBy: staff, phq9: [1, 1, 2, 0, 1, 0, 1, 0, 0], gad7: [1, 1, 0, 1, 0, 1, 0], craving: 3,
                substanceUse: SubstanceUse(used: false), revision: Revision(createdAt: store.clock.now(), createdBy: staff))
            try measured.samples.time { try store.add(checkIn, action: .checkInAdd, by: staff) }
        }
        return measured
    }

    /// Writes a section of a draft note, then signs it, one save each. The drafts are started
    /// first, untimed, in individual sessions filed in one week before either caseload's history,
    /// so both caseloads save into a folder of the same size and the console's recent weeks stay as generated.
    private static func writeAndSignNotes(_ caseload: BenchCaseload, _ saves: Int) throws -> (write: Measured, sign: Measured) {
        var writing = Measured()
        var measured = Measured()
        let writer = try CaseloadStore.open(at: caseload.folder, stepTimer: writing.steps)
        let store = try CaseloadStore.open(at: caseload.folder, stepTimer: measured.steps)
        let day = Clock.system.today(in: try store.program().timeZone).adding(days: -7 * 530)
        let inCare = try store.roster().map(\.id)
        let staff = caseload.counselor.id
        guard let start = LocalTime(hour: 9, minute: 0) else { throw BenchFailure("09:00 is not a time.") }
        for number in 0..<saves {
            let participant = inCare[number % inCare.count]
            var session = try Session(
                id: try store.newSessionID(date: day, time: start), kind: .individual, date: day, startTime: start,
                durationMinutes: 50, facilitators: [staff], topic: nil,
                members: [SessionMember(participant: participant, attendance: Attendance(status: .present, minutesAttended: 50))],
                revision: Revision(createdAt: store.clock.now(), createdBy: staff))
            try session.writeNote(
                of: participant, format: .dap, section: "data", text: "Reviewed the week's sleep log; benchmark draft.",
                by: staff, at: store.clock.now())
            var draft = try store.add(session, action: .sessionAdd, by: staff).record
            try draft.writeNote(
                of: participant, format: .dap, section: "assessment", text: "Sleeping six hours; craving down to 3 of 10.",
                by: staff, at: store.clock.now())
            writing.steps.isRecording = true
            draft = try writing.samples.time { try writer.save(draft, action: .sessionEdit, by: staff) }.record
            writing.steps.isRecording = false
            try draft.signNote(of: participant, by: caseload.counselor, at: store.clock.now())
            measured.steps.isRecording = true
            try measured.samples.time { try store.save(draft, changing: [.note(participant)], action: .noteSign, by: staff) }
            measured.steps.isRecording = false
        }
        return (writing, measured)
    }
}

/// Collects the store's per-step timings while recording is on.
final class StepTimes: SaveStepTimer, @unchecked Sendable {
    // Guards `samples` and `recording`; the store may call from any thread.
    private let lock = NSLock()
    private var samples: [SaveStep: Samples] = [:]
    private var recording = false

    var isRecording: Bool {
        get { lock.withLock { recording } }
        set { lock.withLock { recording = newValue } }
    }

    func record(_ step: SaveStep, _ duration: Duration) {
        lock.withLock {
            guard recording else { return }
            samples[step, default: Samples()].add(duration)
        }
    }

    /// The median of one step, in milliseconds; zero for a step the saves never took.
    func median(_ step: SaveStep) -> Double {
        lock.withLock { samples[step]?.median ?? 0 }
    }
}
