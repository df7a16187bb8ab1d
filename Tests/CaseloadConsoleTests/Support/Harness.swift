@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// Drives a `ConsoleState` the way a user does: commands are pressed by name through the key
/// table (so remapping a key never breaks a test), and each press states the full change.
struct Harness {
    var state: ConsoleState
    let runner: EffectRunner

    init(as staff: StaffID = Fixture.maria, size: Size = Size(cols: 80, rows: 24), source: InMemoryDataSource = Fixture.source()) {
        state = ConsoleState(session: Fixture.session(as: staff), data: Fixture.data(), size: size)
        runner = EffectRunner(source: source)
    }

    /// The first key bound to `command` where the user is now.
    func key(for command: Command, sourceLocation: SourceLocation = #_sourceLocation) -> Key? {
        guard let binding = KeyTable.binding(for: command, in: state.keyMode) else {
            Issue.record("No key for \(command) in \(state.keyMode)", sourceLocation: sourceLocation)
            return nil
        }
        return binding.keys[0]
    }

    /// Presses `command`'s key and checks the state changed exactly as `change` says and the
    /// effects are `effects`.
    @discardableResult
    mutating func press(_ command: Command, effects expectedEffects: [Effect] = [],
                        sourceLocation: SourceLocation = #_sourceLocation,
                        _ change: (inout ConsoleState) -> Void = { _ in }) -> [Effect] {
        guard let key = key(for: command, sourceLocation: sourceLocation) else { return [] }
        return send(KeyTable.action(for: key, in: state), effects: expectedEffects, sourceLocation: sourceLocation, change)
    }

    /// Presses a raw key (for keys that are not bound, or text).
    @discardableResult
    mutating func press(key: Key, effects expectedEffects: [Effect] = [],
                        sourceLocation: SourceLocation = #_sourceLocation,
                        _ change: (inout ConsoleState) -> Void = { _ in }) -> [Effect] {
        send(KeyTable.action(for: key, in: state), effects: expectedEffects, sourceLocation: sourceLocation, change)
    }

    @discardableResult
    mutating func send(_ action: Action, effects expectedEffects: [Effect] = [],
                       sourceLocation: SourceLocation = #_sourceLocation,
                       _ change: (inout ConsoleState) -> Void = { _ in }) -> [Effect] {
        var expected = state
        change(&expected)
        let effects = state.update(action)
        #expect(effects == expectedEffects, sourceLocation: sourceLocation)
        if state != expected {
            let changes = differences(expected, state).joined(separator: "\n")
            Issue.record(Comment(rawValue: "State after \(action) differs (expected → actual):\n\(changes)"),
                         sourceLocation: sourceLocation)
        }
        return effects
    }

    /// Types text one key at a time without checking each step (for setting up a scenario).
    mutating func type(_ text: String) {
        for character in text { _ = state.update(KeyTable.action(for: .char(character), in: state)) }
    }

    /// Performs `effects` like the loop does, feeding the answers back.
    mutating func perform(_ effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            if let answer = runner.run(queue.removeFirst(), today: state.session.today) {
                queue += state.update(answer)
            }
        }
    }

    /// Presses without checking, then performs the effects.
    mutating func go(_ command: Command) {
        guard let key = key(for: command) else { return }
        perform(state.update(KeyTable.action(for: key, in: state)))
    }

    /// The names on the roster, top to bottom.
    var rosterNames: [String] {
        state.roster.visible.map { state.digest.facts.rows[$0].name }
    }

    /// Roster row indices of participants by name, in the order given.
    func rows(_ names: [String]) -> [Int] {
        names.map { name in state.digest.facts.rows.firstIndex { $0.name == name }! }
    }

    var selectedName: String? {
        state.selectedRosterParticipant.flatMap { state.digest.facts.row($0)?.name }
    }
}

/// The screen as the plain text of a golden file: one line per row, trailing spaces dropped.
func text(of screen: Screen) -> String {
    screen.lines.map { line in
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }.joined(separator: "\n") + "\n"
}

/// The paths where two values differ, with both sides, so a failing transcript shows only what
/// changed instead of two whole states.
func differences(_ expected: Any, _ actual: Any, path: String = "state", depth: Int = 0) -> [String] {
    let left = String(describing: expected), right = String(describing: actual)
    guard left != right else { return [] }
    let a = Mirror(reflecting: expected), b = Mirror(reflecting: actual)
    guard depth < 4, !a.children.isEmpty, a.children.count == b.children.count,
          a.displayStyle == .struct || a.displayStyle == .enum || a.displayStyle == .optional else {
        let clip = { (text: String) in text.count > 300 ? String(text.prefix(300)) + "…" : text }
        return ["\(path): \(clip(left)) → \(clip(right))"]
    }
    return zip(a.children, b.children).flatMap { first, second in
        differences(first.value, second.value, path: "\(path).\(first.label ?? "?")", depth: depth + 1)
    }
}
