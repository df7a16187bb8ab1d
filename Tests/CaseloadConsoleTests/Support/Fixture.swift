import CaseloadConsole
import CaseloadCore
import Foundation

/// A small program on Monday 23 Nov 2026 at 14:30 in Chicago: every level of care, an open safety
/// flag, accented, Vietnamese, Chinese and Korean names, short hours, worsening and improving
/// scores, an overdue check-in, overdue notes, consents current, expired and revoked, and one
/// discharged participant (P-0013, not on the roster).
enum Fixture {
    static let timeZone = TimeZone(identifier: "America/Chicago")!
    static let today = date("2026-11-23")
    static let now = today.instant(at: time("14:30"), in: timeZone)

    static let maria: StaffID = "mgarcia"
    static let james: StaffID = "jchen"
    static let sandra: StaffID = "sokafor"

    static func date(_ text: String) -> LocalDate { try! LocalDate(text) }
    static func time(_ text: String) -> LocalTime { try! LocalTime(text) }
    static func instant(_ day: String, _ clock: String) -> Date { date(day).instant(at: time(clock), in: timeZone) }
    static func revision(_ day: String = "2026-11-01", by staff: StaffID = maria) -> Revision {
        Revision(createdAt: instant(day, "08:00"), createdBy: staff)
    }

    static let program: ProgramSettings = ProgramSettings(
        name: "Riverside Recovery IOP/PHP", timeZoneIdentifier: "America/Chicago", revision: revision("2026-01-05"))

    static let staff: [Staff] = [
        Staff(id: maria, displayName: "Maria Garcia", credentials: "LCSW", role: .counselor, revision: revision()),
        Staff(id: james, displayName: "James Chen", credentials: "LPC, LCDC", role: .counselor, revision: revision()),
        Staff(id: sandra, displayName: "Sandra Okafor", credentials: "LCSW-S", role: .supervisor, revision: revision()),
    ]

    static func session(as staffID: StaffID = maria, glyphs: ConsoleGlyphs = .unicode) -> ConsoleSession {
        ConsoleSession(staff: staff.first { $0.id == staffID }!, today: today, now: now, glyphs: glyphs)
    }

    // MARK: Participants

    static func person(
        _ id: ParticipantID, _ first: String, _ last: String, preferred: String? = nil, order: NameOrder = .givenFirst,
        born: String,
        admitted: String, track: Track, counselor: StaffID, level: LevelOfCare, referral: String = "Self"
    ) -> Participant {
        var person = Participant(
            id: id, firstName: first, lastName: last, dateOfBirth: date(born), admissionDate: date(admitted),
            referralSource: referral, track: track, primaryCounselor: counselor, levelOfCare: level,
            revision: revision(admitted, by: counselor))
        person.preferredName = preferred
        person.nameOrder = order
        return person
    }

