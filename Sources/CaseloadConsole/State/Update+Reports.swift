import CaseloadCore

extension ConsoleState {
    /// `:report` (or its key): with no words, the progress of the participant on screen or
    /// selected, else the program's week; `program [DATE]` and `progress [ID]` say which.
    mutating func showReport(_ words: [String]) -> [Effect] {
        let request: ReportRequest
        switch words.first?.lowercased() {
        case nil:
            request = participantInView.map(ReportRequest.progress) ?? .program(session.today.isoWeek, now: session.now)
        case "program":
            guard words.count <= 2 else { return refuseReport() }
            guard let text = words.dropFirst().first else {
                request = .program(session.today.isoWeek, now: session.now)
                break
            }
            guard let day = try? LocalDate(text) else {
                status = .error("Write the week as one of its days, YYYY-MM-DD, for example \(session.today)")
                return []
            }
            request = .program(day.isoWeek, now: session.now)
        case "progress":
            guard words.count <= 2 else { return refuseReport() }
            guard let id = words.dropFirst().first.map({ ParticipantID($0.uppercased()) }) ?? participantInView else {
                status = .error("Open or select a participant first, or name one: :report progress P-0007")
                return []
            }
            request = .progress(id)
        default:
            return refuseReport()
        }
        return open(ReportScreen(request: request), effects: [.loadReport(request)])
    }

    private mutating func refuseReport() -> [Effect] {
        status = .error("Ask for :report program, :report program DATE or :report progress P-0007")
        return []
    }

    /// The participant whose screen is open, or who is selected on the roster or a report screen.
    var participantInView: ParticipantID? {
        if let screen = participantScreen { return screen.id }
        if page == .roster { return selectedRosterParticipant }
        return selectedReportRow?.participant
    }

    /// After a reload the discharged list is read again while it is shown, and forgotten
    /// otherwise (it would be out of date by the time `d` is pressed again).
    mutating func refreshDischarged() -> [Effect] {
        guard roster.scope == .discharged else {
            discharged = nil
            return []
        }
        return [.loadDischarged]
    }
}
