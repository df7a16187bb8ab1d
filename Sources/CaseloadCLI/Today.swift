import CaseloadCore
import Foundation

/// Parses a user-typed date, accepting "today" and "yesterday" as a clinician would type them.
func parseDate(_ text: String, today: LocalDate) throws -> LocalDate {
    switch text.lowercased() {
    case "today": return today
    case "yesterday": return today.adding(days: -1)
    default: return try LocalDate(text)
    }
}

/// Parses "1,1,2,0,1,0,1,0,0" into answers; the domain then checks count and range.
func parseAnswers(_ text: String, instrument: Instrument) throws -> [Int] {
    try text.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { index, part in
        guard let value = Int(part.trimmingCharacters(in: .whitespaces)) else {
            throw CommandFailure(
                "\(instrument.title) item \(index + 1) must be a number 0–3.")
        }
        return value
    }
}
