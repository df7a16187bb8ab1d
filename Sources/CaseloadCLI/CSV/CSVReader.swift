import Foundation

/// Reads RFC 4180 CSV as spreadsheets write it: a UTF-8 byte-order mark is skipped, rows end in
/// CRLF, LF or CR, a quoted cell may hold commas, doubled quotes and line breaks (kept as
/// written), and blank lines are skipped. Each row keeps the line it starts on, so a problem can
/// be named where a person would look for it.
enum CSVReader {
    struct Row: Equatable {
        /// The file's line where the row starts; the header is line 1 when the file starts with it.
        let line: Int
        let cells: [String]
    }

    /// Why a file could not be read as CSV at all.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case notUTF8
        case unclosedQuote(line: Int)
        case textAfterQuote(line: Int)

        var description: String {
            switch self {
            case .notUTF8:
                "The file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\" and import that file."
            case .unclosedQuote(let line):
                "The quoted cell that opens on line \(line) never closes; add the closing \" or remove the opening one."
            case .textAfterQuote(let line):
                "On line \(line) a quoted cell is followed by more text before the next comma; put the whole cell "
                    + "inside the quotes, writing a quote within it as \"\"."
            }
        }
    }

    static func rows(_ data: Data) throws(Failure) -> [Row] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        return try rows(text)
    }

    static func rows(_ text: String) throws(Failure) -> [Row] {
        var rows: [Row] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var line = 1
        var rowLine = 1
        var quoted = false
        var quoteLine = 1
        // After a closing quote only a comma or the row's end may follow.
        var closed = false
        let scalars = Array(text.unicodeScalars)
        var index = 0

        func endRow() {
            cells.append(String(cell))
            cell = String.UnicodeScalarView()
            // A blank line is one empty cell: nothing to import, and no problem either.
            if cells != [""] { rows.append(Row(line: rowLine, cells: cells)) }
            cells = []
        }

        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        cell.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        closed = true
                    }
                } else {
                    if scalar == "\n" || (scalar == "\r" && (index == scalars.count || scalars[index] != "\n")) { line += 1 }
                    cell.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                cells.append(String(cell))
                cell = String.UnicodeScalarView()
                closed = false
            case "\r", "\n":
                if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                endRow()
                line += 1
                rowLine = line
                closed = false
            case "\"" where cell.isEmpty && !closed:
                quoted = true
                quoteLine = line
            default:
                if closed { throw .textAfterQuote(line: line) }
                cell.append(scalar)
            }
        }
        if quoted { throw .unclosedQuote(line: quoteLine) }
        if !cell.isEmpty || !cells.isEmpty || closed { endRow() }
        return rows
    }
}
