import Foundation

/// What `caseload audit verify` found: how much of the log it checked, and the first line whose
/// chain does not hold.
public struct AuditVerification: Sendable, Equatable {
    /// Lines read, in every month file.
    public let linesChecked: Int
    /// Month files read.
    public let filesChecked: Int
    /// Lines written before lines were numbered and chained; nothing can prove they are unchanged.
    public let unchainedLines: Int
    /// The first line that was changed, removed or moved; nil when the chain holds.
    public let firstBreak: AuditBreak?

    /// The closing line for an intact log.
    public var summary: String {
        let older = unchainedLines == 0
            ? "" : " (\(unchainedLines) older line\(unchainedLines == 1 ? "" : "s") from before the chain cannot be verified)"
        return "The audit log is intact: \(linesChecked) line\(linesChecked == 1 ? "" : "s") in \(filesChecked) "
            + "file\(filesChecked == 1 ? "" : "s") checked\(older)."
    }
}

/// A line where the audit chain breaks.
public struct AuditBreak: Sendable, Equatable, CustomStringConvertible {
    /// How the log differs from what was written.
    public enum Kind: Sendable, Equatable {
        /// The line's text changed after it was written.
        case edited
        /// The line written here is gone; the line now here was written as `writtenAs`.
        case deleted(writtenAs: Int)
        /// The line now here was written elsewhere (as `writtenAs`).
        case reordered(writtenAs: Int)
        /// The first line of a month does not follow the last line of the month before: that line
        /// was changed or a month file was removed.
        case monthBoundary(previousFile: StorePath?)
    }

    /// The month file.
    public let file: StorePath
    /// 1-based line number in `file`.
    public let line: Int
    public let kind: Kind

    private static let advice = "keep the audit folder as it is and tell your privacy officer."

    public var description: String {
        switch kind {
        case .edited:
            "\(file) line \(line) was changed after it was written (the line after it no longer matches it); \(Self.advice)"
        case .deleted(let writtenAs):
            "\(file) line \(line) was deleted (the line now at \(line) was written as line \(writtenAs)); \(Self.advice)"
        case .reordered(let writtenAs):
            "\(file) line \(line) is out of order (it was written as line \(writtenAs)); \(Self.advice)"
        case .monthBoundary(let previousFile?):
            "\(file) line \(line) does not follow the last line of \(previousFile): that line was changed or a month "
                + "file between them was removed; \(Self.advice)"
        case .monthBoundary(nil):
            "\(file) line \(line) follows a month file that is no longer in the audit folder; \(Self.advice)"
        }
    }
}

extension AuditLog {
    /// Walks every month file in order and checks each line's number and the hash of the line
    /// before it (see `AuditChain`).
    ///
    /// A torn fragment left by a crash is chained by the line after it, so it passes; an unreadable
    /// complete line at the very end does not, since every append ends with a newline. The last
    /// line of the newest month has no successor, so a change to it that keeps it readable shows
    /// only as a missing or mismatched line in `caseload check`.
    public func verify() throws(StoreError) -> AuditVerification {
        var linesChecked = 0
        var unchained = 0
        var chained = false
        var previousFile: StorePath?
        var previousLine: ArraySlice<UInt8>?
        let months = try months()
        for month in months {
            let file = file(for: month)
            let bytes = try RecordReader(fileSystem: fileSystem).readBytesIfPresent(file, limit: Self.fileSizeLimit) ?? []
            let lines = AuditChain.lines(of: bytes[...])
            let entries = lines.map { try? RecordCoding.decodeLine(AuditEntry.self, from: $0) }
            func broken(_ line: Int, _ kind: AuditBreak.Kind) -> AuditVerification {
                AuditVerification(
                    linesChecked: linesChecked, filesChecked: months.count, unchainedLines: unchained,
                    firstBreak: AuditBreak(file: file, line: line, kind: kind))
            }
            for (index, raw) in lines.enumerated() {
                let number = index + 1
                linesChecked += 1
                defer { previousLine = raw }
                guard let entry = entries[index] else {
                    // A complete line that does not read was edited; an unterminated one is a crash's fragment.
                    let isTornEnd = number == lines.count && bytes.last != 0x0A
                    if chained && number == lines.count && !isTornEnd { return broken(number, .edited) }
                    continue  // judged by the next line's hash of it
                }
                guard let claimed = entry.line else {
                    if chained { return broken(number, .edited) }  // a chained log cannot hold an unchained line
                    unchained += 1
                    continue
                }
                chained = true
                if claimed != number {
                    let belongsHere = entries[(index + 1)...].contains { $0?.line == number }
                    return broken(number, claimed > number && !belongsHere ? .deleted(writtenAs: claimed) : .reordered(writtenAs: claimed))
                }
                guard entry.previous != previousLine.map(AuditChain.hash) else { continue }
                if number > 1 { return broken(number - 1, .edited) }
                return broken(number, .monthBoundary(previousFile: previousFile))
            }
            previousFile = file
        }
        return AuditVerification(linesChecked: linesChecked, filesChecked: months.count, unchainedLines: unchained, firstBreak: nil)
    }
}
