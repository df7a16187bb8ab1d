#if canImport(CaseloadStorage)
@testable import CaseloadStorage
#else
@testable import CaseloadCore
#endif
import Foundation
import Glibc
import Testing

@Suite("Atomic writes")
struct AtomicWriterTests {
    let old: [UInt8] = Array("{\n  \"schemaVersion\" : 1,\n  \"text\" : \"old\"\n}\n".utf8)
    let new: [UInt8] = Array("{\n  \"schemaVersion\" : 1,\n  \"text\" : \"new and longer\"\n}\n".utf8)

    @Test("replaces the content and leaves a 0600 file in a 0700 folder, even with umask 022")
    func replacesContentWithPrivatePermissions() throws {
        let previousMask = umask(0o022)
        defer { umask(previousMask) }
        let scratch = try ScratchFolder()
        let folder = try scratch.dataFolder()
        let participants = try folder.ensureFolder("participants")
        let lock = try folder.lockForWriting()
        let writer = AtomicWriter()

        try writer.replace(participants.appending("P-1.json"), with: old, holding: lock)
        try writer.replace(participants.appending("P-1.json"), with: new, holding: lock)

        #expect(scratch.bytes("participants/P-1.json") == new)
        #expect(scratch.permissions("participants/P-1.json") == 0o600)
        #expect(scratch.permissions("participants") == 0o700)
        #expect(scratch.permissions("") == 0o700)
        #expect(scratch.names(in: "participants") == ["P-1.json"])
    }

    @Test("a save tightens a file that someone made 0644")
    func tightensLoosePermissionsOnSave() throws {
        let scratch = try ScratchFolder()
        try scratch.plant("participants/P-1.json", old, permissions: 0o644)
        let folder = try scratch.dataFolder()
        let lock = try folder.lockForWriting()

        try AtomicWriter().replace(folder.path("participants/P-1.json"), with: new, holding: lock)

        #expect(scratch.permissions("participants/P-1.json") == 0o600)
    }

    /// The steps before the rename, whose failure leaves the old file.
    static let failingSteps: [FileOperation] = [.createExclusive, .setPermissions, .write, .sync, .close, .rename]
    static let errnos: [Int32] = [ENOSPC, EIO, EROFS, EACCES]

    /// How many calls of each operation one save of `new` over `old` makes; the save's own open,
    /// write, fsync, close, rename and folder fsync are the last call of their operation (the
    /// first folder fsync is the parent's, once per folder).
    func callsInOneSave() throws -> [FileOperation: Int] {
        let scratch = try ScratchFolder()
        try scratch.plant("P-1.json", old)
        let counting = FaultyFileSystem()
        let folder = try scratch.dataFolder(counting)
        let lock = try folder.lockForWriting()
        let before = Dictionary(uniqueKeysWithValues: FileOperation.allCases.map { ($0, counting.calls(of: $0)) })
        try AtomicWriter(fileSystem: counting).replace(folder.path("P-1.json"), with: new, holding: lock)
        return Dictionary(uniqueKeysWithValues: FileOperation.allCases.map { ($0, counting.calls(of: $0) - before[$0]!) })
            .filter { $0.value > 0 }
    }

    @Test("a failure at any step leaves the old file byte-identical and no temporary file", arguments: failingSteps, errnos)
    func failureAtEveryStepKeepsOldFile(step: FileOperation, code: Int32) throws {
        let stepCall = try #require(try callsInOneSave()[step])
        let scratch = try ScratchFolder()
        try scratch.plant("P-1.json", old)
        let faulty = FaultyFileSystem()
        let folder = try scratch.dataFolder(faulty)
        let lock = try folder.lockForWriting()
        faulty.fail(step, onCall: faulty.calls(of: step) + stepCall, with: code)

        let error = #expect(throws: StoreError.self) {
            try AtomicWriter(fileSystem: faulty).replace(folder.path("P-1.json"), with: new, holding: lock)
        }

