import CaseloadCore

/// How j/k, PgUp/PgDn and g/G move.
enum Movement: Equatable {
    case by(Int)
    case page(Int)
    case top
    case bottom

    /// The movement a list command asks for; nil for any other command.
    init?(_ command: Command) {
        switch command {
        case .moveDown: self = .by(1)
        case .moveUp: self = .by(-1)
        case .pageDown: self = .page(1)
        case .pageUp: self = .page(-1)
        case .moveToTop: self = .top
        case .moveToBottom: self = .bottom
        default: return nil
        }
    }

    /// Where a selection (or scroll offset) lands among `count` places, `height` to a page.
    func target(from current: Int, count: Int, height: Int) -> Int {
        let last = max(0, count - 1)
        let wanted: Int
        switch self {
        case .by(let step): wanted = current + step
        case .page(let pages): wanted = current + pages * max(1, height - 1)
        case .top: wanted = 0
        case .bottom: wanted = last
        }
        return max(0, min(wanted, last))
    }
}

extension ConsoleState {
    mutating func move(_ movement: Movement) -> [Effect] {
        switch keyMode {
        case .roster where roster.focus == .detail:
            let height = ConsoleLayout.detailLines(size)
            roster.detailScroll = movement.target(
                from: roster.detailScroll, count: detailPaneLineCount() - height + 1, height: height)
            return []
        case .roster, .filter:
            let before = selectedRosterParticipant
            let height = ConsoleLayout.rosterRows(size)
            roster.cursor.select(movement.target(from: roster.cursor.selected, count: roster.visible.count, height: height),
                                 count: roster.visible.count, height: height)
            if selectedRosterParticipant != before { roster.detailScroll = 0 }
            return detailEffects()
        case .report:
            guard let report = digest.report(page) else { return [] }
            var cursor = reportCursors[page] ?? ListCursor()
            let height = ConsoleLayout.reportLines(size)
            let target = movement.target(from: cursor.selected, count: report.rowCount, height: height)
            cursor.selectReportRow(target, in: report, height: height)
            // A screen of empty sections has nothing to select; let j/k scroll its lines instead.
            if report.rowCount == 0 {
                cursor.top = movement.target(from: cursor.top, count: report.lineCount - height + 1, height: height)
            }
            reportCursors[page] = cursor
            return []
        case .participant:
            guard var screen = participantScreen else { return [] }
            let height = ConsoleLayout.participantLines(size)
            if screen.tab == .plan, let layout = planLayout(screen), !layout.itemLines.isEmpty {
                screen.planItem = movement.target(from: screen.planItem, count: layout.itemLines.count, height: height / 2)
                screen.scroll = Self.scroll(screen.scroll, showing: layout.itemLines[screen.planItem],
                                            of: layout.lines.count, height: height)
                participantScreen = screen
                return []
            }
            screen.scroll = movement.target(from: screen.scroll, count: participantLineCount(screen) - height + 1,
                                            height: height)
            participantScreen = screen
            return []
        case .palette:
            guard case .palette(var palette) = overlay else { return [] }
            let height = ConsoleLayout.paletteRows(size)
            palette.cursor.select(movement.target(from: palette.cursor.selected, count: palette.matches.count,
                                                  height: height),
                                  count: palette.matches.count, height: height)
            overlay = .palette(palette)
            return []
        case .help:
            guard case .help(let scroll) = overlay else { return [] }
            let height = ConsoleLayout.helpLines(size)
            let lines = HelpOverlay.lines(for: self, width: HelpOverlay.textRect(ConsoleLayout.help(size)).width).count
            overlay = .help(scroll: movement.target(from: scroll, count: lines - height + 1, height: height))
            return []
        case .session, .note, .question, .form, .editor, .conflict, .search, .checklist, .reading:
            // Modal screens move their own cursors (`isModalCommand`).
            return []
        }
    }

    /// Lines of the side-by-side detail pane for the selected participant.
    func detailPaneLineCount() -> Int {
        guard let detailRect = ConsoleLayout.roster(size).detail, let id = selectedRosterParticipant,
              let loaded = loadedDetail(of: id) else { return 0 }
        return OverviewTab.lines(loaded, state: self, width: DetailPane.textRect(detailRect).width).count
    }

    /// The Plan tab as drawn for `screen`, once its participant is loaded.
    func planLayout(_ screen: ParticipantScreen) -> PlanTab.Layout? {
        loadedDetail(of: screen.id).map { PlanTab.layout($0, state: self, width: ParticipantView.contentRect(size).width) }
    }

    /// The selected plan item, when the Plan tab is showing and has one.
    var selectedPlanItem: PlanItem? {
        guard let screen = participantScreen, screen.tab == .plan, let detail = loadedDetail(of: screen.id) else { return nil }
        let items = PlanTab.items(detail.participant.treatmentPlan)
        return items.isEmpty ? nil : items[min(screen.planItem, items.count - 1)]
    }

    /// The smallest scroll from `scroll` that shows all of `lines` (its first line when it is
    /// taller than the page), with the line above for context when there is room.
    static func scroll(_ scroll: Int, showing lines: Range<Int>, of count: Int, height: Int) -> Int {
        var top = scroll
        if lines.upperBound > top + height { top = lines.upperBound - height }
        if lines.lowerBound - 1 < top { top = max(0, lines.lowerBound - 1) }
        return max(0, min(top, max(0, count - height)))
    }

    func participantLineCount(_ screen: ParticipantScreen) -> Int {
        guard let loaded = loadedDetail(of: screen.id) else { return 0 }
        return ParticipantTabs.lines(screen.tab, loaded, state: self, width: ParticipantView.contentRect(size).width).count
    }
}

extension ListCursor {
    /// Selects a report row and scrolls by lines so it shows, with its section's title and column
    /// header when it is the section's first row.
    mutating func selectReportRow(_ index: Int, in report: Report, height: Int) {
        selected = max(0, min(index, report.rowCount - 1))
        guard report.rowCount > 0 else { top = min(top, max(0, report.lineCount - height)); return }
        let line = report.line(ofRow: selected)
        let firstOfSection = selected == 0 || report.line(ofRow: selected - 1) != line - 1
        let context = firstOfSection ? 2 : 0
        if line - context < top { top = max(0, line - context) }
        if line >= top + height { top = line - height + 1 }
        top = max(0, min(top, max(0, report.lineCount - height)))
    }
}
