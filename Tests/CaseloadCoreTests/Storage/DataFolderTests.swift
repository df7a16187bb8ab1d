#if canImport(CaseloadStorage)
@testable import CaseloadStorage
#else
@testable import CaseloadCore
#endif
import Foundation
import Glibc
import Testing

@Suite("Data folder checks")
struct DataFolderTests {
    @Test("a missing folder is created 0700 with its missing parents, even with umask 022")
    func createsPrivateFolder() throws {
        let previousMask = umask(0o022)
        defer { umask(previousMask) }
        let scratch = try ScratchFolder()
        let folder = try DataFolder.open(scratch.path + "/home/caseload")
        #expect(folder.root == scratch.path + "/home/caseload")
        #expect(scratch.permissions("home") == 0o700)
        #expect(scratch.permissions("home/caseload") == 0o700)
        #expect(try folder.ensureFolder("checkins/P-0001") == folder.path("checkins/P-0001"))
        #expect(scratch.permissions("home/caseload/checkins/P-0001") == 0o700)
    }

    @Test("a folder other accounts can use is refused with the chmod that fixes it", arguments: [0o755, 0o750, 0o701] as [UInt32])
    func refusesOpenFolder(permissions: UInt32) throws {
        let scratch = try ScratchFolder()
        try scratch.plant("caseload.json", "{}", permissions: 0o600)
        chmod(scratch.path, mode_t(permissions))
        let error = #expect(throws: StoreError.self) { try DataFolder.open(scratch.path) }
        #expect(error == .openToOtherUsers(scratch.store(""), permissions: permissions, holdsCaseload: true))
        #expect(
            error?.description == "The data folder \(scratch.path) can be used by other accounts on this computer "
                + "(permissions \(String(permissions, radix: 8))), which is not safe for health records; run "
                + "`chmod -R go-rwx \(scratch.path)` and start Caseload again.")
    }

    @Test("an open folder that holds no caseload is refused without suggesting a chmod of someone's own folder")
    func refusesOpenFolderOfOthers() throws {
        let scratch = try ScratchFolder()
        chmod(scratch.path, 0o755)
        let error = #expect(throws: StoreError.self) { try DataFolder.open(scratch.path) }
        #expect(error == .openToOtherUsers(scratch.store(""), permissions: 0o755, holdsCaseload: false))
        #expect(error?.description.contains("chmod") == false)
    }

    @Test("an empty path, the root and the home folder are never data folders", arguments: ["", "/", "/."])
    func refusesTooBroad(path: String) {
        #expect(throws: StoreError.dataFolderTooBroad(path.isEmpty ? "" : "/")) { try DataFolder.open(path) }
    }

    @Test("the home folder is refused however it is written: through '..' or a link")
    func refusesHomeByAnotherName() throws {
        let scratch = try ScratchFolder()
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let link = scratch.path + "/home-link"
        #expect(symlink(home, link) == 0)
        let parent = (home as NSString).deletingLastPathComponent
        let name = (home as NSString).lastPathComponent
        for path in [link, home + "/../" + name, parent + "/./" + name] {
            let error = #expect(throws: StoreError.self, "\(path)") { try DataFolder.open(path) }
            guard case .dataFolderTooBroad? = error else {
                Issue.record("\(path) was not refused as too broad: \(String(describing: error))")
                continue
            }
        }
    }

    @Test("a readable file at the top of the folder is refused; deeper ones are reported by check")
    func reportsReadableFiles() throws {
        let scratch = try ScratchFolder()
        try scratch.plant("caseload.json", "{}", permissions: 0o644)
        #expect(throws: StoreError.openToOtherUsers(scratch.store("caseload.json"), permissions: 0o644, holdsCaseload: true)) {
            try DataFolder.open(scratch.path)
        }
        #expect(scratch.permissions("caseload.json") == 0o644)

        chmod(scratch.path + "/caseload.json", 0o600)
        try scratch.plant("participants/P-0001.json", "{}", permissions: 0o640)
        let folder = try DataFolder.open(scratch.path)
        #expect(folder.inspect() == [.openToOtherUsers(scratch.store("participants/P-0001.json"), permissions: 0o640)])
        #expect(
            folder.inspect().first?.description
                == "participants/P-0001.json can be used by other accounts on this computer (permissions 640); run "
                + "`chmod -R go-rwx \(scratch.path)`.")
        #expect(scratch.permissions("participants/P-0001.json") == 0o640)
    }

    @Test("a folder on a network file system is refused", arguments: [
        (0x6969, "NFS"), (0x517B, "SMB"), (0xFF53_4D42, "CIFS"), (0xFE53_4D42, "SMB2"),
    ] as [(UInt32, String)])
    func refusesNetworkFileSystem(typeCode: UInt32, name: String) throws {
        let scratch = try ScratchFolder()
        let faulty = FaultyFileSystem()
        faulty.volumeOverride = VolumeInfo(typeCode: typeCode, isReadOnly: false)
        let error = #expect(throws: StoreError.self) { try DataFolder.open(scratch.path, fileSystem: faulty) }
        #expect(error == .networkFileSystem(folder: scratch.path, kind: name))
        #expect(error?.description.contains("is on a network disk (\(name))") == true)
    }

    @Test("the real file system here is local and writable")
    func localVolume() throws {
        let scratch = try ScratchFolder()
        let folder = try DataFolder.open(scratch.path)
        #expect(!folder.isReadOnly)
        #expect(try PosixFileSystem().volume(scratch.path).networkFileSystemName == nil)
    }

    @Test("a read-only disk is noticed on open and named on save")
    func readOnlyDisk() throws {
        let scratch = try ScratchFolder()
        let faulty = FaultyFileSystem()
        faulty.volumeOverride = VolumeInfo(typeCode: 0xEF53, isReadOnly: true)
        let folder = try DataFolder.open(scratch.path, fileSystem: faulty)
        #expect(folder.isReadOnly)
        let lock = try folder.lockForWriting()
        faulty.fail(.createExclusive, with: EROFS, persistent: true)
        let error = #expect(throws: StoreError.self) {
            try AtomicWriter(fileSystem: faulty).replace(folder.path("caseload.json"), with: Array("{}\n".utf8), holding: lock)
        }
        #expect(
            error?.description == "Could not save caseload.json because the folder is on a read-only disk; the previous "
                + "version is unchanged, so ask IT to make the disk writable, then try again.")
    }

    @Test("a path that is a file is refused")
    func refusesFile() throws {
        let scratch = try ScratchFolder()
        try scratch.plant("not-a-folder", "x")
        #expect(throws: StoreError.notAFolder(scratch.path + "/not-a-folder")) {
            try DataFolder.open(scratch.path + "/not-a-folder")
        }
    }

    @Test("check lists leftovers, links, hard links and special files, and tidies leftovers under the lock")
    func inspectionFindsEverything() throws {
        let scratch = try ScratchFolder()
        try scratch.plant("sessions/2026-W47/.S-1.json.tmp-12-0000abcd", "{")
        try scratch.plant("staff/mgarcia.json", "{}")
        link(scratch.path + "/staff/mgarcia.json", scratch.path + "/staff/copy.json")
        symlink("/etc/passwd", scratch.path + "/participants-link")
        mkfifo(scratch.path + "/staff/pipe", 0o600)
        let folder = try scratch.dataFolder()

        let issues = folder.inspect()

        #expect(
            Set(issues) == [
                .leftoverTemporaryFile(folder.path("sessions/2026-W47/.S-1.json.tmp-12-0000abcd")),
                .hardLinked(folder.path("staff/mgarcia.json"), links: 2),
                .hardLinked(folder.path("staff/copy.json"), links: 2),
                .symbolicLink(folder.path("participants-link")),
                .notARegularFile(folder.path("staff/pipe")),
            ])
        let removed = try folder.removeLeftoverTemporaryFiles(holding: folder.lockForWriting())
        #expect(removed == [folder.path("sessions/2026-W47/.S-1.json.tmp-12-0000abcd")])
        #expect(scratch.names(in: "sessions/2026-W47").isEmpty)
    }
}
