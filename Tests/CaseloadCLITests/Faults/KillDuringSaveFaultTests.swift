#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// `kill -9` the real binary at random moments while it saves. A save the command reported as
/// done must be on disk afterwards, and no file may be torn or read as a record half-written.
@Suite("Faults: kill -9 during saves", .serialized)
struct KillDuringSaveFaultTests {
    enum Operation: CaseIterable { case checkIn, noteWrite, noteSign, transition }

    /// One started command and what became of it.
    struct Attempt {
        let number: Int
        let operation: Operation
        let participant: String
        let acknowledged: Bool
        let killed: Bool
        /// The id a check-in command printed with its success line.
        let checkInID: String?
    }

    @Test("kill -9 at random moments: nothing torn, nothing read from a temp file, every acknowledged save on disk")
    func killedSavesLoseNothingAcknowledged() throws {
        let kills = FaultScale.iterations(short: 30, long: 400)
        let seed = FaultScale.seed
        var random = SeededRandom(seed: seed)
        let caseload = try FaultCaseload()
        defer { caseload.remove() }
        // A group note is signed with the shared narrative, so it must be written first.
        try caseload.runner.succeed("note", "narrative", caseload.session, "--text", "The group practiced refusal skills.")

        // How long one whole save command takes here (the fastest of three, as a busy machine only
        // slows the command down, which moves the kills earlier in its run, never past its end).
        var attempts: [Attempt] = []
        var fastest = TimeInterval.infinity
        for participant in caseload.participants.prefix(3) {
            let started = Date()
            attempts.append(try attempt(.checkIn, on: participant, number: attempts.count, in: caseload, killAfter: nil))
            fastest = min(fastest, Date().timeIntervalSince(started))
        }
        let window = Int(fastest * 1_000_000)

        for _ in 0..<kills {
            let operation = pick(&random)
            let participant = caseload.participants.randomElement(using: &random)!
            // Mostly late in the run, where the save happens; sometimes anywhere, even before main.
            let delay = Int.random(in: 0...3, using: &random) == 0
                ? Int.random(in: 0...window, using: &random)
                : Int.random(in: window / 2...window * 11 / 10, using: &random)
            attempts.append(try attempt(operation, on: participant, number: attempts.count, in: caseload, killAfter: delay))
        }

        let context = "seed \(seed) (replay with CASELOAD_FAULT_SEED=\(seed))"
        let landedUnacknowledged = try verifyAcknowledgedSaves(attempts, in: caseload, context: context)
        print(
            "kill -9 during saves, \(context): \(kills) kills over a \(window) µs window, "
                + "\(attempts.filter { $0.killed && !$0.acknowledged }.count) interrupted, "
                + "\(attempts.filter(\.acknowledged).count) acknowledged, \(landedUnacknowledged) landed unacknowledged, "
                + "\(temporaryFiles(in: caseload.runner.data).count) temp files left")

        // Every record revision on disk has its audit line, since the line is durable before the
        // rename; `check` agrees, and the chain holds over whatever torn fragments the kills left.
        for missing in try revisionsWithoutAuditLines(in: caseload.runner.data) {
            Issue.record("\(missing) has no audit line after kills, \(context)")
        }
        let verify = try caseload.runner.run(["audit", "verify"])
        #expect(verify.status == 0, "audit verify after kills, \(context): \(verify.stdout)\(verify.stderr)")

        // The first roster read notices an index update cut short by a kill and rebuilds the index,
        // and so does the first note search for the note search index (a kill between raising its
        // generation and appending leaves it a generation behind); then only temp files may remain,
        // which `check --repair` removes. `check` compares the note index with every session file,
        // so passing it proves the kills lost no note text from the index.
        try caseload.runner.succeed("participant", "list")
        let search = try caseload.runner.run(["note", "search", "kill-"])
        #expect(search.status == 0, "\(search.stderr)")
        let landedNotes = try caseload.participants.compactMap { try caseload.note(of: $0)?["sections"] as? [String: String] }
        #expect(
            // Hit lines only: when no note landed, the line saying so quotes "kill-" too.
            search.stdout.split(separator: "\n").filter { $0.contains("kill-") && !$0.hasPrefix("No notes match") }.count == landedNotes.filter { $0["data"]?.hasPrefix("kill-") == true }.count * 3,
            "every landed note's three sections are found, \(context)")
        let leftovers = temporaryFiles(in: caseload.runner.data)
        let before = try caseload.check()
        for finding in before.findings where finding.kind != "leftover" {
            Issue.record("check after kills, \(context): \(finding.kind): \(finding.message)")
        }
        #expect(!before.findings.contains { $0.kind == "audit" }, "check names no audit gap, \(context)")
        #expect(before.findings.filter { $0.kind == "leftover" }.count == leftovers.count, "\(context)")
        _ = try caseload.check(repair: true)
        let after = try caseload.check()
        #expect(after.status == 0, "check after --repair, \(context): \(after.findings.map(\.message))")
        #expect(temporaryFiles(in: caseload.runner.data).isEmpty, "\(context)")
    }

    // MARK: Running one attempt

    private func pick(_ random: inout SeededRandom) -> Operation {
        switch Int.random(in: 0..<20, using: &random) {
        case 0..<7: .checkIn
        case 7..<14: .noteWrite
        case 14: .noteSign
        default: .transition
        }
    }

    private func attempt(
        _ operation: Operation, on participant: String, number: Int, in caseload: FaultCaseload, killAfter delay: Int?
    ) throws -> Attempt {
        let levels = ["php", "iop", "op", "aftercare"]
        let arguments: [String] =
            switch operation {
            case .checkIn: ["checkin", "add", participant, "--craving", String(number % 11), "--comment", "kill-\(number)"]
            case .noteWrite:
                // Every DAP section, so a later sign can succeed; the number keeps each note individual.
                ["note", "write", caseload.session, participant]
                    + ["data", "assessment", "plan"].flatMap { ["--section", "\($0)=kill-\(number)"] }
            case .noteSign: ["note", "sign", caseload.session, participant]
            case .transition:
                ["participant", "transition", participant, "--to", levels[number % levels.count], "--reason", "kill-\(number)"]
            }
        let command = try SpawnedCommand(caseload.runner, arguments)
        if let delay {
            usleep(useconds_t(delay))
            command.killNow()
        }
        let (result, killed) = command.wait()
        let marker =
            switch operation {
            case .checkIn: "Saved check-in "
            case .noteWrite: "Saved the draft note for \(participant)."
            case .noteSign: "Signed the note for \(participant) as "
            case .transition: "\(participant): "
            }
        let acknowledged = result.stdout.contains(marker)
        let checkInID = operation == .checkIn && acknowledged
            ? result.stdout.split(separator: " ").dropFirst(2).first.map(String.init) : nil
        return Attempt(
            number: number, operation: operation, participant: participant, acknowledged: acknowledged,
            killed: killed, checkInID: checkInID)
    }

    // MARK: Verifying

    /// Checks every acknowledged save against what the binary reads back; returns how many
    /// unacknowledged saves landed anyway (killed after the rename, before the success line).
    private func verifyAcknowledgedSaves(_ attempts: [Attempt], in caseload: FaultCaseload, context: String) throws -> Int {
        var landedUnacknowledged = 0
        let data = caseload.runner.data
        for participant in caseload.participants {
            let mine = attempts.filter { $0.participant == participant }

            // Check-ins: every acknowledged one present with its text; every present one was attempted.
            let checkIns = try caseload.checkIns(of: participant)
            for attempt in mine where attempt.operation == .checkIn && attempt.acknowledged {
                let id = try #require(attempt.checkInID)
                #expect(checkIns[id]?["comment"] as? String == "kill-\(attempt.number)", "check-in \(id) of \(participant), \(context)")
            }
            let attempted = Set(mine.filter { $0.operation == .checkIn }.map { "kill-\($0.number)" })
            for (id, checkIn) in checkIns {
                #expect(attempted.contains(checkIn["comment"] as? String ?? ""), "unexpected check-in \(id), \(context)")
            }
            landedUnacknowledged += mine.filter { $0.operation == .checkIn && !$0.acknowledged }.count
                - (attempted.count - checkIns.count)
            let folder = data.appendingPathComponent("checkins/\(participant)").path
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            #expect(files.filter { !$0.hasPrefix(".") }.count == checkIns.count, "record files of \(participant), \(context)")

            // Note: the last acknowledged write, or a later attempted one that landed before its kill.
            let note = try caseload.note(of: participant)
            let writes = mine.filter { $0.operation == .noteWrite }
            if let lastAcknowledged = writes.last(where: \.acknowledged) {
                let text = (note?["sections"] as? [String: String])?["data"] ?? "(no note)"
                let landed = writes.filter { $0.number >= lastAcknowledged.number }.map { "kill-\($0.number)" }
                #expect(landed.contains(text), "note of \(participant) reads \(text), \(context)")
                if text != "kill-\(lastAcknowledged.number)" { landedUnacknowledged += 1 }
            }
            if mine.contains(where: { $0.operation == .noteSign && $0.acknowledged }) {
                #expect(note?["status"] as? String == "signed", "note of \(participant), \(context)")
            }

            // Level of care: every acknowledged transition is in the history; nothing else appears.
            let history = try caseload.participantRecord(participant)["levelOfCareHistory"] as? [[String: Any]] ?? []
            let reasons = Set(history.compactMap { $0["reason"] as? String })
            for attempt in mine where attempt.operation == .transition && attempt.acknowledged {
                #expect(reasons.contains("kill-\(attempt.number)"), "transition of \(participant), \(context)")
            }
            let transitions = mine.filter { $0.operation == .transition }
            let allowed = Set(transitions.map { "kill-\($0.number)" } + ["Admission"])
            #expect(reasons.isSubset(of: allowed), "level-of-care reasons of \(participant), \(context)")
            landedUnacknowledged += transitions.filter { !$0.acknowledged && reasons.contains("kill-\($0.number)") }.count
        }
        return landedUnacknowledged
    }

    /// "participants/P-0001.json revision 3" for each record file whose revision no audit line names,
    /// read straight from the files rather than through the binary that wrote them.
    private func revisionsWithoutAuditLines(in folder: URL) throws -> [String] {
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        var audited: Set<String> = []
        for file in files where file.hasPrefix("audit/") && file.hasSuffix(".jsonl") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                // A torn fragment from a kill does not parse; it never stood for a record.
                guard let entry = try? jsonObject(String(line)), let kind = entry["kind"] as? String,
                    let record = entry["record"] as? String, let revision = entry["revision"] as? Int
                else { continue }
                audited.insert("\(kind) \(record) \(revision)")
            }
        }
        var missing: [String] = []
        for file in files where ["participants/", "checkins/", "sessions/"].contains(where: file.hasPrefix)
            && file.hasSuffix(".json") && !(file as NSString).lastPathComponent.hasPrefix(".")
        {
            let record = try jsonObject(String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            let revision = (record["revision"] as? [String: Any])?["number"] as? Int ?? 0
            if !audited.contains("\(Self.auditName(of: file)) \(revision)") { missing.append("\(file) revision \(revision)") }
        }
        return missing
    }

    /// The kind and id an audit line gives the record in `file`: "note S-….P-0001" for
    /// sessions/<week>/<session>/P-0001.json, "narrative S-…" for its narrative.json.
    private static func auditName(of file: String) -> String {
        let parts = file.split(separator: "/").map(String.init)
        let stem = (parts[parts.count - 1] as NSString).deletingPathExtension
        switch parts[0] {
        case "participants": return "participant \(stem)"
        case "checkins": return "checkin \(stem)"
        default:
            guard parts.count == 4 else { return "session \(stem)" }
            return stem == "narrative" ? "narrative \(parts[2])" : "note \(parts[2]).\(stem)"
        }
    }

    /// Names of temp files a killed save left anywhere in the data folder.
    private func temporaryFiles(in folder: URL) -> [String] {
        let walker = FileManager.default.enumerator(atPath: folder.path)
        return (walker?.allObjects as? [String] ?? []).filter { ($0 as NSString).lastPathComponent.contains(".tmp-") }
    }
}
