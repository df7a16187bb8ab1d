import Synchronization

/// A read of health information that the audit log records: who looked, when, and at which
/// record or "all"; never what they saw or searched for.
public enum RecordAccess: Hashable, Sendable {
    /// One participant's record opened.
    case participantView(ParticipantID)
    /// Notes searched: one participant's when given, otherwise the whole caseload's.
    case noteSearch(ParticipantID?)
    /// The whole caseload exported.
    case export
    /// One participant's record exported (`export --format fhir --participant`).
    case participantExport(ParticipantID)
    /// The audit log listed for a review.
    case auditReview

    /// The record field for a read that covers every participant.
    public static let everyRecord = AuditIdentifier("all")!

    var action: AuditAction {
        switch self {
        case .participantView: .participantView
        case .noteSearch: .noteSearch
        case .export, .participantExport: .recordExport
        case .auditReview: .auditReview
        }
    }

    var participant: ParticipantID? {
        switch self {
        case .participantView(let id), .noteSearch(let id?), .participantExport(let id): id
        default: nil
        }
    }
}

/// The reads already recorded by this process. An open record is looked at again and again (the
/// console reloads it after every save); one line per record per process says who saw it without
/// burying a review in repeats. Shared by copies of a `Caseload`, so it lives in a class.
final class AccessLedger: Sendable {
    private let recorded = Mutex<Set<RecordedRead>>([])

    /// Marks the read as recorded; false when it already was.
    func insert(_ access: RecordAccess, by staff: StaffID) -> Bool {
        recorded.withLock { $0.insert(RecordedRead(access: access, staff: staff)).inserted }
    }

    func remove(_ access: RecordAccess, by staff: StaffID) {
        _ = recorded.withLock { $0.remove(RecordedRead(access: access, staff: staff)) }
    }

    private struct RecordedRead: Hashable {
        let access: RecordAccess
        let staff: StaffID
    }
}
