/// A note as plain text for the user's own editor: a single section as it is; several as
/// "## Title" headings, each followed by its text, which is how they are read back.
enum OutsideText {
    static func text(of editor: NoteEditor) -> String {
        guard editor.sections.count > 1 else { return editor.texts[0].text }
        return editor.sections.enumerated().map { index, section in
            "## \(section.title)\n\(editor.texts[index].text)"
        }.joined(separator: "\n\n")
    }

    /// The sections back from `text`; lines under a heading that names no section stay with the
    /// section before, so nothing the user wrote is dropped.
    static func sections(from text: String, of editor: NoteEditor) -> [String: String] {
        guard editor.sections.count > 1 else { return [editor.sections[0].key: text] }
        var result: [String: [Substring]] = [:]
        var current = editor.sections[0].key
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## "),
               let section = editor.sections.first(where: { $0.title == line.dropFirst(3).trimmingCharacters(in: .whitespaces) }) {
                current = section.key
                result[current, default: []] = []
                continue
            }
            result[current, default: []].append(line)
        }
        return result.mapValues { lines in
            var lines = lines
            // The blank line written between sections is the layout's, not the note's.
            while lines.last?.isEmpty == true { lines.removeLast() }
            while lines.first?.isEmpty == true { lines.removeFirst() }
            return lines.joined(separator: "\n")
        }
    }
}
