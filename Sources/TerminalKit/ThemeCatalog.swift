import Foundation

/// Finds theme files for `--theme NAME|PATH`.
///
/// A value containing "/" or ending in ".json" is a path. A name is looked up as NAME.json in, in
/// order: `$CASELOAD_THEME_DIR`, `$XDG_CONFIG_HOME/caseload/themes` (default
/// `~/.config/caseload/themes`), then the first `themes/` folder found walking up from the
/// executable's directory (so `swift run` and `.build/debug/caseload` find the repository's
/// themes) and from the current directory.
public struct ThemeCatalog: Sendable, Equatable {
    /// The theme used when none is asked for.
    public static let defaultName = "dark"

    /// Folders searched for NAME.json, first match wins.
    public let searchDirectories: [String]

    /// A catalog searching exactly `searchDirectories`.
    public init(searchDirectories: [String]) {
        self.searchDirectories = searchDirectories
    }

    /// The standard search order for a process with this environment, executable and working directory.
    public init(environment: [String: String], executablePath: String, currentDirectory: String) {
        var directories: [String] = []
        if let explicit = environment["CASELOAD_THEME_DIR"], !explicit.isEmpty {
            directories.append(explicit)
        }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            directories.append("\(config)/caseload/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            directories.append("\(home)/.config/caseload/themes")
        }
        let executableDirectory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent().path
        for start in [executableDirectory, currentDirectory] {
            if let found = Self.themesFolder(above: start), !directories.contains(found) {
                directories.append(found)
            }
        }
        self.init(searchDirectories: directories)
    }

    /// The catalog for the running process.
    public static func forCurrentProcess() -> ThemeCatalog {
        ThemeCatalog(environment: ProcessInfo.processInfo.environment,
                     executablePath: CommandLine.arguments.first.map { URL(fileURLWithPath: $0).path } ?? "",
                     currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Theme names (file names without .json) in all search folders, sorted, without duplicates.
    public func availableNames() -> [String] {
        let names = searchDirectories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".json") }
                .map { String($0.dropLast(".json".count)) }
        }
        return Array(Set(names)).sorted()
    }

    /// Loads the theme `nameOrPath` names.
    public func load(_ nameOrPath: String, knownRoles: Set<Role>) throws(ThemeError) -> Theme {
        let path = try locate(nameOrPath)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(source: path, reason: Self.reason(for: error, path: path))
        }
        return try Theme.decode(from: data, source: path, knownRoles: knownRoles)
    }

    /// The default theme, or `Theme.builtIn` with the reason it did not load (for a status line),
    /// so the console always starts.
    public func loadDefault(knownRoles: Set<Role>) -> (theme: Theme, problem: ThemeError?) {
        do {
            return (try load(Self.defaultName, knownRoles: knownRoles), nil)
        } catch {
            return (.builtIn, error)
        }
    }

    /// The file `nameOrPath` refers to.
    public func locate(_ nameOrPath: String) throws(ThemeError) -> String {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") { return nameOrPath }
        let fileManager = FileManager.default
        for directory in searchDirectories {
            let candidate = "\(directory)/\(nameOrPath).json"
            if fileManager.fileExists(atPath: candidate) { return candidate }
        }
        throw .notFound(name: nameOrPath, searched: searchDirectories, available: availableNames())
    }

    private static func themesFolder(above start: String) -> String? {
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent("themes").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    private static func reason(for error: any Error, path: String) -> String {
        if !FileManager.default.fileExists(atPath: path) { return "no such file" }
        return (error as NSError).localizedDescription
    }
}
