#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Two and four `caseload` processes saving to one caseload at the same moment: nothing is lost,
/// a conflicting edit is either saved or refused with the user's version kept, nobody waits forever.
@Suite("Faults: concurrent writers", .serialized)
struct ConcurrentWriterFaultTests {
    /// A round of simultaneous commands must finish well inside this (the lock waits at most 10 s).
    static let roundLimit: TimeInterval = 30

    @Test("Writers adding their own participants and check-ins: every one lands, ids are unique", arguments: [2, 4])
    func differentRecordsAllLand(writers: Int) throws {
        let rounds = FaultScale.iterations(short: 4, long: 40)
        let caseload = try FaultCaseload(participants: writers)
        defer { caseload.remove() }
        var addedParticipants: [String: String] = [:]  // id → first name
        var addedCheckIns: [String: (participant: String, comment: String)] = [:]

        for round in 0..<rounds {
            let addsParticipants = round % 2 == 0
            let commands = (0..<writers).map { writer in
                addsParticipants
                    ? ["participant", "add", "--first", "W\(writer)R\(round)", "--last", "Concurrent", "--dob", "1991-02-03",
                       "--level", "op", "--track", "mental-health"]
                    : ["checkin", "add", caseload.participants[writer], "--craving", "2", "--comment", "w\(writer)-r\(round)"]
            }
            let started = Date()
            let results = try caseload.runner.runTogether(commands)
            #expect(Date().timeIntervalSince(started) < Self.roundLimit, "round \(round) of \(writers) writers")
            for (writer, result) in results.enumerated() {
                #expect(result.status == 0, "writer \(writer), round \(round): \(result.stderr)")
                guard result.status == 0 else { continue }
                if addsParticipants {
                    let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                    #expect(addedParticipants[id] == nil, "\(id) was handed out twice")
                    addedParticipants[id] = "W\(writer)R\(round)"
                } else {
                    let id = String(result.stdout.split(separator: " ")[2])
                    addedCheckIns[id] = (caseload.participants[writer], "w\(writer)-r\(round)")
                }
            }
        }

        let listed = try jsonArray(caseload.runner.succeed("participant", "list", "--json"))
        let firstNames = Dictionary(uniqueKeysWithValues: listed.map { ($0["id"] as? String ?? "", $0["firstName"] as? String) })
        for (id, first) in addedParticipants { #expect(firstNames[id] == first, "participant \(id)") }
        for (id, expected) in addedCheckIns {
            #expect(try caseload.checkIns(of: expected.participant)[id]?["comment"] as? String == expected.comment, "check-in \(id)")
        }
        let check = try caseload.check()
        #expect(check.status == 0, "\(check.findings.map(\.message))")
    }

    @Test("Writers editing one participant at once: each edit is saved or refused as stale with the user's version kept", arguments: [2, 4])
    func editsOfOneParticipantAreNeverLost(writers: Int) throws {
        let rounds = FaultScale.iterations(short: 4, long: 40)
        let caseload = try FaultCaseload(participants: 1)
        defer { caseload.remove() }
        let id = caseload.participants[0]
        var saved = 0
        var lastSavedPhones: Set<String> = []

        for round in 0..<rounds {
            let phones = (0..<writers).map { "555-\(round)\(String(format: "%03d", $0))" }
            let started = Date()
            let results = try caseload.runner.runTogether(phones.map { ["participant", "edit", id, "--phone", $0] })
            #expect(Date().timeIntervalSince(started) < Self.roundLimit, "round \(round) of \(writers) writers")
            var savedThisRound: Set<String> = []
            for (phone, result) in zip(phones, results) {
                if result.status == 0 {
                    #expect(result.stdout == "Saved \(id).\n")
                    savedThisRound.insert(phone)
                } else {
                    try expectKeptAsStale(result, containing: phone, in: caseload)
                }
            }
            saved += savedThisRound.count
            if !savedThisRound.isEmpty { lastSavedPhones = savedThisRound }
        }

        let record = try caseload.participantRecord(id)
        #expect(lastSavedPhones.contains(record["phone"] as? String ?? ""), "the phone is one the last saving round wrote")
        #expect((record["revision"] as? [String: Any])?["number"] as? Int == 1 + saved, "one revision per saved edit")
        #expect(try auditLines(caseload, action: "participant.edit") == saved)
    }

    @Test("Writers changing different members' notes in one session at once all save; none refuses another", arguments: [2, 4])
    func notesInOneSessionAreNeverLost(writers: Int) throws {
        let rounds = FaultScale.iterations(short: 4, long: 40)
        let caseload = try FaultCaseload(participants: writers)
        defer { caseload.remove() }
        var lastSaved: [String: String] = [:]  // participant → text of their last saved note write
        var saved = 0

        for round in 0..<rounds {
            let texts = (0..<writers).map { "writer \($0), round \(round)" }
            let started = Date()
            let results = try caseload.runner.runTogether((0..<writers).map {
                ["note", "write", caseload.session, caseload.participants[$0], "--section", "data=\(texts[$0])"]
            })
            #expect(Date().timeIntervalSince(started) < Self.roundLimit, "round \(round) of \(writers) writers")
            for (writer, result) in results.enumerated() {
                if result.status == 0 {
                    lastSaved[caseload.participants[writer]] = texts[writer]
                    saved += 1
                } else {
                    try expectKeptAsStale(result, containing: texts[writer], in: caseload)
                }
            }
        }

        // Each member's note is a record of its own: no writer's save is stale against another's.
        #expect(saved == rounds * writers)
        let members = try caseload.sessionRecord()["members"] as? [[String: Any]] ?? []
        for participant in caseload.participants {
            let text = (try caseload.note(of: participant)?["sections"] as? [String: String])?["data"]
            #expect(text == lastSaved[participant], "note of \(participant)")
            let member = members.first { $0["participant"] as? String == participant }
            #expect((member?["noteRevision"] as? [String: Any])?["number"] as? Int == rounds, "one revision per write of \(participant)'s note")
        }
        #expect((try caseload.sessionRecord()["revision"] as? [String: Any])?["number"] as? Int == 1, "the session's own file is untouched")
        #expect(try auditLines(caseload, action: "note.write") == saved)
    }

    @Test("A writer killed while holding the lock does not block the next save")
    func lockOfAKilledHolderIsFreed() throws {
        let caseload = try FaultCaseload(participants: 1)
        defer { caseload.remove() }
        // The helper takes the same flock Caseload uses and keeps it in one process (exec keeps fd 9).
        let lockFile = caseload.runner.data.appendingPathComponent(".lock").path
        let holder = try SpawnedCommand(
            caseload.runner, ["-c", "exec 9>>'\(lockFile)'; flock 9; echo held; exec sleep 60"],
            executable: URL(fileURLWithPath: "/bin/bash"))
        defer { holder.killNow(); _ = holder.wait() }
        let deadline = Date().addingTimeInterval(10)
        while !holder.outputSoFar.contains("held") && Date() < deadline { usleep(10_000) }
        try #require(holder.outputSoFar.contains("held"), "the helper never took the lock")

        let save = try SpawnedCommand(caseload.runner, ["checkin", "add", caseload.participants[0], "--craving", "4"])
        #expect(!save.waitForExit(timeout: 1.5), "the save waits while another process holds the lock")
        holder.killNow()
        let killedAt = Date()
        #expect(save.waitForExit(timeout: 5), "the save goes ahead once the holder is dead")
        let waited = Date().timeIntervalSince(killedAt)
        let (result, _) = save.wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Saved check-in "))
        #expect(waited < 2, "saved \(waited) s after the holder died")
    }

    // MARK: Helpers

    /// A refused edit says it was stale and where the user's version went, and that file holds it.
    private func expectKeptAsStale(_ result: BinaryRunner.Result, containing text: String, in caseload: FaultCaseload) throws {
        #expect(result.stderr.contains("was changed by mgarcia at "), "\(result.stderr)")
        let kept = try #require(
            result.stderr.range(of: #"conflicts/[^ ;]+\.json"#, options: .regularExpression).map { String(result.stderr[$0]) },
            "no conflicts/ file named in: \(result.stderr)")
        let content = try String(contentsOf: caseload.runner.data.appendingPathComponent(kept), encoding: .utf8)
        #expect(content.contains(text), "\(kept) keeps the refused version")
    }

    private func auditLines(_ caseload: FaultCaseload, action: String) throws -> Int {
        let folder = caseload.runner.data.appendingPathComponent("audit")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).reduce(0) { count, name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return count + text.split(separator: "\n").filter { $0.contains("\"action\":\"\(action)\"") }.count
        }
    }
}
