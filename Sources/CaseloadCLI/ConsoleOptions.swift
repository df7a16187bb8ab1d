import ArgumentParser

/// How the console looks: theme and color.
struct ConsoleOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A theme name (dark, light, high-contrast, monochrome) or a theme file's path. Defaults to $CASELOAD_THEME, then dark.",
            valueName: "name|path"))
    var theme: String?
}
