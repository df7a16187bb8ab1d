import Foundation

/// A participant in care during the week being generated.
struct DemoInCare {
    let stay: DemoStay
    let participant: Participant
    let counselor: StaffID

    /// The name staff call them by in notes.
    var name: String { participant.preferredName ?? participant.firstName }
}

/// Walks the history a week at a time: admits that week's participants (writing each one's
/// record), plans the week's groups and individual sessions, then writes each day's sessions and
/// check-ins. Only the participants in care are held, so memory follows the census, not the years.
struct DemoGenerator {
    private let options: DemoCaseload.Options
    private let firstDay: LocalDate
    private let stays: [DemoStay]
    private let staff: DemoStaff
    private let settings: ProgramSettings
    private let clock: DemoClock
    /// When the program started using Caseload and entered the participants already in care.
    private let goLive: Date
    private var participants: DemoParticipants
    private let sessions: DemoSessions
    private var notes: DemoNotes
    private var ids = DemoIDs()
    private var inCare: [DemoInCare] = []
    private var summary = DemoCaseload.Summary()

    init(_ options: DemoCaseload.Options) throws(DemoError) {
        guard options.participants >= 1 else { throw .noParticipants }
        guard options.weeks >= 1 else { throw .noWeeks }
        self.options = options
        let today = options.today
        // Whole weeks: the history starts on the Monday `weeks` weeks before this one.
        let weeksAgo = today.adding(days: -7 * options.weeks)
        firstDay = weeksAgo.adding(days: 1 - weeksAgo.weekday)
        var stays = DemoStayPlanner.stays(
            participants: options.participants, firstDay: firstDay, today: today, seed: options.seed)
        DemoSafetyFlags.assign(to: &stays, firstDay: firstDay, today: today, seed: options.seed)
        self.stays = stays

        let peak = Self.peakCensus(of: stays, from: firstDay, to: today)
        let counselors = max(4, (peak + DemoStaff.caseloadLimit - 1) / DemoStaff.caseloadLimit)
        guard counselors <= DemoStaff.maximumCounselors else {
            throw .tooCrowded(
                participants: options.participants, weeks: options.weeks, peakCensus: peak,
                capacity: DemoStaff.maximumCounselors * DemoStaff.caseloadLimit)
        }
        // A system without tzdata still gets Chicago standard time, never the machine's own zone,
        // so the output does not depend on where it is generated.
        let timeZone = TimeZone(identifier: DemoCaseload.timeZoneIdentifier)
            ?? TimeZone(secondsFromGMT: -6 * 3600)!
        clock = DemoClock(today: today, timeZone: timeZone)
        // The program and its staff are set up the morning the history starts, and the
        // participants already in care are entered half an hour later.
        let setUp = clock.instant(firstDay, minute: 7 * 60)
        staff = DemoStaff(counselorCount: counselors, createdAt: setUp, seed: options.seed)
        settings = ProgramSettings(
            name: DemoCaseload.programName, timeZoneIdentifier: DemoCaseload.timeZoneIdentifier,
            revision: Revision(createdAt: setUp, createdBy: staff.administrator.id))
        goLive = setUp.addingTimeInterval(30 * 60)
        participants = DemoParticipants(
            staff: staff, clock: clock, today: today, goLive: goLive, seed: options.seed)
        sessions = DemoSessions(clock: clock)
        notes = DemoNotes(staff: staff, clock: clock, today: today)
    }

