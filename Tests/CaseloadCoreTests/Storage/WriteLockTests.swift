#if canImport(CaseloadStorage)
@testable import CaseloadStorage
#else
@testable import CaseloadCore
#endif
import Foundation
import Glibc
import Testing

@Suite("Write lock")
struct WriteLockTests {
    @Test("a second holder waits, then gives up with a message naming the folder")
    func secondHolderTimesOut() throws {
        let scratch = try ScratchFolder()
        let first = try WriteLock.acquire(in: scratch.path)
        let started = ContinuousClock.now

        let error = #expect(throws: StoreError.self) {
            try WriteLock.acquire(in: scratch.path, timeout: .milliseconds(200))
        }

        #expect(ContinuousClock.now - started >= .milliseconds(200))
        #expect(error == .lockTimedOut(folder: scratch.path))
        #expect(
            error?.description == "Another Caseload process is still saving to \(scratch.path); try again in a moment.")
        #expect(first.isHeld)
    }

    @Test("releasing, or dropping the last reference, lets the next holder in at once")
    func releaseLetsNextHolderIn() throws {
        let scratch = try ScratchFolder()
        let first = try WriteLock.acquire(in: scratch.path)
        first.release()
        #expect(!first.isHeld)
        var second: WriteLock? = try WriteLock.acquire(in: scratch.path, timeout: .zero)
        #expect(second?.isHeld == true)
        second = nil
        _ = try WriteLock.acquire(in: scratch.path, timeout: .zero)
    }

    @Test("the lock file is created 0600")
    func lockFileIsPrivate() throws {
        let scratch = try ScratchFolder()
        _ = try WriteLock.acquire(in: scratch.path)
        #expect(scratch.permissions(".lock") == 0o600)
    }

    @Test("another process's lock excludes us, and kill -9 of that process frees it")
    func killedHolderLeavesNoStaleLock() throws {
        let scratch = try ScratchFolder()
        let lockPath = scratch.path + "/" + WriteLock.fileName
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        // --no-fork: flock execs sleep in its own process, which then is the one and only holder.
        holder.arguments = ["--exclusive", "--no-fork", lockPath, "/usr/bin/sleep", "30"]
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        try waitUntil { (try? WriteLock.acquire(in: scratch.path, timeout: .zero)) == nil }

        #expect(throws: StoreError.lockTimedOut(folder: scratch.path)) {
            try WriteLock.acquire(in: scratch.path, timeout: .milliseconds(100))
        }
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()

        let lock = try WriteLock.acquire(in: scratch.path, timeout: .seconds(2))
        #expect(lock.isHeld)
    }

    @Test("a lock file that cannot be opened is reported with the reason")
    func unopenableLockFile() throws {
        let scratch = try ScratchFolder()
        let faulty = FaultyFileSystem()
        faulty.fail(.openLockFile, with: EROFS)
        let error = #expect(throws: StoreError.self) {
            try WriteLock.acquire(in: scratch.path, fileSystem: faulty)
        }
        #expect(error == .lockFailed(folder: scratch.path, .readOnly))
        #expect(error?.description.contains("read-only") == true)
    }

    private func waitUntil(_ condition: () -> Bool) throws {
        for _ in 0..<200 where !condition() { usleep(10_000) }
        try #require(condition())
    }
}
