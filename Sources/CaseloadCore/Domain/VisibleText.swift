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
    /// The letters and digits alone: compatibility forms (fullwidth "Ｔ", ligatures) read as
    /// their plain letters, case and accents dropped, and everything else (spaces, punctuation,
    /// symbols, invisible characters) left out. What two texts are compared by when only their
    /// words matter: a group entry retyped from another member's with other spacing, capitals,
    /// accents or look-alike letters still reads as a copy, and "Self care" is the catalog's
    /// "Self-care".
    var foldedLetters: String {
        // Lowercased first, as lowercasing can itself add a combining mark ("İ").
        var kept = String.UnicodeScalarView()
        for scalar in lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars
        where Self.letterOrDigit.contains(scalar.properties.generalCategory) {
            kept.append(scalar)
        }
        return String(kept)
    }

    private static let letterOrDigit: Set<Unicode.GeneralCategory> = [
        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
    ]
}
