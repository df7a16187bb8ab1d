import TerminalKit

/// Below 80×24 the console shows only this, centered and wrapped, at any size down to 0×0.
enum SmallWindowView {
    static func draw(size: Size, glyphs: ConsoleGlyphs, into screen: inout Screen) {
        guard size.cols > 0, size.rows > 0 else { return }
        let minimum = ConsoleLayout.minimumSize
        let x = glyphs.times
        let message = "Enlarge the window to at least \(minimum.cols)\(x)\(minimum.rows) (now \(size.cols)\(x)\(size.rows))"
        var wrapped = Wrap.lines(message, width: size.cols)
        if wrapped.count > size.rows {
            // Too small for the sentence: the numbers matter most.
            wrapped = Wrap.lines("Need \(minimum.cols)\(x)\(minimum.rows), now \(size.cols)\(x)\(size.rows)", width: size.cols)
        }
        let lines = Array(wrapped.prefix(size.rows))
        let top = (size.rows - lines.count) / 2
        for (index, line) in lines.enumerated() {
            let x = max(0, (size.cols - DisplayWidth.of(line)) / 2)
            screen.put(line, x: x, y: top + index, role: .error, maxWidth: size.cols)
        }
    }
}
