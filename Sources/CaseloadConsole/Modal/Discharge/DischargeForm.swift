import CaseloadCore

/// `D` on the Discharge tab: how the stay ended, its summary and the aftercare that follows the
/// participant out (support groups, follow-up appointments, sober living). A further support
/// group or follow-up appears once the one before holds something. While a safety flag is open,
/// a supervisor writes why the discharge goes ahead anyway; the core keeps that reason.
struct DischargeForm: FormKind {
    let person: Participant
    /// The dates of the open safety flags, oldest first, as the form opened.
    let openFlags: [LocalDate]
    /// True when the signed-in user may discharge with a flag open: the field for it is shown.
    let offersOverride: Bool

    enum Key: Hashable, Sendable {
        case type, date, summary
        case supportGroup(Int)
        case followUpDate(Int), followUpWith(Int), followUpPurpose(Int)
        case soberLiving, overrideReason
    }

    /// How many support groups and follow-ups the form holds; each appears as the one before is used.
    static let repeats = 5

    /// How a stay ends; their first letters (C, S, L, A, T) choose them.
    static let types = DischargeType.allCases.map(\.title)

    static func open(for detail: ParticipantDetail, in state: ConsoleState) -> FormScreen<DischargeForm> {
        let openFlags = detail.checkIns.filter(\.hasOpenSafetyFlag).map(\.date)
        let kind = DischargeForm(
            person: detail.participant, openFlags: openFlags,
            offersOverride: !openFlags.isEmpty && Permissions.allows(.dischargeWithOpenFlag, by: state.session.staff))
        var fields: [FormField<Key>] = [
            FormField(.type, "Discharge type", .choice(types, selected: nil),
                      help: "Left/Right, or the first letter: completed, stepped down, left against advice, "
                          + "administrative, transferred."),
            FormField(.date, "Discharged on", .date(state.session.today.description, suggested: true),
                      help: "The last day of the stay, YYYY-MM-DD; today unless typed."),
            FormField(.summary, "Summary", .text(""),
                      help: "Course of treatment, progress on the plan, condition at discharge."),
            FormField(.overrideReason, "Override reason", .text(""),
                      help: "As supervisor: why the discharge cannot wait for a risk assessment (A) to close the flag."),
        ]
        for index in 0..<repeats {
            fields.append(FormField(.supportGroup(index), "Support group \(index + 1)", .text(""),
                                    section: index == 0 ? "Aftercare" : nil,
                                    help: "A group and when it meets, e.g. SMART Recovery, Tuesdays; optional."))
        }
        for index in 0..<repeats {
            fields += [
                FormField(.followUpDate(index), "Follow-up \(index + 1) on", .date("", suggested: false),
                          help: "The appointment's date, YYYY-MM-DD; on or after the discharge."),
                FormField(.followUpWith(index), "Follow-up \(index + 1) with", .text(""),
                          help: "Who the appointment is with: a name, a clinic."),
                FormField(.followUpPurpose(index), "Follow-up \(index + 1) for", .text(""),
                          help: "What it is for, e.g. medication review."),
            ]
        }
        fields.append(FormField(.soberLiving, "Sober living", .text(""),
                                help: "Where the participant will live, if a sober-living home; optional."))
        return FormScreen(kind, fields: fields)
    }

    var whatIsDiscarded: String { "discharge" }

    func title(in state: ConsoleState) -> String {
        state.formTitle("Discharge", for: person)
    }

    func isShown(_ key: Key, in fields: FormFields<Key>) -> Bool {
        switch key {
        case .supportGroup(let index):
            index == 0 || !fields.text(.supportGroup(index - 1)).isEmpty
        case .followUpDate(let index), .followUpWith(let index), .followUpPurpose(let index):
            index == 0 || isUsed(followUp: index - 1, in: fields)
        case .overrideReason:
            offersOverride
        default:
            true
        }
    }

    func notices(_ fields: FormFields<Key>, in state: ConsoleState) -> [FormNotice] {
        let today = state.session.today
        var notices: [FormNotice] = []
        if let first = openFlags.first {
            let flags = openFlags.count == 1 ? "A safety flag is open (\(Format.date(first)))"
                : "\(openFlags.count) safety flags are open (the first on \(Format.date(first)))"
            notices.append(.alarm(offersOverride
                ? "\(flags): write why the discharge goes ahead with it open; the reason is kept with the discharge."
                : "\(flags). \(StaffAction.dischargeWithOpenFlag.rule); a risk assessment (A) closes it, with a supervisor's review (R) when the risk is high."))
        }
        notices.append(FormNotice(text: "In care since \(Format.date(person.admissionDate)), now in "
                                  + "\(person.levelOfCare(on: today).title)."))
        for change in person.levelOfCareHistory where change.effective > today {
            notices.append(FormNotice(text: "Scheduled: \(change.level.title) from \(Format.date(change.effective))."))
        }
        return notices
    }

    /// A discharge closes the chart and takes a readmission to undo: it is asked for once more.
    func confirmation(of request: WriteRequest, in state: ConsoleState) -> String? {
        guard case .discharge(_, let discharge) = request else { return nil }
        return "Discharge \(state.digest.facts.shownName(of: person, glyphs: state.session.glyphs)) "
            + "(\(discharge.type.rawValue)) on \(Format.date(discharge.date))? The chart becomes read-only; only a "
            + "readmission reopens it."
    }

    func request(from fields: FormFields<Key>, in state: ConsoleState) throws(FormProblem<Key>) -> WriteRequest {
        guard let type = fields.choice(.type) else {
            throw FormProblem(field: .type, message: "Choose how the stay ended: Left/Right, or its first letter.")
        }
        var followUps: [FollowUpAppointment] = []
        for index in 0..<Self.repeats where isUsed(followUp: index, in: fields) {
            guard let date = try fields.date(.followUpDate(index)) else {
                throw FormProblem(field: .followUpDate(index),
                                  message: "Follow-up \(index + 1) needs its date, as YYYY-MM-DD.")
            }
            followUps.append(FollowUpAppointment(date: date, with: fields.text(.followUpWith(index)),
                                                 purpose: fields.text(.followUpPurpose(index))))
        }
        let aftercare = AftercarePlan(
            supportGroups: (0..<Self.repeats).compactMap { fields.optionalText(.supportGroup($0)) },
            followUps: followUps, soberLiving: fields.optionalText(.soberLiving))
        return .discharge(person.id, DischargeRequest(
            date: try fields.date(.date) ?? state.session.today, type: DischargeType.allCases[type],
            summary: fields.text(.summary), aftercare: aftercare,
            openFlagOverride: offersOverride ? fields.optionalText(.overrideReason) : nil))
    }

    /// True once any of a follow-up's three fields holds something.
    private func isUsed(followUp index: Int, in fields: FormFields<Key>) -> Bool {
        [Key.followUpDate(index), .followUpWith(index), .followUpPurpose(index)].contains { !fields.text($0).isEmpty }
    }
}
