import CaseloadCore
import Testing

@testable import CaseloadCLI

@Suite("Reading a roster's columns and rows")
struct RosterReadingTests {
    @Test("headers match by their letters, in the spellings spreadsheets use")
    func headers() throws {
        let columns = try RosterColumns(header: [
            "Last Name", "FIRST-NAME", "DOB", "Admit Date", "LOC", "Program Track", "Counsellor", "Cell", "Notes", "",
        ])
        #expect(columns.fields == [
            .lastName: 0, .firstName: 1, .dateOfBirth: 2, .admissionDate: 3, .levelOfCare: 4, .track: 5,
            .primaryCounselor: 6, .phone: 7,
        ])
        #expect(columns.ignored == ["Notes"])
        #expect(columns.place(of: .dateOfBirth) == "DOB (column C)")
        #expect(columns.place(of: nil) == nil)
    }

    @Test("a missing column, no names at all, or one field twice stops the import before any row")
    func headerFailures() {
        #expect(throws: RosterColumns.Failure.missing(.dateOfBirth, accepted: RosterColumns.synonyms[5].1)) {
            try RosterColumns(header: ["first", "last", "admitted", "level", "track"])
        }
        #expect(throws: RosterColumns.Failure.missingName) { try RosterColumns(header: ["dob", "admitted", "level", "track"]) }
        #expect(throws: RosterColumns.Failure.missing(.lastName, accepted: RosterColumns.synonyms[2].1)) {
            try RosterColumns(header: ["first", "dob", "admitted", "level", "track"])
        }
        #expect(throws: RosterColumns.Failure.twice("DOB", "Birth date")) {
            try RosterColumns(header: ["name", "DOB", "Birth date", "admitted", "level", "track"])
        }
    }

    @Test("spreadsheet column letters", arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")])
    func letters(_ index: Int, _ letters: String) {
        #expect(RosterColumns.letters(index) == letters)
    }

    static let header = ["Name", "DOB", "Admitted", "Level", "Track", "Status", "Diagnoses", "Discharged", "Discharge type"]

    func read(_ cells: [String]) throws -> RosterRow.Reading {
        RosterRow(columns: try RosterColumns(header: Self.header)).read(CSVReader.Row(line: 7, cells: cells))
    }

    @Test("values are read by their names in any form; a \"Last, First\" name is split; diagnoses keep their codes")
    func values() throws {
        guard case .read(let row) = try read([
            "Núñez, José", " 1988-04-02 ", "2026-11-02", "Intensive Outpatient", "CO-OCCURRING", "Discharged",
            "F10.20 Alcohol use disorder, moderate; GAD moderate ;Z63.8 Family disruption", "2026-11-20", "Step-down",
        ]) else { Issue.record("the row was not read"); return }
        #expect(row.line == 7)
        #expect(row.admission.lastName == "Núñez" && row.admission.firstName == "José")
        #expect(row.admission.levelOfCare == .iop && row.admission.track == .coOccurring)
        #expect(row.admission.diagnoses == [
            Diagnosis(description: "Alcohol use disorder, moderate", icd10: "F10.20"),
            Diagnosis(description: "GAD moderate"),
            Diagnosis(description: "Family disruption", icd10: "Z63.8"),
        ])
        #expect(row.status == .discharged)
        #expect(row.discharge == ImportedDischarge(date: try LocalDate("2026-11-20"), type: .stepDown))
    }

    @Test("every cell that cannot be read is named, with the row's line")
    func problems() throws {
        guard case .unreadable(let problems) = try read([
            "José Núñez", "04/02/1988", "", "PHP-ish", "sud", "", "", "2026-11-20", "", "surplus",
        ]) else { Issue.record("the row was read"); return }
        #expect(problems == [
            ImportProblem(line: 7, field: nil, error: .cellsBeyondHeader(10, header: 9)),
            ImportProblem(line: 7, field: .lastName, error: .nameForm),
            ImportProblem(line: 7, field: .dateOfBirth, error: .notADate),
            ImportProblem(line: 7, field: .admissionDate, error: .emptyField("The admission date")),
            ImportProblem(line: 7, field: .levelOfCare, error: .unrecognizedValue(allowed: ["php", "iop", "op", "aftercare"])),
            ImportProblem(line: 7, field: .track, error: .unrecognizedValue(allowed: ["substance-use", "mental-health", "co-occurring"])),
            ImportProblem(line: 7, field: .dischargeType, error: .dischargeIncomplete),
        ])
    }

    @Test("a discharge type without its date is named")
    func halfADischarge() throws {
        guard case .unreadable(let problems) = try read([
            "Núñez, José", "1988-04-02", "2026-11-02", "iop", "mental-health", "discharged", "", "", "completed",
        ]) else { Issue.record("the row was read"); return }
        #expect(problems == [ImportProblem(line: 7, field: .dischargeDate, error: .dischargeIncomplete)])
    }
}
