import Testing
import TerminalKit

@Suite struct LayoutTests {
    let area = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test func headerBodyStatus() {
        #expect(area.splitVertical(.length(1), .fill, .length(1)) == [
            Rect(x: 0, y: 0, width: 80, height: 1),
            Rect(x: 0, y: 1, width: 80, height: 22),
            Rect(x: 0, y: 23, width: 80, height: 1),
        ])
    }

    @Test func percentFillWeightsAndMinimum() {
        #expect(area.splitHorizontal(.percent(25), .fill).map(\.width) == [20, 60])
        #expect(area.splitHorizontal(.fill(1), .fill(2)).map(\.width) == [27, 53])
        #expect(area.splitHorizontal(.min(30), .fill).map(\.width) == [55, 25])
        #expect(area.splitHorizontal(.length(10), .fill, .length(10)).map(\.x) == [0, 10, 70])
    }

    @Test(arguments: [Size(cols: 0, rows: 0), Size(cols: 1, rows: 1), Size(cols: 2, rows: 1)])
    func degenerateAreasNeverGoNegative(size: Size) {
        let parts = Rect(size).splitVertical(.length(1), .fill, .length(1), .percent(50), .min(3))
        #expect(parts.allSatisfy { $0.height >= 0 && $0.width == size.cols })
        #expect(parts.map(\.height).reduce(0, +) == size.rows)
        let inner = Rect(size).inset(by: 1)
        #expect(inner.width >= 0 && inner.height >= 0)
        #expect(Rect(size).splitHorizontal(.fill, .fill).map(\.width).reduce(0, +) == size.cols)
    }

    @Test func fixedPartsShrinkWhenSpaceRunsOut() {
        #expect(Rect(x: 0, y: 0, width: 5, height: 2).splitHorizontal(.length(3), .length(3), .fill).map(\.width) == [3, 2, 0])
    }

    @Test func inset() {
        #expect(area.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).width == 0)
        #expect(Size(cols: -1, rows: 5) == Size(cols: 0, rows: 5))
    }
}
