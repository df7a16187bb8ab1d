/// A file or folder inside the data folder, named relative to it in every message.
///
/// Messages name `participants/P-0042.json`, not `/home/mgarcia/.local/share/caseload/participants/…`:
/// the relative name is what a person finds in a backup and what `caseload check` lists.
public struct StorePath: Hashable, Sendable, CustomStringConvertible {
    /// The data folder's absolute path.
    public let root: String
    /// The path below the data folder, with "/" between components; empty for the data folder itself.
    public let relative: String

    /// Names `relative` inside the data folder at `root`.
    public init(root: String, relative: String = "") {
        self.root = root
        self.relative = relative
    }

    /// The absolute path, for system calls.
    public var absolute: String { relative.isEmpty ? root : root + "/" + relative }

    /// The last path component ("" for the data folder itself).
    public var name: String {
        relative.split(separator: "/").last.map(String.init) ?? ""
    }

    /// The folder that holds this entry (the data folder for a top-level entry).
    public var parent: StorePath {
        guard let slash = relative.lastIndex(of: "/") else { return StorePath(root: root) }
        return StorePath(root: root, relative: String(relative[..<slash]))
    }

    /// The entry called `name` inside this folder.
    public func appending(_ name: String) -> StorePath {
        StorePath(root: root, relative: relative.isEmpty ? name : relative + "/" + name)
    }

    /// The relative path, or the absolute one for the data folder itself.
    public var description: String { relative.isEmpty ? root : relative }
}
