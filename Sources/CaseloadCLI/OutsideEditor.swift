import CaseloadConsole
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `Ctrl-E` in the note editor: the text goes to `$VISUAL` or `$EDITOR` (vi when neither is set)
/// in a temporary file inside the data folder, created 0600 like every record — never in /tmp,
/// where a note would leave the folder its owner protects — and comes back when the editor
/// exits. The file is removed either way.
struct OutsideEditor: ExternalEditor {
    /// The data folder's absolute path.
    let folder: String
    /// The command as the user set it; it may carry arguments ("code --wait").
    let command: String

    static func fromEnvironment(folder: String, _ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> OutsideEditor
    {
        let chosen = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
            .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return OutsideEditor(folder: folder, command: chosen ?? "vi")
    }

    func edit(_ text: String) -> ExternalEditResult {
        let path = folder + "/.editing-\(getpid())-\(UInt32.random(in: .min ... .max)).txt"
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            return .failed("Could not make a temporary file in the data folder (\(String(cString: strerror(errno))))")
        }
        defer { unlink(path) }
        let bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else { return .failed("Could not write the temporary file for the editor") }
        // Through the shell, as git does, so an editor set with arguments works; the file's path
        // is passed as an argument, never spliced into the command.
        let status = run(["/bin/sh", "-c", "\(command) \"$1\"", "sh", path])
        guard status == 0 else {
            return .failed("The editor (\(command)) ended with status \(status); the note is as it was")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed("The editor's file could not be read back; the note is as it was")
        }
        var edited = String(decoding: data, as: UTF8.self)
        // Editors end the file with a line break the note never had.
        if edited.hasSuffix("\n") { edited.removeLast() }
        return .edited(edited)
    }

    /// Runs `arguments` with this terminal and waits; the exit status, or -1 when it could not start.
    private func run(_ arguments: [String]) -> Int32 {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, arguments[0], nil, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift cannot import as macros.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }
}
