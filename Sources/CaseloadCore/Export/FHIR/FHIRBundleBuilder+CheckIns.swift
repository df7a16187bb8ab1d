extension FHIRBundleBuilder {
    /// For each PHQ-9 or GAD-7 of a check-in: the answers as a QuestionnaireResponse, the panel as
    /// an Observation with one component per item, and the total as an Observation with the band
    /// as its interpretation; and a Flag when the check-in's safety flag is still open.
    mutating func addCheckIn(_ checkIn: CheckIn) {
        let recordedBy = practitioner(checkIn.recordedBy)
        for answers in [checkIn.phq9, checkIn.gad7].compactMap({ $0 }) {
            let codes = FHIRTerminology.codes(answers.instrument)
            let name = "\(checkIn.id)/\(answers.instrument.rawValue)"
            let response = Self.reference("QuestionnaireResponse/\(name)")
            let total = Self.reference("Observation/\(name)/total")
            let items = zip(codes.items, answers.items)
            add(
                FHIRQuestionnaireResponse(
                    id: Self.id("QuestionnaireResponse/\(name)"),
                    identifier: FHIRIdentifier(system: FHIRIdentity.System.checkIn, value: name),
                    questionnaire: "http://loinc.org/q/\(codes.panel.code)", subject: patient,
                    authored: Self.date(checkIn.date), author: recordedBy, source: patient,
                    item: items.map { code, score in
                        .init(linkId: code.code, text: code.display, answer: [.init(valueCoding: FHIRTerminology.answer(score))])
                    } + [
                        .init(linkId: codes.total.code, text: codes.total.display, answer: [.init(valueInteger: answers.total)])
                    ]))
            add(
                FHIRObservation(
                    id: Self.id("Observation/\(name)"),
                    identifier: [FHIRIdentifier(system: FHIRIdentity.System.checkIn, value: name)],
                    code: FHIRConcept(codes.panel.coding), subject: patient, effectiveDateTime: Self.date(checkIn.date),
                    performer: [recordedBy], hasMember: [total], derivedFrom: [response],
                    component: items.map { code, score in
                        .init(code: FHIRConcept(code.coding), valueCodeableConcept: FHIRConcept(FHIRTerminology.answer(score)))
                    }))
            let severity = answers.severity
            add(
                FHIRObservation(
                    id: Self.id("Observation/\(name)/total"),
                    identifier: [FHIRIdentifier(system: FHIRIdentity.System.checkIn, value: "\(name)/total")],
                    code: FHIRConcept(codes.total.coding), subject: patient, effectiveDateTime: Self.date(checkIn.date),
                    performer: [recordedBy], valueInteger: answers.total,
                    interpretation: [
                        FHIRConcept(
                            FHIRCoding(system: FHIRIdentity.System.severity, code: severity.rawValue, display: severity.title),
                            text: severity.title)
                    ],
                    derivedFrom: [response]))
        }
        guard let flag = checkIn.safetyFlag, flag.isOpen else { return }
        // A flag raised by hand has no PHQ-9 to point at; its concern stays in Caseload.
        let detail = flag.itemNineAnswer == nil
            ? nil : [FHIRExtension(url: FHIRTerminology.flagDetail, valueReference: Self.reference("Observation/\(checkIn.id)/phq9"))]
        let raised = flag.itemNineAnswer.map {
            "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered \($0) of 3"
        } ?? "Raised by staff for a concern voiced in session"
        let waiting = flag.isAwaitingReview
            ? "assessed as high risk; open until a supervisor reviews the assessment"
            : "open until staff record a risk assessment"
        add(
            FHIRFlag(
                id: Self.id("Flag/\(checkIn.id)"), extension: detail,
                identifier: [FHIRIdentifier(system: FHIRIdentity.System.checkIn, value: "\(checkIn.id)/safety-flag")],
                code: FHIRConcept(text: "\(raised); \(waiting)"),
                subject: patient, period: FHIRPeriod(start: instant(flag.raisedAt)), author: recordedBy))
    }
}
