import CaseloadCore
import TerminalKit

/// The roster pane: one row per participant, only the visible rows drawn.
enum RosterView {
    /// The columns; the counselor column only when the roster lists more than one caseload, the
    /// PHQ-9 trend of the stay only in a terminal of `trendWidth` columns or more, and the
    /// discharge date in place of this week's hours for the discharged.
    static func columns(showingCounselor: Bool, showingTrend: Bool = false, discharged: Bool = false) -> [TableColumn] {
        [.fixed("", 1), .flex("Name", min: 16), .fixed("Level", 5), .fixed("Track", 13, priority: 1)]
            + (showingCounselor ? [.flex("Counselor", min: 12, priority: 2)] : [])
            + [discharged ? .fixed("Discharged", 11) : .fixed("This week", 13), .fixed("Check-in", 8)]
            + [showingTrend ? .fixed(trendTitle, trendCells + 3, align: .right) : .fixed("PHQ", 3, align: .right)]
            + [.fixed("GAD", 3, align: .right), .fixed("Flags", 9)]
    }

    /// From this terminal width the roster draws each participant's PHQ-9 scores of the stay,
    /// in the latest score's column so the name keeps its room beside the detail pane.
    static let trendWidth = 120
    /// The latest scores the trend shows, one cell each.
    static let trendCells = 5
    static let trendTitle = "PHQ-9"

