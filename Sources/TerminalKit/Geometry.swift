/// A terminal size in character cells; never negative.
public struct Size: Sendable, Hashable, CustomStringConvertible {
    public var cols: Int
    public var rows: Int

    /// Creates a size, clamping negative values to zero.
    public init(cols: Int, rows: Int) {
        self.cols = max(0, cols)
        self.rows = max(0, rows)
    }

    /// The empty size.
    public static let zero = Size(cols: 0, rows: 0)

    public var description: String { "\(cols)×\(rows)" }
}

/// A cell position: column `x`, row `y` from the top left.
public struct Point: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    public var description: String { "(\(x),\(y))" }
}

/// A rectangle of cells; width and height are never negative.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// Creates a rectangle, clamping a negative width or height to zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle covering a whole screen of `size`.
    public init(_ size: Size) {
        self.init(x: 0, y: 0, width: size.cols, height: size.rows)
    }

    /// One past the last column.
    public var right: Int { x + width }
    /// One past the last row.
    public var bottom: Int { y + height }
    /// True when the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The size of the rectangle.
    public var size: Size { Size(cols: width, rows: height) }

    /// The rectangle shrunk by `margin` cells on every side (empty, never negative, when too small).
    public func inset(by margin: Int) -> Rect {
        inset(horizontal: margin, vertical: margin)
    }

    /// The rectangle shrunk by `horizontal` cells left and right and `vertical` cells top and bottom.
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        let dx = min(max(0, horizontal), width / 2)
        let dy = min(max(0, vertical), height / 2)
        return Rect(x: x + dx, y: y + dy, width: width - 2 * max(0, horizontal), height: height - 2 * max(0, vertical))
    }

    /// The overlap of two rectangles (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        return Rect(x: left, y: top, width: min(right, other.right) - left, height: min(bottom, other.bottom) - top)
    }

    /// True when `point` lies inside.
    public func contains(_ point: Point) -> Bool {
        contains(column: point.x, row: point.y)
    }

    /// True when the cell at (`column`, `row`) lies inside.
    public func contains(column: Int, row: Int) -> Bool {
        column >= x && column < right && row >= y && row < bottom
    }

    public var description: String { "(\(x),\(y) \(width)×\(height))" }
}
