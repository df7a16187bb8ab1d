/// Where text sits when padded to a width.
public enum Alignment: Sendable, Hashable {
    case left, right, center
}

extension DisplayWidth {
    /// `text` cut to at most `width` columns, ending with `ellipsis` when something was cut.
    /// A double-width character that would straddle the edge is replaced by a space.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "") -> String {
        let width = max(0, width)
        guard of(text) > width else { return text }
        let ellipsisWidth = of(ellipsis)
        let (marker, room) = ellipsisWidth <= width ? (ellipsis, width - ellipsisWidth) : ("", width)
        var result = ""
        var used = 0
        for (character, columns) in graphemes(text) {
            if used + columns > room {
                if used < room { result += String(repeating: " ", count: room - used) }
                break
            }
            result.append(character)
            used += columns
        }
        return result + marker
    }

    /// `text` truncated (with `ellipsis`) and padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, ellipsis: String = "", alignment: Alignment = .left) -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let gap = max(0, width - of(cut))
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            return String(repeating: " ", count: gap / 2) + cut + String(repeating: " ", count: gap - gap / 2)
        }
    }
}
