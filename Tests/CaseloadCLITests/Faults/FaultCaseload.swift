import Foundation

/// A small caseload made through the binary for the crash and concurrency tests: one counselor,
/// `participants` participants in IOP, and one group session today with all of them as members.
struct FaultCaseload {
    let runner: BinaryRunner
    let participants: [String]
    let session: String

    /// Made in `runner`'s data folder (a fresh one unless given, e.g. on a small disk).
    init(runner given: BinaryRunner? = nil, participants count: Int = 4) throws {
        let runner = try given ?? BinaryRunner()
        self.runner = runner
        try runner.makeCaseload(program: "Fault Test IOP")
        participants = try (1...count).map { number in
            try runner.succeed(
                "participant", "add", "--first", "Person\(number)", "--last", "Núñez", "--dob", "1990-01-01",
                "--level", "iop", "--track", "co-occurring"
            ).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        session = try runner.succeed(
            ["session", "add", "--kind", "group", "--start", "09:00", "--minutes", "180", "--topic", "Coping skills"]
                + participants.flatMap { ["--member", $0] }
        ).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func remove() { runner.remove() }

    // MARK: Reading back through the binary

    /// The check-ins of `participant` as `checkin list --json` prints them, by id.
    func checkIns(of participant: String) throws -> [String: [String: Any]] {
        let rows = try jsonArray(runner.succeed("checkin", "list", participant, "--json"))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as? String ?? "", $0) })
    }

    /// The session's JSON as `session show --json` prints it.
    func sessionRecord() throws -> [String: Any] {
        try jsonObject(runner.succeed("session", "show", session, "--json"))
    }

    /// The note of `participant` in the session, or nil if none was written.
    func note(of participant: String) throws -> [String: Any]? {
        let members = try sessionRecord()["members"] as? [[String: Any]] ?? []
        return members.first { $0["participant"] as? String == participant }?["note"] as? [String: Any]
    }

    /// The participant's JSON as `participant show --json` prints it.
    func participantRecord(_ id: String) throws -> [String: Any] {
        try jsonObject(runner.succeed("participant", "show", id, "--json"))
    }

    /// `caseload check --json`: the exit status and each finding's kind and message.
    func check(repair: Bool = false) throws -> (status: Int32, findings: [(kind: String, message: String)]) {
        let result = try runner.run(["check", "--json"] + (repair ? ["--repair"] : []))
        let report = try jsonObject(result.stdout)
        let findings = (report["findings"] as? [[String: Any]] ?? []).map {
            (kind: $0["kind"] as? String ?? "", message: $0["message"] as? String ?? "")
        }
        return (result.status, findings)
    }
}

func jsonObject(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw DriverFailure(description: "not a JSON object: \(text.prefix(300))")
    }
    return object
}

func jsonArray(_ text: String) throws -> [[String: Any]] {
    guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
        throw DriverFailure(description: "not a JSON array: \(text.prefix(300))")
    }
    return array
}
