#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Terminal column widths of text, the same under every process locale.
///
/// A grapheme is as wide as `wcwidth` of its first scalar evaluated under a UTF-8 ctype
/// (so widths match what ncurses assumes when it places the cell): combining marks 0, CJK and
/// most emoji 2, control characters 0 (they are never drawn).
public enum DisplayWidth {
    /// Columns `text` occupies.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.allSatisfy(isPrintableASCII)
            ? text.unicodeScalars.count
            : withUTF8Ctype { text.reduce(0) { $0 + width(of: $1) } }
    }

    /// Columns one grapheme occupies (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        if let scalar = character.unicodeScalars.first, isPrintableASCII(scalar) { return 1 }
        return withUTF8Ctype { width(of: character) }
    }

    /// The graphemes of `text` with their widths, computed under one locale switch.
    public static func graphemes(_ text: String) -> [(character: Character, width: Int)] {
        withUTF8Ctype { text.map { ($0, width(of: $0)) } }
    }

    private static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value < 0x7f
    }

    private static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if isPrintableASCII(first) { return 1 }
        guard UTF8Ctype.shared.locale != nil, let wcwidth = UTF8Ctype.shared.wcwidth else { return approximateWidth(first) }
        return min(2, max(0, Int(wcwidth(Int32(bitPattern: first.value)))))
    }

    /// Runs `body` with the calling thread's ctype switched to UTF-8, restoring it afterwards.
    private static func withUTF8Ctype<T>(_ body: () -> T) -> T {
        guard let locale = UTF8Ctype.shared.locale else { return body() }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return body()
    }

    /// Used only where no UTF-8 locale is installed: zero for marks and controls, two for the
    /// main East Asian wide blocks and emoji, one otherwise.
    private static func approximateWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

/// The process-wide UTF-8 ctype locale object, created once and never freed, and the C
/// library's `wcwidth` (which the Glibc module does not export, so it is looked up by name).
private final class UTF8Ctype: Sendable {
    typealias WidthFunction = @convention(c) (Int32) -> Int32

    static let shared = UTF8Ctype()
    nonisolated(unsafe) let locale: locale_t?
    let wcwidth: WidthFunction?

    private init() {
        let names: [String] = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]
        locale = names.lazy.compactMap { newlocale(LC_CTYPE_MASK, $0, nil) }.first
        wcwidth = dlsym(dlopen(nil, RTLD_NOW), "wcwidth").map { unsafeBitCast($0, to: WidthFunction.self) }
    }
}
