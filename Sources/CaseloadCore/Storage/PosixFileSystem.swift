#if canImport(Glibc)
import Glibc
#endif

/// The real file system, through Glibc system calls.
public struct PosixFileSystem: FileSystem {
    /// Creates the real file system.
    public init() {}

    public func createExclusive(_ path: String, mode: UInt32) throws(SystemCallError) -> FileDescriptor {
        try open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode: mode, as: .createExclusive)
    }

    public func openForAppending(_ path: String, mode: UInt32) throws(SystemCallError) -> FileDescriptor {
        try open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode: mode, as: .openForAppending)
    }

    public func openLockFile(_ path: String, mode: UInt32) throws(SystemCallError) -> FileDescriptor {
        try open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode: mode, as: .openLockFile)
    }

    public func openForReading(_ path: String) throws(SystemCallError) -> FileDescriptor {
        // O_NONBLOCK: if a FIFO is swapped in after the lstat check, open must not hang.
        try open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, mode: 0, as: .openForReading)
    }

    public func write(_ descriptor: FileDescriptor, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> Int {
        let written = Glibc.write(descriptor.rawValue, bytes.baseAddress, bytes.count)
        guard written >= 0 else { throw SystemCallError(.write, path: "", code: errno) }
        return written
    }

    public func read(_ descriptor: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError) -> Int {
        let count = Glibc.read(descriptor.rawValue, buffer.baseAddress, buffer.count)
        guard count >= 0 else { throw SystemCallError(.read, path: "", code: errno) }
        return count
    }

    public func read(
        _ descriptor: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer, at offset: Int
    ) throws(SystemCallError) -> Int {
        let count = pread(descriptor.rawValue, buffer.baseAddress, buffer.count, off_t(offset))
        guard count >= 0 else { throw SystemCallError(.read, path: "", code: errno) }
        return count
    }

    public func sync(_ descriptor: FileDescriptor) throws(SystemCallError) {
        guard fsync(descriptor.rawValue) == 0 else { throw SystemCallError(.sync, path: "", code: errno) }
    }

    public func setPermissions(_ descriptor: FileDescriptor, _ mode: UInt32) throws(SystemCallError) {
        guard fchmod(descriptor.rawValue, mode_t(mode)) == 0 else {
            throw SystemCallError(.setPermissions, path: "", code: errno)
        }
    }

    public func mapForReading(_ descriptor: FileDescriptor, count: Int) throws(SystemCallError) -> UnsafeRawBufferPointer? {
        guard count > 0 else { return nil }
        guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor.rawValue, 0), address != MAP_FAILED else {
            throw SystemCallError(.read, path: "", code: errno)
        }
        return UnsafeRawBufferPointer(start: address, count: count)
    }

    public func unmap(_ region: UnsafeRawBufferPointer) {
        munmap(UnsafeMutableRawPointer(mutating: region.baseAddress), region.count)
    }

    public func close(_ descriptor: FileDescriptor) throws(SystemCallError) {
        guard Glibc.close(descriptor.rawValue) == 0 else { throw SystemCallError(.close, path: "", code: errno) }
    }

    public func rename(_ source: String, to destination: String) throws(SystemCallError) {
        guard Glibc.rename(source, destination) == 0 else {
            throw SystemCallError(.rename, path: destination, code: errno)
        }
    }

    public func syncDirectory(_ path: String) throws(SystemCallError) {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemCallError(.syncDirectory, path: path, code: errno) }
        defer { _ = Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else { throw SystemCallError(.syncDirectory, path: path, code: errno) }
    }

    public func remove(_ path: String) throws(SystemCallError) {
        guard unlink(path) == 0 else { throw SystemCallError(.remove, path: path, code: errno) }
    }

    public func makeDirectory(_ path: String, mode: UInt32) throws(SystemCallError) {
        guard mkdir(path, mode_t(mode)) == 0 else { throw SystemCallError(.makeDirectory, path: path, code: errno) }
    }

    public func setPermissions(_ path: String, _ mode: UInt32) throws(SystemCallError) {
        guard chmod(path, mode_t(mode)) == 0 else { throw SystemCallError(.setPermissions, path: path, code: errno) }
    }

    public func listDirectory(_ path: String) throws(SystemCallError) -> [String] {
        guard let directory = opendir(path) else { throw SystemCallError(.listDirectory, path: path, code: errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw SystemCallError(.listDirectory, path: path, code: errno) }
                return names
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    public func status(_ path: String, followingLinks: Bool) throws(SystemCallError) -> FileStatus {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { throw SystemCallError(.status, path: path, code: errno) }
        return FileStatus(info)
    }

    public func status(_ descriptor: FileDescriptor) throws(SystemCallError) -> FileStatus {
        var info = stat()
        guard fstat(descriptor.rawValue, &info) == 0 else { throw SystemCallError(.status, path: "", code: errno) }
        return FileStatus(info)
    }

    public func tryLockExclusive(_ descriptor: FileDescriptor) throws(SystemCallError) -> Bool {
        while true {
            if flock(descriptor.rawValue, LOCK_EX | LOCK_NB) == 0 { return true }
            switch errno {
            case EWOULDBLOCK: return false
            case EINTR: continue
            case let code: throw SystemCallError(.tryLock, path: "", code: code)
            }
        }
    }

    public func volume(_ path: String) throws(SystemCallError) -> VolumeInfo {
        guard let statfsFunction = Self.statfsFunction else { throw SystemCallError(.volume, path: path, code: ENOSYS) }
        // struct statfs on 64-bit Linux (x86_64, aarch64): eleven 8-byte fields, f_type first and
        // f_flags eleventh, then spare words; the buffer is larger than the struct on purpose.
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 8)
        defer { buffer.deallocate() }
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: 256)
        guard statfsFunction(path, buffer) == 0 else { throw SystemCallError(.volume, path: path, code: errno) }
        let typeCode = buffer.load(fromByteOffset: 0, as: Int.self)
        let flags = buffer.load(fromByteOffset: 80, as: Int.self)
        let readOnlyFlag = 1  // ST_RDONLY, reported in f_flags since Linux 2.6.36
        return VolumeInfo(typeCode: UInt32(truncatingIfNeeded: typeCode), isReadOnly: flags & readOnlyFlag != 0)
    }

    public func syncFileSystem(_ path: String) throws(SystemCallError) {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemCallError(.syncFileSystem, path: path, code: errno) }
        defer { _ = Glibc.close(descriptor) }
        guard let syncfsFunction = Self.syncfsFunction else { throw SystemCallError(.syncFileSystem, path: path, code: ENOSYS) }
        guard syncfsFunction(descriptor) == 0 else { throw SystemCallError(.syncFileSystem, path: path, code: errno) }
    }

    // `statfs` and `syncfs` from the C library, looked up at run time because the Glibc module
    // imports neither <sys/vfs.h> nor the GNU part of <unistd.h>, and `statvfs` (which it does
    // import) hides the file system type.
    private static let statfsFunction = cFunction("statfs", as: StatfsFunction.self)
    private static let syncfsFunction = cFunction("syncfs", as: SyncfsFunction.self)

    private typealias StatfsFunction = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer) -> Int32
    private typealias SyncfsFunction = @convention(c) (Int32) -> Int32

    private static func cFunction<Function>(_ name: String, as type: Function.Type) -> Function? {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    private func open(
        _ path: String, _ flags: Int32, mode: UInt32, as operation: FileOperation
    ) throws(SystemCallError) -> FileDescriptor {
        while true {
            let descriptor = Glibc.open(path, flags, mode_t(mode))
            if descriptor >= 0 { return FileDescriptor(descriptor) }
            if errno != EINTR { throw SystemCallError(operation, path: path, code: errno) }
        }
    }
}

extension FileStatus {
    init(_ info: stat) {
        let kind: FileKind =
            switch info.st_mode & S_IFMT {
            case S_IFREG: .regular
            case S_IFDIR: .directory
            case S_IFLNK: .symbolicLink
            default: .other
            }
        self.init(
            kind: kind,
            permissions: UInt32(info.st_mode & 0o7777),
            linkCount: Int(info.st_nlink),
            size: Int(info.st_size),
            device: UInt64(info.st_dev),
            inode: UInt64(info.st_ino),
            modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            owner: UInt32(info.st_uid)
        )
    }
}
