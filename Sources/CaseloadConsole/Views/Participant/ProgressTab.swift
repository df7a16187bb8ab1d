import CaseloadCore
import TerminalKit

/// Scores over time as sparklines, the table of check-ins, and hours per week against the
/// level of care's requirement.
enum ProgressTab {
    static func lines(_ detail: ParticipantDetail, state: ConsoleState, width: Int) -> [[Span]] {
        let glyphs = state.session.glyphs
        var out = TextLines(width: width, ellipsis: glyphs.frame.ellipsis)
        out.heading("Scores over time")
        for instrument in Instrument.allCases {
            let totals = detail.checkIns.compactMap { $0.answers(instrument)?.total }
            guard let last = totals.last else {
                out.field(instrument.title, "Not answered yet", .muted)
                continue
            }
            var spans = [Span(Meter.sparkline(Array(totals.suffix(max(1, width / 3))), maximum: instrument.maximumTotal,
                                              glyphs: glyphs), instrument.severity(ofTotal: last).role),
                         Span("  latest ", .label), ScoreSpans.totalWithBand(last, instrument), Span("  ")]
            if let change = ScoreChange.sinceAdmission(instrument, in: detail.checkIns,
                                                       admission: detail.participant.admissionDate) {
                spans += ScoreSpans.change(change)
            }
            out.field(instrument.title, spans)
        }

        out.heading("Check-ins")
        if detail.checkIns.isEmpty {
            out.append("  No check-ins yet.", .muted)
        } else {
            out.table(checkInColumns, rows: detail.checkIns.reversed().map { checkInCells($0, glyphs: glyphs) })
        }

        flagLines(detail, state: state, into: &out)

        out.heading("Hours per week")
        let care = detail.participant.careTimeline
        let hourRows = weeks(detail, today: state.session.today).map { week in
            let hours = ServiceHours.week(week, of: detail.participant.id, care: care, sessions: detail.sessions,
                                          settings: state.data.program)
            let levels = care.levelsOfCare(in: week).map(\.abbreviation).joined(separator: glyphs.arrow)
            let verdict = hours.meetsRequirement
                ? Span("Met", .muted)
                : week == state.session.today.isoWeek
                ? Span("This week so far", .muted)
                : Span("Below required hours: \(Format.hours(hours.attendedHours)) of \(Format.hours(hours.requiredHours))",
                       .meterShort)
            return [[Span(Format.shortDate(week.monday), .value)], [Span(levels, .value)],
                    Meter.hours(hours, glyphs: glyphs, cells: 10), Meter.excused(hours), [verdict]]
        }
        out.table(hoursColumns, rows: hourRows)
        return out.lines
    }

    /// Each safety flag, newest first, with who assessed and reviewed it, when, and what was done.
    private static func flagLines(_ detail: ParticipantDetail, state: ConsoleState, into out: inout TextLines) {
        let glyphs = state.session.glyphs
        let histories = SafetyFlagHistory.of(detail.checkIns, in: state.data.program.timeZone) {
            ShownName.staff($0, in: state.data.staff, glyphs: glyphs)
        }
        guard !histories.isEmpty else { return }
        out.heading("Safety flags")
        for history in histories.reversed() {
            for line in history.lines {
                guard let label = line.label else {
                    out.append([Span("  \(glyphs.safetyFlag) \(line.text)", history.flag.isOpen ? .flagSafety : .value)])
                    continue
                }
                out.paragraph(line.text.isEmpty ? label : "\(label): \(line.text)", indent: 4)
            }
            switch history.flag.status {
            case .open: out.append("    No risk assessment yet: A assesses it", .flagWarning)
            case .awaitingReview:
                let reviews = Permissions.allows(.reviewRiskAssessment, by: state.session.staff)
                out.append("    High risk: waits for a supervisor's review" + (reviews ? " (R)" : ""), .flagWarning)
            case .closed: break
            }
        }
    }

    /// The check-in's id last: `checkin acknowledge` takes it. The first to give way when narrow.
    private static let checkInColumns: [TableColumn] = [
        .fixed("Date", 11), .fixed("PHQ-9", 22), .fixed("GAD-7", 13), .fixed("Craving", 7, priority: 3),
        .flex("Use since last", min: 10, priority: 4), .flex("Drug screen", min: 11, priority: 2),
        .fixed("Check-in", 17, priority: 1),  // "C-20261120-k3x9qa"
    ]

    private static let hoursColumns: [TableColumn] = [
        .fixed("Week of", 7), .fixed("Level", 8), .fixed("Attended", 19), .flex("Excused", min: 7, priority: 2),
        .flex("", min: 10, priority: 1),
    ]

    private static func checkInCells(_ checkIn: CheckIn, glyphs: ConsoleGlyphs) -> [[Span]] {
        func score(_ answers: QuestionnaireAnswers?) -> [Span] {
            answers.map { [ScoreSpans.totalWithBand($0.total, $0.instrument)] } ?? [Span("-", .muted)]
        }
        var phq = score(checkIn.phq9)
        if let flag = checkIn.safetyFlag {
            phq.append(Span(" \(glyphs.safetyFlag)", flag.isOpen ? .flagSafety : .muted))
        }
        let use: [Span] = checkIn.substanceUse.map { use in
            use.used ? [Span("Yes" + (use.details.map { ": \($0)" } ?? ""), .flagWarning)] : [Span("No", .value)]
        } ?? [Span("-", .muted)]
        let screen: [Span] = checkIn.drugScreen.map { screen in
            let substances = screen.substances.map { ": \($0)" } ?? ""
            return [Span(screen.result.title + substances, screen.result == .negative ? .value : .flagWarning)]
        } ?? [Span("-", .muted)]
        return [[Span(Format.weekdayDate(checkIn.date), .value)], phq, score(checkIn.gad7),
                [Span(checkIn.craving.map { "\($0)/10" } ?? "-", checkIn.craving == nil ? .muted : .value)],
                use, screen, [Span(checkIn.id.rawValue, .muted)]]
    }

    /// This week and the weeks before it back to admission, at most the detail's window.
    private static func weeks(_ detail: ParticipantDetail, today: LocalDate) -> [ISOWeek] {
        let window = ParticipantDetail.sessionWindow(admission: detail.participant.admissionDate, today: today)
        var weeks: [ISOWeek] = []
        var monday = today.isoWeek.monday
        while monday.adding(days: 6) >= window.lowerBound, weeks.count < ParticipantDetail.weeksOfSessions {
            weeks.append(monday.isoWeek)
            monday = monday.adding(days: -7)
        }
        return weeks
    }
}
