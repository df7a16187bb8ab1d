import Foundation
import Testing

/// Damaged files among good ones in a demo caseload: `check` names each one, everyday commands
/// keep working and name the damage, and nothing at all is written, least of all the damaged files.
@Suite("Faults: damaged files", .serialized)
struct DamagedFileFaultTests {
    /// One way a file can be ruined, and the words `check` must use for it.
    struct Damage {
        let name: String
        let file: String
        let expected: String
        /// True when reading the record fails (not for a file that is only too open).
        var isUnreadable = true
    }

    @Test("Each damaged file is named by check; lists, render and the rest still work; nothing but the access log is written")
    func damagedFilesAreNamedAndLeftAlone() throws {
        let runner = try BinaryRunner()
        defer { runner.remove() }
        let demo = try runner.succeed("demo", "--data", runner.data.path, "--participants", "16", "--weeks", "2")
        let counselor = try #require(demo.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        let active = try jsonArray(runner.succeed("participant", "list", "--json")).compactMap { $0["id"] as? String }.sorted()
        try #require(active.count >= 10, "the demo has enough participants in care")
        let outside = runner.data.deletingLastPathComponent().appendingPathComponent("outside.json")

        let session = try latestSession(in: runner.data)
        let checkIn = try #require(
            try active[9...].lazy.compactMap { try firstCheckInWithCraving(of: $0, in: runner.data) }.first,
            "someone from the tenth participant on has a check-in with a craving")
        let damages = [
            Damage(name: "empty", file: participantFile(active[0]), expected: "is empty"),
            Damage(name: "truncated", file: participantFile(active[1]), expected: "ends unexpectedly at line"),
            Damage(name: "invalid UTF-8", file: participantFile(active[2]), expected: "is not UTF-8 text (line"),
            Damage(name: "wrong type", file: participantFile(active[3]), expected: #"has the wrong kind of value in "firstName""#),
            Damage(name: "duplicate key", file: participantFile(active[4]), expected: #"has the field "lastName" twice"#),
            Damage(name: "future schema", file: participantFile(active[5]), expected: "was written by a newer Caseload (schema version 99"),
            Damage(name: "100 MB", file: participantFile(active[6]), expected: "is 100 MB, larger than any Caseload record"),
            Damage(name: "symlink outside", file: participantFile(active[7]), expected: "is a symbolic link"),
            Damage(name: "open permissions", file: participantFile(active[8]), expected: "can be used by other accounts on this computer (permissions 644)", isUnreadable: false),
            Damage(name: "truncated session", file: session, expected: "ends unexpectedly at line"),
            Damage(name: "check-in wrong type", file: checkIn, expected: #"has the wrong kind of value in "craving""#),
        ]
        for damage in damages { try apply(damage, in: runner.data, outside: outside) }
        let before = try FolderSnapshot(of: runner.data, ignoringAuditLog: true)

        // check: non-zero, every damaged file named with what is wrong with it, no noise about the people in them.
        let check = try runner.run(["check"])
        #expect(check.status == 1)
        let lines = check.stdout.split(separator: "\n").map(String.init)
        for damage in damages {
            #expect(lines.contains { $0.hasPrefix(damage.file + " ") && $0.contains(damage.expected) }, "check names the \(damage.name) file \(damage.file):\n\(check.stdout)")
        }
        #expect(!check.stdout.contains("who is not in this caseload"), "a damaged file is not a missing person:\n\(check.stdout)")
        // The index was built before the damage, so it does not yet say whose files are damaged.
        #expect(check.stdout.contains("index/roster.json does not list the participants whose files cannot be read now"), "\(check.stdout)")

        // Lists keep working and name the damage they ran into.
        let list = try runner.run(["participant", "list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(active.allSatisfy { list.stdout.contains($0) }, "the roster still lists everyone in care")
        let everyone = try runner.run(["participant", "list", "--all"])
        #expect(everyone.status == 0, "\(everyone.stderr)")
        for damage in damages where damage.isUnreadable && damage.file.hasPrefix("participants/") {
            #expect(everyone.stderr.contains("Warning: \(damage.file) "), "list --all names \(damage.file):\n\(everyone.stderr)")
        }
        let sessionDay = try sessionDate(of: session)
        let sessions = try runner.run(["session", "list", "--from", sessionDay, "--to", sessionDay])
        #expect(sessions.status == 0, "\(sessions.stderr)")
        #expect(sessions.stderr.contains("Warning: \(session) ends unexpectedly"), "\(sessions.stderr)")
        let roster = try runner.run(["render", "roster", "--as", counselor])
        #expect(roster.status == 0, "\(roster.stderr)")
        #expect(roster.stdout.contains("1 file damaged"), "the header counts the damaged session in view:\n\(roster.stdout.prefix(400))")

        // Opening a damaged participant explains itself instead of crashing.
        for damage in damages where damage.file.hasPrefix("participants/") {
            let id = String(damage.file.dropFirst("participants/".count).dropLast(".json".count))
            let screen = try runner.run(["render", "participant", "--participant", id, "--as", counselor])
            #expect(screen.status == 0, "render of the \(damage.name) participant \(id): \(screen.stderr)")
            if damage.isUnreadable {
                let shown = screen.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │|")) }
                    .joined(separator: " ")
                #expect(shown.contains(damage.file), "the screen names \(damage.file):\n\(screen.stdout)")
            }
        }

        // The participant screen says which check-in file could not be read, not just fewer check-ins.
        let owner = checkIn.split(separator: "/")[1]
        let withDamagedCheckIn = try runner.run(["render", "participant", "--participant", String(owner), "--size", "200x60", "--as", counselor])
        #expect(withDamagedCheckIn.stdout.contains("Check-in file \(checkIn) could not be read"), "\(withDamagedCheckIn.stdout)")

        let after = try FolderSnapshot(of: runner.data, ignoringAuditLog: true)
        #expect(before == after, "files changed by commands that only read:\n\(before.differences(to: after).joined(separator: "\n"))")

        // The repair rebuilds the index around the damage: nobody drops off the roster, and it says who is damaged.
        let repair = try runner.run(["check", "--repair"])
        #expect(!repair.stdout.contains("index/roster.json does not"), "\(repair.stdout)")
        let repaired = try runner.run(["participant", "list"])
        #expect(active.allSatisfy { repaired.stdout.contains($0) }, "the rebuilt roster still lists everyone in care")
        #expect(repaired.stderr.contains("Warning: 9 participant files damaged, so open safety flags may be missing"),
                "the list says what it may be missing: \(repaired.stderr)")
        let notice = try runner.run(["render", "roster", "--size", "200x40", "--as", counselor])
        #expect(notice.stdout.contains("9 participant files damaged — open flags may be missing"), "\(notice.stdout)")
        let dashboard = try runner.run(["render", "dashboard", "--size", "200x60", "--as", counselor])
        #expect(dashboard.stdout.contains("9 participant files damaged — open flags may be missing"), "\(dashboard.stdout)")
        #expect(active[...7].allSatisfy { dashboard.stdout.contains($0) }, "the dashboard names them:\n\(dashboard.stdout)")
    }

    // MARK: Damaging

    private func participantFile(_ id: String) -> String { "participants/\(id).json" }

    private func apply(_ damage: Damage, in data: URL, outside: URL) throws {
        let url = data.appendingPathComponent(damage.file)
        let original = try Data(contentsOf: url)
        let text = String(decoding: original, as: UTF8.self)
        func rewrite(_ bytes: Data) throws { try bytes.write(to: url) }
        func replacing(_ pattern: String, with replacement: String) throws {
            let changed = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
            #expect(changed != text, "the \(damage.name) damage applies to \(damage.file)")
            try rewrite(Data(changed.utf8))
        }
        switch damage.name {
        case "empty": try rewrite(Data())
        case "truncated", "truncated session": try rewrite(original.prefix(original.count / 2))
        case "invalid UTF-8":
            var bytes = original
            let quote = try #require(text.range(of: #""firstName" : ""#)).upperBound.utf16Offset(in: text)
            bytes[quote] = 0xFF
            try rewrite(bytes)
        case "wrong type": try replacing(#""firstName" : "[^"]*""#, with: #""firstName" : 42"#)
        case "duplicate key": try replacing(#"^\{"#, with: "{\n  \"lastName\" : \"Other\",")
        case "future schema": try replacing(#""schemaVersion" : [0-9]+"#, with: #""schemaVersion" : 99"#)
        case "100 MB":
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 100_000_000)  // sparse: the size is real, the disk is spared
            try handle.close()
        case "symlink outside":
            try original.write(to: outside)
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(at: url, withDestinationURL: outside)
        case "open permissions": try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        case "check-in wrong type": try replacing(#""craving" : [0-9]+"#, with: #""craving" : "high""#)
        default: Issue.record("unknown damage \(damage.name)")
        }
    }

    /// The first of a participant's check-in files that records a craving (not every check-in does).
    private func firstCheckInWithCraving(of participant: String, in data: URL) throws -> String? {
        let folder = data.appendingPathComponent("checkins/\(participant)")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first { name in
            let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return text?.range(of: #""craving" : [0-9]+"#, options: .regularExpression) != nil
        }.map { "checkins/\(participant)/\($0)" }
    }

    /// The first session file of the newest week folder: one the roster screen loads.
    private func latestSession(in data: URL) throws -> String {
        let manager = FileManager.default
        let week = try #require(try manager.contentsOfDirectory(atPath: data.appendingPathComponent("sessions").path).sorted().last)
        let names = try manager.contentsOfDirectory(atPath: data.appendingPathComponent("sessions/\(week)").path)
        // Beside each session's file may be a folder of its notes.
        let file = try #require(names.filter { $0.hasSuffix(".json") }.sorted().first)
        return "sessions/\(week)/\(file)"
    }

    /// "2026-11-16" from "sessions/2026-W47/S-20261116-0900-ab12cd.json".
    private func sessionDate(of file: String) throws -> String {
        let digits = Array(try #require(file.split(separator: "/").last).dropFirst(2).prefix(8))
        return "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))"
    }
}
