import Foundation
import Testing
@testable import TerminalKit

/// The themes built into the binary are the repository's themes/*.json, byte for byte.
@Suite struct ThemeEmbeddingTests {
    @Test func builtInThemesAreTheThemeFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryThemes)
            .filter { $0.hasSuffix(".json") }
        let names = files.map { String($0.dropLast(".json".count)) }
        #expect(Set(names) == Set(ThemeCatalog.builtInFiles.keys), "run scripts/embed-themes.sh")
        for name in names {
            let file = try Data(contentsOf: URL(fileURLWithPath: "\(repositoryThemes)/\(name).json"))
            #expect(Data(ThemeCatalog.builtInFiles[name, default: ""].utf8) == file,
                    "themes/\(name).json differs from its built-in copy: run scripts/embed-themes.sh")
        }
    }

    @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
    func builtInThemesLoadWithNoThemeFolder(name: String) throws {
        let catalog = ThemeCatalog(searchDirectories: ["/nonexistent/themes"])
        let theme = try catalog.load(name, knownRoles: consoleRoles)
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == consoleRoles)
        #expect(catalog.availableNames() == ["dark", "high-contrast", "light", "monochrome"])
    }
}
