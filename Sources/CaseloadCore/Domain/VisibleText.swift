import Foundation

extension String {
    /// Whether the text holds something a reader would see. Whitespace, control characters (ESC,
    /// BEL, DEL), format and other default-ignorable characters (zero-width spaces, joiners, the
    /// Hangul fillers) and the few symbols that draw as blank print nothing, so a field made only
    /// of them is still empty.
    public var hasVisibleText: Bool {
        unicodeScalars.contains { scalar in
            let properties = scalar.properties
            // Marks (accents, enclosing circles) only decorate a letter: on their own they draw nothing.
            return !properties.isWhitespace && !properties.isDefaultIgnorableCodePoint
                && ![.control, .format, .unassigned, .surrogate, .privateUse, .nonspacingMark, .spacingMark,
                     .enclosingMark].contains(properties.generalCategory)
                && !Self.blankSymbols.contains(scalar)
        }
    }

    /// Assigned, printable by category, yet drawn as nothing: the braille blank, the object
    /// replacement character and the null notehead.
    private static let blankSymbols: Set<Unicode.Scalar> = ["\u{2800}", "\u{FFFC}", "\u{1D159}"]
}

extension Unicode.Scalar {
    /// A character a terminal acts on instead of showing: the C0 controls (BEL ends a title
    /// change), DEL, the C1 controls (ESC and CSI start every escape sequence), and the bidi
    /// embeddings, overrides and isolates, which make a line read otherwise than it is stored,
    /// and the line and paragraph separators U+2028/U+2029, which some terminals and viewers
    /// break lines at. The joiners U+200C and U+200D are not among them: Persian and the Indic
    /// scripts need them.
    public var isTerminalControl: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028...0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Drawn as nothing yet not a joiner a script needs: a zero-width space, word joiner, soft
    /// hyphen or byte-order mark in a name or an id only makes two look alike.
    var isInvisibleFiller: Bool {
        switch value {
        case 0x00AD, 0x200B, 0x2060, 0xFEFF: true
        default: false
        }
    }
}

/// Whether a field is one line (a name, an id, a phone number) or may run over several (a note
/// section, a narrative, a summary), where line breaks and tabs are part of the writing.
public enum FieldShape: Sendable {
    case oneLine, multiLine

    func allows(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .oneLine: !scalar.isTerminalControl && !scalar.isInvisibleFiller
        case .multiLine: !scalar.isTerminalControl || scalar == "\n" || scalar == "\t"
        }
    }
}

/// Refuses `text` when it holds a terminal control (or, in a one-line field, a line break, which
/// would forge a row wherever the field is listed). The message names the field, never the text.
func refuseControls(_ text: String?, _ field: String, _ shape: FieldShape = .oneLine) throws(DomainError) {
    guard let text, !text.unicodeScalars.allSatisfy(shape.allows) else { return }
    throw .controlCharacter(field, shape)
}

/// `text` trimmed, refused when it holds a terminal control or nothing a reader would see is left.
func requiredText(_ text: String, _ field: String, _ shape: FieldShape = .oneLine) throws(DomainError) -> String {
    try refuseControls(text, field, shape)
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
    public var foldedLetters: String {
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
