/// Subsequence matching for the command palette: every typed character must appear in order;
/// matches at word starts and in runs score higher, so "sr" prefers "Show the Roster".
enum FuzzyMatch {
    /// The score and the matched character offsets, or nil when `query` is not a subsequence.
    static func match(_ query: String, in candidate: String) -> (score: Int, positions: [Int])? {
        let needle = Array(SearchKey.fold(query).filter { $0 != " " })
        guard !needle.isEmpty else { return (0, []) }
        let haystack = candidate.map { SearchKey.fold(String($0)).first ?? $0 }
        var best: (score: Int, positions: [Int])?
        // Try every place the first character occurs; candidates are short, so this is cheap.
        for start in haystack.indices where haystack[start] == needle[0] {
            var positions = [start]
            var index = start + 1
            for character in needle.dropFirst() {
                while index < haystack.count, haystack[index] != character { index += 1 }
                guard index < haystack.count else { break }
                positions.append(index)
                index += 1
            }
            guard positions.count == needle.count else { continue }
            let score = score(positions, in: haystack)
            if best.map({ score > $0.score }) ?? true { best = (score, positions) }
        }
        return best
    }

    private static func score(_ positions: [Int], in haystack: [Character]) -> Int {
        var score = 0
        for (order, position) in positions.enumerated() {
            score += 1
            if position == 0 || !haystack[position - 1].isLetter { score += 8 }
            if order > 0, positions[order - 1] == position - 1 { score += 4 }
        }
        return score - positions[0] / 4
    }
}
