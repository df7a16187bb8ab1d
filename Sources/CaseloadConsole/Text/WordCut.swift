import TerminalKit

/// Labels and titles cut where a reader expects: after a whole word, with the ellipsis saying
/// something was left out ("Participant or…", never "Participant o").
enum WordCut {
    /// `text` whole when it fits in `width` columns; else its longest run of whole words that
    /// fits with `ellipsis` after it; a first word too long for that is cut between characters.
    static func fit(_ text: String, to width: Int, ellipsis: String) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return DisplayWidth.truncate(text, to: width) }
        var kept = ""
        for word in text.split(separator: " ") {
            let next = kept.isEmpty ? String(word) : kept + " " + word
            guard DisplayWidth.of(next) <= room else { break }
            kept = next
        }
        // Punctuation left hanging before the ellipsis ("Use since last,…") reads as a typo.
        while let last = kept.last, last == "," || last == ";" || last == ":" { kept.removeLast() }
        return kept.isEmpty ? DisplayWidth.truncate(text, to: width, ellipsis: ellipsis) : kept + ellipsis
    }
}
