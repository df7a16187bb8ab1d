import Foundation
import Testing

/// What the plain CLI prints never drives the terminal, whatever a file holds; what is typed is
/// refused before it reaches a file; and what leaves the program (CSV, demo folders, core dumps)
/// is safe too.
@Suite("Safe output")
struct SafeOutputEndToEndTests {
    static let title = "Evil\u{1B}]0;pwned\u{07}"
    static let clear = "X\u{1B}[2J\u{1B}[31mRED"

    /// A caseload with P-0001 in a signed individual session, then names, a topic and note text
    /// holding escape sequences planted by hand, as an older file or a hand edit would hold them.
    static func plantedCaseload() throws -> (BinaryRunner, session: String) {
        let caseload = try BinaryRunner()
        try caseload.makeCaseload()
        try caseload.succeed(
            "participant", "add", "--first", "Ana", "--last", "Ruiz", "--dob", "1990-01-01",
            "--admitted", "2026-11-02", "--level", "iop", "--track", "mental-health")
        let session = try caseload.succeed(
            "session", "add", "--kind", "individual", "--date", "2026-11-20", "--start", "09:00",
            "--minutes", "50", "--member", "P-0001", "--topic", "Check-in"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        try caseload.succeed("note", "write", session, "P-0001", "--section", "data=Named a trigger at work.")
        try edit(caseload, "participants/P-0001.json") { $0["firstName"] = title; $0["lastName"] = clear }
        try edit(caseload, "staff/mgarcia.json") { $0["displayName"] = clear }
        let week = try #require(try FileManager.default.contentsOfDirectory(atPath: caseload.data.path + "/sessions").first)
        try edit(caseload, "sessions/\(week)/\(session).json") { $0["topic"] = title }
        // The note is a file of its own beside the session's.
        try edit(caseload, "sessions/\(week)/\(session)/P-0001.json") { file in
            var note = file["note"] as! [String: Any]
            note["sections"] = ["data": "Named a trigger \(clear) at work."]
            file["note"] = note
        }
        // The roster index lists names too; a rebuild reads them from the edited file.
        try caseload.run(["check", "--repair"])
        return (caseload, session)
    }

    /// Rewrites one record's JSON by hand, keeping it private.
    static func edit(_ caseload: BinaryRunner, _ path: String, _ change: (inout [String: Any]) -> Void) throws {
        let file = caseload.data.appendingPathComponent(path)
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        change(&object)
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }

    static func holdsNoControls(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }
    }

    @Test("a planted escape sequence goes through every list, show and search without a raw ESC or BEL")
    func plantedNames() throws {
        let (caseload, session) = try Self.plantedCaseload()
        defer { caseload.remove() }
        let commands: [[String]] = [
            ["participant", "list"], ["participant", "show", "P-0001"], ["staff", "list"],
            ["session", "list", "--from", "2026-11-16", "--to", "2026-11-22"], ["session", "show", session],
            ["note", "search", "trigger"], ["participant", "consent", "list", "P-0001"], ["checkin", "list", "P-0001"],
            ["participant", "list", "--json"], ["participant", "show", "P-0001", "--json"], ["session", "show", session, "--json"],
            ["note", "search", "trigger", "--json"], ["export", "--format", "json"],
        ]
        for command in commands {
            let result = try caseload.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(Self.holdsNoControls(result.stdout), "\(command) printed a control character")
            #expect(Self.holdsNoControls(result.stderr), "\(command) printed a control character on stderr")
        }
        let list = try caseload.succeed("participant", "list")
        #expect(list.contains("Evil^[]0;pwned^G"))
        #expect(try caseload.succeed("note", "search", "trigger").contains("X^[[2J^[[31mRED"))
        // JSON keeps the text exactly; only its escaping shows it.
        let json = try caseload.succeed("participant", "show", "P-0001", "--json")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(decoded["firstName"] as? String == Self.title)
    }

