import Foundation
import Testing
import TerminalKit

@Suite struct ThemeCatalogTests {
    /// A fresh temporary tree: home/, config/, repo/.build/debug/, repo/themes/, work/.
    private func makeTree() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)").path
        for folder in ["home/.config/caseload/themes", "xdg/caseload/themes", "explicit", "repo/.build/debug", "repo/themes", "work/sub"] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        return root
    }

    private func writeTheme(_ name: String, in folder: String, style: String = "{}") throws {
        let json = #"{"schemaVersion": 1, "name": "\#(name)", "roles": {"header": \#(style)}}"#
        try Data(json.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).json"))
    }

    @Test func searchOrder() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let catalog = ThemeCatalog(
            environment: ["CASELOAD_THEME_DIR": "\(root)/explicit", "XDG_CONFIG_HOME": "\(root)/xdg", "HOME": "\(root)/home"],
            executablePath: "\(root)/repo/.build/debug/caseload", currentDirectory: "\(root)/work/sub")
        #expect(catalog.searchDirectories == ["\(root)/explicit", "\(root)/xdg/caseload/themes", "\(root)/repo/themes"])
        let fallback = ThemeCatalog(environment: ["HOME": "\(root)/home"], executablePath: "/nonexistent/caseload",
                                    currentDirectory: "\(root)/repo/.build")
        #expect(fallback.searchDirectories == ["\(root)/home/.config/caseload/themes", "\(root)/repo/themes"])
    }

    @Test func firstFolderWinsAndPathsAreUsedAsGiven() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeTheme("dark", in: "\(root)/explicit", style: #"{"bold": true}"#)
        try writeTheme("dark", in: "\(root)/repo/themes")
        try writeTheme("light", in: "\(root)/repo/themes")
        let catalog = ThemeCatalog(searchDirectories: ["\(root)/explicit", "\(root)/repo/themes"])
        #expect(try catalog.load("dark", knownRoles: consoleRoles).style(for: "header").bold)
        #expect(try catalog.load("\(root)/repo/themes/dark.json", knownRoles: consoleRoles).style(for: "header").bold == false)
        #expect(catalog.availableNames() == ["dark", "light"])
        #expect(catalog.loadDefault(knownRoles: consoleRoles).problem == nil)
    }

    @Test func unknownNameListsTheAvailableOnes() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeTheme("light", in: "\(root)/repo/themes")
        let catalog = ThemeCatalog(searchDirectories: ["\(root)/repo/themes"])
        #expect(throws: ThemeError.notFound(name: "solarized", searched: ["\(root)/repo/themes"], available: ["light"])) {
            try catalog.load("solarized", knownRoles: consoleRoles)
        }
        let error = ThemeError.notFound(name: "solarized", searched: ["/t"], available: ["light"])
        #expect(error.description == #"no theme named "solarized" (looked in /t; available: light)"#)
    }

    @Test func missingFileAndBrokenDefaultFallBackToBuiltIn() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let catalog = ThemeCatalog(searchDirectories: ["\(root)/repo/themes"])
        #expect(throws: ThemeError.unreadable(source: "\(root)/none.json", reason: "no such file")) {
            try catalog.load("\(root)/none.json", knownRoles: consoleRoles)
        }
        try Data("{".utf8).write(to: URL(fileURLWithPath: "\(root)/repo/themes/dark.json"))
        let (theme, problem) = catalog.loadDefault(knownRoles: consoleRoles)
        #expect(theme == .builtIn)
        #expect(problem?.description.hasPrefix("\(root)/repo/themes/dark.json: not valid JSON") == true)
    }
}
