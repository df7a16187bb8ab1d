import Foundation
import Testing

@testable import CaseloadCore

/// The roster import: every row checked under one lock, then all written, some, or none.
/// UseCaseCaseload holds P-0001…P-0004, all "José Núñez" born 1990-05-17.
@Suite("Importing a roster")
struct ImportRuleTests {
    static func row(
        _ line: Int, id: ParticipantID? = nil, first: String = "Ana", last: String = "Ruiz", born: String = "1988-04-02",
        admitted: String = "2026-11-02", counselor: String? = nil, status: ParticipantStatus = .active,
        discharge: ImportedDischarge? = nil
    ) -> ImportedParticipant {
        ImportedParticipant(
            line: line, id: id,
            admission: AdmissionRequest(
                firstName: first, lastName: last, dateOfBirth: UseCaseCaseload.date(born),
                admissionDate: UseCaseCaseload.date(admitted), levelOfCare: .iop, track: .substanceUse),
            counselor: counselor, status: status, discharge: discharge)
    }

    func importing(
        _ rows: [ImportedParticipant], unreadable: [ImportProblem] = [], mode: ImportMode = .allOrNothing,
        by actor: StaffID = "mgarcia", into world: UseCaseCaseload? = nil
    ) throws -> (report: ImportReport, world: UseCaseCaseload) {
        let world = try world ?? UseCaseCaseload()
        return (try world.caseload.importParticipants(rows, unreadable: unreadable, mode: mode, by: actor), world)
    }

    @Test("rows with ids keep them and are saved first; the others take the next free numbers")
    func ids() throws {
        let (report, world) = try importing([
            Self.row(2, first: "Ana"), Self.row(3, id: "P-0006", first: "Bea"), Self.row(4, first: "Cy"),
        ])
        #expect(report.problems.isEmpty)
        #expect(report.accepted.map(\.participant.id) == ["P-0007", "P-0006", "P-0008"])
        #expect(report.savedCount == 3)
        let saved = world.store.participants().records.sorted { $0.id < $1.id }
        #expect(saved.map(\.id) == ["P-0001", "P-0002", "P-0003", "P-0004", "P-0006", "P-0007", "P-0008"])
        #expect(saved.first { $0.id == "P-0006" }?.firstName == "Bea")
    }

