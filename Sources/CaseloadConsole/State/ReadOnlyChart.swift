import CaseloadCore

extension ConsoleState {
    /// Why `id`'s chart takes no writes: "Discharged on 19 Nov 2026; the chart is read-only", or
    /// nil while they are in care (or not yet loaded). The participant screen's banner says it, and
    /// every write key of that screen gives it as the reason it is unavailable; readmission, on
    /// the Discharge tab, is the one write a discharged chart takes.
    func whyChartReadOnly(_ id: ParticipantID) -> String? {
        let status: ParticipantStatus?
        let discharge: LocalDate?
        if let detail = loadedDetail(of: id) {
            status = detail.participant.status
            discharge = detail.participant.discharge?.date
        } else if let row = digest.facts.row(id) ?? digest.facts.discharged.first(where: { $0.id == id }) {
            status = row.entry.status
            discharge = row.entry.care.discharge
        } else {
            return nil
        }
        guard status == .discharged else { return nil }
        return (discharge.map { "Discharged on \(Format.date($0))" } ?? "Discharged") + "; the chart is read-only"
    }
}
