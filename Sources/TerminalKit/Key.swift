/// One input event from the keyboard or the terminal.
public enum Key: Sendable, Hashable {
    /// A printable character (including space).
    case char(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case tab, backTab, enter, escape, backspace, delete, insert
    /// F1 is `.function(1)`.
    case function(Int)
    /// Ctrl with a lowercase letter or one of `@ \ ] ^ _`; Ctrl-I, Ctrl-M and Ctrl-H arrive as
    /// `.tab`, `.enter` and `.backspace`.
    case ctrl(Character)
    /// Alt (Meta) with a printable character, case kept.
    case alt(Character)
    /// Text pasted while bracketed paste was on, line breaks normalised to "\n".
    case paste(String)
    /// The terminal changed size; the app redraws the whole screen.
    case resize
}

extension Key: CustomStringConvertible {
    /// The name shown in help and the status line: "Ctrl-S", "Alt-x", "PgDn", "F5", "Space".
    public var description: String {
        switch self {
        case .char(" "): "Space"
        case .char(let character): String(character)
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let number): "F\(number)"
        case .ctrl(let character): "Ctrl-\(character.uppercased())"
        case .alt(" "): "Alt-Space"
        case .alt(let character): "Alt-\(character)"
        case .paste: "Paste"
        case .resize: "Resize"
        }
    }
}

extension Key {
    private static let named: [String: Key] = [
        "space": .char(" "), "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end, "pgup": .pageUp, "pgdn": .pageDown, "tab": .tab,
        "shift-tab": .backTab, "enter": .enter, "esc": .escape, "backspace": .backspace,
        "del": .delete, "ins": .insert, "resize": .resize,
    ]

    /// Parses the notation `description` produces ("Ctrl-S", "Alt-x", "PgDn", "F5", "q");
    /// named keys and the Ctrl- prefix are case-insensitive. `nil` for anything else.
    public init?(notation: String) {
        if notation.count == 1, let character = notation.first, !character.isControlCharacter {
            self = .char(character)
        } else if let key = Self.named[notation.lowercased()] {
            self = key
        } else if notation.lowercased().hasPrefix("ctrl-"), notation.count == 6, let character = notation.last {
            guard let key = Self.control(character) else { return nil }
            self = key
        } else if notation.hasPrefix("Alt-"), let character = Key(notation: String(notation.dropFirst(4))).flatMap(\.printable) {
            self = .alt(character)
        } else if notation.first == "F" || notation.first == "f", let number = Int(notation.dropFirst()), (1...63).contains(number) {
            self = .function(number)
        } else {
            return nil
        }
    }

    /// The key Ctrl plus `character` produces, folding Ctrl-I/M/J/H into their own keys.
    static func control(_ character: Character) -> Key? {
        switch character.lowercased() {
        case "i": .tab
        case "m", "j": .enter
        case "h": .backspace
        case let lower where lower.count == 1 && ("a"..."z").contains(lower): .ctrl(Character(lower))
        case "@", "\\", "]", "^", "_": .ctrl(character)
        default: nil
        }
    }

    private var printable: Character? {
        if case .char(let character) = self { character } else { nil }
    }
}

extension Character {
    fileprivate var isControlCharacter: Bool {
        unicodeScalars.first.map { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) } ?? true
    }
}
