import TerminalKit

/// Lines of styled text built top to bottom, then drawn into a scrolled rectangle. The tabs
/// and the detail pane build these; update counts them to bound scrolling.
struct TextLines {
    private(set) var lines: [[Span]] = []
    let width: Int
    /// Width of the label column of `field`.
    var labelWidth = 13

    init(width: Int) { self.width = max(0, width) }

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

    /// "  Label        value", the value wrapped under itself when it is plain text.
    mutating func field(_ label: String, _ value: [Span]) {
        let prefix = "  " + DisplayWidth.fit(label, to: labelWidth)
        if value.count == 1, value[0].width > width - DisplayWidth.of(prefix) - 1 {
            let wrapped = Wrap.lines(value[0].text, width: width - DisplayWidth.of(prefix) - 1)
            for (index, line) in wrapped.enumerated() {
                lines.append([Span(index == 0 ? prefix + " " : String(repeating: " ", count: DisplayWidth.of(prefix) + 1),
                                   .label), Span(line, value[0].role)])
            }
            return
        }
        lines.append([Span(prefix + " ", .label)] + value)
    }

    mutating func field(_ label: String, _ text: String, _ role: Role = .value) {
        field(label, [Span(text, role)])
    }

    /// Plain text wrapped to the width, every line indented by `indent` columns.
    mutating func paragraph(_ text: String, indent: Int = 2, role: Role = .value) {
        let pad = String(repeating: " ", count: indent)
        for line in Wrap.lines(text, width: width - indent) { lines.append([Span(pad + line, role)]) }
    }

    /// One table row: cells cut or padded to their columns, one space apart.
    mutating func row(_ cells: [[Span]], widths: [Int], alignments: [Alignment] = [], indent: Int = 2) {
        var spans = [Span(String(repeating: " ", count: indent))]
        for (index, width) in widths.enumerated() where width > 0 {
            if spans.count > 1 { spans.append(Span(" ")) }
            let cell = index < cells.count ? cells[index] : []
            let fitted = cell.fitted(to: width)
            let gap = String(repeating: " ", count: max(0, width - fitted.width))
            let alignment = index < alignments.count ? alignments[index] : .left
            if alignment == .right { spans.append(Span(gap)) }
            spans += fitted
            if alignment != .right { spans.append(Span(gap)) }
        }
        lines.append(spans)
    }

    /// Column titles for `row`, in the label role.
    mutating func header(_ titles: [String], widths: [Int], alignments: [Alignment] = [], indent: Int = 2) {
        row(titles.map { [Span($0, .label)] }, widths: widths, alignments: alignments, indent: indent)
    }
}

extension [Span] {
    /// The spans cut to `width` columns (a wide character that would straddle becomes a space).
    func fitted(to width: Int) -> [Span] {
        var result: [Span] = []
        var used = 0
        for span in self {
            let room = width - used
            guard room > 0 else { break }
            let text = span.width <= room ? span.text : DisplayWidth.truncate(span.text, to: room)
            result.append(Span(text, span.role))
            used += DisplayWidth.of(text)
        }
        return result
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