    @Test("nobody is admitted twice: the same name by its letters and the same birth date, on file or in the file")
    func namesakes() throws {
        let (report, world) = try importing(
            [
                Self.row(2, first: "JOSE", last: "nunez", born: "1990-05-17"),
                Self.row(3, first: "Rosa", last: "De la Cruz"),
                Self.row(4, first: "rosa", last: "Dela-Cruz"),
                Self.row(5, first: "Rosa", last: "Dela Cruz", born: "1988-04-03"),
            ], mode: .skippingBadRows)
        #expect(report.problems == [
            ImportProblem(line: 2, field: nil, error: .namesakeOnFile("P-0001")),
            ImportProblem(line: 4, field: nil, error: .namesakeInFile(line: 3)),
        ])
        #expect(report.accepted.map(\.line) == [3, 5])
        #expect(world.store.participants().records.count == 6)
    }

    @Test("one bad row and nothing is written; a dry run writes nothing either")
    func allOrNothing() throws {
        let rows = [Self.row(2), Self.row(3, first: "Bea", admitted: "2026-11-24")]
        for mode in [ImportMode.allOrNothing, .dryRun] {
            let (report, world) = try importing(rows, mode: mode)
            #expect(report.problems == [
                ImportProblem(
                    line: 3, field: .admissionDate,
                    error: .dateInFuture(.admission, UseCaseCaseload.date("2026-11-24"), today: UseCaseCaseload.date("2026-11-23"))),
            ])
            #expect(report.accepted.map(\.line) == [2])
            #expect(report.savedCount == 0)
            #expect(world.store.participants().records.count == 4)
        }
        let (clean, world) = try importing([Self.row(2)], mode: .dryRun)
        #expect(clean.problems.isEmpty && clean.accepted.count == 1 && clean.savedCount == 0)
        #expect(world.store.participants().records.count == 4)
    }

    @Test("each problem names its line and field, and the rows a parser could not read are reported in order")
    func fields() throws {
        let unreadable = ImportProblem(line: 3, field: .dateOfBirth, error: .notADate)
        let (report, _) = try importing(
            [
                Self.row(2, first: "An\u{1B}a"),
                Self.row(4, born: "2026-11-10"),
                Self.row(5, id: "P-7"),
                Self.row(6, id: "P-0002"),
                Self.row(7, id: "P-0009", first: "Bea"),
                Self.row(8, id: "P-0009", first: "Cy"),
                Self.row(9, counselor: "admin"),
            ], unreadable: [unreadable])
        #expect(report.problems == [
            ImportProblem(line: 2, field: .firstName, error: .controlCharacter("The first name", .oneLine)),
            unreadable,
            ImportProblem(
                line: 4, field: .dateOfBirth,
                error: .birthDateNotBeforeAdmission(UseCaseCaseload.date("2026-11-10"), admission: UseCaseCaseload.date("2026-11-02"))),
            ImportProblem(line: 5, field: .id, error: .participantIDForm),
            ImportProblem(line: 6, field: .id, error: .participantIDTaken("P-0002")),
            ImportProblem(line: 8, field: .id, error: .participantIDRepeated("P-0009", line: 7)),
            ImportProblem(line: 9, field: .primaryCounselor, error: .notACounselor("admin", because: .role(.admin))),
        ])
        #expect(report.badLines == [2, 3, 4, 5, 6, 8, 9])
    }

    @Test("the counselor is named by id in any capitals or by name by its letters; otherwise the row says who could be")
    func counselors() throws {
        let (report, _) = try importing(
            [
                Self.row(2, first: "A", counselor: "LCHEN"), Self.row(3, first: "B", counselor: "staff JLEE"),
                Self.row(4, first: "C", counselor: "Nobody Here"), Self.row(5, first: "D"),
            ], mode: .dryRun)
        #expect(report.accepted.map(\.participant.primaryCounselor) == ["lchen", "jlee", "mgarcia"])
        #expect(report.problems == [
            ImportProblem(line: 4, field: .primaryCounselor, error: .unknownCounselorName(known: ["jlee", "lchen", "mgarcia"])),
        ])
    }

    @Test("two staff with one name: the row must give the id")
    func ambiguousCounselor() throws {
        let world = try UseCaseCaseload()
        _ = try world.caseload.addStaff("mgarcia2", displayName: "Staff mgarcia", credentials: "", role: .counselor, by: "admin")
        let (report, _) = try importing([Self.row(2, counselor: "Staff MGarcia")], mode: .dryRun, into: world)
        #expect(report.problems == [
            ImportProblem(line: 2, field: .primaryCounselor, error: .ambiguousCounselorName(["mgarcia", "mgarcia2"])),
        ])
    }

    @Test("a discharged row keeps its date and type, and says where it came from; an incomplete or misdated one is refused")
    func discharges() throws {
        let (report, world) = try importing(
            [
                Self.row(2, first: "A", status: .discharged, discharge: .init(date: UseCaseCaseload.date("2026-11-10"), type: .completed)),
                Self.row(3, first: "B", status: .discharged),
                Self.row(4, first: "C", discharge: .init(date: UseCaseCaseload.date("2026-11-10"), type: .transferred)),
                Self.row(5, first: "D", status: .discharged, discharge: .init(date: UseCaseCaseload.date("2026-11-01"), type: .administrative)),
                Self.row(6, first: "E", status: .discharged, discharge: .init(date: UseCaseCaseload.date("2026-11-24"), type: .administrative)),
                Self.row(7, first: "F", status: .onHold),
            ], mode: .skippingBadRows)
        #expect(report.problems.map(\.line) == [3, 4, 5, 6])
        #expect(report.problems.map(\.field) == [.dischargeDate, .status, .dischargeDate, .dischargeDate])
        #expect(report.problems[0].error == .dischargeIncomplete)
        let saved = world.store.participants().records
        let discharged = try #require(saved.first { $0.firstName == "A" })
        #expect(discharged.status == .discharged)
        #expect(discharged.discharge?.date == UseCaseCaseload.date("2026-11-10"))
        #expect(discharged.discharge?.type == .completed)
        #expect(discharged.discharge?.summary == Caseload.importedDischargeSummary)
        #expect(saved.first { $0.firstName == "F" }?.status == .onHold)
    }

    @Test("an administrator cannot import, as they cannot admit")
    func permission() throws {
        let world = try UseCaseCaseload()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.importParticipants([Self.row(2)], mode: .allOrNothing, by: "admin")
        }
        #expect(error == .refused(.notPermitted(.admit, staff: "admin", because: .role(.admin))))
    }
}
