import Foundation

/// Folds text for searching as a person types: lowercase, accents dropped ("Núñez" → "nunez"),
/// punctuation kept. Folding works one Unicode scalar at a time, so folding a note's decoded text
/// and folding the raw bytes of the file that holds it give the same bytes wherever the file holds
/// the text unescaped: that is what lets a search skip files without decoding them.
public struct TextFolding {
    /// Non-ASCII scalars already folded; a caseload's notes use a few dozen distinct ones.
    private var folded: [UInt32: [UInt8]] = [:]

    /// A folder with an empty cache.
    public init() {}

    /// Letters with no canonical decomposition that people still type without their mark.
    private static let letters: [Unicode.Scalar: String] = [
        "đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
    ]

    /// The folded UTF-8 bytes of `text`.
    public mutating func fold(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { append(scalar, to: &result) }
        return result
    }

    /// The folded bytes of `text`, and for each of them where its scalar starts in `text`, so a
    /// match in the folded bytes can be shown in the original words.
    mutating func foldKeepingOrigins(_ text: String) -> (bytes: [UInt8], origins: [String.Index]) {
        var bytes: [UInt8] = []
        var origins: [String.Index] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let before = bytes.count
            append(scalars[index], to: &bytes)
            origins.append(contentsOf: repeatElement(index, count: bytes.count - before))
            index = scalars.index(after: index)
        }
        return (bytes, origins)
    }

    /// The folded UTF-8 `bytes`; a byte that is not part of a well-formed sequence is kept as it
    /// is (the decode that follows reports such a file). Nil in the unlikely case that folding
    /// more than triples the size, which callers treat as "might match".
    mutating func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let capacity = bytes.count * 3 + 16
        var fits = true
        let result = [UInt8](unsafeUninitializedCapacity: capacity) { output, written in
            var index = 0
            let count = bytes.count
            let input = UnsafeRawPointer(bytes.baseAddress)
            let out = UnsafeMutableRawPointer(output.baseAddress!)
            while index < count {
                // Eight ASCII bytes at a time, the common case, as one word: a byte's high bit is set
                // after adding 0x3F iff it is ≥ "A", and after adding 0x25 iff it is > "Z".
                if let input, index + 8 <= count {
                    let word = input.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let high: UInt64 = 0x8080_8080_8080_8080
                    if word & high == 0 {
                        let upper = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & high
                        out.storeBytes(of: word | upper >> 2, toByteOffset: written, as: UInt64.self)
                        written += 8
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte < 0x80 {
                    // ASCII, nearly every byte of a record: A–Z to a–z, the rest as is.
                    output[written] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    written += 1
                    index += 1
                    continue
                }
                if byte &- 0xC2 < 30, index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 {
                    // Two-byte scalars (Latin-1 Supplement, Latin Extended, Greek, Cyrillic…): from a table.
                    let slot = Int(byte & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)
                    let from = Int(Self.twoByte.starts[slot])
                    let to = Int(Self.twoByte.starts[slot + 1])
                    guard written + (to - from) + (count - index - 2) <= capacity else {
                        fits = false
                        return
                    }
                    for offset in from..<to {
                        output[written] = Self.twoByte.bytes[offset]
                        written += 1
                    }
                    index += 2
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                var folded: [UInt8] = [byte]
                if length > 1, index + length <= count, let scalar = Self.decode(bytes, at: index, length: length) {
                    folded = []
                    append(scalar, to: &folded)
                    index += length
                } else {
                    index += 1
                }
                guard written + folded.count + (count - index) <= capacity else {
                    fits = false
                    return
                }
                for folded in folded {
                    output[written] = folded
                    written += 1
                }
            }
        }
        return fits ? result : nil
    }

    /// The folded bytes of every scalar U+0080–U+07FF, by the scalar's value (`starts[value]..<starts[value + 1]`).
    private static let twoByte: (bytes: [UInt8], starts: [Int32]) = {
        var bytes: [UInt8] = []
        var starts: [Int32] = Array(repeating: 0, count: 0x801)
        for value in 0..<0x800 {
            starts[value] = Int32(bytes.count)
            if value >= 0x80 { bytes += foldSlowly(Unicode.Scalar(UInt32(value))!) }
        }
        starts[0x800] = Int32(bytes.count)
        return (bytes, starts)
    }()

    private mutating func append(_ scalar: Unicode.Scalar, to result: inout [UInt8]) {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            result.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
        } else if let known = folded[scalar.value] {
            result.append(contentsOf: known)
        } else {
            let bytes = Self.foldSlowly(scalar)
            folded[scalar.value] = bytes
            result.append(contentsOf: bytes)
        }
    }

    /// Lowercased, canonically decomposed, nonspacing marks removed.
    private static func foldSlowly(_ scalar: Unicode.Scalar) -> [UInt8] {
        var result = String.UnicodeScalarView()
        for part in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if let replacement = letters[part] {
                result.append(contentsOf: replacement.unicodeScalars)
            } else if part.properties.generalCategory != .nonspacingMark {
                result.append(part)
            }
        }
        return Array(String(result).utf8)
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar? {
        var value = UInt32(bytes[index]) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        return Unicode.Scalar(value)
    }
}
