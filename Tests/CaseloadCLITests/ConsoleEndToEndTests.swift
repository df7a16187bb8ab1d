import Foundation
import Testing

/// Starts the real console in tmux on a demo caseload and uses it as a counselor would.
@Suite("Console in a real terminal", .enabled(if: TmuxDriver.isAvailable, "tmux is not installed"))
struct ConsoleEndToEndTests {
    /// A demo caseload and the id of a counselor in it.
    static func demoCaseload() throws -> (BinaryRunner, String) {
        let caseload = try BinaryRunner()
        let output = try caseload.succeed("demo", "--data", caseload.data.path)
        let counselor = try #require(output.split(separator: " ").last.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) })
        return (caseload, counselor)
    }

    func start(_ caseload: BinaryRunner, as counselor: String, cols: Int = 120, rows: Int = 40,
               environment: [String: String] = [:]) throws -> TmuxDriver {
        try caseload.console(as: counselor, cols: cols, rows: rows, environment: environment)
    }

    @Test("Navigate, filter, open a participant, resize and quit")
    func navigateFilterOpenResizeQuit() throws {
        let (caseload, counselor) = try Self.demoCaseload()
        defer { caseload.remove() }
        let console = try start(caseload, as: counselor)
        defer { console.stop() }

        try console.waitFor("Riverside Recovery")
        try console.send("2")
        try console.waitFor("Roster")
        try console.send("a")
        try console.send("j", "k", "G", "g")
        try console.send("/")
        try console.type("hernandez")
        try console.waitUntil("only Hernández rows are listed") { screen in
            screen.contains("Hernández") && !screen.contains("Bäcker") && !screen.contains("Darwish")
        }
        try console.send("Enter")
        try console.send("Enter")
        try console.waitFor("Demographics")
        try console.waitFor("Check-ins & progress")

        try console.resize(cols: 80, rows: 24)
        try console.waitFor("Hernández")
        try console.resize(cols: 60, rows: 20)
        try console.waitFor("at least 80")
        try console.resize(cols: 120, rows: 40)
        try console.waitFor("Demographics")

        for _ in 0..<3 {
            try console.send("Escape")
            // Esc followed at once by a key is Alt+key, as in every terminal program.
            Thread.sleep(forTimeInterval: 0.3)
        }
        try console.send("q")
        #expect(try console.exitStatus() == 0)
    }

    @Test("Plain terminals still get a usable screen", arguments: [
        ["TERM": "vt100"], ["NO_COLOR": "1"], ["LANG": "C", "LC_ALL": "C"],
    ])
    func plainTerminals(environment: [String: String]) throws {
        let (caseload, counselor) = try Self.demoCaseload()
        defer { caseload.remove() }
        let console = try start(caseload, as: counselor, cols: 80, rows: 24, environment: environment)
        defer { console.stop() }
        try console.send("2")
        let screen = try console.waitUntil("the roster is drawn") { $0.contains("Roster · My") || $0.contains("Roster - My") }
        #expect(screen.contains("q quit") || screen.contains("? help"))
        // The built-in default theme: no start complains about themes.
        #expect(!screen.contains("theme"), "\(screen)")
        if environment["TERM"] == "vt100" || environment["LANG"] == "C" {
            // ASCII borders and marks ("+ Roster - My caseload", "Name^"), not line drawing.
            #expect(screen.contains("+ Roster - "), "\(screen)")
            #expect(screen.contains("Name^"), "\(screen)")
            #expect(!screen.contains("┌") && !screen.contains("▯") && !screen.contains("·"), "\(screen)")
        }
        if environment["LANG"] == "C" {
            // Every name spelled in ASCII ("Groß" as "Gross", "高橋" as "Gao Qiao"), none as "??".
            #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
            #expect(!screen.contains("??"), "\(screen)")
        }
        try console.send("q")
        #expect(try console.exitStatus() == 0)
    }

    @Test("Ctrl-C leaves the console and the terminal usable")
    func interrupt() throws {
        let (caseload, counselor) = try Self.demoCaseload()
        defer { caseload.remove() }
        let console = try start(caseload, as: counselor)
        defer { console.stop() }
        try console.waitFor("Riverside Recovery")
        try console.send("C-c")
        #expect(try console.exitStatus() == 130)
    }
}
