import Foundation

/// One command the palette offers, with where the typed characters matched its title.
public struct PaletteMatch: Sendable, Equatable {
    public var command: Command
    public var title: String
    /// Character offsets in `title` to highlight.
    public var positions: [Int]
}

/// The `:` palette: what was typed and the commands that match it, best first.
public struct PaletteState: Sendable, Equatable {
    public private(set) var query: String
    public private(set) var matches: [PaletteMatch]
    public var cursor = ListCursor()

    public init(query: String = "") {
        self.query = query
        matches = PaletteState.matches(for: query)
    }

    mutating func setQuery(_ text: String) {
        query = text
        matches = PaletteState.matches(for: text)
        cursor = ListCursor()
    }

    /// Every command offered, in key-table order when nothing is typed, else best match first.
    /// What follows "search " in the query: the palette's one command that takes words.
    var argument: String? { Self.searchWords(in: query) }

    private static func searchWords(in query: String) -> String? {
        let prefix = "search "
        guard query.lowercased().hasPrefix(prefix) else { return nil }
        return String(query.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
    }

    /// The words after "report ": `program [DATE]` or `progress [ID]`.
    var reportArguments: [String]? { Self.reportArguments(in: query) }

    private static func reportArguments(in query: String) -> [String]? {
        let prefix = "report "
        guard query.lowercased().hasPrefix(prefix) else { return nil }
        return query.dropFirst(prefix.count).split(separator: " ").map(String.init)
    }

    static func matches(for query: String) -> [PaletteMatch] {
        if let words = searchWords(in: query), !words.isEmpty {
            return [PaletteMatch(command: .searchAllNotes, title: "Search everyone's notes for \"\(words)\"", positions: [])]
        }
        if let words = reportArguments(in: query), !words.isEmpty {
            return [PaletteMatch(command: .showReport, title: "Show the report: \(words.joined(separator: " "))", positions: [])]
        }
        let scored = offered.enumerated().compactMap { order, command -> (Int, Int, PaletteMatch)? in
            let title = KeyTable.title(of: command)
            guard let found = FuzzyMatch.match(query, in: title) else { return nil }
            return (found.score, order, PaletteMatch(command: command, title: title, positions: found.positions))
        }
        return scored.sorted { ($1.0, $0.1) < ($0.0, $1.1) }.map(\.2)
    }

    /// Screens and actions first, moving around last: nobody opens a palette to move down.
    private static let offered: [Command] = {
        let order: [KeyGroup] = [.screens, .sessions, .search, .roster, .participant, .reading, .general, .movement]
        var seen = Set<Command>()
        return order.flatMap { group in KeyTable.bindings.filter { $0.group == group } }
            .map(\.command).filter { $0.isOfferedInPalette && seen.insert($0).inserted }
    }()
}
