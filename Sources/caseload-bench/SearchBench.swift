import CaseloadBenchSupport
import CaseloadCore
import Foundation

/// `caseload note search` as a counselor runs it, start to exit with every hit printed, against
/// `grep -rli` over the same session files in the same run; and the size of the index it reads.
enum SearchBench {
    static func run(large: BenchCaseload, repetitions: Int) throws -> [Figure] {
        let counselor = large.counselor.id.rawValue
        let sessions = large.folder.appendingPathComponent("sessions").path
        // The first search after the demo (or after saves from another run) may rebuild the index: not what is timed.
        try Subprocess.run(Subprocess.caseloadBinary, ["note", "search", "warm-up", "--data", large.folder.path, "--as", counselor])
        func search(_ text: String) throws -> (caseload: Double, grep: Double, hits: Int) {
            let arguments = ["note", "search", text, "--json", "--data", large.folder.path, "--as", counselor]
            let hits = try JSONSerialization.jsonObject(with: Data(try Subprocess.run(Subprocess.caseloadBinary, arguments, keepingOutput: true).utf8))
            var caseload = Samples()
            var grep = Samples()
            for _ in 0..<repetitions {
                caseload.add(try Subprocess.time(Subprocess.caseloadBinary, ["note", "search", text, "--data", large.folder.path, "--as", counselor]))
                grep.add(try Subprocess.time(URL(fileURLWithPath: "/usr/bin/env"), ["grep", "-rli", "--", text, sessions], allowingStatus: [0, 1]))
            }
            return (caseload.median, grep.median, (hits as? [Any])?.count ?? 0)
        }
        // A first name, as notes name people, found in a few thousand notes; a phrase in a few
        // hundred; and a phrase tens of thousands of notes share, every hit printed.
        let name = try large.store.participant(large.busiestParticipant).firstName
        var figures: [Figure] = []
        for (text, limit) in [(name, 100.0), ("court date", 100), ("sleep log", 300)] {
            let measured = try search(text)
            figures.append(
                Figure(
                    name: "Search: caseload note search \"\(text)\", \(measured.hits) hits printed (median)", measured: measured.caseload,
                    reference: measured.grep, referenceName: "grep -rli over the session files", unit: "ms", limit: limit,
                    ratioLimit: limit == 100 ? 0.1 : nil))
        }
        return figures
    }

    /// The index's size beside the session files it was built from.
    static func indexSize(_ large: BenchCaseload) throws -> Figure {
        let index = try FileManager.default.attributesOfItem(atPath: large.folder.appendingPathComponent("index/note-search").path)
        let sessions = FileManager.default.enumerator(atPath: large.folder.appendingPathComponent("sessions").path)?.compactMap { name in
            (try? FileManager.default.attributesOfItem(atPath: large.folder.appendingPathComponent("sessions/\(name)").path))
                .flatMap { $0[.type] as? FileAttributeType == .typeRegular ? $0[.size] as? Int : nil }
        }.reduce(0, +) ?? 0
        return Figure(
            name: "Size: note search index (index/note-search)", measured: Double(index[.size] as? Int ?? 0) / 1_000_000,
            reference: Double(sessions) / 1_000_000, referenceName: "the session files", unit: "MB", limit: nil, ratioLimit: nil)
    }
}
