/// Which of a person's names is written first. Most names on file are given name first ("José
/// Núñez"); Chinese, Korean, Japanese and Hungarian names are written family name first ("李 雪梅",
/// "Kim Min-jun"), and reversing them reads as a different person.
public enum NameOrder: String, Codable, Sendable, CaseIterable {
    case givenFirst = "given-first"
    case familyFirst = "family-first"

    /// The name as it is said: "José Núñez", "李 雪梅".
    public func written(given: String, family: String) -> String {
        switch self {
        case .givenFirst: "\(given) \(family)"
        case .familyFirst: "\(family) \(given)"
        }
    }

    /// The name as lists show it, family name first: "Núñez, José"; a name already written
    /// family name first needs no comma: "李 雪梅".
    public func listed(given: String, family: String) -> String {
        switch self {
        case .givenFirst: "\(family), \(given)"
        case .familyFirst: "\(family) \(given)"
        }
    }

    /// What lists sort by, whatever the order: the family name, then the given name, each by its
    /// letters and digits alone (`String.foldedLetters`), so "Ávila" sorts with the A's and
    /// "de la Cruz" beside "Dela Cruz". The space sorts before every letter: "Li" before "Lin".
    public static func sortKey(given: String, family: String) -> String {
        "\(family.foldedLetters) \(given.foldedLetters)"
    }
}
