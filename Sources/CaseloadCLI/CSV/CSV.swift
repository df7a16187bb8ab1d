/// RFC 4180 CSV, made safe to open in a spreadsheet, and read back exactly.
enum CSV {
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One cell, quoted when it holds a comma, quote or line break. A cell a spreadsheet would
    /// run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first, as in a name
    /// typed `=HYPERLINK(…)`) starts with `'`, which spreadsheets read as "this is text"; so
    /// does a cell that itself starts with `'`, which a spreadsheet would otherwise hide, and
    /// which `text(ofCell:)` could not otherwise tell from the mark.
    static func field(_ text: String) -> String {
        let marked = text.unicodeScalars.first.map(markedStarts.contains) == true ? "'" + text : text
        guard marked.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return marked }
        return "\"" + marked.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The text a cell read by `CSVReader` stands for: the `'` that `field` puts in front of a
    /// formula-like cell is taken off again, so an export imported back reads as it was.
    static func text(ofCell cell: String) -> String {
        cell.hasPrefix("'") ? String(cell.dropFirst()) : cell
    }

    private static let markedStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "'"]
}
