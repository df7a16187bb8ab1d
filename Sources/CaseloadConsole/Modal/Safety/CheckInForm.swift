import CaseloadCore

/// `c`: a check-in as the participant answered it. One digit per PHQ-9 and GAD-7 item moves to
/// the next; craving, use, the drug screen and the comment may stay empty. The totals follow
/// every answer, and an answer above 0 to PHQ-9 item 9 raises a banner at once; once saved,
/// the risk assessment for the flag it raised opens next.
struct CheckInForm: FormKind {
    let participant: ParticipantID

    enum Key: Hashable, Sendable {
        case item(Instrument, Int)
        case craving, used, useDetails, drugScreen, substances, comment, date
    }

    /// The drug screen's choices: "Not done" and then the core's results.
    static let screenChoices = ["Not done"] + DrugScreenResult.allCases.map(\.title)

    static func open(for participant: ParticipantID, in state: ConsoleState) -> FormScreen<CheckInForm> {
        var fields: [FormField<Key>] = []
        for instrument in Instrument.allCases {
            for (index, text) in instrument.itemTexts.enumerated() {
                fields.append(FormField(
                    .item(instrument, index), "\(index + 1). \(text)",
                    .score(nil, maximum: 3, meanings: Instrument.answerTexts),
                    section: index == 0 ? "\(instrument.title): over the last two weeks, how often…" : nil,
                    help: "0 not at all, 1 several days, 2 more than half the days, 3 nearly every day."))
            }
        }
        fields += [
            FormField(.craving, "Craving (0 to 10)", .score(nil, maximum: 10, meanings: []), section: "Since the last check-in",
                      help: "Type 0 to 10, then Tab; leave it empty if not asked."),
            FormField(.used, "Any use", .yesNo(nil), help: "y or n; leave it empty if not asked."),
            FormField(.useDetails, "What was used", .text(""), help: "What and how much, in the participant's words."),
            FormField(.drugScreen, "Drug screen", .choice(screenChoices, selected: 0),
                      help: "Left/Right, or the first letter: not done, negative, positive, dilute, refused."),
            FormField(.substances, "Substances", .text(""), help: "What the screen detected."),
            FormField(.comment, "Comment", .text(""), help: "Anything else worth knowing; optional."),
            FormField(.date, "Date", .date(state.session.today.description, suggested: true),
                      help: "The day the participant answered, YYYY-MM-DD; today unless typed."),
        ]
        return FormScreen(CheckInForm(participant: participant), fields: fields)
    }

    var whatIsDiscarded: String { "check-in" }

    func title(in state: ConsoleState) -> String {
        state.formTitle("Check-in", for: participant)
    }

    func isShown(_ key: Key, in fields: FormFields<Key>) -> Bool {
        switch key {
        case .useDetails: fields.yesNo(.used) == true
        case .substances: fields.choice(.drugScreen) == Self.screenChoices.firstIndex(of: DrugScreenResult.positive.title)
        default: true
        }
    }

    func notices(_ fields: FormFields<Key>, in state: ConsoleState) -> [FormNotice] {
        var notices: [FormNotice] = []
        if let answer = fields.score(.item(.phq9, 8)), answer > 0 {
            notices.append(.alarm(
                "PHQ-9 item 9 answered \(answer) (\(Instrument.answerTexts[answer].lowercased())): thoughts of death "
                    + "or self-harm. Saving raises a safety flag, and the risk assessment opens next."))
        }
        let totals = Instrument.allCases.map { instrument -> String in
            let answers = (0..<instrument.itemCount).compactMap { fields.score(.item(instrument, $0)) }
            let total = answers.reduce(0, +)
            if answers.isEmpty { return "\(instrument.title) not answered" }
            if answers.count < instrument.itemCount {
                return "\(instrument.title) \(answers.count) of \(instrument.itemCount) items answered"
            }
            return "\(instrument.title) \(total) of \(instrument.maximumTotal), \(instrument.severity(ofTotal: total).title.lowercased())"
        }
        notices.append(FormNotice(text: totals.joined(separator: " \(state.session.glyphs.separator) ")))
        return notices
    }

    func request(from fields: FormFields<Key>, in state: ConsoleState) throws(FormProblem<Key>) -> WriteRequest {
        let date = try fields.date(.date) ?? state.session.today
        let scores = try Instrument.allCases.map { instrument throws(FormProblem<Key>) in
            try answers(of: instrument, in: fields)
        }
        let screen = fields.choice(.drugScreen).flatMap { $0 == 0 ? nil : DrugScreenResult.allCases[$0 - 1] }
        let request = CheckInRequest(
            participant: participant, date: date, phq9: scores[0], gad7: scores[1], craving: fields.score(.craving),
            substanceUse: fields.yesNo(.used).map { SubstanceUse(used: $0, details: $0 ? fields.optionalText(.useDetails) : nil) },
            drugScreen: screen.map { DrugScreen(result: $0, substances: $0 == .positive ? fields.optionalText(.substances) : nil) },
            comment: fields.text(.comment))
        return .recordCheckIn(request)
    }

    /// Every item answered, or none: a questionnaire half filled in is a skipped item, named.
    private func answers(of instrument: Instrument, in fields: FormFields<Key>) throws(FormProblem<Key>) -> [Int]? {
        let answers = (0..<instrument.itemCount).map { fields.score(.item(instrument, $0)) }
        guard answers.contains(where: { $0 != nil }) else { return nil }
        if let missing = answers.firstIndex(where: { $0 == nil }) {
            throw FormProblem(
                field: .item(instrument, missing),
                message: "\(instrument.title) item \(missing + 1) has no answer: answer every item, or none to leave "
                    + "\(instrument.title) out.")
        }
        return answers.compactMap { $0 }
    }

    func afterSaving(_ saved: SavedChange, status: StatusMessage, in state: ConsoleState) -> ModalStep {
        guard let checkIn = saved.checkIn, checkIn.safetyFlag?.status == .open else {
            return ModalStep(status: status, next: .close)
        }
        guard Permissions.allows(.acknowledgeFlag, by: state.session.staff) else {
            return ModalStep(status: .error("Check-in recorded; a safety flag is open: tell the counselor or a supervisor now"),
                             next: .close)
        }
        return ModalStep(status: .error("Check-in recorded and a safety flag raised: complete the risk assessment now"),
                         next: .replace(RiskAssessmentForm.open(for: checkIn, in: state)))
    }
}
