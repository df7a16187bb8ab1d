@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// Accented, Vietnamese, Chinese and Korean names keep every column in place.
@Suite struct WidthTests {
    /// The display column where `text` starts on row `y`, counting wide characters as two.
    func column(of text: String, in screen: Screen, row y: Int) -> Int? {
        guard let first = text.first.map(String.init) else { return nil }
        for x in 0..<screen.size.cols where screen[x, y].text == first {
            let rest = (0..<DisplayWidth.of(text)).map { screen[x + $0, y].text }.joined()
            if rest == text { return x }
        }
        return nil
    }

    @Test(arguments: [Size(cols: 80, rows: 24), Size(cols: 120, rows: 30), Size(cols: 160, rows: 48)])
    func rosterColumnsLineUpWhateverTheScript(_ size: Size) throws {
        var harness = Harness(size: size)
        harness.go(.showRoster)
        harness.go(.showAll)
        let screen = render(harness.state, size: size)
        let rows = harness.state.roster.visible.map { harness.state.digest.facts.rows[$0] }
        let levelColumns = rows.enumerated().map { index, row in
            column(of: row.levelOfCare.abbreviation + " ", in: screen, row: 4 + index)
        }
        #expect(Set(levelColumns).count == 1, "Level starts at \(levelColumns)")
        #expect(levelColumns.first! != nil)
        // No wide character is ever split: a continuation cell always follows a wide one.
        for y in 0..<screen.size.rows {
            for x in 0..<screen.size.cols where screen[x, y].isContinuation {
                #expect(x > 0 && DisplayWidth.of(screen[x - 1, y].text) == 2)
            }
        }
    }

    @Test func wideNamesAreCutOnCharacterBoundaries() {
        // The third character would straddle the ellipsis: the cut ends after the second.
        let cut = [Span("李小龍李小龍", .value)].fitted(to: 6, ellipsis: "…")
        #expect(cut.map(\.text).joined() == "李小…")
        #expect([Span("李小龍李小龍", .value)].fitted(to: 5, ellipsis: "…").map(\.text).joined() == "李小…")
        #expect([Span("李小", .value)].fitted(to: 4, ellipsis: "…").map(\.text).joined() == "李小")
        var screen = Screen(size: Size(cols: 6, rows: 1))
        screen.put([Span("김은혜김은혜", .value)], x: 0, y: 0, width: 6, ellipsis: "…")
        // The third syllable would straddle the ellipsis: a space takes its place.
        #expect(screen.lines == ["김은 …"])
    }

    @Test func tablesShrinkByDroppingLowPriorityColumnsFirst() {
        let columns = RosterView.columns(showingCounselor: true)
        let wide = TableLayout.widths(columns, in: 120)
        #expect(!wide.contains(0))
        let narrow = TableLayout.widths(columns, in: 78)
        let titles = zip(columns, narrow).filter { $0.1 > 0 }.map(\.0.title)
        #expect(titles == ["", "Name", "Level", "Counselor", "This week", "Check-in", "PHQ", "GAD", "Flags"])
        #expect(narrow.reduce(0, +) + titles.count - 1 <= 78)
    }

    @Test func spareRoomGoesFirstToTheColumnsThatWouldCutTheirText() {
        let columns: [TableColumn] = [.fixed("Date", 10), .flex("Use since last", min: 10), .flex("Drug screen", min: 11)]
        let natural = [10, 47, 25]
        // Room for the drug screen whole, not for both: the one that needs less is shown whole.
        #expect(TableLayout.widths(columns, in: 70, natural: natural) == [10, 33, 25])
        // Room for both: each as wide as its text, and the table ends there.
        #expect(TableLayout.widths(columns, in: 200, natural: natural) == [10, 47, 25])
        // Without content widths, flexible columns share the room as before.
        #expect(TableLayout.widths(columns, in: 70) == [10, 29, 29])
        let rows: [[[Span]]] = [[[Span("Wed 11 Nov")], [Span("No")], [Span("Positive: "), Span("Benzodiazepines")]]]
        #expect(TableLayout.natural(columns, rows: rows) == [10, 14, 25])
    }

    @Test func labelsAreCutBetweenWordsAndEveryCutEndsInAnEllipsis() {
        #expect(WordCut.fit("Participant or led by", to: 16, ellipsis: "…") == "Participant or…")
        #expect(WordCut.fit("Participant or led by", to: 21, ellipsis: "…") == "Participant or led by")
        #expect(WordCut.fit("Use since last", to: 10, ellipsis: "…") == "Use since…")
        #expect(WordCut.fit("Check-in", to: 5, ellipsis: "~") == "Chec~")
        var lines = TextLines(width: 40, ellipsis: "…")
        lines.field("Hélène Rousseau-Lefèvre", "partner · 555-0194")
        #expect(lines.lines.map { $0.map(\.text).joined() } == ["  Hélène        partner · 555-0194", "  Rousseau-Lef… "])
        lines.table([.fixed("Date", 6), .flex("Note", min: 4)], rows: [[[Span("23 Nov")], [Span("Overdue 3 days")]]])
        #expect(lines.lines.last.map { $0.map(\.text).joined() } == "  23 Nov Overdue 3 days")
        var narrow = TextLines(width: 20, ellipsis: "…")
        narrow.table([.fixed("Date", 6), .flex("Note", min: 4)], rows: [[[Span("23 Nov")], [Span("Overdue 3 days")]]])
        #expect(narrow.lines.map { $0.map(\.text).joined() } == ["  Date   Note       ", "  23 Nov Overdue 3… "])
    }

    @Test func wrappingNeverSplitsAWideCharacter() {
        #expect(Wrap.lines("Nguyễn Thị Hoa đã hoàn thành chương trình", width: 12)
                == ["Nguyễn Thị", "Hoa đã hoàn", "thành chương", "trình"])
        #expect(Wrap.lines("李小龍李小龍李小龍", width: 5) == ["李小 ", "龍李 ", "小龍 ", "李小 ", "龍"])
    }
}
