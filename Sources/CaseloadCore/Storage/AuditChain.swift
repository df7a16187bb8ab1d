import Crypto
import Foundation

/// The hash chain that makes an edited, deleted or reordered audit line visible.
///
/// Each line carries its number in its month file (`line`) and the SHA-256 of the line before it
/// (`previous`): the raw bytes between the two newlines, so a torn fragment left by a crash is
/// chained like any other line. The first line of a month chains to the last line of the newest
/// earlier month file; the very first line of a log has no `previous`.
enum AuditChain {
    /// Lowercase hex SHA-256 of one line's bytes, without its newline.
    static func hash(_ line: some Collection<UInt8>) -> String {
        SHA256.hash(data: Array(line)).map { String(format: "%02x", $0) }.joined()
    }

    /// A file's lines as they sit between newlines; the empty piece after a final newline is not a line.
    static func lines(of bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var pieces = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if bytes.last == 0x0A || bytes.isEmpty { pieces.removeLast() }
        return pieces
    }

    /// The line number a chained line claims, or nil for a line that is unreadable or from before the chain.
    static func claimedNumber(of line: ArraySlice<UInt8>) -> Int? {
        (try? RecordCoding.decodeLine(AuditEntry.self, from: line))?.line
    }
}

/// What an append needs from the end of a month file.
struct AuditTail {
    /// The raw last line (a torn fragment included); nil for an empty file.
    let lastLine: ArraySlice<UInt8>?
    /// The number the next line takes.
    let nextLineNumber: Int
    /// False when a crash left the last line unterminated; the next append starts on a fresh line.
    let endsWithNewline: Bool

    /// Reads the tail from `end`, the last bytes of a file (all of it when `isWholeFile`). Nil when
    /// `end` holds no numbered line to count from and is not the whole file: read all of it then.
    init?(end: ArraySlice<UInt8>, isWholeFile: Bool) {
        var lines = AuditChain.lines(of: end)
        // A slice that starts mid-file starts mid-line.
        if !isWholeFile, !lines.isEmpty { lines.removeFirst() }
        endsWithNewline = end.isEmpty || end.last == 0x0A
        lastLine = lines.last
        if let index = lines.lastIndex(where: { AuditChain.claimedNumber(of: $0) != nil }),
            let number = AuditChain.claimedNumber(of: lines[index])
        {
            nextLineNumber = number + (lines.count - index)
        } else if isWholeFile {
            // A log from before the chain: its lines are counted once, and numbered from then on.
            nextLineNumber = lines.count + 1
        } else {
            return nil
        }
    }
}
