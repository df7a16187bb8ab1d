import TerminalKit

/// Where each part of the console goes for a terminal size. Update uses the same numbers as
/// render, so paging moves by exactly what is on screen.
enum ConsoleLayout {
    static let minimumSize = Size(cols: 80, rows: 24)
    /// From this width the roster and the selected participant's detail stand side by side.
    static let sideBySideWidth = 120

    static func fits(_ size: Size) -> Bool {
        size.cols >= minimumSize.cols && size.rows >= minimumSize.rows
    }

    /// Header, the bar of top-level screens, body and status line.
    static func shell(_ size: Size) -> (header: Rect, screens: Rect, body: Rect, status: Rect) {
        let parts = Rect(size).splitVertical(.length(1), .length(1), .fill, .length(1))
        return (parts[0], parts[1], parts[2], parts[3])
    }

    /// The roster pane and, at 120 columns or more, the detail pane beside it.
    static func roster(_ size: Size) -> (list: Rect, detail: Rect?) {
        let body = shell(size).body
        guard size.cols >= sideBySideWidth else { return (body, nil) }
        let parts = body.splitHorizontal(.fill(3), .fill(2))
        return (parts[0], parts[1])
    }

    /// Rows of participants the roster pane shows (inside the border, under the column titles).
    static func rosterRows(_ size: Size) -> Int { max(1, roster(size).list.height - 3) }

    /// Lines of a report screen inside its border.
    static func reportLines(_ size: Size) -> Int { max(1, shell(size).body.height - 2) }

    /// Lines of the detail pane's content inside its border.
    static func detailLines(_ size: Size) -> Int { max(1, (roster(size).detail?.height ?? 0) - 2) }

    /// The participant screen: name line, tab bar, and the tab's content.
    static func participant(_ size: Size) -> (banner: Rect, tabs: Rect, content: Rect) {
        let inner = shell(size).body.inset(by: 1)
        let parts = inner.splitVertical(.length(1), .length(1), .length(1), .fill)
        return (parts[0], parts[1], parts[3])
    }

    static func participantLines(_ size: Size) -> Int { max(1, participant(size).content.height) }

    /// The help and palette overlays: centered, at most `width` × `height`.
    static func overlay(_ size: Size, width: Int, height: Int) -> Rect {
        let body = shell(size).body
        let w = min(width, body.width - 4), h = min(height, body.height - 2)
        return Rect(x: body.x + (body.width - w) / 2, y: body.y + (body.height - h) / 2, width: w, height: h)
    }

    static func help(_ size: Size) -> Rect { overlay(size, width: 140, height: 46) }
    static func palette(_ size: Size) -> Rect { overlay(size, width: 64, height: 18) }
    /// Lines of help text inside the overlay's border.
    static func helpLines(_ size: Size) -> Int { max(1, help(size).height - 2) }
    /// Commands the palette lists under its input line.
    static func paletteRows(_ size: Size) -> Int { max(1, palette(size).height - 4) }
}
