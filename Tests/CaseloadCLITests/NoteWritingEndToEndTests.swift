import Foundation
import Testing

/// A counselor documents sessions in the real console, in tmux, without the command line: an
/// individual DAP note from Today, a group of six from attendance to signing, a draft that
/// outlives `kill -9`, and a round trip through the user's own editor.
@Suite("Writing notes in a real terminal", .serialized, .enabled(if: TmuxDriver.isAvailable, "tmux is not installed"))
struct NoteWritingEndToEndTests {
    /// A caseload with `count` participants admitted on 2 November, mgarcia their counselor.
    static func caseload(participants count: Int) throws -> (BinaryRunner, [String]) {
        let caseload = try BinaryRunner()
        try caseload.makeCaseload()
        let names = [("Ana", "Ruiz"), ("Ben", "Okoye"), ("Cara", "Lind"), ("Dev", "Patel"), ("Eli", "Moss"),
                     ("Fay", "Ortiz"), ("Gus", "Hahn")]
        let ids = try names.prefix(count).map { first, last in
            try caseload.succeed(
                "participant", "add", "--first", first, "--last", last, "--dob", "1990-01-01", "--admitted", "2026-11-02",
                "--level", "iop", "--track", "co-occurring"
            ).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return (caseload, ids)
    }

    static func start(_ caseload: BinaryRunner, environment: [String: String] = [:]) throws -> TmuxDriver {
        try caseload.console(as: "mgarcia", environment: environment)
    }

    /// A caseload with Ana Ruiz's individual session of this morning; returns its id.
    static func individualSession() throws -> (BinaryRunner, String) {
        let (caseload, ids) = try caseload(participants: 1)
        let session = try caseload.succeed(
            "session", "add", "--kind", "individual", "--date", "2026-11-23", "--start", "10:00", "--minutes", "50",
            "--member", "\(ids[0]):present"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        return (caseload, session)
    }

    /// Starts the console and opens the note to write from Today, as a counselor would.
    static func openNoteFromToday(_ caseload: BinaryRunner, environment: [String: String] = [:]) throws -> TmuxDriver {
        let console = try start(caseload, environment: environment)
        try console.waitFor("Notes to write")
        // Today: my session today, then the note to write under it.
        try console.send("j")
        try console.send("Enter")
        try console.waitFor("3 sections to write")
        return console
    }

    /// Starts the console again after it was stopped mid-note: it says the draft was restored, and
    /// Enter on the note to write opens the editor on `text`.
    static func reopenDraft(_ caseload: BinaryRunner, showing text: String) throws -> TmuxDriver {
        let console = try start(caseload)
        do {
            try console.waitFor("Draft restored for Ruiz, Ana")
            try console.send("j")
            try console.send("Enter")
            try console.waitFor(text)
            return console
        } catch {
            console.stop()
            throw error
        }
    }

    /// The console's process: the binary started on this caseload's data folder.
    static func consoleProcess(_ caseload: BinaryRunner) -> pid_t? {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.compactMap { pid_t($0) }.first { pid in
            let command = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
            let arguments = String(decoding: command, as: UTF8.self).split(separator: "\0").map(String.init)
            return arguments.first == BinaryRunner.binary.path && arguments.contains(caseload.data.path)
        }
    }

    /// The text of `session show`, where signatures and note text can be read back.
    static func shown(_ caseload: BinaryRunner, _ session: String) throws -> String {
        try caseload.succeed("session", "show", session)
    }

    @Test("An individual DAP note, written and signed from Today")
    func individualNoteFromToday() throws {
        let (caseload, session) = try Self.individualSession()
        defer { caseload.remove() }
        let console = try Self.openNoteFromToday(caseload)
        defer { console.stop() }
        try console.type("Ana described two cravings this week and used urge surfing both times.")
        try console.send("Tab")
        try console.type("Coping skills are taking hold; motivation high.")
        try console.send("Tab")
        try console.type("Continue IOP; practice urge surfing daily.")
        try console.waitFor("Every section is written")
        try console.send("C-s")
        try console.waitFor("Sign Ana Ruiz")
        try console.send("y")
        try console.waitFor("Note signed")
        let stored = try Self.shown(caseload, session)
        #expect(stored.contains("urge surfing both times"))
        #expect(stored.lowercased().contains("signed"))
        try console.send("Escape")
        Thread.sleep(forTimeInterval: 0.3)
        try console.send("q")
        #expect(try console.exitStatus() == 0)
    }

    @Test("A group of six: attendance in six keys, the narrative, each entry, and signing every ready note")
    func groupOfSix() throws {
        let (caseload, ids) = try Self.caseload(participants: 6)
        defer { caseload.remove() }
        let session = try caseload.succeed(
            ["session", "add", "--kind", "group", "--date", "2026-11-23", "--start", "09:00", "--minutes", "90",
             "--topic", "Coping skills"] + ids.flatMap { ["--member", "\($0):present"] }
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let console = try Self.start(caseload)
        defer { console.stop() }
        try console.waitFor("Riverside IOP")
        try console.send("3")
        try console.waitFor("Coping skills")
        try console.send("Enter")
        try console.waitFor("Led by")
        // Present, present, present, late, left early, unexcused: one key each, the cursor moving down.
        for key in ["p", "p", "p", "l", "e", "u"] { try console.send(key) }
        try console.waitUntil("the grid shows every mark") { screen in
            screen.contains("Late") && screen.contains("Left early") && screen.contains("Unexcused")
        }
        try console.send("w")
        try console.waitFor("Shared narrative")
        try console.type("Members practised urge surfing and named one trigger each.")
        try console.send("C-s")
        try console.waitFor("Save the shared")
        try console.send("y")
        try console.waitFor("Shared narrative saved")
        // Each attending member's own entry: top of the list, then down one at a time.
        try console.send("g")
        for index in 0..<5 {
            try console.send("Enter")
            try console.waitFor("DAP note")
            try console.type("Member \(index + 1) took part and shared a plan for the weekend.")
            try console.send("Tab")
            try console.type("Engaged and hopeful.")
            try console.send("Tab")
            try console.type("Continue the group.")
            try console.send("Escape")
            try console.waitFor("Note saved (not signed yet)")
            try console.send("j")
        }
        try console.send("S")
        try console.waitFor("ready notes of this session")
        try console.send("y")
        try console.waitFor("5 notes signed")
        let stored = try Self.shown(caseload, session)
        #expect(stored.contains("Member 5 took part"))
        #expect(stored.contains("urge surfing and named one trigger"))
        try console.send("Escape")
        Thread.sleep(forTimeInterval: 0.3)
        try console.send("q")
        #expect(try console.exitStatus() == 0)
    }

    @Test("kill -9 while typing keeps the draft, and the next start restores it")
    func draftSurvivesKill() throws {
        let (caseload, _) = try Self.individualSession()
        defer { caseload.remove() }
        var console = try Self.openNoteFromToday(caseload)
        try console.type("Ana reported sleeping five hours and one craving after work.")
        // The draft is saved two seconds after typing stops.
        Thread.sleep(forTimeInterval: 3)
        let pid = try #require(Self.consoleProcess(caseload))
        kill(pid, SIGKILL)
        console.stop()
        console = try Self.reopenDraft(caseload, showing: "sleeping five hours and one craving")
        defer { console.stop() }
        try console.send("Escape")
        try console.waitFor("Note saved (not signed yet)")
        try console.send("q")
        #expect(try console.exitStatus() == 0)
    }

    @Test("A hang-up saves what was typed a moment before as a draft")
    func hangUpFlushesTheDraft() throws {
        let (caseload, _) = try Self.individualSession()
        defer { caseload.remove() }
        var console = try Self.openNoteFromToday(caseload)
        try console.type("Typed just before the connection dropped.")
        try console.waitFor("connection dropped.")
        // Well inside the two seconds after which the draft would save itself.
        let pid = try #require(Self.consoleProcess(caseload))
        kill(pid, SIGHUP)
        #expect(try console.exitStatus() == 129)
        console.stop()
        console = try Self.reopenDraft(caseload, showing: "Typed just before the connection dropped.")
        console.stop()
    }

    @Test("Under LANG=C an accented letter typed in a UTF-8 terminal is kept, not dropped")
    func accentsSurviveAnASCIILocale() throws {
        let (caseload, session) = try Self.individualSession()
        defer { caseload.remove() }
        let console = try Self.openNoteFromToday(caseload, environment: ["LANG": "C", "LC_ALL": "C"])
        defer { console.stop() }
        try console.type("Met at the café; naïve plan.")
        try console.waitFor("naive plan.")
        try console.send("Escape")
        try console.waitFor("Note saved (not signed yet)")
        #expect(try Self.shown(caseload, session).contains("Met at the café; naïve plan."))
    }

    @Test("Ctrl-E hands the note to $EDITOR and takes the text back")
    func outsideEditorRoundTrip() throws {
        let (caseload, _) = try Self.individualSession()
        defer { caseload.remove() }
        // A scripted editor: it writes each section under its heading, and notes where the file was.
        let folder = caseload.data.deletingLastPathComponent()
        let script = folder.appendingPathComponent("edit.sh")
        let seen = folder.appendingPathComponent("seen.txt")
        try """
        #!/bin/sh
        printf '%s\\n' "$1" > '\(seen.path)'
        stat -c %a "$1" >> '\(seen.path)'
        printf '## Data\\nWrote this in my own editor.\\n\\n## Assessment\\nSteady.\\n\\n## Plan\\nSee Thursday.\\n' > "$1"
        """.write(to: script, atomically: false, encoding: .utf8)
        chmod(script.path, 0o700)
        let console = try Self.openNoteFromToday(caseload, environment: ["VISUAL": script.path])
        defer { console.stop() }
        try console.send("C-e")
        try console.waitFor("Text taken back from your editor")
        try console.waitFor("Every section is written")
        let record = try String(contentsOf: seen, encoding: .utf8).split(separator: "\n")
        #expect(record.first?.hasPrefix(caseload.data.path + "/") == true, "the file is inside the data folder")
        #expect(record.last == "600")
        #expect(!FileManager.default.fileExists(atPath: String(record.first ?? "")), "the file is removed afterwards")
        try console.send("Escape")
        try console.waitFor("Note saved (not signed yet)")
        try console.send("q")
        #expect(try console.exitStatus() == 0)
    }
}
