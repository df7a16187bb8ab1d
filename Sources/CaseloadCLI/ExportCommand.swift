import ArgumentParser
import CaseloadCore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export everything, for backup and for other tools.",
        discussion: """
            JSON: one document with program, staff, participants, sessions and check-ins (to stdout, or export.json in --out).
            CSV: staff.csv, participants.csv, level-of-care.csv, attendance.csv, notes.csv and checkins.csv in --out.
            Exported files are private to you (0600), like the caseload itself.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @OptionGroup var store: StoreOptions
    @Option(help: "json or csv.") var format: Format
    @Option(help: "Folder to write into (created if missing; required for csv).") var out: String?

    func validate() throws {
        if format == .csv, out == nil { throw ValidationError("CSV export writes several files; give a folder with --out.") }
    }

    func run() throws {
        let acting = try store.open()
        let export = try CaseloadExport.load(from: acting.store)
        acting.recordAccess(.export)
        reportDamage(export.damaged)
        switch (format, out.map { URL(fileURLWithPath: $0) }) {
        case (.json, nil):
            try Output.json(export.document)
        case (.json, let folder?):
            try PrivateFiles.write([("export.json", try RecordCoding.makeEncoder().encode(export.document))], into: folder)
            Output.line("Wrote export.json to \(folder.path).")
        case (.csv, let folder):
            let tables = export.csvTables(today: try acting.today())
            try PrivateFiles.write(tables.map { ($0.0, Data($0.1.utf8)) }, into: folder!)
            Output.line("Wrote \(tables.map(\.0).joined(separator: ", ")) to \(folder!.path).")
        }
    }
}

/// Export files hold health information: they are written the way the store writes records
/// (private folder, 0600 files, temp file + fsync + rename + folder fsync).
enum PrivateFiles {
    static func write(_ files: [(name: String, data: Data)], into folder: URL) throws {
        let target = try DataFolder.open(folder.path, creatingIfMissing: true)
        let lockFile = target.path(WriteLock.fileName).absolute
        let lockExisted = FileManager.default.fileExists(atPath: lockFile)
        let lock = try target.lockForWriting()
        // The lock only keeps two exports from interleaving; the folder holds the export, nothing else.
        defer {
            lock.release()
            if !lockExisted { unlink(lockFile) }
        }
        let writer = AtomicWriter(fileSystem: target.fileSystem)
        for file in files {
            try writer.replace(target.path(file.name), with: [UInt8](file.data), holding: lock)
        }
    }
}
