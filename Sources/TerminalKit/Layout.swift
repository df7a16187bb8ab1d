/// How much of a split a part takes (Ratatui's `Constraint`).
public enum Constraint: Sendable, Hashable {
    /// Exactly `n` cells (less when the area is too small).
    case length(Int)
    /// `n` percent of the area being split.
    case percent(Int)
    /// At least `n` cells, growing like `.fill(1)` into what is left.
    case min(Int)
    /// A share of what is left after the fixed parts, in proportion to `weight`.
    case fill(Int)

    /// A fill with weight 1.
    public static let fill = Constraint.fill(1)
}

extension Rect {
    /// Splits top to bottom: `area.splitVertical(.length(1), .fill, .length(1))`.
    public func splitVertical(_ constraints: Constraint...) -> [Rect] {
        splitVertical(constraints)
    }

    /// Splits top to bottom, one rectangle per constraint.
    public func splitVertical(_ constraints: [Constraint]) -> [Rect] {
        var top = y
        return Self.lengths(of: constraints, in: height).map { length in
            defer { top += length }
            return Rect(x: x, y: top, width: width, height: length)
        }
    }

    /// Splits left to right: `area.splitHorizontal(.length(30), .fill)`.
    public func splitHorizontal(_ constraints: Constraint...) -> [Rect] {
        splitHorizontal(constraints)
    }

    /// Splits left to right, one rectangle per constraint.
    public func splitHorizontal(_ constraints: [Constraint]) -> [Rect] {
        var left = x
        return Self.lengths(of: constraints, in: width).map { length in
            defer { left += length }
            return Rect(x: left, y: y, width: length, height: height)
        }
    }

    /// Fixed parts are served first, in order, until the space runs out; the rest is shared by
    /// `.min` and `.fill` parts by weight, the remainder of the division going to the first ones.
    static func lengths(of constraints: [Constraint], in total: Int) -> [Int] {
        var remaining = max(0, total)
        var lengths = constraints.map { constraint -> Int in
            let wanted: Int
            switch constraint {
            case .length(let n): wanted = max(0, n)
            case .percent(let p): wanted = max(0, total * Swift.min(max(0, p), 100) / 100)
            case .min(let n): wanted = max(0, n)
            case .fill: wanted = 0
            }
            let given = Swift.min(wanted, remaining)
            remaining -= given
            return given
        }
        let weights = constraints.map { constraint -> Int in
            switch constraint {
            case .fill(let weight): max(0, weight)
            case .min: 1
            case .length, .percent: 0
            }
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0, remaining > 0 else { return lengths }
        var leftover = remaining
        for index in lengths.indices where weights[index] > 0 {
            let share = remaining * weights[index] / totalWeight
            lengths[index] += share
            leftover -= share
        }
        for index in lengths.indices where weights[index] > 0 && leftover > 0 {
            lengths[index] += 1
            leftover -= 1
        }
        return lengths
    }
}
