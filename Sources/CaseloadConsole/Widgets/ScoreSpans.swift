import CaseloadCore
import TerminalKit

extension Severity {
    /// The role a score in this band is drawn in.
    var role: Role {
        switch self {
        case .minimal: .scoreMinimal
        case .mild: .scoreMild
        case .moderate: .scoreModerate
        case .moderatelySevere: .scoreModeratelySevere
        case .severe: .scoreSevere
        }
    }
}

enum ScoreSpans {
    /// A total in its band's role, or "–" muted when the check-in did not include the measure.
    static func total(_ total: Int?, _ instrument: Instrument) -> Span {
        guard let total else { return Span("-", .muted) }
        return Span("\(total)", instrument.severity(ofTotal: total).role)
    }

    /// "14 Moderate" in the band's role.
    static func totalWithBand(_ total: Int, _ instrument: Instrument) -> Span {
        let severity = instrument.severity(ofTotal: total)
        return Span("\(total) \(severity.title)", severity.role)
    }

    /// "+6 since admission (worsening)" with the trend in a warning role when worse.
    static func change(_ change: ScoreChange) -> [Span] {
        let text = "\(Format.signed(change.change)) since admission"
        switch change.trend {
        case .worsening: return [Span(text + " ", .value), Span("Worsening", .flagWarning)]
        case .improving: return [Span(text + " ", .value), Span("Improving", .value)]
        case .steady: return [Span(text + " ", .value), Span("Steady", .muted)]
        }
    }
}

enum Meter {
    /// `▮▮▮▯ 12/20h`: attended against required hours, short weeks in `meter.short`.
    static func hours(_ hours: WeeklyHours, glyphs: ConsoleGlyphs, cells: Int = 4) -> [Span] {
        guard hours.requiredHours > 0 else {
            return [Span("\(Format.hours(hours.attendedHours))h " + (cells > 4 ? "(none required)" : "(no min)"), .muted)]
        }
        let filled = min(cells, Int((hours.fraction * Double(cells)).rounded(.down)))
        let text = " \(Format.hours(hours.attendedHours))/\(Format.hours(hours.requiredHours))h"
        return [
            Span(String(repeating: glyphs.meterFilled, count: filled),
                 hours.meetsRequirement ? .meterFilled : .meterShort),
            Span(String(repeating: glyphs.meterEmpty, count: cells - filled), .meterEmpty),
            Span(text, hours.meetsRequirement ? .value : .meterShort),
        ]
    }

    /// "3h excused", shown beside the attended hours; nothing when no session was excused.
    static func excused(_ hours: WeeklyHours) -> [Span] {
        hours.excusedMinutes > 0 ? [Span("\(Format.hours(hours.excusedHours))h excused", .muted)] : []
    }

    /// A one-line chart of `values` scaled to `maximum`, one glyph per value.
    static func sparkline(_ values: [Int], maximum: Int, glyphs: ConsoleGlyphs) -> String {
        let levels = glyphs.sparkline
        return values.map { value in
            let clamped = max(0, min(value, maximum))
            let index = maximum > 0 ? clamped * (levels.count - 1) / maximum : 0
            return levels[index]
        }.joined()
    }
}
