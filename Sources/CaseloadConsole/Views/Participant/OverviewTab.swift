import CaseloadCore
import TerminalKit

/// Who the participant is and where they stand: the roster's detail pane and the first tab.
enum OverviewTab {
    static func lines(_ detail: ParticipantDetail, state: ConsoleState, width: Int) -> [[Span]] {
        let person = detail.participant
        let today = state.session.today
        let separator = state.session.glyphs.separator
        var out = TextLines(width: width, ellipsis: state.session.glyphs.frame.ellipsis)
        for alert in ParticipantTabs.alerts(detail, state: state) { out.append(alert) }

        out.heading("Demographics")
        var age = "\(person.age(on: today)) (born \(Format.date(person.dateOfBirth)))"
        if let pronouns = person.pronouns, !pronouns.isEmpty { age += " \(separator) \(pronouns)" }
        out.field("Age", age)
        out.field("Status", person.status.title, person.status == .active ? .value : .flagWarning)
        if let phone = person.phone { out.field("Phone", phone) }
        if let contact = person.emergencyContact {
            out.field("Emergency", "\(ShownName.emergencyContact(contact, glyphs: state.session.glyphs)) "
                      + "(\(contact.relationship)) \(contact.phone)")
        }
        out.field("Admitted", "\(Format.date(person.admissionDate)) \(separator) referred by \(person.referralSource)")
        out.field("Track", person.track.title)
        out.field("Counselor", ParticipantTabs.staffName(person.primaryCounselor, state))
        for (index, diagnosis) in person.diagnoses.enumerated() {
            out.field(index == 0 ? "Diagnoses" : "",
                      diagnosis.icd10.map { "\($0) \(diagnosis.description)" } ?? diagnosis.description)
        }

        out.heading("Level of care")
        for change in person.levelOfCareHistory.reversed() {
            let when = change.effective > today ? "from" : "since"
            out.field(change.level.abbreviation, "\(when) \(Format.date(change.effective)) \(separator) \(change.reason)")
        }

        out.heading("Treatment plan")
        out.append([Span("  ")] + planSummary(person.treatmentPlan, today: today))

        out.heading("Scores")
        scores(detail, admission: person.admissionDate, into: &out)

        out.heading("Hours this week")
        let week = ServiceHours.week(today.isoWeek, of: person.id, care: person.careTimeline, sessions: detail.sessions,
                                     settings: state.data.program)
        out.field("Attended", Meter.hours(week, glyphs: state.session.glyphs)
                  + (week.excusedMinutes > 0 ? [Span(", ", .value)] + Meter.excused(week) : []))

        out.heading("Recent sessions")
        let recent = detail.sessions.suffix(5).reversed()
        if recent.isEmpty { out.append("  No sessions in the last \(ParticipantDetail.weeksOfSessions) weeks.", .muted) }
        out.table(recentColumns, rows: recent.compactMap { meeting in
            meeting.member(person.id).map { member in
                [[Span(Format.weekdayDate(meeting.date), .value)],
                 [Span(Wording.sessionTitle(meeting, separator: separator), .value)],
                 [Wording.attendance(member.attendance, of: meeting, separator: separator)], [Wording.noteState(member.note)]]
            }
        }, header: false)
        return out.lines
    }

    private static let recentColumns: [TableColumn] = [
        .fixed("Date", 10), .flex("Session", min: 12), .flex("Attendance", min: 14, priority: 2),
        .fixed("Note", 11, priority: 1),
    ]

    /// "3 problems · 5 objectives: 1 met, 3 in progress · next review 2 Dec 2026".
    static func planSummary(_ plan: TreatmentPlan, today: LocalDate) -> [Span] {
        let objectives = plan.objectives
        guard !plan.problems.isEmpty else { return [Span("No problems written yet", .muted)] }
        let counts = ObjectiveStatus.allCases.compactMap { status -> String? in
            let count = objectives.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(status.title.lowercased())"
        }
        var spans = [Span("\(Format.count(plan.problems.count, "problem")), "
                          + "\(Format.count(objectives.count, "objective"))"
                          + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")), .value)]
        if let due = plan.nextReviewDue {
            spans.append(plan.isReviewOverdue(on: today)
                ? Span("; review overdue since \(Format.date(due))", .flagWarning)
                : Span("; next review \(Format.date(due))", .value))
        }
        return spans
    }

    private static func scores(_ detail: ParticipantDetail, admission: LocalDate, into out: inout TextLines) {
        guard let latest = detail.checkIns.last else {
            out.append("  No check-ins yet.", .muted)
            return
        }
        out.field("Last check-in", Format.date(latest.date))
        for instrument in Instrument.allCases {
            guard let total = detail.checkIns.last(where: { $0.answers(instrument) != nil })?.answers(instrument)?.total
            else {
                out.field(instrument.title, "Not answered yet", .muted)
                continue
            }
            var spans = [ScoreSpans.totalWithBand(total, instrument), Span("  ", .value)]
            if let change = ScoreChange.sinceAdmission(instrument, in: detail.checkIns, admission: admission) {
                spans += ScoreSpans.change(change)
            }
            out.field(instrument.title, spans)
        }
        if let craving = latest.craving { out.field("Craving", "\(craving) of 10 on \(Format.shortDate(latest.date))") }
        if let use = latest.substanceUse {
            out.field("Use", use.used ? "Used since the last check-in" + (use.details.map { ": \($0)" } ?? "")
                : "No use since the last check-in", use.used ? .flagWarning : .value)
        }
    }
}
