@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// The Plan tab: a selected line moved with j/k, and a, e, s and R opening forms whose saves go
/// to the core's `editPlan` as they were typed; the core's refusals show in the form.
@Suite struct PlanTabTests {
    /// José Núñez: problems 1 and 2, each with a goal and two objectives.
    static let jose: ParticipantID = "P-0001"

    static func onPlan(size: Size = Size(cols: 80, rows: 24), as staff: StaffID = Fixture.maria) -> Harness {
        var harness = Harness.onParticipant(jose, as: staff, size: size)
        while harness.state.participantScreen?.tab != .plan { harness.go(.nextTab) }
        return harness
    }

    static func selectedID(_ harness: Harness) -> String? { harness.state.selectedPlanItem?.id }

    @Test("j and k move through problems, goals and objectives, stopping at each end, and keep the line in view")
    func selection() {
        var harness = Self.onPlan()
        #expect(Self.selectedID(harness) == "1")
        harness.press(.moveUp)
        #expect(Self.selectedID(harness) == "1")
        var seen: [String] = []
        for _ in 0..<8 {
            harness.go(.moveDown)
            seen.append(Self.selectedID(harness) ?? "")
        }
        #expect(seen == ["1.1", "1.1.1", "1.1.2", "2", "2.1", "2.1.1", "2.1.2", "2.1.2"])
        // The last objective's two lines are on screen, with the marker on its first.
        let screenLines = harness.screenText.split(separator: "\n").map(String.init)
        let marked = screenLines.firstIndex { $0.hasPrefix("│›") }
        #expect(marked.map { screenLines[$0].contains("Keeps a sleep log") } == true)
        harness.go(.moveToTop)
        #expect(Self.selectedID(harness) == "1")
        #expect(harness.state.participantScreen?.scroll == 0)
    }

    @Test("Each objective says how many notes addressed it and when last")
    func counts() {
        let screen = Self.onPlan(size: Size(cols: 160, rows: 48)).screenText
        #expect(screen.contains("In progress · target 15 Dec 2026 · 2 notes, last 17 Nov 2026"))
        #expect(screen.contains("Not started · target 20 Nov 2026 (past target) · 1 note, last 17 Nov 2026"))
        #expect(screen.contains("Met · target 17 Nov 2026 · no notes yet"))
    }

    @Test("Away from the Plan tab, and on the wrong line, the keys say why they cannot run")
    func unavailable() {
        var harness = Harness.onParticipant(Self.jose)
        harness.press(key: .char("a")) { $0.status = .error("Works on the Plan tab; Tab moves to it") }
        harness = Self.onPlan()
        harness.press(key: .char("s")) { $0.status = .error("Select an objective first (j/k); a status belongs to an objective") }
        #expect(harness.state.modals.isEmpty)
    }

