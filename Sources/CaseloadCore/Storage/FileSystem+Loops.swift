#if canImport(Glibc)
import Glibc
#endif

extension FileSystem {
    /// Writes every byte, continuing after partial writes and retrying after `EINTR`.
    func writeAll(_ descriptor: FileDescriptor, _ bytes: [UInt8]) throws(SystemCallError) {
        var offset = 0
        while offset < bytes.count {
            let attempt = bytes.withUnsafeBytes { buffer in
                Result { () throws(SystemCallError) -> Int in
                    try write(descriptor, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
                }
            }
            let written: Int
            do {
                written = try attempt.get()
            } catch where error.code == EINTR {
                continue
            }
            // A zero-byte write of a non-empty buffer would loop forever; the kernel only does
            // that when it cannot make progress, which for a regular file means a broken device.
            guard written > 0 else { throw SystemCallError(.write, path: "", code: EIO) }
            offset += written
        }
    }

    /// Reads until end of file or until more than `limit` bytes arrived, retrying after `EINTR`.
    ///
    /// Returns at most `limit + 1` bytes, so a caller can tell "exactly at the limit" from "over it"
    /// even when the file grew after it was measured. `expectedSize`, the size a `stat` gave, saves
    /// growing the array step by step for a large file (the note search index).
    func readAll(_ descriptor: FileDescriptor, limit: Int, expectedSize: Int = 0) throws(SystemCallError) -> [UInt8] {
        // Straight into the array up to the size a stat gave and one byte more, so the read that
        // finds the end is the only other one (no copy through a buffer); then in chunks for
        // whatever is left: a file that grew, or no size known.
        let expected = min(max(expectedSize, 0) + 1, limit + 1)
        var failure: SystemCallError?
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            while count < expected {
                let attempt = Result { () throws(SystemCallError) -> Int in
                    try read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: raw[count...]))
                }
                switch attempt {
                case .success(0): return
                case .success(let read): count += read
                case .failure(let error) where error.code == EINTR: continue
                case .failure(let error):
                    failure = error
                    return
                }
            }
        }
        if let failure { throw failure }
        if bytes.count < expected { return bytes }  // the end came by the size a stat gave
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let attempt = chunk.withUnsafeMutableBytes { buffer in
                Result { () throws(SystemCallError) -> Int in
                    try read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted]))
                }
            }
            let count: Int
            do {
                count = try attempt.get()
            } catch where error.code == EINTR {
                continue
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return bytes
    }

    /// Closes a descriptor on a path that is already failing, where a second error adds nothing.
    func closeQuietly(_ descriptor: FileDescriptor) {
        try? close(descriptor)
    }

    /// Removes a file on a path that is already failing, where a second error adds nothing.
    func removeQuietly(_ path: String) {
        try? remove(path)
    }
}
