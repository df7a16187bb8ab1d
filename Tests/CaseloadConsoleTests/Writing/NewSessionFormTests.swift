@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// `n` records a session: the form parses what was typed into a request for the core and shows
/// the core's answer; a recorded session opens in its place.
@Suite struct NewSessionFormTests {
    func opened() -> Harness {
        var harness = Harness()
        harness.go(.newSession)
        return harness
    }

    func form(_ harness: Harness) -> NewSessionForm? { harness.state.modals.top as? NewSessionForm }

    @Test func itOpensWithTodayAndTheSignedInCounselorLeading() throws {
        let harness = opened()
        let opened = try #require(form(harness))
        #expect(opened.kind == .group)
        #expect(opened.date == "2026-11-23")
        // 14:30 now: a 90-minute group that ended at 14:30.
        #expect(opened.start == "13:00")
        #expect(opened.minutes == "90")
        #expect(opened.facilitators.chosen == ["mgarcia"])
        #expect(harness.state.keyMode == .form)
        #expect(text(of: render(harness.state, size: harness.state.size)).contains("New session"))
    }

    @Test func rightChangesTheKindAndItsUsualLength() throws {
        var harness = opened()
        harness.go(.nextChoice)
        #expect(form(harness)?.kind == .family)
        #expect(form(harness)?.minutes == "60")
        #expect(form(harness)?.fields.contains(.supportMembers) == true)
        harness.go(.previousChoice)
        harness.go(.previousChoice)
        #expect(form(harness)?.kind == .individual)
        #expect(form(harness)?.minutes == "50")
    }

    @Test func membersArePickedByTypingAndTheRequestGoesToTheCore() throws {
        var harness = opened()
        for _ in 0..<4 { harness.go(.nextTab) }
        #expect(form(harness)?.field == .topic)
        harness.go(.nextChoice)
        #expect(form(harness)?.topic == Fixture.program.topics.first)
        harness.go(.nextTab)
        harness.go(.nextTab)
        #expect(form(harness)?.field == .members)
        harness.type("nguy")
        #expect(text(of: render(harness.state, size: harness.state.size)).contains("Nguyễn"))
        harness.go(.acceptFilter)
        harness.type("avila")
        harness.go(.acceptFilter)
        #expect(form(harness)?.members.chosen == ["P-0002", "P-0005"])
        harness.go(.deleteCharacter)
        #expect(form(harness)?.members.chosen == ["P-0002"])
        harness.type("ana")
        harness.go(.acceptFilter)
        let expected = SessionRequest(
            kind: .group, date: Fixture.today, start: Fixture.time("13:00"), minutes: 90, facilitators: ["mgarcia"],
            topic: Fixture.program.topics.first, members: [AttendanceRequest("P-0002"), AttendanceRequest("P-0005")])
        let effects = harness.state.update(.command(.save))
        #expect(effects == [.write(.recordSession(expected))])
        #expect(form(harness)?.sent == expected)
        // The core records it: the form gives way to the session's screen.
        let session = try Session(
            id: "S-20261123-1300-abcdef", kind: .group, date: Fixture.today, startTime: Fixture.time("13:00"),
            durationMinutes: 90, facilitators: ["mgarcia"], topic: expected.topic,
            members: [Fixture.member("P-0002", .present, 90), Fixture.member("P-0005", .present, 90)],
            revision: Fixture.revision("2026-11-23"))
        _ = harness.state.update(.written(WriteReply(request: .recordSession(expected),
                                                     result: .saved(SavedChange(session: session)))))
        let opened = try #require(harness.state.modals.top as? SessionScreen)
        #expect(opened.session == session)
        #expect(harness.state.modals.count == 1)
        #expect(harness.state.status == .info("Session recorded"))
    }

    @Test func aRefusalStaysInTheFormWithEverythingTyped() throws {
        var harness = opened()
        let effects = harness.state.update(.command(.save))
        guard case .write(.recordSession(let request)) = effects.first else {
            Issue.record("Ctrl-S should send the request")
            return
        }
        _ = harness.state.update(.written(WriteReply(request: .recordSession(request),
                                                     result: .refused("A group session needs at least one member."))))
        #expect(form(harness)?.problem == "A group session needs at least one member.")
        #expect(text(of: render(harness.state, size: harness.state.size)).contains("needs at least one member"))
    }

    @Test func whatCannotBeReadIsNamedWithoutAsking() throws {
        var harness = opened()
        harness.go(.nextTab)
        harness.go(.clearInput)
        harness.type("23/11/2026")
        #expect(harness.state.update(.command(.save)) == [])
        #expect(form(harness)?.problem?.contains("23/11/2026") == true)
    }

    @Test func escDiscardsTheForm() {
        var harness = opened()
        harness.press(.back) {
            $0.modals.popTop()
            $0.status = .info("New session discarded")
        }
    }
}