    @Test("a under a goal adds an objective to it, with its target; Right offers a goal or a problem instead")
    func adding() throws {
        var harness = Self.onPlan()
        harness.go(.moveDown)
        harness.go(.addPlanItem)
        let form = try #require(harness.form(PlanItemForm.self))
        #expect(form.kind.purpose == .add([.objective(under: "1.1"), .goal(under: "1"), .problem]))
        #expect(form.shownFields.map(\.key) == [.placement, .statement, .target])
        harness.go(.nextTab)
        harness.type("Calls his sponsor twice a week.")
        harness.go(.nextTab)
        harness.type("2026-12-31")
        #expect(harness.state.update(.command(.save)) == [
            .write(.editPlan(Self.jose, .addObjective("Calls his sponsor twice a week.", target: Fixture.date("2026-12-31"),
                                                      toGoal: "1.1"))),
        ])

        harness = Self.onPlan()
        harness.go(.moveDown)
        harness.go(.addPlanItem)
        harness.go(.nextChoice)
        #expect(harness.form(PlanItemForm.self)?.shownFields.map(\.key) == [.placement, .statement])
        harness.go(.nextTab)
        harness.type("Repair trust at home.")
        #expect(harness.state.update(.command(.save)) == [.write(.editPlan(Self.jose, .addGoal("Repair trust at home.", toProblem: "1")))])
    }

    @Test("An objective without a target date is named in the form, which stays open")
    func missingTarget() throws {
        var harness = Self.onPlan()
        harness.go(.moveDown)
        harness.go(.addPlanItem)
        harness.go(.nextTab)
        harness.type("Calls his sponsor twice a week.")
        #expect(harness.state.update(.command(.save)).isEmpty)
        let form = try #require(harness.form(PlanItemForm.self))
        #expect(form.focus == .target)
        #expect(form.problem == "Give the objective a target date, YYYY-MM-DD")
    }

    @Test("e edits the selected line; an objective's target comes with it")
    func editing() throws {
        var harness = Self.onPlan()
        harness.go(.moveDown)
        harness.go(.moveDown)
        harness.go(.editPlanItem)
        let form = try #require(harness.form(PlanItemForm.self))
        #expect(form.fields[.statement] == .text("Attends three mutual-support meetings a week."))
        #expect(form.fields[.target] == .date("2026-12-15", suggested: true))
        let line = try #require(harness.state.selectedPlanItem)
        harness.type(" Or online.")
        harness.go(.nextTab)
        harness.type("2027-01-15")
        // The line as the form showed it goes along, so the core refuses if someone changed it since.
        #expect(harness.state.update(.command(.save)) == [
            .write(.editPlan(Self.jose, .edit("1.1.1", statement: "Attends three mutual-support meetings a week. Or online.",
                                              target: Fixture.date("2027-01-15")), expecting: line)),
        ])
    }

    @Test("s sets the selected objective's status among the five")
    func status() throws {
        var harness = Self.onPlan()
        harness.go(.moveDown)
        harness.go(.moveDown)
        harness.go(.setObjectiveStatus)
        let form = try #require(harness.form(ObjectiveStatusForm.self))
        #expect(form.fields[.status] == .choice(["Not started", "In progress", "Met", "Revised", "Discontinued"], selected: 1))
        let line = try #require(harness.state.selectedPlanItem)
        harness.type("d")
        #expect(harness.state.update(.command(.save))
                    == [.write(.editPlan(Self.jose, .setStatus(.discontinued, ofObjective: "1.1.1"), expecting: line))])
    }

    @Test("R records a review dated today unless typed, with its note; the next date is left to the program")
    func review() throws {
        var harness = Self.onPlan()
        harness.go(.reviewPlan)
        #expect(harness.form(PlanReviewForm.self) != nil)
        #expect(harness.screenText.contains("Reviewed by Maria Garcia, LCSW"))
        harness.go(.nextTab)
        harness.type("Progress on attendance; sleep objective met.")
        let request = WriteRequest.editPlan(
            Self.jose, .review(on: Fixture.today, note: "Progress on attendance; sleep objective met.", nextDue: nil))
        #expect(harness.state.update(.command(.save)) == [.write(request)])
        // The core refuses: the reason shows in the form, which keeps every answer.
        _ = harness.state.update(.written(WriteReply(request: request, result: .refused("The review note is too long."))))
        let form = try #require(harness.form(PlanReviewForm.self))
        #expect(form.problem == "The review note is too long.")
        #expect(form.fields.text(.note) == "Progress on attendance; sleep objective met.")
        // Saved: the form closes and the status line says so.
        _ = harness.state.update(.command(.save))
        let effects = harness.state.update(.written(WriteReply(request: request, result: .saved(SavedChange(session: nil)))))
        #expect(harness.state.modals.isEmpty)
        #expect(harness.state.status == .info("Plan review recorded"))
        #expect(effects.contains(.reloadCaseload))
    }

    @Test("On the Plan tab R is the plan review, also for a supervisor")
    func sharedKey() {
        let harness = Self.onPlan(as: Fixture.sandra)
        #expect(KeyTable.action(for: .char("R"), in: harness.state) == .command(.reviewPlan))
    }
}