    @Test("an error that echoes a bad id shows its control characters, never obeys them")
    func errorsEscaped() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        for command in [["participant", "show", "P-\u{1B}]0;x\u{07}"], ["session", "show", Self.clear],
                        ["participant", "list", "--as", Self.title]] {
            let result = try caseload.run(command)
            #expect(result.status != 0)
            #expect(result.stderr.hasPrefix("Error: "), "\(command): \(result.stderr)")
            #expect(Self.holdsNoControls(result.stderr), "\(command): \(result.stderr)")
        }
    }

    @Test("the same text typed on input is refused, naming the field and not repeating it")
    func typedRefused() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        let cases: [([String], String)] = [
            (["participant", "add", "--first", Self.title, "--last", "Ruiz", "--dob", "1990-01-01", "--admitted",
              "2026-11-02", "--level", "iop", "--track", "mental-health"], "The first name"),
            (["participant", "add", "--first", "Ana", "--last", "Ruiz\nP-9999  Forged  Row", "--dob", "1990-01-01",
              "--admitted", "2026-11-02", "--level", "iop", "--track", "mental-health"], "The last name"),
            (["staff", "add", "tnew", "--name", Self.clear, "--as", "admin"], "The staff member's name"),
        ]
        for (command, field) in cases {
            let result = try caseload.run(command)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("Error: \(field) holds a line break, a control or an invisible character"), "\(result.stderr)")
            #expect(!result.stderr.contains("pwned") && !result.stderr.contains("RED") && !result.stderr.contains("Forged"))
        }
        #expect(!(try caseload.succeed("participant", "list")).contains("Ruiz"))
    }

    @Test("a CSV cell a spreadsheet would run as a formula starts with '")
    func formulaCell() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        try caseload.makeCaseload()
        try caseload.succeed(
            "participant", "add", "--first", "=HYPERLINK(\"http://x\")", "--last=-Ruiz", "--dob", "1990-01-01",
            "--admitted", "2026-11-02", "--level", "iop", "--track", "mental-health")
        let out = caseload.data.deletingLastPathComponent().appendingPathComponent("export")
        try caseload.succeed("export", "--format", "csv", "--out", out.path)
        let csv = try String(contentsOf: out.appendingPathComponent("participants.csv"), encoding: .utf8)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(csv.contains(",'-Ruiz,"))
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(written.allSatisfy { $0.hasSuffix(".csv") }, "the export folder holds the export alone: \(written)")
    }

    @Test("an empty path, / and the home folder are refused as data folders")
    func broadDataFolders() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        let home = try #require(caseload.environment["HOME"])
        for folder in ["", "/", home] {
            let result = try caseload.run(["init", "--data", folder])
            #expect(result.status == 1, "\(folder)")
            #expect(result.stderr.contains("data folder") || result.stderr.contains("cannot be a data folder"), "\(result.stderr)")
            #expect(!result.stderr.contains("chmod"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: home + "/caseload.json"))
    }

    @Test("demo --force replaces an untouched or only viewed demo, and refuses one whose files have changed")
    func demoForce() throws {
        let caseload = try BinaryRunner()
        defer { caseload.remove() }
        let demo = ["demo", "--participants", "3", "--weeks", "2"]
        try caseload.succeed(demo)
        try caseload.succeed(demo + ["--force"])
        // Looking at a demo record appends a read line to the audit log and changes nothing else.
        let someone = try #require(try jsonArray(caseload.succeed("participant", "list", "--json")).first?["id"] as? String)
        try caseload.succeed("participant", "show", someone)
        try caseload.succeed(demo + ["--force"])

        let staff = try #require(try FileManager.default.contentsOfDirectory(atPath: caseload.data.path + "/staff").sorted().first)
        try Self.edit(caseload, "staff/\(staff)") { $0["displayName"] = "Someone Real" }
        let refused = try caseload.run(demo + ["--force"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("staff/\(staff) in \(caseload.data.path) is not as `caseload demo` wrote it"))
        #expect(FileManager.default.fileExists(atPath: caseload.data.path + "/staff/\(staff)"))

        // An empty marker vouches for nothing.
        try Data().write(to: caseload.data.appendingPathComponent(".caseload-demo"))
        #expect(try caseload.run(demo + ["--force"]).stderr.contains("was not made by `caseload demo`"))
    }
}
