import Foundation
import Testing
import TerminalKit

@Suite struct ThemeDecodingTests {
    private func decode(_ json: String) throws(ThemeError) -> Theme {
        try Theme.decode(from: Data(json.utf8), source: "themes/dark.json", knownRoles: consoleRoles)
    }

    private func message(_ json: String) -> String {
        do {
            _ = try decode(json)
            return "decoded"
        } catch {
            return error.description
        }
    }

    @Test func goodTheme() throws {
        let theme = try decode("""
            {"schemaVersion": 1, "name": "dark", "roles": {
              "normal": {},
              "border.focused": {"fg": "cyan", "bold": true},
              "roster.selected": {"fg": 16, "bg": "bright-cyan", "reverse": false, "dim": true, "underline": true}
            }}
            """)
        #expect(theme.name == "dark")
        #expect(theme.style(for: "border.focused") == Style(fg: .cyan, bold: true))
        #expect(theme.style(for: "roster.selected") == Style(fg: .index(16), bg: .brightCyan, dim: true, underline: true))
        #expect(theme.style(for: "flag.safety") == Style())
    }

    @Test func aRoleOnAGroundTakesTheGroundsBackgroundWhenItHasNone() throws {
        let theme = try decode(#"""
            {"schemaVersion": 1, "roles": {"overlay": {"fg": 252, "bg": 235}, "key": {"fg": "cyan", "bold": true},
             "flag.safety": {"fg": "white", "bg": "red"}, "status": {"reverse": true}}}
            """#)
        #expect(Role("key").on("overlay").layers?.ground == "overlay")
        #expect(theme.style(for: Role("key").on("overlay")) == Style(fg: .cyan, bg: .index(235), bold: true))
        #expect(theme.style(for: Role("flag.safety").on("overlay")) == Style(fg: .white, bg: .red))
        #expect(theme.style(for: Role.normal.on("overlay")) == Style(bg: .index(235)))
        #expect(theme.style(for: Role("key").on("status")) == Style(fg: .cyan, bold: true, reverse: true))
    }

    @Test func nameDefaultsToTheFileName() throws {
        #expect(try decode(#"{"schemaVersion": 1, "roles": {}}"#).name == "dark")
    }

    @Test(arguments: [
        (#"{"schemaVersion": 1, "roles": {"flag.safety": {"fg": "purpel"}}}"#,
         #"themes/dark.json: roles."flag.safety".fg: "purpel" is not a color (use a name such as "red" or a number 0–255)"#),
        (#"{"schemaVersion": 1, "roles": {"header": {"bg": 256}}}"#,
         #"themes/dark.json: roles."header".bg: 256 is not a color (use a name such as "red" or a number 0–255)"#),
        (#"{"schemaVersion": 1, "roles": {"header": {"bold": "yes"}}}"#,
         #"themes/dark.json: roles."header".bold: expected true or false, found "yes""#),
        (#"{"schemaVersion": 1, "roles": {"header": {"bolt": true}}}"#,
         #"themes/dark.json: roles."header".bolt: unknown field (expected fg, bg, bold, dim, underline, reverse)"#),
        (#"{"schemaVersion": 1, "roles": {"header": "cyan"}}"#,
         #"themes/dark.json: roles."header": expected an object such as {"fg": "cyan", "bold": true}, found "cyan""#),
        (#"{"schemaVersion": 1, "roles": []}"#,
         #"themes/dark.json: roles: expected an object of role styles, found a list"#),
        (#"{"schemaVersion": 2, "roles": {}}"#,
         #"themes/dark.json: schemaVersion 2 is newer than this Caseload understands (1); upgrade Caseload or use an older theme"#),
        (#"{"schemaVersion": "1", "roles": {}}"#,
         #"themes/dark.json: schemaVersion: expected a whole number such as 1, found "1""#),
        (#"{"roles": {}}"#, #"themes/dark.json: schemaVersion: missing (expected 1)"#),
        (#"{"schemaVersion": 1}"#, #"themes/dark.json: roles: missing (expected an object of role styles)"#),
        (#"{"schemaVersion": 1, "roles": {}, "colour": 1}"#,
         #"themes/dark.json: colour: unknown field (expected schemaVersion, name, roles)"#),
        ("{\n  \"schemaVersion\": 1,\n  \"roles\": {\n    \"header\": {\"bold\": tru}\n  }\n}",
         "themes/dark.json: not valid JSON near line 4, column 27"),
        ("", "themes/dark.json: not valid JSON"),
    ])
    func badFilesSayWhatAndWhere(json: String, expected: String) {
        #expect(message(json) == expected)
    }

    @Test func unknownRolesAreNamed() {
        let text = message(#"{"schemaVersion": 1, "roles": {"flag.safty": {}, "bordr": {}, "header": {}}}"#)
        #expect(text.hasPrefix(#"themes/dark.json: roles: unknown roles "bordr", "flag.safty" (known roles: border, border.focused, error,"#))
    }

    @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
    func shippedThemesLoadAndStyleEveryRole(name: String) throws {
        let theme = try ThemeCatalog(searchDirectories: [repositoryThemes]).load(name, knownRoles: consoleRoles)
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == consoleRoles)
    }
}

@Suite struct DegradationTests {
    @Test(arguments: [
        (Color.index(196), ColorDepth.sixteen, Color.brightRed),
        (.index(16), .sixteen, .black),
        (.index(231), .sixteen, .brightWhite),
        (.index(244), .sixteen, .brightBlack),
        (.index(4), .sixteen, .blue),
        (.index(74), .sixteen, .brightBlue),
        (.brightRed, .eight, .red),
        (.brightBlack, .eight, .white),
        (.index(196), .eight, .red),
        (.default, .eight, .default),
        (.index(244), .eight, .white),
        (.index(238), .eight, .black),
        (.index(74), .c256, .index(74)),
    ])
    func colorsDegradeToTheNearest(color: Color, depth: ColorDepth, expected: Color) {
        #expect(Style(fg: color).degraded(to: depth).fg == expected)
    }

    @Test func monochromeKeepsAttributesAndTurnsBackgroundsIntoReverse() {
        #expect(Style(fg: .cyan, bold: true, underline: true).degraded(to: .none) == Style(bold: true, underline: true))
        #expect(Style(fg: .black, bg: .cyan).degraded(to: .none) == Style(reverse: true))
        #expect(Style(fg: .red, bg: .index(236), bold: true).degraded(to: .none) == Style(bold: true, reverse: true))
    }

    @Test(arguments: [(0, ColorDepth.none), (2, .none), (8, .eight), (16, .sixteen), (88, .sixteen), (256, .c256), (16_777_216, .c256)])
    func depthFromColorCount(colors: Int, depth: ColorDepth) {
        #expect(ColorDepth(colors: colors) == depth)
    }
}

/// The repository's themes/ folder, found from this source file.
let repositoryThemes = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes").path
