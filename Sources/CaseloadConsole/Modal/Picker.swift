import CaseloadCore

/// Choosing several from a long list by typing a few letters: the query narrows the options
/// (accents and punctuation ignored, as on the roster), Enter adds the highlighted one, Backspace
/// on an empty query takes back the last one chosen.
struct Picker: Sendable, Equatable {
    struct Option: Sendable, Equatable {
        var id: String
        var label: String
        var key: SearchKey
    }

    let options: [Option]
    var chosen: [String]
    var query = ""
    var highlighted = 0

    init(options: [Option], chosen: [String] = []) {
        self.options = options
        self.chosen = chosen
    }

    /// The options the query matches that are not chosen yet.
    var matches: [Option] {
        let needle = SearchKey(query)
        return options.filter { !chosen.contains($0.id) && $0.key.contains(needle) }
    }

    func label(of id: String) -> String { options.first { $0.id == id }?.label ?? id }

    mutating func type(_ text: String) {
        query += text
        highlighted = 0
    }

    /// Backspace: a character of the query, or the last choice when the query is empty.
    mutating func deleteBackward() {
        if query.isEmpty {
            if !chosen.isEmpty { chosen.removeLast() }
        } else {
            query.removeLast()
            highlighted = 0
        }
    }

    mutating func clearQuery() {
        query = ""
        highlighted = 0
    }

    mutating func moveHighlight(by step: Int) {
        highlighted = max(0, min(highlighted + step, matches.count - 1))
    }

    /// Adds the highlighted option; false when nothing matches.
    mutating func pickHighlighted() -> Bool {
        let current = matches
        guard current.indices.contains(highlighted) else { return false }
        chosen.append(current[highlighted].id)
        clearQuery()
        return true
    }
}
