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
            FHIR: one FHIR R4 Bundle (type collection) per participant in --out, named by id (P-0007.json), or only \
            the one --participant names. Each bundle holds everything its references point to, and a record keeps \
            the same resource ids in every export.
            Exported files are private to you (0600), like the caseload itself.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, fhir }

    @OptionGroup var store: StoreOptions
    @Option(help: "json, csv or fhir.") var format: Format
    @Option(help: "Folder to write into (created if missing; required for csv and fhir).") var out: String?
    @Option(help: "FHIR only: export this participant alone.") var participant: String?

    func validate() throws {
        if format == .csv, out == nil { throw ValidationError("CSV export writes several files; give a folder with --out.") }
        if format == .fhir, out == nil { throw ValidationError("FHIR export writes a file per participant; give a folder with --out.") }
        if format != .fhir, participant != nil {
            throw ValidationError("--participant is for --format fhir; json and csv export the whole caseload.")
        }
    }

    func run() throws {
        let acting = try store.open()
        let folder = out.map { URL(fileURLWithPath: $0) }
        switch (format, folder) {
        case (.json, nil):
            try Output.json(try everything(acting).document)
        case (.json, let folder?):
            let document = try everything(acting).document
            try PrivateFiles.write([("export.json", try RecordCoding.makeEncoder().encode(document))], into: folder)
            Output.line("Wrote export.json to \(folder.path).")
        case (.csv, let folder):
            let tables = try everything(acting).csvTables(today: try acting.today())
            try PrivateFiles.write(tables.map { ($0.0, Data($0.1.utf8)) }, into: folder!)
            Output.line("Wrote \(tables.map(\.0).joined(separator: ", ")) to \(folder!.path).")
        case (.fhir, let folder):
            try exportFHIR(acting, into: folder!)
        }
    }

    /// The whole caseload, read once, its export on record and its damaged files named.
    private func everything(_ acting: Acting) throws -> CaseloadExport {
        let export = try CaseloadExport.load(from: acting.store)
        acting.recordAccess(.export)
        reportDamage(export.damaged)
        return export
    }
}

extension ExportCommand {
    /// One bundle per participant, or the one `--participant` names; the access is recorded
    /// like every export's, with the participant's id when there is one.
    private func exportFHIR(_ acting: Acting, into folder: URL) throws {
        let id = participant.map { ParticipantID($0) }
        let bundles = try FHIRBundles.load(from: acting.store, participant: id)
        acting.recordAccess(id.map(RecordAccess.participantExport) ?? .export)
        reportDamage(bundles.damaged)
        try PrivateFiles.write(try bundles.bundles.map { (FHIRBundles.fileName($0), try $0.encoded()) }, into: folder)
        if let id {
            Output.line("Wrote \(id).json, a FHIR R4 bundle, to \(folder.path).")
        } else {
            Output.line("Wrote \(bundles.bundles.count) FHIR R4 bundles, one per participant named by id (P-0001.json…), to \(folder.path).")
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