    static let participants: [Participant] = {
        var jose = person("P-0001", "José", "Núñez", preferred: "Pepe", born: "1992-03-04", admitted: "2026-11-02",
                          track: .substanceUse, counselor: maria, level: .iop, referral: "Drug court")
        jose.pronouns = "he/him"
        jose.phone = "555-0134"
        jose.emergencyContact = EmergencyContact(name: "Ana Núñez", relationship: "sister", phone: "555-0199")
        jose.diagnoses = [Diagnosis(description: "Alcohol use disorder, moderate", icd10: "F10.20"),
                          Diagnosis(description: "Major depressive disorder, single episode", icd10: "F32.1")]
        jose.treatmentPlan = TreatmentPlan(startedOn: date("2026-11-03"), problems: [
            Problem(id: "1", statement: "Daily alcohol use has cost José his job and strains his marriage.", goals: [
                Goal(id: "1.1", statement: "Stay sober through the program and after it.", objectives: [
                    Objective(id: "1.1.1", statement: "Attends three mutual-support meetings a week.",
                              targetDate: date("2026-12-15"), status: .inProgress),
                    Objective(id: "1.1.2", statement: "Writes a relapse prevention plan with three named supports.",
                              targetDate: date("2026-11-20"), status: .notStarted),
                ]),
            ]),
            Problem(id: "2", statement: "Low mood, poor sleep and thoughts of hopelessness.", goals: [
                Goal(id: "2.1", statement: "Lower depressive symptoms to the mild range.", objectives: [
                    Objective(id: "2.1.1", statement: "PHQ-9 below 10 on two check-ins in a row.",
                              targetDate: date("2027-01-10"), status: .inProgress),
                    Objective(id: "2.1.2", statement: "Keeps a sleep log for two weeks.",
                              targetDate: date("2026-11-17"), status: .met),
                ]),
            ]),
        ])
        jose.supportMembers = [
            SupportMember(id: "F1", name: "Lucía Núñez", relationship: "wife", phone: "555-0150",
                          consent: DisclosureConsent(recipient: "Lucía Núñez", purpose: "Family involvement in treatment",
                                                     categories: [.attendance, .progress, .sessionParticipation],
                                                     signedOn: date("2026-11-02"), expiresOn: date("2027-05-02"))),
            SupportMember(id: "F2", name: "Ana Núñez", relationship: "sister",
                          consent: DisclosureConsent(recipient: "Ana Núñez", purpose: "Family involvement in treatment",
                                                     categories: [.attendance], signedOn: date("2026-11-02"),
                                                     expiresOn: date("2026-11-16"))),
            SupportMember(id: "F3", name: "Carlos Núñez", relationship: "father",
                          consent: DisclosureConsent(recipient: "Carlos Núñez", purpose: "Family involvement in treatment",
                                                     categories: [.attendance, .progress], signedOn: date("2026-11-02"),
                                                     expiresOn: date("2027-05-02"), revokedOn: date("2026-11-10"))),
            SupportMember(id: "F4", name: "Rosa Díaz", relationship: "sponsor"),
        ]

        var aaliyah = person("P-0004", "Aaliyah", "Brooks", born: "1988-07-19", admitted: "2026-10-12",
                             track: .mentalHealth, counselor: maria, level: .php, referral: "Inpatient unit")
        try! aaliyah.changeLevelOfCare(to: .iop, on: date("2026-11-09"), reason: "Stable mood, ready to step down",
                                       by: maria)

        var ivan = person("P-0013", "Ivan", "Petrov", born: "1979-01-30", admitted: "2026-09-01",
                          track: .substanceUse, counselor: maria, level: .iop)
        try! ivan.changeLevelOfCare(to: .op, on: date("2026-10-05"), reason: "Met IOP goals", by: maria)
        try! ivan.discharge(Discharge(
            date: date("2026-11-13"), type: .completed,
            summary: "Ivan completed IOP and OP, stayed abstinent for ten weeks and returned to work.",
            aftercare: AftercarePlan(
                supportGroups: ["SMART Recovery, Tuesdays"],
                followUps: [FollowUpAppointment(date: date("2026-11-27"), with: "Dr. Ruiz", purpose: "Medication review")],
                soberLiving: nil),
            dischargedBy: maria))

        return [
            jose,
            person("P-0002", "Thị Hoa", "Nguyễn", order: .familyFirst, born: "1996-12-01", admitted: "2026-11-09",
                   track: .coOccurring, counselor: maria, level: .php),
            person("P-0003", "小龍", "李", order: .familyFirst, born: "1990-11-27", admitted: "2026-11-02",
                   track: .mentalHealth, counselor: james, level: .iop),
            aaliyah,
            person("P-0005", "Ana María", "Ávila", born: "1985-05-05", admitted: "2026-10-01",
                   track: .coOccurring, counselor: maria, level: .op),
            person("P-0006", "Björn", "Lindqvist", born: "1970-02-14", admitted: "2026-08-03",
                   track: .substanceUse, counselor: james, level: .aftercare),
            { var chloe = person("P-0007", "Chloé", "Dubois", born: "2001-09-09", admitted: "2026-10-26",
                                 track: .mentalHealth, counselor: james, level: .iop)
              chloe.status = .onHold
              return chloe }(),
            person("P-0008", "Darnell", "Washington", born: "1994-04-22", admitted: "2026-11-20",
                   track: .substanceUse, counselor: maria, level: .php),
            person("P-0009", "Emily", "O'Connor", born: "1999-06-30", admitted: "2026-11-02",
                   track: .substanceUse, counselor: james, level: .iop),
            person("P-0010", "Fatima", "Al-Sayed", born: "1983-10-10", admitted: "2026-10-19",
                   track: .mentalHealth, counselor: maria, level: .op),
            person("P-0011", "은혜", "김", preferred: "Grace", order: .familyFirst, born: "1997-03-15", admitted: "2026-11-16",
                   track: .coOccurring, counselor: james, level: .php),
            person("P-0012", "Hiroshi", "Tanaka", born: "1965-08-08", admitted: "2026-07-06",
                   track: .substanceUse, counselor: maria, level: .aftercare),
            ivan,
        ]
    }()

