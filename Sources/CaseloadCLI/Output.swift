import CaseloadCore
import Foundation
import TerminalKit

/// Writes what a command was asked to print. Nothing about a participant goes to stderr.
///
/// Every line, cell, field, warning and error passes through `visible`, so text a terminal would
/// act on (an escape sequence in a hand-edited name, a line break that would forge a table row)
/// is shown as characters, never obeyed. The core refuses such text on input; this catches what
/// older files and hand edits still hold.
enum Output {
    /// `text` with each terminal control spelled out: the C0 controls and DEL in caret notation
    /// (ESC as `^[`, BEL as `^G`, a line break as `^J`), as `cat -v` shows them, and the C1 and
    /// bidi controls as `<U+202E>`. Line breaks and tabs stay when `keepingLineBreaks` (a note
    /// section, an error with its usage).
    static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // Printable ASCII, nearly every cell of a listing, holds no control: judged byte by byte.
        guard !text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }),
            text.unicodeScalars.contains(where: \.isTerminalControl)
        else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !scalar.isTerminalControl || (keepingLineBreaks && (scalar == "\n" || scalar == "\t")) {
                shown.append(scalar)
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                shown.append(contentsOf: "^\(Unicode.Scalar(UInt8(scalar.value ^ 0x40)))".unicodeScalars)
            } else {
                shown.append(contentsOf: "<U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(4))>".unicodeScalars)
            }
        }
        return String(shown)
    }

    /// One line; a line break inside it is shown, not obeyed.
    static func line(_ text: String = "") {
        print(visible(text))
    }

    /// Text written over several lines on purpose (a note section, a narrative, a summary): its
    /// line breaks and tabs stay, every other control is shown.
    static func paragraph(_ text: String) {
        print(visible(text, keepingLineBreaks: true))
    }

    /// A frame drawn by `render`: the console already stripped what users typed, so its only
    /// escape sequences are the theme's colors, which are the point.
    static func frame(_ text: String) {
        print(text)
    }

    /// JSON for scripts: sorted keys, ISO-8601 dates, the same field names as the data files.
    /// The encoder escapes the C0 controls but not DEL, C1 or bidi controls; those can only sit
    /// inside strings, so they are written as `\uXXXX`, which reads back as the same text.
    static func json<T: Encodable>(_ value: T) throws {
        let text = String(decoding: try RecordCoding.makeEncoder().encode(value), as: UTF8.self)
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isTerminalControl, scalar != "\n" {
                escaped.append(contentsOf: "\\u\(String(scalar.value, radix: 16).leftPadded(4))".unicodeScalars)
            } else {
                escaped.append(scalar)
            }
        }
        print(String(escaped))
    }

    /// Columns aligned by display width, so "José Núñez" and "李小龍" line up.
    static func table(_ headers: [String], _ rows: [[String]]) {
        guard !rows.isEmpty else { return }
        let shown = ([headers] + rows).map { $0.map { visible($0) } }
        print(TextColumns.align(shown).joined(separator: "\n"))
    }

    /// What a successful save wants the user to know, on stderr so scripts reading stdout are
    /// not confused; the exit status stays 0 because the save stands.
    static func warnings(_ warnings: [Warning]) {
        for each in warnings { warning("\(each)") }
    }

    /// One `Warning:` line on stderr (a damaged file named after a listing, a save that stands).
    static func warning(_ text: String) {
        FileHandle.standardError.write(Data("Warning: \(visible(text))\n".utf8))
    }

    /// A note to the user on stderr that is not a warning (where the demo caseload is).
    static func notice(_ text: String) {
        FileHandle.standardError.write(Data("\(visible(text))\n".utf8))
    }

    /// Labelled fields for `show` commands.
    static func fields(_ pairs: [(String, String?)]) {
        let present = pairs.compactMap { label, value in value.map { (label: label, value: visible($0)) } }
        for line in TextColumns.fields(present) { print(line) }
    }
}

extension String {
    /// Zeros in front up to `width` digits: "1b" as "001b".
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