    mutating func run(into sink: some DemoSink, progress: (Double) -> Void) throws
        -> DemoCaseload.Summary
    {
        try sink.write(.program(settings))
        for member in staff.everyone { try sink.write(.staff(member)) }
        summary.staff = staff.everyone.count

        let today = options.today
        var monday = firstDay
        let weeks = (monday.days(until: today) + 6) / 7
        var nextAdmission = 0
        for week in 0..<weeks {
            let days = (0..<7).map { monday.adding(days: $0) }.filter { $0 < today }
            let nextMonday = monday.adding(days: 7)
            while nextAdmission < stays.count, stays[nextAdmission].admission < nextMonday {
                try admit(stays[nextAdmission], into: sink)
                nextAdmission += 1
            }
            var random = DemoRandom(seed: options.seed, .week, monday.dayNumber)
            let plan = DemoWeekPlan(
                days: days, inCare: inCare, staff: staff, topics: settings.topics, random: &random)
            for date in days {
                try writeSessions(of: plan, on: date, into: sink, random: &random)
                try writeCheckIns(on: date, into: sink)
            }
            inCare.removeAll { $0.stay.end <= nextMonday }
            monday = nextMonday
            progress(Double(week + 1) / Double(weeks))
        }
        return summary
    }

    private mutating func admit(_ stay: DemoStay, into sink: some DemoSink) throws {
        // New admissions go to the counselor with the smallest caseload.
        let loads = staff.counselors.map { counselor in inCare.count { $0.counselor == counselor.id } }
        let counselor = staff.counselors[loads.indices.min { loads[$0] < loads[$1] }!].id
        let participant = try participants.record(for: stay, counselor: counselor)
        try sink.write(.participant(participant))
        summary.participants += 1
        if participant.status == .discharged { summary.discharged += 1 }
        let person = DemoInCare(stay: stay, participant: participant, counselor: counselor)
        inCare.append(person)
        // Those already in care bring their admission check-in, so change is still measured
        // from admission; their later check-ins before the history stay behind.
        if stay.admission < firstDay { try writeCheckIn(number: 0, of: person, into: sink) }
    }

    private mutating func writeSessions(
        of plan: DemoWeekPlan, on date: LocalDate, into sink: some DemoSink,
        random: inout DemoRandom
    ) throws {
        var day: [Session] = []
        for group in plan.groups where group.date == date {
            day.append(try sessions.group(group, inCare: inCare, ids: &ids, notes: &notes, random: &random))
        }
        for booking in plan.oneToOnes where booking.date == date {
            day.append(try sessions.oneToOne(
                booking, inCare: inCare, ids: &ids, notes: &notes, random: &random))
        }
        for session in day.sorted(by: { ($0.startTime, $0.id) < ($1.startTime, $1.id) }) {
            try sink.write(.session(session))
        }
        summary.sessions += day.count
    }

    private mutating func writeCheckIns(on date: LocalDate, into sink: some DemoSink) throws {
        for person in inCare where person.stay.isAttending(on: date) {
            let days = person.stay.admission.days(until: date)
            if days % 7 == 0 { try writeCheckIn(number: days / 7, of: person, into: sink) }
        }
    }

    private mutating func writeCheckIn(number: Int, of person: DemoInCare, into sink: some DemoSink)
        throws
    {
        let answers = DemoCheckInAnswers(stay: person.stay, number: number, seed: options.seed)
        guard !answers.isSkipped else { return }
        let checkIn = try DemoCheckIns.record(
            of: person.stay, number: number, answers: answers, counselor: person.counselor,
            staff: staff, clock: clock, notBefore: goLive, ids: &ids, seed: options.seed)
        try sink.write(.checkIn(checkIn))
        summary.checkIns += 1
        if checkIn.hasOpenSafetyFlag { summary.openSafetyFlags += 1 }
    }

    /// The most participants in care on any one day.
    private static func peakCensus(of stays: [DemoStay], from firstDay: LocalDate, to today: LocalDate)
        -> Int
    {
        var change = Array(repeating: 0, count: firstDay.days(until: today) + 1)
        for stay in stays {
            change[max(0, firstDay.days(until: stay.admission))] += 1
            change[firstDay.days(until: stay.end)] -= 1
        }
        var census = 0
        return change.reduce(0) { peak, step in
            census += step
            return max(peak, census)
        }
    }
}
