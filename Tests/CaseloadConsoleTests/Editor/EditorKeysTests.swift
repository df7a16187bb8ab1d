@testable import CaseloadConsole
import Testing
import TerminalKit

@Suite struct EditorKeysTests {
    /// The keys the issue names do what it says.
    @Test(arguments: [
        ("Ctrl-Z", EditorCommand.undo), ("Ctrl-Y", .redo), ("Ctrl-W", .deleteWordBackward),
        ("Alt-Backspace", .deleteWordBackward), ("Ctrl-Backspace", .deleteWordBackward), ("Tab", .nextSection),
        ("Shift-Tab", .previousSection), ("Ctrl-Left", .wordLeft), ("Alt-Right", .wordRight), ("Home", .rowStart),
        ("End", .rowEnd), ("PgUp", .pageUp), ("PgDn", .pageDown), ("Backspace", .deleteBackward), ("Del", .deleteForward),
        ("Enter", .newline), ("Ctrl-Del", .deleteWordForward), ("Ctrl-Home", .noteStart),
    ])
    func namedKeys(notation: String, command: EditorCommand) throws {
        let key = try #require(Key(notation: notation))
        #expect(EditorKeys.command(for: key) == command)
    }

    @Test func typedTextAndPastesAreTheirOwnCommands() {
        #expect(EditorKeys.command(for: .char("é")) == .type("é"))
        #expect(EditorKeys.command(for: .char(" ")) == .type(" "))
        #expect(EditorKeys.command(for: .paste("a\nb")) == .paste("a\nb"))
    }

    /// Leaving, signing and the outside editor belong to the screen that holds the editor.
    @Test(arguments: [Key.escape, .ctrl("s"), .ctrl("e"), .resize, .function(1), .alt("x")])
    func keysLeftToTheScreen(key: Key) {
        #expect(EditorKeys.command(for: key) == nil)
    }

    @Test func noKeyIsBoundTwiceAndEveryKeyHasANotation() {
        let keys = EditorKeys.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
        for key in keys { #expect(Key(notation: key.description) == key) }
    }

    @Test func everyCommandButTypingHasAKeyAndHelp() {
        let bound = Set(EditorKeys.bindings.map(\.command))
        let all: [EditorCommand] = [
            .newline, .left, .right, .up, .down, .wordLeft, .wordRight, .rowStart, .rowEnd, .noteStart, .noteEnd,
            .pageUp, .pageDown, .deleteBackward, .deleteForward, .deleteWordBackward, .deleteWordForward, .undo, .redo,
            .nextSection, .previousSection,
        ]
        #expect(bound == Set(all))
        #expect(EditorKeys.bindings.allSatisfy { !$0.help.isEmpty && $0.help.first!.isUppercase })
    }
}
