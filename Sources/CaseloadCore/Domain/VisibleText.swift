import Foundation

extension String {
    /// Whether the text holds something a reader would see. Whitespace, control characters (ESC,
    /// BEL, DEL), format and other default-ignorable characters (zero-width spaces, joiners, the
    /// Hangul fillers) and the few symbols that draw as blank print nothing, so a field made only
    /// of them is still empty.
    var hasVisibleText: Bool {
        unicodeScalars.contains { scalar in
            let properties = scalar.properties
            return !properties.isWhitespace && !properties.isDefaultIgnorableCodePoint
                && ![.control, .format, .unassigned, .surrogate, .privateUse].contains(properties.generalCategory)
                && !Self.blankSymbols.contains(scalar)
        }
    }

    /// Assigned, printable by category, yet drawn as nothing: the braille blank, the object
    /// replacement character and the null notehead.
    private static let blankSymbols: Set<Unicode.Scalar> = ["\u{2800}", "\u{FFFC}", "\u{1D159}"]
}

/// `text` trimmed, refused when nothing a reader would see is left.
func requiredText(_ text: String, _ field: String) throws(DomainError) -> String {
    let trimmed = text.trimmed
    guard trimmed.hasVisibleText else { throw .emptyField(field) }
    return trimmed
}

extension String {
    /// The letters and digits alone, with case, accents and full-width forms folded: what two
    /// texts are compared by when only their words matter ("Mind fulness" and "Ｍindfulness"
    /// read as "mindfulness").
    var comparisonKey: String {
        let folded = precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }
}
