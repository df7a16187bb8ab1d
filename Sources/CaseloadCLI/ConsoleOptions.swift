import ArgumentParser
import CaseloadConsole
import TerminalKit

/// How the console looks. The root command and `render` both declare this group, so
/// ArgumentParser hands `render` the value even though the root command reads `--theme`
/// wherever it stands on the command line.
struct ConsoleOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A theme name (dark, light, high-contrast, monochrome, or one in ~/.config/caseload/themes) or a theme file's path.",
            valueName: "name|path"))
    var theme: String?

    /// The theme --theme asks for, nil without it; one that does not exist or does not load is
    /// an error saying why (exit 1).
    func requestedTheme(from catalog: ThemeCatalog) throws -> Theme? {
        guard let theme else { return nil }
        do {
            return try catalog.load(theme, knownRoles: Role.all)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
