import Foundation
import Testing

@testable import CaseloadCore

@Suite("Demo caseload: determinism and options")
struct DemoDeterminismTests {
    @Test("The same options give byte-identical records")
    func sameOptionsSameBytes() throws {
        let again = try DemoRun(DemoRun.standard.options)
        #expect(again.records == DemoRun.standard.records)
        #expect(try again.encoded() == DemoRun.standard.encoded())
    }

    @Test("Another seed gives another caseload of the same shape")
    func otherSeed() throws {
        var options = DemoRun.standard.options
        options.seed = 2
        let other = try DemoRun(options)
        #expect(other.participants.map(\.lastName) != DemoRun.standard.participants.map(\.lastName))
        #expect(other.participants.count == options.participants)
        #expect(other.summary.openSafetyFlags == 1)
    }

    @Test("Options it cannot honor are refused with a reason")
    func refusals() {
        let today = DemoRun.today
        #expect(throws: DemoError.noParticipants) {
            try DemoCaseload.generate(.init(participants: 0, today: today), into: DemoCollectingSink())
        }
        #expect(throws: DemoError.noWeeks) {
            try DemoCaseload.generate(.init(weeks: 0, today: today), into: DemoCollectingSink())
        }
        #expect {
            try DemoCaseload.generate(
                .init(participants: 2000, weeks: 2, today: today), into: DemoCollectingSink())
        } throws: { error in
            guard case .tooCrowded = error as? DemoError else { return false }
            return "\(error)".contains("Use more weeks or fewer participants")
        }
    }

    @Test("Progress rises to 1 week by week")
    func progress() throws {
        var fractions: [Double] = []
        _ = try DemoCaseload.generate(
            DemoRun.standard.options, into: DemoCollectingSink(), progress: { fractions.append($0) })
        #expect(fractions.count == 9)
        #expect(fractions == fractions.sorted())
        #expect(fractions.last == 1)
    }
}

@Suite("Demo caseload: odd shapes")
struct DemoOddShapeTests {
    @Test(
        "Tiny, long and short demos, ending on any weekday, still generate",
        arguments: [(1, 1), (3, 1), (2, 52), (40, 2)],
        [LocalDate(year: 2026, month: 11, day: 16)!, LocalDate(year: 2026, month: 11, day: 22)!])
    func oddShapes(shape: (participants: Int, weeks: Int), today: LocalDate) throws {
        let options = DemoCaseload.Options(
            participants: shape.participants, weeks: shape.weeks, seed: .max, today: today)
        let run = try DemoRun(options)
        #expect(run.participants.count == shape.participants)
        #expect(run.summary.openSafetyFlags <= 1)
        #expect(run.sessions.allSatisfy { $0.date < today })
        #expect(run.checkIns.allSatisfy { $0.revision.updatedAt < run.cutoff })
    }
}
