/// A realistic, invented caseload for trying Caseload out: staff, participants across PHP, IOP,
/// OP and aftercare, and weeks of sessions, notes and check-ins ending today. The same options
/// always give equal records (byte-identical JSON when encoded with sorted keys, since a note
/// keeps its sections in a dictionary), and records stream out one at a time, so a ten-year,
/// three-thousand-participant site generates in bounded memory.
public enum DemoCaseload {
    public static let programName = "Riverside Recovery IOP/PHP"
    public static let timeZoneIdentifier = "America/Chicago"

    public struct Options: Sendable, Equatable {
        /// Everyone who is in care at some point of the history. Stays average about 14 weeks
        /// and the census is steady, so about participants × 14 ÷ (weeks + 14) are in care on
        /// any day: the default 70 over 8 weeks gives a roster of about 40 (and 30 discharged);
        /// 3000 over 520 weeks, about 80.
        public var participants: Int
        public var weeks: Int
        public var seed: UInt64
        /// The program-calendar day the history leads up to; nothing is dated today or later.
        /// The history starts on the Monday `weeks` weeks before this week.
        public var today: LocalDate

        public init(participants: Int = 70, weeks: Int = 8, seed: UInt64 = 1, today: LocalDate) {
            self.participants = participants
            self.weeks = weeks
            self.seed = seed
            self.today = today
        }
    }

    /// What a run wrote, for the command to report.
    public struct Summary: Sendable, Equatable {
        public var staff = 0
        public var participants = 0
        public var discharged = 0
        public var sessions = 0
        public var checkIns = 0
        public var openSafetyFlags = 0
    }

    /// Writes the program and its staff into `sink`, then week by week the participants admitted
    /// (those already in care when the history starts come first, each with their admission
    /// check-in), the sessions and the check-ins, calling `progress` with the fraction done after
    /// each week. Throws `DemoError` for options it cannot honor, and whatever the sink throws.
    public static func generate(
        _ options: Options, into sink: some DemoSink, progress: (Double) -> Void = { _ in }
    ) throws -> Summary {
        var generator = try DemoGenerator(options)
        return try generator.run(into: sink, progress: progress)
    }
}

public enum DemoError: Error, Equatable, Sendable, CustomStringConvertible {
    case noParticipants
    case noWeeks
    case tooCrowded(participants: Int, weeks: Int, peakCensus: Int, capacity: Int)

    public var description: String {
        switch self {
        case .noParticipants:
            "A demo needs at least 1 participant."
        case .noWeeks:
            "A demo needs at least 1 week of history."
        case .tooCrowded(let participants, let weeks, let peak, let capacity):
            "\(participants) participants over \(weeks) weeks would put \(peak) people in care at "
                + "once; the demo's staff can carry \(capacity). Use more weeks or fewer participants."
        }
    }
}
