import Foundation

/// One line of the benchmark's table: a measurement, the reference measured in the same run,
/// and the target it is held to.
struct Figure {
    let name: String
    let measured: Double
    let reference: Double
    /// What the reference is, in a few words ("70 participants, 8 weeks").
    let referenceName: String
    let unit: String
    /// The measured value may not exceed this (nil: no absolute target).
    let limit: Double?
    /// measured / reference may not exceed this (nil: no ratio target).
    let ratioLimit: Double?

    var ratio: Double { reference > 0 ? measured / reference : .infinity }

    var passes: Bool {
        (limit.map { measured <= $0 } ?? true) && (ratioLimit.map { ratio <= $0 } ?? true)
    }

    /// PASS or MISS; a dash for a figure printed for information, without a target.
    var resultText: String {
        limit == nil && ratioLimit == nil ? "—" : passes ? "PASS" : "MISS"
    }

    var targetText: String {
        let parts = [limit.map { "≤ \(Number.format($0)) \(unit)" }, ratioLimit.map { "≤ \(Number.format($0))×" }].compactMap { $0 }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }
}

/// The figures as table rows, header first.
enum FigureTable {
    static func rows(_ figures: [Figure]) -> [[String]] {
        [["figure", "measured", "reference", "ratio", "target", "result"]]
            + figures.map { figure in
                [
                    figure.name, "\(Number.format(figure.measured)) \(figure.unit)",
                    "\(Number.format(figure.reference)) \(figure.unit) (\(figure.referenceName))",
                    "\(Number.format(figure.ratio))×", figure.targetText, figure.resultText,
                ]
            }
    }
}

enum Number {
    /// Three significant figures at most: "0.412", "12.3", "1530".
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "∞" }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        return String(format: "%.\(decimals)f", value)
    }
}
