/// One raw read from the terminal, as `wget_wch` reports it.
public enum InputEvent: Sendable, Hashable {
    /// A character (`wget_wch` returned OK).
    case codepoint(UInt32)
    /// A key ncurses recognised (`wget_wch` returned KEY_CODE_YES); see `NcursesKeyCode`.
    case keyCode(Int32)
    /// Nothing arrived within the wait the backend chose for a pending sequence.
    case timeout
}

/// Turns raw input events into keys: Esc versus Alt, escape sequences ncurses left untranslated,
/// modifiers held with named keys, bracketed paste and control characters. Pure, so every case is
/// a table-driven test.
public struct KeyDecoder: Sendable {
    /// What the decoder is in the middle of; the backend waits briefly for more input and
    /// sends `.timeout` when nothing comes.
    public enum Pending: Sendable, Hashable {
        /// An escape or an unfinished escape sequence (wait a few milliseconds).
        case sequence
        /// A bracketed paste (wait longer: a large paste arrives in chunks).
        case paste
    }

    private enum State: Sendable {
        case ground
        case escape
        /// ESC ESC: an Esc, or Alt held with a key whose sequence follows (rxvt, macOS Terminal).
        case escapeEscape
        case csi(String, alt: Bool)
        case ss3(alt: Bool)
        case paste
    }

    private static let pasteStart = "200"
    private static let pasteEnd = "\u{1B}[201~"
    private static let maximumSequenceLength = 16

    /// Keys ncurses numbers at run time (codes above `NcursesKeyCode.maximum`), such as kLFT5.
    private let extendedKeyCodes: [Int32: Key]
    private var state = State.ground
    private var pasted = ""

    /// `extendedKeyCodes` are the terminal's extended keys as the backend found them.
    public init(extendedKeyCodes: [Int32: Key] = [:]) {
        self.extendedKeyCodes = extendedKeyCodes
    }

    /// `nil` when the next event starts a new key.
    public var pending: Pending? {
        switch state {
        case .ground: nil
        case .escape, .escapeEscape, .csi, .ss3: .sequence
        case .paste: .paste
        }
    }

    /// Feeds one event and returns the keys it completes (often none or one).
    public mutating func feed(_ event: InputEvent) -> [Key] {
        switch (state, event) {
        case (.ground, .codepoint(0x1B)):
            state = .escape
            return []
        case (.ground, .codepoint(let value)):
            return Self.key(forCodepoint: value).map { [$0] } ?? []
        case (.ground, .keyCode(let code)):
            return key(forCode: code).map { [$0] } ?? []
        case (.ground, .timeout):
            return []

        case (.escape, .codepoint(0x1B)):
            state = .escapeEscape
            return []
        case (.escape, .codepoint(0x5B)):
            state = .csi("", alt: false)
            return []
        case (.escape, .codepoint(0x4F)):
            state = .ss3(alt: false)
            return []
        case (.escape, .codepoint(let value)):
            state = .ground
            if value >= 0x20, value != 0x7F, let scalar = Unicode.Scalar(value) {
                return [.alt(Character(scalar))]
            }
            return withAlt(Self.key(forCodepoint: value), or: event)
        case (.escape, .keyCode(let code)):
            // ncurses translated the sequence after the ESC: Alt held with that key.
            state = .ground
            return withAlt(key(forCode: code), or: event)
        case (.escape, .timeout):
            state = .ground
            return [.escape]

        case (.escapeEscape, .codepoint(0x5B)):
            state = .csi("", alt: true)
            return []
        case (.escapeEscape, .codepoint(0x4F)):
            state = .ss3(alt: true)
            return []
        case (.escapeEscape, _):
            // The first ESC was Esc itself; the second starts whatever follows.
            state = .escape
            return [.escape] + feed(event)

        case (.csi(let parameters, let alt), .codepoint(let value)) where (0x20...0x3F).contains(value):
            let extended = parameters + String(UnicodeScalar(UInt8(value)))
            state = extended.count > Self.maximumSequenceLength ? .ground : .csi(extended, alt: alt)
            return []
        case (.csi(let parameters, let alt), .codepoint(let value)) where (0x40...0x7E).contains(value):
            state = .ground
            if value == 0x7E, parameters == Self.pasteStart {
                state = .paste
                pasted = ""
                return []
            }
            let key = Self.csiKey(parameters: parameters, final: UInt8(value))
            return key.map { [alt ? $0.with(.alt) : $0] } ?? []
        case (.csi("", let alt), .timeout):
            state = .ground
            return (alt ? [.escape] : []) + [.alt("[")]
        case (.csi, _):
            // A broken sequence is dropped rather than typed into a field as stray characters.
            state = .ground
            return event == .timeout ? [] : feed(event)

        case (.ss3(let alt), .codepoint(let value)):
            state = .ground
            return Self.ss3Key(final: value).map { [alt ? $0.with(.alt) : $0] } ?? []
        case (.ss3(let alt), .timeout):
            state = .ground
            return (alt ? [.escape] : []) + [.alt("O")]
        case (.ss3, .keyCode):
            state = .ground
            return feed(event)

        case (.paste, .codepoint(let value)):
            guard let scalar = Unicode.Scalar(value) else { return [] }
            pasted.unicodeScalars.append(scalar)
            guard pasted.hasSuffix(Self.pasteEnd) else { return [] }
            return finishPaste(dropping: Self.pasteEnd.count)
        case (.paste, .keyCode):
            return []
        case (.paste, .timeout):
            // The end marker never came; deliver what arrived rather than swallow later keys.
            return finishPaste(dropping: 0)
        }
    }

