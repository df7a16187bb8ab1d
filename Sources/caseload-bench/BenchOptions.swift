import CaseloadBenchSupport
import Foundation

/// `caseload-bench [--data-large DIR] [--data-small DIR] [--quick]`.
struct BenchOptions {
    /// The ten-year caseload; generated (slowly) into a temporary folder when not given.
    var largeFolder: URL?
    /// The default demo caseload; generated into a temporary folder when not given.
    var smallFolder: URL?
    /// Fewer repetitions: a rough run in about a minute.
    var quick = false

    static let usage = """
        usage: caseload-bench [--data-large DIR] [--data-small DIR] [--quick]
          --data-large DIR  a ten-year caseload (caseload demo --participants 3000 --weeks 520 --seed 1);
                            generated into DIR when DIR is empty or missing. The save figures add
                            check-ins and signed sessions to it, so give it a demo caseload only.
          --data-small DIR  the default demo caseload (70 participants, 8 weeks), likewise
          --quick           fewer repetitions
        Run it from a release build, next to the caseload binary it starts.
        """

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--data-large": largeFolder = URL(fileURLWithPath: try Self.value(for: argument, in: &remaining))
            case "--data-small": smallFolder = URL(fileURLWithPath: try Self.value(for: argument, in: &remaining))
            case "--quick": quick = true
            case "-h", "--help": throw BenchFailure(Self.usage)
            default: throw BenchFailure("Unknown argument \(argument).\n\(Self.usage)")
            }
        }
    }

    private static func value(for option: String, in remaining: inout ArraySlice<String>) throws -> String {
        guard let value = remaining.popFirst() else { throw BenchFailure("\(option) needs a folder.") }
        return value
    }
}
