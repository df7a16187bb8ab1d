import TerminalKit

/// Lines of styled text built top to bottom, then drawn into a scrolled rectangle. The tabs
/// and the detail pane build these; update counts them to bound scrolling.
struct TextLines {
    private(set) var lines: [[Span]] = []
    let width: Int
    /// Ends every cut: a table cell or a label too long for its column.
    let ellipsis: String
    /// Width of the label column of `field`.
    var labelWidth = 13

    init(width: Int, ellipsis: String) {
        self.width = max(0, width)
        self.ellipsis = ellipsis
    }

    mutating func append(_ spans: [Span]) { lines.append(spans) }
    mutating func append(_ text: String, _ role: Role = .value) { lines.append([Span(text, role)]) }

    mutating func blank() {
        if !(lines.last?.isEmpty ?? true) { lines.append([]) }
    }

    /// A section heading, with a blank line before it unless it is first.
    mutating func heading(_ title: String) {
        blank()
        lines.append([Span(title, .title)])
    }

    /// "  Label        value": a label too long for its column wraps between words under itself,
    /// and the value wraps under itself when it is plain text.
    mutating func field(_ label: String, _ value: [Span]) {
        let values: [[Span]] = value.count == 1 && value[0].width > valueWidth
            ? Wrap.lines(value[0].text, width: valueWidth).map { [Span($0, value[0].role)] }
            : [value]
        field(label, lines: values)
    }

    /// The columns a field's value has beside its label.
    var valueWidth: Int { width - (2 + labelWidth + 1) }

    /// A field whose value is already cut into lines (a form's text with the cursor after it).
    mutating func field(_ label: String, lines values: [[Span]]) {
        let labels = labelLines(label)
        for index in 0..<max(labels.count, values.count) {
            let label = index < labels.count ? labels[index] : ""
            lines.append([Span("  " + DisplayWidth.fit(label, to: labelWidth) + " ", .label)]
                         + (index < values.count ? values[index] : []))
        }
    }

    /// The label's words over as many lines as they need; a word longer than the label column
    /// is cut, ending in the ellipsis, rather than carried on the next line.
    private func labelLines(_ label: String) -> [String] {
        var lines: [String] = []
        for word in label.split(separator: " ").map(String.init) {
            let word = WordCut.fit(word, to: labelWidth, ellipsis: ellipsis)
            if let last = lines.last, DisplayWidth.of(last) + 1 + DisplayWidth.of(word) <= labelWidth {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        return lines.isEmpty ? [""] : lines
    }

    mutating func field(_ label: String, _ text: String, _ role: Role = .value) {
        field(label, [Span(text, role)])
    }

    /// Plain text wrapped to the width, every line indented by `indent` columns.
    mutating func paragraph(_ text: String, indent: Int = 2, role: Role = .value) {
        let pad = String(repeating: " ", count: indent)
        for line in Wrap.lines(text, width: width - indent) { lines.append([Span(pad + line, role)]) }
    }

    /// A table indented by `indent` columns: the column titles (cut between words) unless
    /// `header` is false, then the rows, each column as wide as what it holds when there is room.
    mutating func table(_ columns: [TableColumn], rows: [[[Span]]], header: Bool = true, indent: Int = 2) {
        let widths = TableLayout.widths(columns, in: width - indent, natural: TableLayout.natural(columns, rows: rows))
        let alignments = columns.map(\.alignment)
        if header {
            let titles = zip(columns, widths).map { column, width in
                [Span(WordCut.fit(column.title, to: width, ellipsis: ellipsis), .label)]
            }
            row(titles, widths: widths, alignments: alignments, indent: indent)
        }
        for cells in rows { row(cells, widths: widths, alignments: alignments, indent: indent) }
    }

    /// One table row: cells cut (ending in the ellipsis) or padded to their columns, one space apart.
    private mutating func row(_ cells: [[Span]], widths: [Int], alignments: [Alignment], indent: Int) {
        var spans = [Span(String(repeating: " ", count: indent))]
        for (index, width) in widths.enumerated() where width > 0 {
            if spans.count > 1 { spans.append(Span(" ")) }
            let cell = index < cells.count ? cells[index] : []
            let fitted = cell.fitted(to: width, ellipsis: ellipsis)
            let gap = String(repeating: " ", count: max(0, width - fitted.width))
            let alignment = index < alignments.count ? alignments[index] : .left
            if alignment == .right { spans.append(Span(gap)) }
            spans += fitted
            if alignment != .right { spans.append(Span(gap)) }
        }
        lines.append(spans)
    }
}

extension [Span] {
    /// The spans in at most `width` columns: whole, or cut and ending in `ellipsis` right after
    /// the last character kept (no space before it, even where a wide character would straddle).
    func fitted(to width: Int, ellipsis: String) -> [Span] {
        guard self.width > width else { return self }
        let room = Swift.max(0, width - DisplayWidth.of(ellipsis))
        var result: [Span] = []
        var used = 0
        for span in self {
            let left = room - used
            guard left > 0 else { break }
            let text = span.width <= left ? span.text : DisplayWidth.truncate(span.text, to: left)
            result.append(Span(text, span.role))
            used += DisplayWidth.of(text)
        }
        while let last = result.popLast() {
            let kept = String(last.text.trimmingSuffix())
            if !kept.isEmpty {
                result.append(Span(kept, last.role))
                break
            }
        }
        let marker = DisplayWidth.truncate(ellipsis, to: width - result.width)
        return result + [Span(marker, last?.role ?? .normal)]
    }
}

extension Screen {
    /// Draws `lines` from `scroll` into `rect`, one per row, clipped to its width.
    mutating func put(_ lines: [[Span]], in rect: Rect, scroll: Int, ellipsis: String) {
        let start = max(0, min(scroll, max(0, lines.count - rect.height)))
        for row in 0..<rect.height where start + row < lines.count {
            put(lines[start + row], x: rect.x, y: rect.y + row, width: rect.width, ellipsis: ellipsis)
        }
    }
}

/// Word wrapping by display width; a word longer than the line is cut between graphemes.
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0, lineWidth + 1 + wordWidth > width {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    let head = DisplayWidth.truncate(word, to: width)
                    result.append(head)
                    word = String(word.dropFirst(max(1, head.trimmingSuffix().count)))
                    wordWidth = DisplayWidth.of(word)
                }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += wordWidth
            }
            result.append(line)
        }
        return result
    }
}

extension String {
    /// The string without trailing spaces (what `DisplayWidth.truncate` pads a cut wide character with).
    fileprivate func trimmingSuffix() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[..<end]
    }
}
