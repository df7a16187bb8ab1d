#if canImport(Glibc)
import Glibc
#endif

/// Names of the temporary files a save writes before renaming them over a record.
///
/// `.NAME.tmp-PID-RANDOM`: the leading dot keeps it out of every record listing (record names
/// never start with a dot), and the pid and random part keep two writers from colliding.
public enum TemporaryFileName {
    /// A fresh temporary name for a save of the file called `name`.
    static func make(for name: String) -> String {
        let random = UInt32.random(in: 0...UInt32.max)
        let hex = String(random, radix: 16)
        return ".\(name).tmp-\(getpid())-\(String(repeating: "0", count: 8 - hex.count))\(hex)"
    }

    /// True for names `make` produces: files a writer left behind when it was killed mid-save.
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }
}