    // MARK: Check-ins

    /// Answers that add up to `total`, item 9 set apart so a safety flag is deliberate.
    static func answers(_ count: Int, total: Int, itemNine: Int = 0) -> [Int] {
        var items = Array(repeating: 0, count: count)
        var left = total - itemNine
        for index in 0..<(count == 9 ? 8 : count) where left > 0 {
            items[index] = min(3, left)
            left -= items[index]
        }
        if count == 9 { items[8] = itemNine }
        return items
    }

    static func checkIn(_ participant: ParticipantID, _ day: String, phq: Int?, gad: Int?, itemNine: Int = 0,
                        craving: Int? = nil, used: Bool? = nil, screen: DrugScreenResult? = nil,
                        by staff: StaffID = maria) -> CheckIn {
        let compact = day.replacingOccurrences(of: "-", with: "")
        return try! CheckIn(
            id: CheckInID("C-\(compact)-\(participant.rawValue.suffix(4))"), participant: participant, date: date(day),
            recordedBy: staff, phq9: phq.map { answers(9, total: $0, itemNine: itemNine) },
            gad7: gad.map { answers(7, total: $0) }, craving: craving,
            substanceUse: used.map { SubstanceUse(used: $0, details: $0 ? "Two beers on Saturday" : nil) },
            drugScreen: screen.map { DrugScreen(result: $0) }, revision: revision(day, by: staff))
    }

    static let checkIns: [CheckIn] = [
        checkIn("P-0001", "2026-11-02", phq: 8, gad: 9, craving: 6, used: true, screen: .positive),
        checkIn("P-0001", "2026-11-09", phq: 10, gad: 9, craving: 5, used: false, screen: .negative),
        checkIn("P-0001", "2026-11-16", phq: 13, gad: 10, craving: 5, used: false),
        checkIn("P-0001", "2026-11-20", phq: 15, gad: 11, itemNine: 1, craving: 4, used: true),
        checkIn("P-0002", "2026-11-10", phq: 18, gad: 15, craving: 7),
        checkIn("P-0002", "2026-11-17", phq: 16, gad: 14, craving: 6),
        checkIn("P-0003", "2026-11-19", phq: 4, gad: 3, by: james),
        checkIn("P-0004", "2026-11-01", phq: 12, gad: 8),
        checkIn("P-0005", "2026-11-20", phq: 6, gad: 5, craving: 2, used: false),
        checkIn("P-0006", "2026-11-21", phq: 2, gad: 1, by: james),
        checkIn("P-0007", "2026-11-12", phq: 9, gad: 7, by: james),
        checkIn("P-0009", "2026-11-16", phq: 11, gad: 12, by: james),
        checkIn("P-0010", "2026-10-26", phq: 20, gad: 16),
        checkIn("P-0010", "2026-11-18", phq: 9, gad: 6),
        checkIn("P-0011", "2026-11-16", phq: 7, gad: 6, by: james),
        checkIn("P-0011", "2026-11-22", phq: 9, gad: 12, by: james),
        checkIn("P-0012", "2026-11-20", phq: 3, gad: 2),
        checkIn("P-0013", "2026-11-12", phq: 3, gad: 2),
    ]

    // MARK: Sessions

    static func member(_ id: ParticipantID, _ status: AttendanceStatus, _ minutes: Int) -> SessionMember {
        SessionMember(participant: id, attendance: Attendance(status: status, minutesAttended: minutes))
    }

