import Foundation

/// Text spelled in printable ASCII for a terminal that shows nothing else (LANG=C): "Béranger"
/// becomes "Beranger", "李雪梅" "Li Xue Mei", "Łukasz" "Lukasz", through ICU's Any-Latin and
/// Latin-ASCII transforms. Text with something no transform spells (an emoji) has no ASCII form.
public enum ASCIITransliteration {
    /// `text` in printable ASCII, or nil when some of it cannot be spelled that way.
    public static func ascii(_ text: String) -> String? {
        if text.unicodeScalars.allSatisfy(isPrintableASCII) { return text }
        return cache.value(for: text) { transliterate(text) }
    }

    private static let transform = StringTransform("Any-Latin; Latin-ASCII")
    private static let cache = Cache()

    private static func transliterate(_ text: String) -> String? {
        guard let latin = text.applyingTransform(transform, reverse: false),
              latin.unicodeScalars.allSatisfy(isPrintableASCII)
        else { return nil }
        // A script without case (Han, Hangul, Arabic) comes out lowercase; a name reads better
        // with its words capitalized. Text with case keeps its own capitals ("josé" → "jose").
        return text.contains(where: \.isCased) ? latin : latin.capitalized
    }

    private static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool {
        (0x20..<0x7f).contains(scalar.value)
    }

    /// Remembers each answer: a transform costs a fraction of a millisecond, and the same names
    /// are drawn on every frame.
    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var answers: [String: String?] = [:]

        func value(for key: String, compute: () -> String?) -> String? {
            if let known = lock.withLock({ answers[key] }) { return known }
            let answer = compute()
            lock.withLock { answers[key] = answer }
            return answer
        }
    }
}
