#if !canImport(CaseloadStorage)
@testable import CaseloadCore
import Foundation

/// Sessions as Caseload wrote them before schema 3: one file holding the attendance, every
/// member's note and the shared narrative, under the session's one revision.
enum OlderLayout {
    static let schemaVersion = 2

    /// Replaces `session`'s files with one schema 2 file holding it whole (at the session's revision).
    static func rewrite(_ session: Session, in scratch: ScratchFolder) throws {
        var session = session
        // The parts had no revisions of their own then.
        session.narrativeRevision = nil
        for index in session.members.indices { session.members[index].noteRevision = nil }
        let parts = scratch.path + "/" + (try Session.partsFolder(of: session.id))
        if FileManager.default.fileExists(atPath: parts) { try FileManager.default.removeItem(atPath: parts) }
        try scratch.plant(Session.relativePath(of: session.id), try RecordCoding.encode(session, schemaVersion: schemaVersion))
    }
}
#endif
