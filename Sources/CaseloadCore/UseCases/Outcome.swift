import Foundation

/// What a successful operation saved, and what the user should know about it.
public struct Outcome<Record: Sendable>: Sendable {
    /// The record as saved, with its new revision.
    public let record: Record
    /// Things worth saying that did not stop the save.
    public let warnings: [Warning]

    init(_ saved: Saved<Record>, warnings: [Warning]) {
        self.record = saved.record
        self.warnings = warnings + saved.warnings.map(Warning.saved)
    }

    private init(record: Record, warnings: [Warning]) {
        self.record = record
        self.warnings = warnings
    }

    /// The same outcome with more to say.
    func adding(_ more: [Warning]) -> Outcome {
        Outcome(record: record, warnings: warnings + more)
    }

    /// The same outcome reporting something more than the saved record (the id an edit made).
    func map<Other>(_ transform: (Record) -> Other) -> Outcome<Other> {
        Outcome<Other>(record: transform(record), warnings: warnings)
    }
}

/// Something the user should hear about after a successful save.
public enum Warning: Sendable, Equatable, CustomStringConvertible {
    /// The store saved the record but something around it lagged.
    case saved(SaveWarning)
    /// A facilitator also leads another session at an overlapping time; co-led or back-to-back
    /// rooms make this legitimate, so it is said, not refused.
    case facilitatorDoubleBooked(StaffID, other: SessionID)
    /// A discharge was given a reason to override an open safety flag, but none was open.
    case overrideNotNeeded
    /// A check-in entered after discharge raised a safety flag.
    case flagRaisedAfterDischarge(ParticipantID)
    /// The record was saved at the moment `CASELOAD_NOW` pins, not the computer's time.
    case clockPinned(Date)
    /// A staff member who can no longer counsel is still someone's primary counselor.
    case caseloadNeedsReassigning(StaffID, participants: Int)
    /// The program's time zone changed; recorded instants stay, shown in the new zone.
    case timeZoneChanged(String)
    /// A level-of-care change scheduled after the discharge date was dropped: it never happened.
    case scheduledLevelChangeDropped(LevelOfCare, effective: LocalDate)
    /// A scheduled level-of-care change gave way to a newer decision dated on or before it.
    case scheduledLevelChangeReplaced(LevelOfCare, effective: LocalDate)
    /// The participant is younger than the program usually serves; worth a second look at the
    /// date of birth, but some programs do admit children.
    case youngAtAdmission(age: Int)
    /// Others on file share the name and date of birth: perhaps the same person admitted twice.
    case sameNameAndBirthDate([ParticipantID])
    /// A read went ahead but its audit line could not be written (a read-only copy of the caseload, say).
    case accessNotRecorded(StoreError)
    /// A note search could not use the search index as it was, and read every session file instead.
    case noteIndex(NoteIndexNotice)
    /// The note, narrative or addendum was saved, but the writer's draft of it could not be removed.
    case draftNotRemoved(EditTarget, StoreError)

    public var description: String {
        switch self {
        case .saved(let warning): warning.description
        case .facilitatorDoubleBooked(let staff, let other):
            "\(staff) also facilitates session \(other) at an overlapping time; the session was saved."
        case .timeZoneChanged(let zone):
            "Dates already recorded stay as they were written; times are now shown in \(zone)."
        case .caseloadNeedsReassigning(let staff, let count):
            "\(staff) is still the primary counselor of \(count) participant\(count == 1 ? "" : "s") in care; "
                + "reassign them with `caseload participant edit ID --counselor`."
        case .clockPinned(let instant):
            "Saved as of \(Self.utc(instant)), the time CASELOAD_NOW sets, not the computer's clock; unset it "
                + "to record the real time."
        case .flagRaisedAfterDischarge(let id):
            "\(id) has been discharged; this safety flag stays open on the dashboard until it is acknowledged, so "
                + "follow the program's safety protocol and reach them outside care."
        case .overrideNotNeeded:
            "No safety flag was open, so the discharge was saved without the override reason."
        case .scheduledLevelChangeDropped(let level, let date):
            "The change to \(level.abbreviation) scheduled for \(date) was dropped: it falls after the discharge."
        case .scheduledLevelChangeReplaced(let level, let date):
            "The change to \(level.abbreviation) scheduled for \(date) was replaced by this decision."
        case .youngAtAdmission(let age):
            "The participant is \(age) at admission; check the date of birth."
        case .sameNameAndBirthDate(let others):
            "\(others.map(\.rawValue).joined(separator: ", ")) \(others.count == 1 ? "has" : "have") the same name and "
                + "date of birth; check this is not the same person admitted twice."
        case .noteIndex(let notice):
            notice.description
        case .draftNotRemoved(let target, let error):
            "The \(target.title) was saved, but your draft of it could not be removed because "
                + "\(Self.reason(error, otherwise: "the drafts folder could not be changed")); it will be offered "
                + "again, so discard it then."
        case .accessNotRecorded(let error):
            "This look at the record is not in the audit log because \(Self.reason(error)); tell your privacy "
                + "officer so the access can still be accounted for."
        }
    }

    /// "2026-11-23T20:00:00Z".
    /// Why a line could not be written, typed so Foundation's `LocalizedError.failureReason` (a
    /// `String?`, nil here) is not picked instead of the store's own.
    private static func reason(_ error: StoreError, otherwise: String = "the audit log could not be written to") -> String {
        let reason: FailureReason? = error.failureReason
        return reason.map { "\($0)" } ?? otherwise
    }

    private static func utc(_ instant: Date) -> String {
        instant.formatted(.iso8601)
    }
}
