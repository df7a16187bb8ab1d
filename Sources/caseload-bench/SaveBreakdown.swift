import CaseloadCore

/// Where a save's time goes: the median of each step, ten-year beside default demo.
enum SaveBreakdown {
    static func rows(_ breakdown: [(kind: String, large: StepTimes, small: StepTimes)]) -> [[String]] {
        [["save step", "ten-year (median ms)", "default demo (median ms)"]]
            + breakdown.flatMap { kind, large, small in
                SaveStep.allCases.map { step in
                    ["\(kind): \(step.rawValue)", Number.format(large.median(step)), Number.format(small.median(step))]
                }
            }
    }
}
