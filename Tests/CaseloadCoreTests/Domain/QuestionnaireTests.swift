import Testing

@testable import CaseloadCore

@Suite("PHQ-9 and GAD-7 scoring")
struct QuestionnaireTests {
    @Test(
        "PHQ-9 bands at every boundary",
        arguments: [
            (0, Severity.minimal), (4, .minimal), (5, .mild), (9, .mild), (10, .moderate),
            (14, .moderate), (15, .moderatelySevere), (19, .moderatelySevere), (20, .severe),
            (24, .severe),
        ])
    func phq9Bands(total: Int, band: Severity) throws {
        let answers = try QuestionnaireAnswers(.phq9, items: Fixture.answers(total: total, items: 9))
        #expect(answers.total == total)
        #expect(answers.severity == band)
    }

    @Test("PHQ-9 maximum of 27 is severe")
    func phq9Maximum() throws {
        let answers = try QuestionnaireAnswers(.phq9, items: Array(repeating: 3, count: 9))
        #expect(answers.total == 27)
        #expect(answers.severity == .severe)
    }

    @Test(
        "GAD-7 bands at every boundary",
        arguments: [
            (0, Severity.minimal), (4, .minimal), (5, .mild), (9, .mild), (10, .moderate),
            (14, .moderate), (15, .severe), (21, .severe),
        ])
    func gad7Bands(total: Int, band: Severity) throws {
        let answers = try QuestionnaireAnswers(.gad7, items: Fixture.answers(total: total, items: 7))
        #expect(answers.total == total)
        #expect(answers.severity == band)
    }

    @Test(
        "Invalid answers are refused naming the item",
        arguments: [
            (Instrument.phq9, [0, 0, 0, 5, 0, 0, 0, 0, 0],
             "PHQ-9 item 4 must be 0, 1, 2 or 3; 5 was given."),
            (.phq9, [0, 0, 0, 0, 0, 0, 0, 0, -1], "PHQ-9 item 9 must be 0, 1, 2 or 3; -1 was given."),
            (.gad7, [4, 0, 0, 0, 0, 0, 0], "GAD-7 item 1 must be 0, 1, 2 or 3; 4 was given."),
            (.phq9, [0, 0, 0], "PHQ-9 has 9 items; 3 were given."),
            (.gad7, [0, 0, 0, 0, 0, 0, 0, 0], "GAD-7 has 7 items; 8 were given."),
        ])
    func invalidAnswers(instrument: Instrument, items: [Int], message: String) {
        #expect(throws: DomainError.self) { try QuestionnaireAnswers(instrument, items: items) }
        do {
            _ = try QuestionnaireAnswers(instrument, items: items)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("A file with an out-of-range answer does not decode")
    func decodingValidates() throws {
        let json = #"{"instrument":"gad7","items":[0,0,0,0,0,0,9]}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(QuestionnaireAnswers.self, from: Data(json.utf8))
        }
    }
}

import Foundation
