@testable import CaseloadConsole
import Testing

@Suite struct SearchTests {
    @Test(arguments: [
        ("Núñez, José", "nunez", true), ("Nguyễn, Thị Hoa", "nguyen thi", true), ("Ávila", "AVI", true),
        ("Łukasz Dąbrowski", "lukasz dabrowski", true), ("李, 小龍", "小龍", true), ("Brooks", "nunez", false),
        ("Straße", "strasse", true), ("O'Connor", "o'c", true), ("O'Connor", "oconnor", true), ("P-0003", "p0003", true), ("anything", "", true),
    ])
    func foldedSearchFindsWhatPeopleType(_ name: String, _ typed: String, _ found: Bool) {
        #expect(SearchKey(name).contains(SearchKey(typed)) == found)
    }

    @Test func fuzzyMatchPrefersWordStartsAndRuns() throws {
        let sort = try #require(FuzzyMatch.match("sort", in: "Sort by name, level, hours, check-in or score"))
        let roster = try #require(FuzzyMatch.match("sort", in: "Show the Roster"))
        #expect(sort.score > roster.score)
        #expect(sort.positions == [0, 1, 2, 3])
        #expect(FuzzyMatch.match("xyz", in: "Show the Roster") == nil)
        #expect(FuzzyMatch.match("ROSTER", in: "Show the Roster")?.positions == [9, 10, 11, 12, 13, 14])
    }
}
