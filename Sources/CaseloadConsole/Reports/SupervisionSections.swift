import CaseloadCore

/// The Dashboard's supervision sections, from the core's `Supervision` figures: high-risk
/// assessments awaiting review (pinned first), a line per counselor, missed sessions in a row,
/// and plan reviews overdue (also on Today, for one's own caseload).
enum SupervisionSections {
    /// Pinned at the top while it has rows: a high-risk assessment stays in front of every
    /// supervisor until one reviews it.
    static func awaitingReview(_ facts: CaseloadFacts, glyphs: ConsoleGlyphs) -> ReportSection {
        let rows = (facts.rows + facts.dischargedWithOpenFlags).filter(\.entry.isAwaitingReview)
            .sorted { ($0.sortKey, $0.id) < ($1.sortKey, $1.id) }
        return ReportSection(
            title: "HIGH RISK: assessments awaiting a supervisor's review (\(rows.count))",
            columns: [.fixed("", 1), .flex("Participant", min: 16), .flex("Counselor", min: 12, priority: 1),
                      .flex("Awaiting review", min: 16)],
            rows: rows.map { row in
                ReportRow([
                    [Span(glyphs.safetyFlag, .flagSafety)], Wording.flaggedName(row, glyphs: glyphs),
                    [Span(row.shownCounselor(glyphs), .value)],
                    [Span(Format.count(row.entry.flagsAwaitingReview.count, "high-risk assessment"), .flagSafety)],
                ], participant: row.id)
            },
            emptyText: "")
    }

    /// One line per counselor; Enter lists their caseload on the Roster.
    static func counselors(_ facts: CaseloadFacts, data: ConsoleData, glyphs: ConsoleGlyphs) -> ReportSection {
        func name(_ id: StaffID) -> String {
            ShownName.of(data.staff[id]?.displayName ?? id.rawValue, id: id.rawValue, glyphs: glyphs)
        }
        let lines = facts.supervision.counselors.sorted { (name($0.counselor), $0.counselor) < (name($1.counselor), $1.counselor) }
        func count(_ value: Int, warning: Bool = true) -> [Span] {
            [Span("\(value)", value > 0 && warning ? .flagWarning : .value)]
        }
        return ReportSection(
            title: "Counselors (\(lines.count)); Enter lists their caseload",
            columns: [.flex("Counselor", min: 14), .fixed("Caseload", 8, align: .right),
                      .fixed("Notes overdue", 13, align: .right), .fixed("Attended last week", 18, priority: 1),
                      .fixed("Open flags", 10, align: .right), .fixed("Plan reviews due", 16, align: .right)],
            rows: lines.map { line in
                ReportRow([
                    [Span(name(line.counselor), .value)], count(line.caseload, warning: false), count(line.notesOverdue),
                    [attendance(line)], [Span("\(line.openFlags)", line.openFlags > 0 ? .flagSafety : .value)],
                    count(line.planReviewsOverdue),
                ], participant: nil, opens: .caseload(line.counselor))
            },
            emptyText: "No counselors or supervisors on the staff list.")
    }

    /// "83% of 42h", or "none required".
    private static func attendance(_ line: Supervision.CounselorLine) -> Span {
        guard let rate = line.attendanceRate else { return Span("none required", .muted) }
        return Span("\(rate)% of \(Format.hours(line.requiredHours))h", rate < 100 ? .meterShort : .value)
    }

    static func missedInARow(_ facts: CaseloadFacts, glyphs: ConsoleGlyphs) -> ReportSection {
        let runs = facts.supervision.missedInARow.compactMap { run in facts.row(run.participant).map { (run, $0) } }
        return ReportSection(
            title: "Missed \(Supervision.missedRunListed) or more sessions in a row (\(runs.count))",
            columns: [.flex("Participant", min: 16), .flex("Counselor", min: 12, priority: 1),
                      .fixed("Missed", 10), .fixed("Since", 11), .fixed("Latest", 11)],
            rows: runs.map { run, row in
                ReportRow([
                    [Span(row.shownName(glyphs), .value)], [Span(row.shownCounselor(glyphs), .value)],
                    [Span("\(run.missed) in a row", .flagWarning)],
                    [Span(Format.weekdayDate(run.since), .value)], [Span(Format.weekdayDate(run.latest), .value)],
                ], participant: row.id)
            },
            emptyText: "No one has missed two sessions in a row without an excuse.")
    }

    /// Everyone's on the Dashboard; `counselor`'s own caseload on Today.
    static func planReviews(_ facts: CaseloadFacts, of counselor: StaffID? = nil, today: LocalDate,
                            glyphs: ConsoleGlyphs) -> ReportSection {
        let due = facts.supervision.planReviewsOverdue.compactMap { item in facts.row(item.participant).map { (item, $0) } }
            .filter { counselor == nil || $0.1.entry.primaryCounselor == counselor }
        return ReportSection(
            title: counselor == nil ? "Treatment plan reviews overdue (\(due.count))"
                : "Treatment plan reviews overdue on my caseload (\(due.count))",
            columns: [.flex("Participant", min: 16)] + (counselor == nil ? [.flex("Counselor", min: 12, priority: 1)] : [])
                + [.fixed("Was due", 11), .fixed("Overdue", 12)],
            rows: due.map { item, row in
                ReportRow([[Span(row.shownName(glyphs), .value)]]
                    + (counselor == nil ? [[Span(row.shownCounselor(glyphs), .value)]] : []) + [
                    [Span(Format.weekdayDate(item.due), .value)],
                    [Span(Format.days(item.due.days(until: today)), .flagWarning)],
                ], participant: row.id, opens: .chart(row.id, tab: .plan))
            },
            emptyText: "Every treatment plan has been reviewed on time.")
    }
}
