/// Rows of cells printed as aligned plain text or as a Markdown table; the first row is the header.
enum TextTable {
    static func aligned(_ table: [[String]]) -> String {
        let widths = table[0].indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        return table.map { row in
            row.enumerated().map { column, cell in cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func markdown(_ table: [[String]]) -> String {
        ([table[0], table[0].map { _ in "---" }] + table.dropFirst()).map { "| " + $0.joined(separator: " | ") + " |" }
            .joined(separator: "\n")
    }
}
