@testable import CaseloadConsole
import Testing

/// How each kind of field takes keys: what it refuses and when the form moves on.
@Suite struct FormValueTests {
    @Test("An item scored 0 to 3 takes one digit and moves on; 4 and letters are refused with the reason")
    func itemScores() {
        var value = FormValue.score(nil, maximum: 3, meanings: [])
        #expect(value.type("4").refusal == "Scored 0 to 3: 4 is not a score here")
        #expect(value.type("x").refusal == "Type a number from 0 to 3")
        #expect(value == .score(nil, maximum: 3, meanings: []))
        #expect(value.type("2") == (nil, true))
        #expect(value == .score(2, maximum: 3, meanings: []))
        value.deleteBackward()
        #expect(value == .score(nil, maximum: 3, meanings: []))
    }

    @Test("Craving 0 to 10 takes two digits for ten", arguments: [("10", 10), ("7", 7), ("07", 7), ("0", 0)])
    func cravingScores(typed: String, expected: Int) {
        var value = FormValue.score(nil, maximum: 10, meanings: [])
        for character in typed { #expect(value.type(String(character)) == (nil, false)) }
        #expect(value == .score(expected, maximum: 10, meanings: []))
    }

    @Test("A second digit past the maximum is refused with the reason, and the first stays")
    func cravingPastTheMaximum() {
        var value = FormValue.score(nil, maximum: 10, meanings: [])
        _ = value.type("1")
        #expect(value.type("5").refusal == "Scored 0 to 10: 15 is not a score here; Backspace takes back 1")
        #expect(value == .score(1, maximum: 10, meanings: []))
        _ = value.type("0")
        #expect(value.type("0").refusal == "Scored 0 to 10: 100 is not a score here; Backspace takes back 10")
    }

    @Test func yesNoAnswersAndMovesOn() {
        var value = FormValue.yesNo(nil)
        #expect(value.type("q").refusal == "Answer y for yes or n for no")
        #expect(value.type("N") == (nil, true))
        #expect(value == .yesNo(false))
        value.cycle(by: 1)
        #expect(value == .yesNo(true))
    }

    @Test("A choice is picked by its first letter, the next match on a second press, or Left and Right")
    func choices() {
        let options = ["Not done", "Negative", "Positive", "Dilute", "Refused"]
        var value = FormValue.choice(options, selected: 0)
        _ = value.type("n")
        #expect(value == .choice(options, selected: 1))
        _ = value.type("n")
        #expect(value == .choice(options, selected: 0))
        #expect(value.type("z").refusal == "Choose with Left and Right, or type the first letter of Not done, Negative, "
                    + "Positive, Dilute or Refused")
        value.cycle(by: -1)
        #expect(value == .choice(options, selected: 4))
        value.cycle(by: 1)
        #expect(value == .choice(options, selected: 0))
    }

    @Test("A suggested date gives way to the first key typed")
    func suggestedDate() {
        var value = FormValue.date("2026-11-23", suggested: true)
        _ = value.type("2")
        #expect(value == .date("2", suggested: false))
        value = .date("2026-11-23", suggested: true)
        value.deleteBackward()
        #expect(value == .date("", suggested: false))
    }

    @Test func checkboxes() {
        var value = FormValue.check(false)
        _ = value.type(" ")
        #expect(value == .check(true))
        _ = value.type("x")
        #expect(value == .check(false))
        #expect(value.type("q").refusal == "Space ticks or clears this box")
    }
}
