@testable import CaseloadConsole
import Testing
import TerminalKit

/// The key table is the one source of truth; these invariants keep it one.
@Suite struct KeyTableTests {
    @Test(arguments: KeyMode.allCases)
    func noKeyIsBoundTwiceInOneMode(_ mode: KeyMode) {
        var seen: [Key: Command] = [:]
        for binding in KeyTable.bindings(in: mode) {
            for key in binding.keys {
                let shared = seen[key].map { KeyTable.sharedKeys.contains([$0, binding.command]) } ?? false
                #expect(seen[key] == nil || shared, "\(key) is bound to both \(seen[key]!) and \(binding.command) in \(mode)")
                seen[key] = binding.command
            }
        }
    }

    @Test func everyCommandHasAKey() {
        let bound = Set(KeyTable.bindings.map(\.command))
        for command in Command.allCases {
            #expect(bound.contains(command), "\(command) has no key")
        }
    }

    @Test func everyModeCanBeLeftOrQuit() {
        for mode in KeyMode.allCases {
            let commands = Set(KeyTable.bindings(in: mode).map(\.command))
            #expect(commands.contains(.back) || commands.contains(.quit), "\(mode) has no way out")
        }
    }

    @Test func everyBindingSaysWhatItDoes() {
        for binding in KeyTable.bindings {
            #expect(!binding.help.trimmingCharacters(in: .whitespaces).isEmpty, "\(binding.command) has no help")
            #expect(!binding.keys.isEmpty, "\(binding.command) has no keys")
            #expect(!binding.modes.isEmpty, "\(binding.command) applies nowhere")
            #expect(binding.hint.map { !$0.isEmpty } ?? true)
        }
    }

    @Test func everyModeShowsHintsInTheStatusLine() {
        for mode in KeyMode.allCases {
            #expect(KeyTable.bindings(in: mode).contains { $0.hint != nil }, "\(mode) shows no hints")
        }
    }

    @Test func theHelpOverlayListsEveryBinding() {
        let state = Harness().state
        let help = HelpOverlay.lines(for: state, width: 200).map { $0.map(\.text).joined() }.joined(separator: "\n")
        for binding in KeyTable.bindings {
            #expect(help.contains(binding.help), "help lacks \(binding.help)")
            #expect(help.contains(binding.keyNames), "help lacks \(binding.keyNames)")
        }
    }

    @Test func thePaletteOffersEveryCommandExceptTypingOnes() {
        let offered = Set(PaletteState().matches.map(\.command))
        #expect(offered == Set(Command.allCases.filter(\.isOfferedInPalette)))
    }

    @Test func theListingForCaseloadKeysHasEveryGroupAndBinding() {
        let listing = KeyTable.listing()
        for group in KeyGroup.allCases { #expect(listing.contains(group.title)) }
        #expect(listing.filter { $0.hasPrefix("  ") }.count == KeyTable.bindings.count)
        #expect(listing.contains(
            "  j, Down       Move down  (Roster; Today, Sessions, Dashboard; Participant screen; Help; A session; "
                + "Reading a note; Reading a report)"))
        #expect(listing.contains("  Ctrl-S     Save  (A form)"), "each group lines up its own keys")
    }

    @Test func keyNotationRoundTripsForEveryBoundKey() {
        for key in KeyTable.bindings.flatMap(\.keys) {
            #expect(Key(notation: key.description) == key, "\(key) does not round-trip")
        }
    }
}