    /// After ESC: Alt held with `key` when it takes modifiers (ESC DEL is Alt-Backspace),
    /// otherwise Esc followed by whatever `event` is on its own.
    private mutating func withAlt(_ key: Key?, or event: InputEvent) -> [Key] {
        if let key, key.isModifiable { return [key.with(.alt)] }
        return [.escape] + feed(event)
    }

    private func key(forCode code: Int32) -> Key? {
        NcursesKeyCode.key(for: code) ?? extendedKeyCodes[code]
    }

    private mutating func finishPaste(dropping markerLength: Int) -> [Key] {
        state = .ground
        let text = String(pasted.dropLast(markerLength).map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
        pasted = ""
        return text.isEmpty ? [] : [.paste(text)]
    }

    /// A single byte or character. DEL is Backspace; BS is what xterm, VTE, Konsole and Windows
    /// Terminal send for Ctrl-Backspace (and Ctrl-H) when Backspace sends DEL, as terminfo says
    /// it does: a terminal whose Backspace sends BS has it translated by ncurses (`kbs`).
    static func key(forCodepoint value: UInt32) -> Key? {
        switch value {
        case 0x7F: return .backspace
        case 0x08: return Key.backspace.with(.ctrl)
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x00: return .ctrl("@")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(value + 0x60)!))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(value + 0x40)!))
        case 0x80...0x9F: return nil
        default: return Unicode.Scalar(value).map { .char(Character($0)) }
        }
    }

    /// A CSI sequence: "A" Up, "1;5D" Ctrl-Left (xterm's modifier parameter), "3;3~" Alt-Del,
    /// "a" rxvt's Shift-Up, "7^" rxvt's Ctrl-Home, and the modified Backspace of xterm's
    /// modifyOtherKeys ("27;5;127~") and of kitty ("127;5u").
    private static func csiKey(parameters: String, final: UInt8) -> Key? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = fields.first ?? nil
        let modifiers = fields.count > 1 ? fields[1].flatMap(Modifiers.init(xtermParameter:)) ?? [] : []
        let base: Key?
        switch Character(UnicodeScalar(final)) {
        case "A": base = .up
        case "B": base = .down
        case "C": base = .right
        case "D": base = .left
        case "H": base = .home
        case "F": base = .end
        case "Z": base = .backTab
        case "P": base = .function(1)
        case "Q": base = .function(2)
        case "R": base = .function(3)
        case "S": base = .function(4)
        case "a"..."d" where parameters.isEmpty:
            return arrow(final - UInt8(ascii: "a")).with(.shift)
        case "~" where first == 27 && fields.count == 3:
            return fields[2].flatMap { otherKey(codepoint: $0, modifiers: modifiers) }
        case "u":
            return first.flatMap { otherKey(codepoint: $0, modifiers: modifiers) }
        case "~": base = tildeKey(first)
        case "^": return tildeKey(first)?.with(.ctrl)
        default: return nil
        }
        return base?.with(modifiers)
    }

    /// The keys numbered in "ESC [ n ~".
    private static func tildeKey(_ number: Int?) -> Key? {
        switch number {
        case 1, 7: .home
        case 2: .insert
        case 3: .delete
        case 4, 8: .end
        case 5: .pageUp
        case 6: .pageDown
        case let n? where (11...15).contains(n): .function(n - 10)
        case let n? where (17...21).contains(n): .function(n - 11)
        case let n? where (23...24).contains(n): .function(n - 12)
        default: nil
        }
    }

    /// A key reported by its codepoint with modifiers: only named keys take them here (Ctrl-
    /// and Alt- letters arrive as control characters and ESC prefixes).
    private static func otherKey(codepoint: Int, modifiers: Modifiers) -> Key? {
        guard codepoint >= 0, let key = key(forCodepoint: UInt32(codepoint)), key.isModifiable else { return nil }
        return key.with(modifiers)
    }

    /// Up, Down, Right, Left for 0...3 (the order of the final bytes A...D).
    private static func arrow(_ index: UInt8) -> Key {
        [Key.up, .down, .right, .left][Int(index)]
    }

    private static func ss3Key(final: UInt32) -> Key? {
        switch final {
        case 0x41: .up
        case 0x42: .down
        case 0x43: .right
        case 0x44: .left
        case 0x48: .home
        case 0x46: .end
        case 0x4D: .enter
        case 0x50...0x53: .function(Int(final) - 0x4F)
        // rxvt's Ctrl-arrows: ESC O a...d.
        case 0x61...0x64: arrow(UInt8(final - 0x61)).with(.ctrl)
        default: nil
        }
    }
}
