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
    /// A named key held with Shift, Alt or Ctrl ("Ctrl-Left", "Alt-Backspace"); build it with
    /// `with(_:)`, which keeps the base one of `Key.modifiable` and the modifiers non-empty.
    indirect case modified(Key, Modifiers)
}

/// Shift, Alt and Ctrl held with a named key.
public struct Modifiers: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let shift = Modifiers(rawValue: 1)
    public static let alt = Modifiers(rawValue: 2)
    public static let ctrl = Modifiers(rawValue: 4)

    /// From xterm's modifier parameter, 1 plus the bits (Shift 1, Alt 2, Ctrl 4, Meta 8):
    /// "ESC[1;5D" is Ctrl-Left. Meta counts as Alt; `nil` outside 2...16.
    public init?(xtermParameter: Int) {
        guard (2...16).contains(xtermParameter) else { return nil }
        let bits = UInt8(xtermParameter - 1)
        self.init(rawValue: (bits & 0b111) | (bits & 0b1000 == 0 ? 0 : Modifiers.alt.rawValue))
    }

    /// "Ctrl-Alt-Shift-": the order `description` writes them in.
    fileprivate var prefix: String {
        (contains(.ctrl) ? "Ctrl-" : "") + (contains(.alt) ? "Alt-" : "") + (contains(.shift) ? "Shift-" : "")
    }
}

extension Key {
    /// Whether modifiers can be held with this key: the arrows, Home, End, PgUp, PgDn, Ins, Del,
    /// Backspace and the function keys, alone or already modified. Letters with Ctrl or Alt are
    /// `.ctrl` and `.alt`.
    public var isModifiable: Bool {
        switch self {
        case .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .insert, .delete, .backspace, .function,
             .modified:
            true
        default:
            false
        }
    }

    /// This key with `modifiers` also held: `Key.left.with(.ctrl)` is Ctrl-Left, and Shift-Tab
    /// is `.backTab`. Keys that are not `isModifiable` come back unchanged.
    public func with(_ modifiers: Modifiers) -> Key {
        switch self {
        case _ where modifiers.isEmpty: self
        case .modified(let base, let held): .modified(base, held.union(modifiers))
        case .tab where modifiers == .shift: .backTab
        case _ where isModifiable: .modified(self, modifiers)
        default: self
        }
    }
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
        case .modified(let base, let modifiers): modifiers.prefix + base.description
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

    /// Parses the notation `description` produces ("Ctrl-S", "Alt-x", "PgDn", "F5", "q",
    /// "Ctrl-Left", "Alt-Backspace"); named keys and the Ctrl-/Shift- prefixes are
    /// case-insensitive. `nil` for anything else.
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
        } else if let key = Self.modified(notation) {
            self = key
        } else {
            return nil
        }
    }

    /// "Ctrl-Shift-Left": modifier prefixes in any order before a key that takes them.
    private static func modified(_ notation: String) -> Key? {
        let prefixes: [(String, Modifiers)] = [("ctrl-", .ctrl), ("alt-", .alt), ("shift-", .shift)]
        var rest = Substring(notation)
        var modifiers: Modifiers = []
        while let (prefix, modifier) = prefixes.first(where: { rest.lowercased().hasPrefix($0.0) }) {
            rest = rest.dropFirst(prefix.count)
            modifiers.insert(modifier)
        }
        guard !modifiers.isEmpty, rest.count > 1, let base = Key(notation: String(rest)), base.isModifiable else {
            return nil
        }
        return base.with(modifiers)
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
