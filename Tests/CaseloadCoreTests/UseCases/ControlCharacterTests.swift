import Testing

@testable import CaseloadCore

/// Text a terminal would act on is refused where it is typed, naming the field: an escape
/// sequence in a name would retitle or clear the screen of whoever lists it later.
@Suite("Control characters refused on input")
struct ControlCharacterTests {
    static let title = "Evil\u{1B}]0;pwned\u{07}"
    static let clear = "X\u{1B}[2J\u{1B}[31mRED"

    @Test("the scalars a terminal acts on, and only those")
    func terminalControls() {
        let refused: [Unicode.Scalar] = ["\u{00}", "\u{07}", "\u{1B}", "\n", "\r", "\t", "\u{7F}", "\u{85}", "\u{9B}",
                                         "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{2028}", "\u{2029}"]
        let kept: [Unicode.Scalar] = ["a", " ", "é", "\u{200C}", "\u{200D}", "\u{200B}", "\u{A0}"]
        #expect(refused.allSatisfy { $0.isTerminalControl })
        #expect(!kept.contains { $0.isTerminalControl })
    }

    @Test("one-line fields refuse line breaks; multi-line fields keep line breaks and tabs only")
    func shapes() throws {
        #expect(throws: DomainError.controlCharacter("The name", .oneLine)) { try refuseControls("A\nB", "The name") }
        #expect(throws: DomainError.controlCharacter("The name", .oneLine)) { try refuseControls("A\tB", "The name") }
        try refuseControls("Line one\n\tLine two", "The note", .multiLine)
        try refuseControls("ميلاد\u{200C}ی", "The name")
        for filler in ["Ana\u{200B}", "Ana\u{FEFF}", "An\u{00AD}a", "A\u{2060}na", "A\u{2028}B"] {
            #expect(throws: DomainError.controlCharacter("The name", .oneLine)) { try refuseControls(filler, "The name") }
        }
        try refuseControls("Soft\u{00AD}hyphen in a note", "The note", .multiLine)
        #expect(throws: DomainError.controlCharacter("The note", .multiLine)) {
            try refuseControls("A\r\nB", "The note", .multiLine)
        }
        #expect(throws: DomainError.controlCharacter("The note", .multiLine)) {
            try refuseControls("abc\u{202E}fed", "The note", .multiLine)
        }
    }

    @Test("the message names the field and never repeats the text")
    func message() {
        let message = DomainError.controlCharacter("The first name", .oneLine).description
        #expect(message.hasPrefix("The first name holds a line break, a control or an invisible character"))
        #expect(!message.unicodeScalars.contains { $0.isTerminalControl })
    }

    @Test("every operation that takes text refuses it, naming the field", arguments: [title, clear])
    func operations(_ evil: String) throws {
        let world = try UseCaseCaseload()
        let caseload = world.caseload
        func expectRefused<T>(_ field: String, _ shape: FieldShape = .oneLine, _ body: () throws(CaseloadError) -> T) {
            #expect(refusal(body) == .refused(.controlCharacter(field, shape)), "\(field)")
        }
        let admission = AdmissionRequest(
            firstName: "Ana", lastName: "Ruiz", dateOfBirth: UseCaseCaseload.date("1990-01-01"),
            admissionDate: UseCaseCaseload.date("2026-11-20"), levelOfCare: .iop, track: .mentalHealth)
        var named = admission
        named.firstName = evil
        expectRefused("The first name") { () throws(CaseloadError) in try caseload.admit(named, by: "mgarcia") }
        var phoned = admission
        phoned.phone = "555\n0100"
        expectRefused("The phone number") { () throws(CaseloadError) in try caseload.admit(phoned, by: "mgarcia") }
        var diagnosed = admission
        diagnosed.diagnoses = [Diagnosis(description: evil)]
        expectRefused("The diagnosis") { () throws(CaseloadError) in try caseload.admit(diagnosed, by: "mgarcia") }
        expectRefused("The support member's name") { () throws(CaseloadError) in
            try caseload.editParticipant(
                "P-0004", ParticipantChange(addSupportMembers: [NewSupportMember(name: evil, relationship: "Aunt")]),
                by: "mgarcia")
        }
        expectRefused("The staff member's name") { () throws(CaseloadError) in
            try caseload.addStaff("tnew", displayName: evil, credentials: "", role: .counselor, by: "admin")
        }
        expectRefused("The staff id") { () throws(CaseloadError) in
            try caseload.addStaff(StaffID(evil), displayName: "Tia New", credentials: "", role: .counselor, by: "admin")
        }
        expectRefused("The staff id") { () throws(CaseloadError) in try caseload.actingStaff(StaffID(evil)) }
        expectRefused("The participant id") { () throws(CaseloadError) in
            try caseload.editParticipant(ParticipantID(evil), ParticipantChange(pronouns: "she/her"), by: "mgarcia")
        }
        expectRefused("The consent's recipient") { () throws(CaseloadError) in
            try caseload.addConsent(
                "P-0001", member: "F4",
                ConsentRequest(
                    recipient: evil, purpose: "Family involvement", categories: [.attendance],
                    signedOn: UseCaseCaseload.date("2026-11-20"), expiresOn: UseCaseCaseload.date("2027-11-20")),
                by: "mgarcia")
        }
        expectRefused("The reason for the change") { () throws(CaseloadError) in
            try caseload.transition("P-0001", to: .op, on: UseCaseCaseload.date("2026-11-23"), reason: evil, by: "mgarcia")
        }
        expectRefused("The session's topic") { () throws(CaseloadError) in
            try world.record(UseCaseCaseload.request(topic: evil))
        }
        expectRefused("The session id") { () throws(CaseloadError) in try caseload.session(SessionID(evil)) }
        expectRefused("The problem statement") { () throws(CaseloadError) in
            try caseload.editPlan("P-0001", .addProblem(evil), by: "mgarcia")
        }
        expectRefused("The program's name") { () throws(CaseloadError) in
            try caseload.changeSettings(SettingsChange(name: evil), by: "admin")
        }
        let group = try world.record(UseCaseCaseload.request()).record.id
        expectRefused("The Data section", .multiLine) { () throws(CaseloadError) in
            try caseload.writeNote(in: group, for: "P-0001", sections: ["data": "Line one\n" + evil], by: "mgarcia")
        }
        expectRefused("The shared narrative", .multiLine) { () throws(CaseloadError) in
            try caseload.writeSharedNarrative(in: group, text: evil, by: "mgarcia")
        }
    }

    @Test("multi-line fields keep their line breaks and tabs")
    func multiLineKept() throws {
        let world = try UseCaseCaseload()
        let group = try world.record(UseCaseCaseload.request()).record.id
        let text = "Arrived on time.\n\tShared a trigger."
        let session = try world.caseload.writeNote(in: group, for: "P-0001", sections: ["data": text], by: "mgarcia").record
        #expect(session.member("P-0001")?.note?.sections["data"] == text)
    }
}
