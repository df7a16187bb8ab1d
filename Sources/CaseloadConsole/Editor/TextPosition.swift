/// A place between two graphemes of a text: a line (split at "\n") and the number of grapheme
/// clusters before it on that line, so it never falls inside a character.
public struct TextPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = TextPosition(line: 0, column: 0)

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// Where `text` ends when it is placed here: its graphemes counted, a line break starting a
    /// new line.
    func advanced(by text: String) -> TextPosition {
        var position = self
        for character in text {
            if character == "\n" {
                position = TextPosition(line: position.line + 1, column: 0)
            } else {
                position.column += 1
            }
        }
        return position
    }

    public var description: String { "\(line):\(column)" }
}
