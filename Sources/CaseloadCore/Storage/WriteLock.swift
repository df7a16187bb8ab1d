#if canImport(Glibc)
import Glibc
#endif

/// The exclusive right to save in one data folder, held for a whole read-check-write.
///
/// An `flock` on `<data>/.lock`: the kernel drops it when the holder's descriptor closes,
/// including when the process is killed, so a crash never leaves a stale lock behind.
/// `flock` belongs to the open file description, so two acquisitions in one process
/// exclude each other just as two processes do.
public final class WriteLock {
    /// The lock file's name inside the data folder.
    public static let fileName = ".lock"
    /// Long enough for any save to finish, short enough that a person is not left staring at a frozen screen.
    public static let defaultTimeout: Duration = .seconds(10)

    /// The data folder this lock guards.
    public let folder: String
    private let fileSystem: any FileSystem
    private var descriptor: FileDescriptor?

    private init(folder: String, fileSystem: any FileSystem, descriptor: FileDescriptor) {
        self.folder = folder
        self.fileSystem = fileSystem
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Waits up to `timeout` for the lock on `folder`, polling so the wait is bounded.
    public static func acquire(
        in folder: String,
        fileSystem: any FileSystem = PosixFileSystem(),
        timeout: Duration = defaultTimeout,
        pollInterval: Duration = .milliseconds(20)
    ) throws(StoreError) -> WriteLock {
        let descriptor: FileDescriptor
        do {
            descriptor = try fileSystem.openLockFile(folder + "/" + fileName, mode: 0o600)
        } catch {
            throw .lockFailed(folder: folder, FailureReason(errno: error.code))
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let acquired: Bool
            do {
                acquired = try fileSystem.tryLockExclusive(descriptor)
            } catch {
                fileSystem.closeQuietly(descriptor)
                throw .lockFailed(folder: folder, FailureReason(errno: error.code))
            }
            if acquired { return WriteLock(folder: folder, fileSystem: fileSystem, descriptor: descriptor) }
            guard clock.now < deadline else {
                fileSystem.closeQuietly(descriptor)
                throw .lockTimedOut(folder: folder)
            }
            let (seconds, attoseconds) = pollInterval.components
            usleep(useconds_t(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
        }
    }

    /// True until `release()`.
    public var isHeld: Bool { descriptor != nil }

    /// Gives the lock up; closing the descriptor is what releases an `flock`.
    public func release() {
        guard let descriptor else { return }
        fileSystem.closeQuietly(descriptor)
        self.descriptor = nil
    }
}
