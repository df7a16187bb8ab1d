extension Screen {
    /// The screen as text with ANSI SGR colors from `theme` (for `caseload render --theme` and
    /// support requests): each row's runs of one role carry that role's style, reset at row end.
    public func ansiText(theme: Theme) -> String {
        styledRows { role, text in
            let codes = theme.style(for: role).sgrCodes
            return codes.isEmpty ? text : "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
        }
    }

    /// Each row as runs of cells sharing a role, joined by `format`.
    private func styledRows(_ format: (Role, String) -> String) -> String {
        (0..<size.rows).map { row in
            var line = ""
            var runRole: Role?
            var runText = ""
            for column in 0..<size.cols {
                let cell = self[column, row]
                if cell.role != runRole, let role = runRole {
                    line += format(role, runText)
                    runText = ""
                }
                runRole = cell.role
                runText += cell.text
            }
            if let role = runRole { line += format(role, runText) }
            return line
        }.joined(separator: "\n")
    }
}

extension Style {
    /// The SGR parameters that select this style on an ANSI terminal.
    var sgrCodes: [String] {
        var codes: [String] = []
        if bold { codes.append("1") }
        if dim { codes.append("2") }
        if underline { codes.append("4") }
        if reverse { codes.append("7") }
        if let index = fg.paletteIndex { codes.append(Self.sgr(index, base: 30)) }
        if let index = bg.paletteIndex { codes.append(Self.sgr(index, base: 40)) }
        return codes
    }

    private static func sgr(_ index: Int, base: Int) -> String {
        switch index {
        case 0..<8: String(base + index)
        case 8..<16: String(base + 60 + index - 8)
        default: "\(base + 8);5;\(index)"
        }
    }
}
