import Foundation
import Testing
import TerminalKit

@Suite struct ThemeCatalogTests {
    /// A fresh temporary tree: home/.config/caseload/themes, xdg/caseload/themes, explicit/.
    private func makeTree() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)").path
        for folder in ["home/.config/caseload/themes", "xdg/caseload/themes", "explicit"] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        return root
    }

    private func writeTheme(_ name: String, in folder: String, style: String = "{}") throws {
        let json = #"{"schemaVersion": 1, "name": "\#(name)", "roles": {"header": \#(style)}}"#
        try Data(json.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).json"))
    }

    @Test func searchOrder() throws {
        let catalog = ThemeCatalog(
            environment: ["CASELOAD_THEME_DIR": "/t/explicit", "XDG_CONFIG_HOME": "/t/xdg", "HOME": "/t/home"])
        #expect(catalog.searchDirectories == ["/t/explicit", "/t/xdg/caseload/themes"])
        let fallback = ThemeCatalog(environment: ["HOME": "/t/home", "XDG_CONFIG_HOME": ""])
        #expect(fallback.searchDirectories == ["/t/home/.config/caseload/themes"])
        #expect(ThemeCatalog(environment: [:]).searchDirectories.isEmpty)
    }

    @Test func aFolderAddsAndOverridesBuiltInThemesAndPathsAreUsedAsGiven() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let config = "\(root)/home/.config/caseload/themes"
        try writeTheme("dark", in: config, style: #"{"bold": true}"#)
        try writeTheme("solarized", in: config)
        try writeTheme("solarized", in: "\(root)/explicit", style: #"{"underline": true}"#)
        let catalog = ThemeCatalog(environment: ["CASELOAD_THEME_DIR": "\(root)/explicit", "HOME": "\(root)/home"])
        #expect(try catalog.load("dark", knownRoles: consoleRoles).styles == [Role("header"): Style(bold: true)])
        #expect(try catalog.load("solarized", knownRoles: consoleRoles).style(for: "header").underline)
        #expect(try catalog.load("\(config)/solarized.json", knownRoles: consoleRoles).style(for: "header").underline == false)
        #expect(try catalog.load("light", knownRoles: consoleRoles).name == "light")
        #expect(catalog.availableNames() == ["dark", "high-contrast", "light", "monochrome", "solarized"])
        #expect(catalog.loadDefault(knownRoles: consoleRoles).problem == nil)
    }

    @Test func unknownNameListsTheAvailableOnes() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = "\(root)/explicit"
        try writeTheme("sepia", in: folder)
        let catalog = ThemeCatalog(searchDirectories: [folder])
        let available = ["dark", "high-contrast", "light", "monochrome", "sepia"]
        #expect(throws: ThemeError.notFound(name: "solarized", searched: [folder], available: available)) {
            try catalog.load("solarized", knownRoles: consoleRoles)
        }
        let error = ThemeError.notFound(name: "solarized", searched: ["/t"], available: ["light"])
        #expect(error.description == #"no theme named "solarized" (looked in /t; available: light)"#)
    }

    @Test func theDefaultNeedsNoFolderAndABrokenOverrideFallsBackToTheBuiltInOne() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = "\(root)/explicit"
        let catalog = ThemeCatalog(searchDirectories: [folder])
        let builtIn = catalog.loadDefault(knownRoles: consoleRoles)
        #expect(builtIn.problem == nil)
        #expect(builtIn.theme.name == "dark")
        #expect(throws: ThemeError.unreadable(source: "\(root)/none.json", reason: "no such file")) {
            try catalog.load("\(root)/none.json", knownRoles: consoleRoles)
        }
        try Data("{".utf8).write(to: URL(fileURLWithPath: "\(folder)/dark.json"))
        let (theme, problem) = catalog.loadDefault(knownRoles: consoleRoles)
        #expect(theme == builtIn.theme)
        #expect(problem?.description.hasPrefix("\(folder)/dark.json: not valid JSON") == true)
    }
}
