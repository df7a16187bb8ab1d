import CaseloadCore

extension ConsoleState {
    /// Recomputes the visible rows from scratch (scope, filter, sort), keeping `id` selected
    /// when it is still listed.
    mutating func refreshRoster(keeping id: ParticipantID?) {
        let rows = rosterRows
        let needle = SearchKey(roster.query)
        var visible = rows.indices.filter { index in inScope(rows[index]) && rows[index].searchKey.contains(needle) }
        sortRows(&visible)
        pinAwaitingReview(&visible)
        roster.visible = visible
        reselect(id)
    }

    /// Whether the scope lists `row` (the discharged scope picks from other rows altogether).
    private func inScope(_ row: RosterRow) -> Bool {
        switch roster.scope {
        case .mine: row.entry.primaryCounselor == session.staff.id
        case .caseload(let counselor): row.entry.primaryCounselor == counselor
        case .all, .discharged: true
        }
    }

    /// Whoever has a high-risk assessment no supervisor has reviewed goes first, whatever the
    /// sort, in the sort's order among themselves: nobody scrolls past them.
    private func pinAwaitingReview(_ visible: inout [Int]) {
        let rows = rosterRows
        let pinned = visible.filter { rows[$0].entry.isAwaitingReview }
        guard !pinned.isEmpty else { return }
        visible = pinned + visible.filter { !rows[$0].entry.isAwaitingReview }
    }

    /// Typing one more character only ever removes rows, so filter what is visible (already
    /// sorted) instead of starting over.
    mutating func narrowRoster() {
        let id = selectedRosterParticipant
        let rows = rosterRows
        let needle = SearchKey(roster.query)
        roster.visible = roster.visible.filter { rows[$0].searchKey.contains(needle) }
        reselect(id)
    }

    private mutating func sortRows(_ visible: inout [Int]) {
        let rows = rosterRows
        func byName(_ a: Int, _ b: Int) -> Bool { (rows[a].sortKey, rows[a].id) < (rows[b].sortKey, rows[b].id) }
        switch roster.sort {
        case .name:
            visible.sort(by: byName)
        case .level:
            visible.sort { a, b in
                rows[a].levelOfCare != rows[b].levelOfCare
                    ? rows[a].levelOfCare < rows[b].levelOfCare : byName(a, b)
            }
        case .hours:
            visible.sort { a, b in
                rows[a].hours.fraction != rows[b].hours.fraction
                    ? rows[a].hours.fraction < rows[b].hours.fraction : byName(a, b)
            }
        case .lastCheckIn:
            // No check-in at all sorts first: it is the most overdue.
            func day(_ index: Int) -> Int { rows[index].entry.latestCheckIn?.date.dayNumber ?? Int.min }
            visible.sort { a, b in day(a) != day(b) ? day(a) < day(b) : byName(a, b) }
        case .score:
            func score(_ index: Int) -> Int { rows[index].entry.latestCheckIn?.phq9Total ?? -1 }
            visible.sort { a, b in score(a) != score(b) ? score(a) > score(b) : byName(a, b) }
        }
        if roster.reversed { visible.reverse() }
    }

    private mutating func reselect(_ id: ParticipantID?) {
        let rows = rosterRows
        let position = id.flatMap { id in roster.visible.firstIndex { rows[$0].id == id } }
        if position != roster.cursor.selected || id != selectedRosterParticipant { roster.detailScroll = 0 }
        roster.cursor.select(position ?? 0, count: roster.visible.count, height: ConsoleLayout.rosterRows(size))
    }

    mutating func clearFilter() -> [Effect] {
        roster.query = ""
        refreshRoster(keeping: selectedRosterParticipant)
        status = .info("Filter cleared: \(scopeSummary())")
        return detailEffects()
    }

    mutating func setScope(_ scope: RosterScope) -> [Effect] {
        // Taken before the scope changes: the visible indices point into the old scope's rows.
        let selected = selectedRosterParticipant
        roster.scope = scope
        refreshRoster(keeping: selected)
        if scope == .discharged, discharged == nil {
            status = .info("Reading the discharged participants' files…")
            return [.loadDischarged]
        }
        status = .info(roster.query.isEmpty ? scopeSummary() : filterSummary())
        return detailEffects()
    }

    /// The discharged participants arrived: list them if that is still the scope.
    mutating func dischargedArrived(_ entries: [RosterEntry]) -> [Effect] {
        discharged = entries
        rebuildDigest()
        guard roster.scope == .discharged else { return [] }
        if !keepStatusOnReload { status = .info(roster.query.isEmpty ? scopeSummary() : filterSummary()) }
        return detailEffects()
    }

    mutating func resort() -> [Effect] {
        refreshRoster(keeping: selectedRosterParticipant)
        status = .info("Sorted by \(roster.sort.title), " + (roster.reversed ? "reversed" : roster.sort.firstIs))
        return detailEffects()
    }

    /// "My caseload: 5 participants".
    func scopeSummary() -> String {
        "\(scopeTitle()): \(Format.count(roster.visible.count, "participant"))"
    }

    /// "My caseload", "All participants", "Caseload of María García", "Discharged".
    func scopeTitle() -> String {
        switch roster.scope {
        case .mine: "My caseload"
        case .all: "All participants"
        case .caseload(let counselor): "Caseload of \(data.staff[counselor]?.displayName ?? counselor.rawValue)"
        case .discharged: "Discharged"
        }
    }

    /// "3 of 12 match “nunez”".
    func filterSummary() -> String {
        let total = rosterRows.filter(inScope).count
        return "\(roster.visible.count) of \(total) match \"\(roster.query)\""
    }

    mutating func reclampCursors() {
        roster.cursor.select(roster.cursor.selected, count: roster.visible.count, height: ConsoleLayout.rosterRows(size))
        for page in [Page.today, .sessions, .dashboard] {
            guard let report = digest.report(page) else { continue }
            var cursor = reportCursors[page] ?? ListCursor()
            cursor.selectReportRow(cursor.selected, in: report, height: ConsoleLayout.reportLines(size))
            reportCursors[page] = cursor
        }
    }
}