        #expect(error == .saveFailed(folder.path("P-1.json"), FailureReason(errno: code)))
        #expect(scratch.bytes("P-1.json") == old)
        #expect(scratch.names() == [".lock", "P-1.json"])
        let message = error?.description ?? ""
        #expect(message.hasPrefix("Could not save P-1.json because \(FailureReason(errno: code))"))
        #expect(message.contains("the previous version is unchanged"))
    }

    @Test("a failure at any step of creating a new file leaves no file at all", arguments: failingSteps)
    func failureWhileCreatingLeavesNothing(step: FileOperation) throws {
        let scratch = try ScratchFolder()
        let faulty = FaultyFileSystem()
        let folder = try scratch.dataFolder(faulty)
        let lock = try folder.lockForWriting()
        faulty.fail(step, onCall: faulty.calls(of: step) + 1, with: ENOSPC)

        #expect(throws: StoreError.saveFailed(folder.path("P-1.json"), .diskFull)) {
            try AtomicWriter(fileSystem: faulty).replace(folder.path("P-1.json"), with: new, holding: lock)
        }
        #expect(scratch.names() == [".lock"])
    }

    /// SQLite's method: count the calls a successful save makes, then fail each one in turn,
    /// once and for good, and check that the file holds exactly the old or the new content.
    @Test("failing the Nth call of every operation never tears the file", arguments: [false, true])
    func failingEveryCallNeverTearsTheFile(persistent: Bool) throws {
        let callsPerSave = try callsInOneSave()
        #expect(callsPerSave.count >= 8)
        #expect(callsPerSave.values.reduce(0, +) >= 14)

        for (operation, calls) in callsPerSave.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for call in 1...calls {
                let scratch = try ScratchFolder()
                try scratch.plant("P-1.json", old)
                let faulty = FaultyFileSystem()
                let folder = try scratch.dataFolder(faulty)
                let lock = try folder.lockForWriting()
                faulty.fail(operation, onCall: faulty.calls(of: operation) + call, with: EIO, persistent: persistent)

                var outcome: StoreError?
                do {
                    try AtomicWriter(fileSystem: faulty).replace(folder.path("P-1.json"), with: new, holding: lock)
                } catch {
                    outcome = error
                }
                let content = scratch.bytes("P-1.json")
                let leftovers = scratch.names().filter(TemporaryFileName.isTemporary)
                let context = Comment(rawValue: "\(operation) call \(call) persistent \(persistent)")
                switch outcome {
                case nil:
                    // Only a failing close of the leftover sweep or of a read can go unnoticed.
                    #expect(content == new, context)
                case .saveUnconfirmed?:
                    // Only the folder fsync after the rename: the new file is in place, unconfirmed.
                    #expect(operation == .syncDirectory && call == calls, context)
                    #expect(content == new, context)
                case .some:
                    #expect(content == old, context)
                }
                #expect(leftovers.isEmpty, context)
            }
        }
    }

    @Test("a folder fsync failing after the rename is saved-but-unconfirmed, never 'unchanged'", arguments: [false, true])
    func directoryFsyncFailureAfterRenameIsUnconfirmed(persistent: Bool) throws {
        let folderSync = try #require(try callsInOneSave()[.syncDirectory])
        let scratch = try ScratchFolder()
        try scratch.plant("P-1.json", old)
        let faulty = FaultyFileSystem()
        let folder = try scratch.dataFolder(faulty)
        let lock = try folder.lockForWriting()
        faulty.fail(.syncDirectory, onCall: faulty.calls(of: .syncDirectory) + folderSync, with: EIO, persistent: persistent)

        let error = #expect(throws: StoreError.self) {
            try AtomicWriter(fileSystem: faulty).replace(folder.path("P-1.json"), with: new, holding: lock)
        }
        #expect(error == .saveUnconfirmed(folder.path("P-1.json"), .deviceError))
        #expect(error?.description.hasPrefix("P-1.json was saved, but the disk did not confirm it") == true)
        #expect(error?.description.contains("unchanged") == false)
        #expect(scratch.bytes("P-1.json") == new)
    }

    @Test("the parent folder is fsynced once before the first save into a folder, and its failure saves nothing")
    func parentFolderSyncedFirst() throws {
        let scratch = try ScratchFolder()
        try scratch.plant("P-1.json", old)
        let faulty = FaultyFileSystem()
        let folder = try scratch.dataFolder(faulty)
        let lock = try folder.lockForWriting()
        let writer = AtomicWriter(fileSystem: faulty)
        faulty.fail(.syncDirectory, onCall: faulty.calls(of: .syncDirectory) + 1, with: EIO)

        #expect(throws: StoreError.saveFailed(folder.path("P-1.json"), .deviceError)) {
            try writer.replace(folder.path("P-1.json"), with: new, holding: lock)
        }
        #expect(scratch.bytes("P-1.json") == old)

        let before = faulty.calls(of: .syncDirectory)
        try writer.replace(folder.path("P-1.json"), with: new, holding: lock)
        try writer.replace(folder.path("P-1.json"), with: old, holding: lock)
        #expect(faulty.calls(of: .syncDirectory) - before == 3, "the parent once, then the folder after each save")
    }

    @Test("writes everything despite partial writes and EINTR")
    func survivesPartialWritesAndInterrupts() throws {
        let scratch = try ScratchFolder()
        let faulty = FaultyFileSystem()
        faulty.maximumBytesPerWrite = 7
        faulty.interruptsWrites = true
        let folder = try scratch.dataFolder(faulty)
        let lock = try folder.lockForWriting()

        try AtomicWriter(fileSystem: faulty).replace(folder.path("P-1.json"), with: new, holding: lock)

        #expect(scratch.bytes("P-1.json") == new)
        #expect(faulty.calls(of: .write) > 2 * (new.count / 7))
    }

    @Test("refuses to replace a symbolic link and leaves its target alone")
    func refusesToReplaceSymbolicLink() throws {
        let scratch = try ScratchFolder()
        try scratch.plant("elsewhere.json", old)
        symlink(scratch.path + "/elsewhere.json", scratch.path + "/P-1.json")
        let folder = try scratch.dataFolder()
        let lock = try folder.lockForWriting()

        #expect(throws: StoreError.damaged(folder.path("P-1.json"), .symbolicLink)) {
            try AtomicWriter().replace(folder.path("P-1.json"), with: new, holding: lock)
        }
        #expect(scratch.bytes("elsewhere.json") == old)
    }

    @Test("refuses to replace a hard-linked file")
    func refusesToReplaceHardLinkedFile() throws {
        let scratch = try ScratchFolder()
        try scratch.plant("P-1.json", old)
        link(scratch.path + "/P-1.json", scratch.path + "/copy.json")
        let folder = try scratch.dataFolder()
        let lock = try folder.lockForWriting()

        #expect(throws: StoreError.damaged(folder.path("P-1.json"), .hardLinked(links: 2))) {
            try AtomicWriter().replace(folder.path("P-1.json"), with: new, holding: lock)
        }
        #expect(scratch.bytes("copy.json") == old)
    }

    @Test("temporary names start with a dot and are recognised; record names are not")
    func temporaryNames() {
        let name = TemporaryFileName.make(for: "P-1.json")
        #expect(name.hasPrefix(".P-1.json.tmp-\(getpid())-"))
        #expect(TemporaryFileName.isTemporary(name))
        #expect(!TemporaryFileName.isTemporary("P-1.json"))
        #expect(!TemporaryFileName.isTemporary(".lock"))
        #expect(TemporaryFileName.make(for: "P-1.json") != name)
    }

    @Test("the first save in a folder removes temporary files a killed writer left there")
    func firstSaveRemovesLeftovers() throws {
        let scratch = try ScratchFolder()
        try scratch.plant("participants/.P-1.json.tmp-999-0badf00d", "{\"half\": ")
        try scratch.plant("participants/P-1.json", old)
        let folder = try scratch.dataFolder()
        let leftovers = LeftoverTemporaryFiles()
        #expect(try leftovers.list(in: folder.path("participants")) == [folder.path("participants/.P-1.json.tmp-999-0badf00d")])
        let lock = try folder.lockForWriting()

        try AtomicWriter().replace(folder.path("participants/P-1.json"), with: new, holding: lock)

        #expect(scratch.names(in: "participants") == ["P-1.json"])
        #expect(try leftovers.list(in: folder.path("participants")).isEmpty)
    }
}