    static func meeting(
        _ day: String, _ start: String, _ kind: SessionKind, _ minutes: Int, by staff: StaffID, topic: String?,
        _ members: [SessionMember], drafts: [ParticipantID] = [], signed: [ParticipantID] = [],
        coSigned: [ParticipantID] = [], links: [ParticipantID: [String]] = [:]
    ) -> Session {
        let compact = day.replacingOccurrences(of: "-", with: "")
        let clock = start.replacingOccurrences(of: ":", with: "")
        var session = try! Session(
            id: SessionID("S-\(compact)-\(clock)-\(kind.rawValue.prefix(3))\(staff.rawValue.prefix(3))"),
            kind: kind, date: date(day), startTime: time(start), durationMinutes: minutes, facilitators: [staff],
            topic: topic, members: members, revision: revision(day, by: staff))
        if kind == .group { session.sharedNarrative = "The group reviewed \(topic ?? "the topic") and practiced skills." }
        let written = instant(day, "17:00")
        for id in drafts + signed + coSigned {
            try! session.writeNote(of: id, format: .dap, section: "data",
                                   text: "Participated and described the week's cravings.", by: staff, at: written)
            try! session.writeNote(of: id, format: .dap, section: "assessment",
                                   text: "Engaged; mood lower than last week.", by: staff, at: written)
            try! session.writeNote(of: id, format: .dap, section: "plan",
                                   text: "Continue IOP; review the safety plan on Thursday.", by: staff, at: written)
        }
        for (id, objectives) in links {
            try! session.updateNote(of: id) { (note: inout Note) throws(DomainError) in note.objectives = objectives }
        }
        let signer = Fixture.staff.first { $0.id == staff }!
        for id in signed + coSigned { try! session.signNote(of: id, by: signer, at: written) }
        for id in coSigned {
            try! session.updateNote(of: id) { (note: inout Note) throws(DomainError) in
                try note.coSign(by: Fixture.staff[2], at: instant(day, "18:00"))
            }
        }
        return session
    }

    static let sessions: [Session] = [
        // Week of 9 Nov
        meeting("2026-11-10", "09:00", .group, 180, by: maria, topic: "Coping skills",
                [member("P-0001", .present, 180), member("P-0004", .present, 180)], signed: ["P-0001", "P-0004"],
                links: ["P-0001": ["1.1.1"]]),
        meeting("2026-11-12", "09:00", .group, 180, by: maria, topic: "Communication",
                [member("P-0001", .present, 180), member("P-0002", .present, 180)], signed: ["P-0001", "P-0002"]),
        // Week of 16 Nov
        meeting("2026-11-17", "11:00", .individual, 60, by: maria, topic: "Relapse prevention plan",
                [member("P-0001", .present, 60)], signed: ["P-0001"], links: ["P-0001": ["1.1.1", "1.1.2"]]),
        meeting("2026-11-18", "09:00", .group, 120, by: james, topic: "Mindfulness",
                [member("P-0003", .present, 120), member("P-0011", .late, 100)], coSigned: ["P-0003", "P-0011"]),
        meeting("2026-11-19", "09:00", .group, 180, by: maria, topic: "Stress management",
                [member("P-0001", .present, 180), member("P-0002", .leftEarly, 120), member("P-0010", .present, 180)],
                drafts: ["P-0002"], signed: ["P-0001"]),
        meeting("2026-11-20", "15:00", .family, 60, by: maria, topic: "Communication",
                [member("P-0005", .present, 60)], signed: ["P-0005"]),
        // Today, Monday 23 Nov
        meeting("2026-11-23", "09:00", .group, 180, by: maria, topic: "Relapse prevention",
                [member("P-0001", .present, 180), member("P-0002", .present, 180), member("P-0004", .late, 150),
                 member("P-0008", .unexcused, 0)], drafts: ["P-0001"]),
        meeting("2026-11-23", "10:00", .group, 120, by: james, topic: "Coping skills",
                [member("P-0003", .present, 120), member("P-0007", .excused, 0), member("P-0009", .present, 120),
                 member("P-0011", .present, 120)]),
        meeting("2026-11-23", "13:00", .individual, 60, by: maria, topic: nil,
                [member("P-0005", .present, 60)], signed: ["P-0005"]),
    ]

    // MARK: Assembled

    static let roster: [RosterEntry] = index(checkIns)

    /// What the store's roster index holds for these check-ins.
    static func index(_ checkIns: [CheckIn]) -> [RosterEntry] {
        participants
            .map { person in RosterEntry(participant: person, checkIns: checkIns.filter { $0.participant == person.id }) }
            .filter(\.belongsInIndex)
    }

    static func source(damaged: [String] = []) -> InMemoryDataSource {
        let data = ConsoleData(
            program: program, staff: Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0) }), roster: roster,
            sessions: [], damagedFileCount: damaged.count, damagedFiles: damaged)
        return InMemoryDataSource(data: data, participants: participants, checkIns: checkIns, allSessions: sessions)
    }

    static func data() -> ConsoleData { try! source().loadConsoleData(today: today) }
}
