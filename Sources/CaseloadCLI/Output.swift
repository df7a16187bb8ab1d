import CaseloadCore
import Foundation
import TerminalKit

/// Writes what a command was asked to print. Nothing about a participant goes to stderr.
enum Output {
    static func line(_ text: String = "") {
        print(text)
    }

    /// JSON for scripts: sorted keys, ISO-8601 dates, the same field names as the data files.
    static func json<T: Encodable>(_ value: T) throws {
        print(String(decoding: try RecordCoding.makeEncoder().encode(value), as: UTF8.self))
    }

    /// Columns aligned by display width, so "José Núñez" and "李小龍" line up.
    static func table(_ headers: [String], _ rows: [[String]]) {
        guard !rows.isEmpty else { return }
        let widths = headers.indices.map { column in
            ([headers] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
        }
        for row in [headers] + rows {
            let cells = row.enumerated().map { column, text in
                column == row.count - 1
                    ? text : text + String(repeating: " ", count: widths[column] - DisplayWidth.of(text))
            }
            print(cells.joined(separator: "  "))
        }
    }

    /// What a successful save wants the user to know, on stderr so scripts reading stdout are
    /// not confused; the exit status stays 0 because the save stands.
    static func warnings(_ warnings: [Warning]) {
        for warning in warnings {
            FileHandle.standardError.write(Data("Warning: \(warning)\n".utf8))
        }
    }

    /// Labelled fields for `show` commands.
    static func fields(_ pairs: [(String, String?)]) {
        let present = pairs.compactMap { label, value in value.map { (label, $0) } }
        let width = present.map { DisplayWidth.of($0.0) }.max() ?? 0
        for (label, value) in present {
            print("\(label):" + String(repeating: " ", count: width - DisplayWidth.of(label) + 1) + value)
        }
    }
}
