import Foundation

/// Text folded for matching as a person types it: lowercase, accents dropped ("Núñez" → "nunez",
/// "Nguyễn" → "nguyen"), punctuation ignored ("nguyen thi" finds "Nguyễn, Thị"; "p0003" finds
/// "P-0003"), kept as UTF-8 bytes so filtering 3,000 rows is a plain byte search.
public struct SearchKey: Sendable, Hashable {
    public let bytes: [UInt8]

    public init(_ text: String) {
        bytes = Array(String(SearchKey.foldedScalars(text, droppingPunctuation: true)).utf8)
    }

    /// True when `needle` occurs anywhere in this key (an empty needle matches everything).
    public func contains(_ needle: SearchKey) -> Bool {
        let pattern = needle.bytes
        guard !pattern.isEmpty else { return true }
        guard pattern.count <= bytes.count else { return false }
        let first = pattern[0]
        var start = 0
        let last = bytes.count - pattern.count
        while start <= last {
            if bytes[start] == first {
                var offset = 1
                while offset < pattern.count, bytes[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Letters with no decomposition that people still type without their mark.
    private static let letters: [Unicode.Scalar: String] = [
        "đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
    ]

    /// Lowercased, canonically decomposed, combining marks removed.
    public static func fold(_ text: String) -> String {
        String(foldedScalars(text, droppingPunctuation: false))
    }

    /// Works scalar by scalar (not grapheme by grapheme): building 3,000 keys must stay cheap.
    private static func foldedScalars(_ text: String, droppingPunctuation: Bool) -> String.UnicodeScalarView {
        let lowered = text.lowercased()
        var result = String.UnicodeScalarView()
        if lowered.utf8.allSatisfy({ $0 < 0x80 }) {
            for scalar in lowered.unicodeScalars where !(droppingPunctuation && isASCIIPunctuation(scalar)) {
                result.append(scalar)
            }
            return result
        }
        for scalar in lowered.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                if !(droppingPunctuation && isASCIIPunctuation(scalar)) { result.append(scalar) }
                continue
            }
            if let replacement = letters[scalar] {
                result.append(contentsOf: replacement.unicodeScalars)
                continue
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark:
                continue
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                if !droppingPunctuation { result.append(scalar) }
            default:
                result.append(scalar)
            }
        }
        return result
    }

    private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return !(value == 0x20 || (0x30...0x39).contains(value) || (0x61...0x7a).contains(value)
                 || (0x41...0x5a).contains(value))
    }
}
