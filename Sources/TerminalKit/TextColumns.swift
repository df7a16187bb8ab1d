/// Plain-text columns aligned by display width, so "José Núñez" and "李小龍" line up: the command
/// line's tables and the console's report screen lay text out the same way through this.
public enum TextColumns {
    /// Each row's cells joined by two spaces, every column but the last padded to its widest cell.
    /// Rows must have the same number of cells.
    public static func align(_ rows: [[String]]) -> [String] {
        guard let first = rows.first else { return [] }
        // Each cell measured once, and the last column not at all (nothing follows it to align):
        // a search can print tens of thousands of rows.
        let cellWidths = rows.map { $0.dropLast().map(DisplayWidth.of) }
        let widths = first.indices.dropLast().map { column in cellWidths.map { $0[column] }.max() ?? 0 }
        var lines: [String] = []
        lines.reserveCapacity(rows.count)
        for (row, rowWidths) in zip(rows, cellWidths) {
            let cells = row.enumerated().map { column, text in
                column == row.count - 1 ? text : text + String(repeating: " ", count: widths[column] - rowWidths[column])
            }
            lines.append(cells.joined(separator: "  "))
        }
        return lines
    }

    /// "Label: value" lines, the values aligned one space after the longest label.
    public static func fields(_ pairs: [(label: String, value: String)]) -> [String] {
        let width = pairs.map { DisplayWidth.of($0.label) }.max() ?? 0
        return pairs.map { "\($0.label):" + String(repeating: " ", count: width - DisplayWidth.of($0.label) + 1) + $0.value }
    }
}