    static func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        let glyphs = state.session.glyphs
        let focused = state.roster.focus == .list || !state.isSideBySide
        screen.box(rect, title: title(state), role: focused ? .borderFocused : .border,
                   titleRole: focused ? .titleFocused : .title, glyphs: glyphs.frame)
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return }
        let showingCounselor = state.roster.scope == .all || state.roster.scope == .discharged
        let columns = columns(showingCounselor: showingCounselor, showingTrend: state.size.cols >= trendWidth,
                              discharged: state.roster.scope == .discharged)
        let widths = TableLayout.widths(columns, in: inner.width)
        let alignments = columns.map(\.alignment)
        screen.putRow(headerCells(state, columns: columns, widths: widths), columns: widths, alignments: alignments,
                      x: inner.x, y: inner.y, ellipsis: "")
        // The pane's last line says whose files are damaged: they or their flags may be missing above.
        let damage = damageNotice(state)
        let listArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width,
                            height: inner.height - 1 - (damage == nil || inner.height < 3 ? 0 : 1))
        if let damage, inner.height >= 3 {
            screen.put([damage], x: inner.x + 1, y: inner.bottom - 1, width: inner.width - 1, ellipsis: glyphs.frame.ellipsis)
        }
        let rows = state.rosterRows
        let visible = state.roster.visible
        guard !visible.isEmpty else {
            let reason = KeyTable.whyNothingToOpen(state) ?? ""
            screen.put(reason, x: listArea.x + 2, y: listArea.y + 1, role: .muted, maxWidth: listArea.width - 2)
            return
        }
        let cursor = state.roster.cursor
        // Render trusts the cursor but never lets the selection fall off the screen.
        let top = max(0, min(cursor.top, cursor.selected, visible.count - 1))
        let first = cursor.selected >= top + listArea.height ? cursor.selected - listArea.height + 1 : top
        for line in 0..<listArea.height {
            let position = first + line
            guard position < visible.count else { break }
            let row = rows[visible[position]]
            let y = listArea.y + line
            let selected = position == cursor.selected
            screen.putRow(cells(row, state: state, selected: selected, showingCounselor: showingCounselor),
                          columns: widths, alignments: alignments, x: listArea.x, y: y, ellipsis: glyphs.frame.ellipsis)
            if selected {
                screen.paint(Rect(x: listArea.x, y: y, width: listArea.width, height: 1),
                             role: focused ? .rosterSelected : .rosterSelectedUnfocused)
            }
        }
    }

    /// "1 participant file damaged — open flags may be missing: Núñez, José (P-0003)", or nil.
    private static func damageNotice(_ state: ConsoleState) -> Span? {
        let data = state.data
        guard !data.damagedParticipants.isEmpty else { return nil }
        let notice = Wording.damagedParticipants(data.damagedParticipants.count, glyphs: state.session.glyphs)
        return Span(notice + ": " + data.damagedParticipantNames(state.session.glyphs).joined(separator: "; "), .error)
    }

    /// "2 Roster · My caseload (5) · “nunez”".
    private static func title(_ state: ConsoleState) -> String {
        let separator = state.session.glyphs.separator
        let scope = state.scopeTitle()
        let filter = state.roster.query.isEmpty ? "" : " \(separator) filter \"\(state.roster.query)\""
        return "Roster \(separator) \(scope) (\(state.roster.visible.count))\(filter)"
    }

    /// Column titles cut between words; the sorted one always keeps its arrow, its title cut to make room.
    private static func headerCells(_ state: ConsoleState, columns: [TableColumn], widths: [Int]) -> [[Span]] {
        let glyphs = state.session.glyphs
        let arrow = state.roster.reversed ? glyphs.sortDescending : glyphs.sortAscending
        let sorted: String
        switch state.roster.sort {
        case .name: sorted = "Name"
        case .level: sorted = "Level"
        case .hours: sorted = state.roster.scope == .discharged ? "Discharged" : "This week"
        case .lastCheckIn: sorted = "Check-in"
        case .score: sorted = state.size.cols >= trendWidth ? trendTitle : "PHQ"
        }
        let ellipsis = glyphs.frame.ellipsis
        return zip(columns, widths).map { column, width in
            column.title == sorted
                ? [Span(WordCut.fit(column.title, to: width - DisplayWidth.of(arrow), ellipsis: ellipsis) + arrow, .titleFocused)]
                : [Span(WordCut.fit(column.title, to: width, ellipsis: ellipsis), .label)]
        }
    }

    static func cells(_ row: RosterRow, state: ConsoleState, selected: Bool, showingCounselor: Bool) -> [[Span]] {
        let glyphs = state.session.glyphs
        let entry = row.entry
        let latest = entry.latestCheckIn
        let dim = entry.status == .onHold
        // A high-risk assessment nobody has reviewed: pinned first, the name marked (it keeps its
        // room: the name is what must not be cut) and "HIGH RISK" said in words among the flags.
        let name = entry.isAwaitingReview
            ? [Span(glyphs.safetyFlag + " " + row.shownName(glyphs), .flagSafety)]
            : [Span(row.shownName(glyphs), dim ? .rosterDim : .value)]
        let stay = entry.care.discharge.map { [Span(Format.date($0), .value)] } ?? Meter.hours(row.hours, glyphs: glyphs)
        let trend = entry.phq9History.suffix(trendCells).map(\.total)
        let latestPHQ = ScoreSpans.total(latest?.phq9Total, .phq9)
        return [
            [Span(selected ? glyphs.frame.marker : " ", .value)],
            name,
            [Span(row.levelOfCare.abbreviation, .value)],
            [Span(entry.track.title, .value)],
        ] + (showingCounselor ? [[Span(row.shownCounselor(glyphs), .value)]] : []) + [
            stay,
            [Span(latest.map { Format.shortDate($0.date) } ?? "None", latest == nil ? .muted : .value)],
            state.size.cols >= trendWidth && !trend.isEmpty
                ? [Span(Meter.sparkline(trend, maximum: Instrument.phq9.maximumTotal, glyphs: glyphs) + " ", .value), latestPHQ]
                : [latestPHQ],
            [ScoreSpans.total(latest?.gad7Total, .gad7)],
            flags(row, today: state.session.today, glyphs: glyphs),
        ]
    }

    /// "⚑ C+3 N2": open safety flag (or HIGH RISK awaiting review), check-in overdue by days,
    /// notes overdue (legend in help).
    static func flags(_ row: RosterRow, today: LocalDate, glyphs: ConsoleGlyphs) -> [Span] {
        var spans: [Span] = []
        func add(_ text: String, _ role: Role) {
            if !spans.isEmpty { spans.append(Span(" ")) }
            spans.append(Span(text, role))
        }
        if row.entry.isAwaitingReview {
            add("HIGH RISK", .flagSafety)
        } else if row.hasOpenSafetyFlag {
            add(glyphs.safetyFlag, .flagSafety)
        }
        // No check-in is due from someone discharged.
        if row.entry.isInCare, row.isCheckInOverdue(on: today) { add("C+\(row.checkIn.daysOverdue(on: today))", .flagWarning) }
        if row.overdueNotes > 0 { add("N\(row.overdueNotes)", .flagWarning) }
        return spans
    }
}
