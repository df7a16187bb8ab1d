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
/// bracketed paste and control characters. Pure, so every case is a table-driven test.
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
        case csi(String)
        case ss3
        case paste
    }

    private static let pasteStart = "200"
    private static let pasteEnd = "\u{1B}[201~"
    private static let maximumSequenceLength = 16

    private var state = State.ground
    private var pasted = ""

    public init() {}

    /// `nil` when the next event starts a new key.
    public var pending: Pending? {
        switch state {
        case .ground: nil
        case .escape, .csi, .ss3: .sequence
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
            return NcursesKeyCode.key(for: code).map { [$0] } ?? []
        case (.ground, .timeout):
            return []

        case (.escape, .codepoint(0x1B)):
            return [.escape]
        case (.escape, .codepoint(0x5B)):
            state = .csi("")
            return []
        case (.escape, .codepoint(0x4F)):
            state = .ss3
            return []
        case (.escape, .codepoint(let value)):
            state = .ground
            if value >= 0x20, value != 0x7F, let scalar = Unicode.Scalar(value) {
                return [.alt(Character(scalar))]
            }
            return [.escape] + feed(event)
        case (.escape, .keyCode):
            state = .ground
            return [.escape] + feed(event)
        case (.escape, .timeout):
            state = .ground
            return [.escape]

        case (.csi(let parameters), .codepoint(let value)) where (0x20...0x3F).contains(value):
            let extended = parameters + String(UnicodeScalar(UInt8(value)))
            state = extended.count > Self.maximumSequenceLength ? .ground : .csi(extended)
            return []
        case (.csi(let parameters), .codepoint(let value)) where (0x40...0x7E).contains(value):
            state = .ground
            if value == 0x7E, parameters == Self.pasteStart {
                state = .paste
                pasted = ""
                return []
            }
            return Self.csiKey(parameters: parameters, final: UInt8(value)).map { [$0] } ?? []
        case (.csi(""), .timeout):
            state = .ground
            return [.alt("[")]
        case (.csi, _):
            // A broken sequence is dropped rather than typed into a field as stray characters.
            state = .ground
            return event == .timeout ? [] : feed(event)

        case (.ss3, .codepoint(let value)):
            state = .ground
            return Self.ss3Key(final: value).map { [$0] } ?? []
        case (.ss3, .timeout):
            state = .ground
            return [.alt("O")]
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

    private mutating func finishPaste(dropping markerLength: Int) -> [Key] {
        state = .ground
        let text = String(pasted.dropLast(markerLength).map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
        pasted = ""
        return text.isEmpty ? [] : [.paste(text)]
    }

    static func key(forCodepoint value: UInt32) -> Key? {
        switch value {
        case 0x7F, 0x08: return .backspace
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x00: return .ctrl("@")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(value + 0x60)!))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(value + 0x40)!))
        case 0x80...0x9F: return nil
        default: return Unicode.Scalar(value).map { .char(Character($0)) }
        }
    }

    private static func csiKey(parameters: String, final: UInt8) -> Key? {
        let first = Int(parameters.split(separator: ";", omittingEmptySubsequences: false).first ?? "")
        switch Character(UnicodeScalar(final)) {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "P": return .function(1)
        case "Q": return .function(2)
        case "R": return .function(3)
        case "S": return .function(4)
        case "~":
            switch first {
            case 1, 7: return .home
            case 2: return .insert
            case 3: return .delete
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case let n? where (11...15).contains(n): return .function(n - 10)
            case let n? where (17...21).contains(n): return .function(n - 11)
            case let n? where (23...24).contains(n): return .function(n - 12)
            default: return nil
            }
        default: return nil
        }
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
        default: nil
        }
    }
}
