import Foundation

/// Finds themes for `--theme NAME|PATH`.
///
/// A value containing "/" or ending in ".json" is a path. A name is looked up as NAME.json in
/// `$CASELOAD_THEME_DIR`, then `$XDG_CONFIG_HOME/caseload/themes` (default
/// `~/.config/caseload/themes`), then among the themes built into the binary (generated from the
/// repository's themes/ folder), so an installed caseload has them wherever it is started and a
/// file of the same name in a theme folder replaces a built-in one.
public struct ThemeCatalog: Sendable, Equatable {
    /// The theme used when none is asked for.
    public static let defaultName = "dark"

    /// Folders searched for NAME.json before the built-in themes, first match wins.
    public let searchDirectories: [String]

    /// A catalog searching exactly `searchDirectories`, then the built-in themes.
    public init(searchDirectories: [String]) {
        self.searchDirectories = searchDirectories
    }

    /// The standard search order for a process with this environment.
    public init(environment: [String: String]) {
        var directories: [String] = []
        if let explicit = environment["CASELOAD_THEME_DIR"], !explicit.isEmpty {
            directories.append(explicit)
        }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            directories.append("\(config)/caseload/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            directories.append("\(home)/.config/caseload/themes")
        }
        self.init(searchDirectories: directories)
    }

    /// The catalog for the running process.
    public static func forCurrentProcess() -> ThemeCatalog {
        ThemeCatalog(environment: ProcessInfo.processInfo.environment)
    }

    /// Theme names (file names without .json) in the search folders and built in, sorted, without duplicates.
    public func availableNames() -> [String] {
        let names = searchDirectories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".json") }
                .map { String($0.dropLast(".json".count)) }
        }
        return Array(Set(names).union(Self.builtInFiles.keys)).sorted()
    }

    /// Loads the theme `nameOrPath` names.
    public func load(_ nameOrPath: String, knownRoles: Set<Role>) throws(ThemeError) -> Theme {
        if let path = try locate(nameOrPath) {
            return try Self.loadFile(path, knownRoles: knownRoles)
        }
        return try Self.builtIn(nameOrPath, knownRoles: knownRoles)
    }

    /// The default theme, and the reason it did not load when a theme folder holds a broken
    /// file of its name (for a status line): the built-in one is then used, so the console
    /// always starts.
    public func loadDefault(knownRoles: Set<Role>) -> (theme: Theme, problem: ThemeError?) {
        do {
            return (try load(Self.defaultName, knownRoles: knownRoles), nil)
        } catch {
            // The built-in default decodes: ThemeEmbeddingTests loads every built-in theme.
            return ((try? Self.builtIn(Self.defaultName, knownRoles: knownRoles)) ?? Theme(name: Self.defaultName, styles: [:]),
                    error)
        }
    }

    /// The file `nameOrPath` refers to: the path itself, the first NAME.json in the search
    /// folders, or nil for a name only built in.
    private func locate(_ nameOrPath: String) throws(ThemeError) -> String? {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") { return nameOrPath }
        let fileManager = FileManager.default
        for directory in searchDirectories {
            let candidate = "\(directory)/\(nameOrPath).json"
            if fileManager.fileExists(atPath: candidate) { return candidate }
        }
        guard Self.builtInFiles[nameOrPath] != nil else {
            throw .notFound(name: nameOrPath, searched: searchDirectories, available: availableNames())
        }
        return nil
    }

    /// The built-in theme `name`.
    static func builtIn(_ name: String, knownRoles: Set<Role>) throws(ThemeError) -> Theme {
        guard let text = builtInFiles[name] else {
            throw .notFound(name: name, searched: [], available: builtInFiles.keys.sorted())
        }
        return try Theme.decode(from: Data(text.utf8), source: "built-in theme \(name)", knownRoles: knownRoles)
    }

    private static func loadFile(_ path: String, knownRoles: Set<Role>) throws(ThemeError) -> Theme {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(source: path, reason: reason(for: error, path: path))
        }
        return try Theme.decode(from: data, source: path, knownRoles: knownRoles)
    }

    private static func reason(for error: any Error, path: String) -> String {
        if !FileManager.default.fileExists(atPath: path) { return "no such file" }
        return (error as NSError).localizedDescription
    }
}
