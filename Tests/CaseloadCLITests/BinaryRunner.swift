import Foundation

/// Runs the built `caseload` binary the way a user or script would, in a private temp folder.
struct BinaryRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let data: URL
    var environment: [String: String]

    /// The moment every end-to-end test runs at unless it pins another: a Monday afternoon in
    /// Chicago, so "today" never depends on the day the suite runs. The tests' dates and
    /// expected output are written for it; `PinnedMomentTests` covers the awkward moments.
    static let pinnedNow = "2026-11-23T14:00:00-06:00"

    /// A fresh runner with an empty, private (0700) working folder; `data` does not exist yet.
    init() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("caseload-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        data = folder.appendingPathComponent("data")
        environment = [
            "PATH": "/usr/bin:/bin", "HOME": folder.path, "USER": "mgarcia", "LANG": "C.UTF-8",
            "CASELOAD_NOW": Self.pinnedNow,
        ]
    }

    /// `.build/debug` (or release): the folder holding both the test bundle and the binary.
    static var productsFolder: URL {
        Bundle.main.bundleURL
    }

    static var binary: URL { productsFolder.appendingPathComponent("caseload") }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment.merging(["CASELOAD_DATA": data.path]) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs and requires success, returning stdout.
    @discardableResult
    func succeed(_ arguments: String...) throws -> String {
        try succeed(arguments)
    }

    /// Runs and requires success, returning stdout.
    @discardableResult
    func succeed(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw RunFailure(arguments: arguments, result: result)
        }
        return result.stdout
    }

    /// `init`, then the administrator who bootstraps the caseload (`admin`) adds the counselor
    /// `mgarcia`, whom `$USER` makes the one acting in every later command.
    func makeCaseload(program: String = "Riverside IOP", timeZone: String = "America/Chicago") throws {
        try succeed("init", "--program", program, "--time-zone", timeZone)
        try succeed("staff", "add", "admin", "--name", "Ada Okafor", "--role", "admin")
        try succeed(
            "staff", "add", "mgarcia", "--name", "María García", "--credentials", "LCSW", "--role", "counselor",
            "--as", "admin")
    }

    func remove() {
        try? FileManager.default.removeItem(at: data.deletingLastPathComponent())
    }
}

struct RunFailure: Error, CustomStringConvertible {
    let arguments: [String]
    let result: BinaryRunner.Result
    var description: String {
        "caseload \(arguments.joined(separator: " ")) exited \(result.status)\nstdout: \(result.stdout)\nstderr: \(result.stderr)"
    }
}
