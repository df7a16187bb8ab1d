import CaseloadConsole
import CaseloadCore
import Foundation

/// A synthetic program of `count` participants (names in several scripts, one check-in each,
/// one group a day this week), for checking that filtering and drawing stay fast at scale.
enum LargeCaseload {
    static let firstNames = ["José", "Thị Hoa", "小龍", "Aaliyah", "Ana María", "Björn", "Chloé", "Darnell",
                             "Emily", "Fatima", "은혜", "Hiroshi", "Zoë", "Łukasz", "Søren", "Amélie"]
    static let lastNames = ["Núñez", "Nguyễn", "李", "Brooks", "Ávila", "Lindqvist", "Dubois", "Washington",
                            "O'Connor", "Al-Sayed", "김", "Tanaka", "Müller", "Dąbrowski", "Kierkegaard", "Poulain"]

    static func source(count: Int) -> InMemoryDataSource {
        let counselors = Fixture.staff.map(\.id)
        var participants: [Participant] = []
        var checkIns: [CheckIn] = []
        for index in 0..<count {
            let id = ParticipantID(String(format: "P-%04d", index + 1))
            let level = LevelOfCare.allCases[index % 4]
            participants.append(Participant(
                id: id, firstName: firstNames[index % 16], lastName: lastNames[(index / 16) % 16] + " \(index)",
                dateOfBirth: Fixture.date("1990-01-01"), admissionDate: Fixture.date("2026-10-05"),
                referralSource: "Self", track: Track.allCases[index % 3], primaryCounselor: counselors[index % 3],
                levelOfCare: level, revision: Fixture.revision()))
            checkIns.append(Fixture.checkIn(id, "2026-11-\(10 + index % 12)", phq: index % 28, gad: index % 22,
                                            itemNine: index % 97 == 0 ? 1 : 0))
        }
        var sessions: [Session] = []
        for group in 0..<(count / 10) {
            let members = (0..<10).map { Fixture.member(participants[group * 10 + $0].id, .present, 180) }
            sessions.append(try! Session(
                id: SessionID("S-20261123-0900-\(group)"), kind: .group, date: Fixture.today,
                startTime: Fixture.time("09:00"), durationMinutes: 180, facilitators: [counselors[group % 3]],
                topic: "Coping skills", members: members, revision: Fixture.revision("2026-11-23")))
        }
        let byParticipant = Dictionary(grouping: checkIns, by: \.participant)
        let roster = participants.map { person in
            RosterEntry(participant: person, checkIns: byParticipant[person.id] ?? [])
        }
        let data = ConsoleData(program: Fixture.program,
                               staff: Dictionary(uniqueKeysWithValues: Fixture.staff.map { ($0.id, $0) }),
                               roster: roster, sessions: [])
        return InMemoryDataSource(data: data, participants: participants, checkIns: checkIns, allSessions: sessions)
    }
}
