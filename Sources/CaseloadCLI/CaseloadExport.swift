import CaseloadCore
import Foundation

/// Everything in a caseload, read once, in the shapes `export` writes.
struct CaseloadExport {
    struct Document: Encodable {
        let program: ProgramSettings
        let staff: [Staff]
        let participants: [Participant]
        let sessions: [Session]
        let checkIns: [CheckIn]
    }

    let document: Document
    let damaged: [RecordDamage]

    static func load(from store: CaseloadStore) throws -> CaseloadExport {
        let staff = store.staff()
        let participants = store.participants()
        let sessions = store.allSessions()
        let checkIns = store.allCheckIns()
        return CaseloadExport(
            document: Document(
                program: try store.program(),
                staff: staff.records.sorted { $0.id < $1.id },
                participants: participants.records.sorted { $0.id < $1.id },
                sessions: sessions.records.sorted { ($0.date, $0.startTime, $0.id) < ($1.date, $1.startTime, $1.id) },
                checkIns: checkIns.records.sorted { ($0.participant, $0.date, $0.id) < ($1.participant, $1.date, $1.id) }),
            damaged: staff.damaged + participants.damaged + sessions.damaged + checkIns.damaged)
    }

    /// One CSV per table, named as the export's help says.
    func csvTables(today: LocalDate) -> [(String, String)] {
        let d = document
        return [
            ("staff.csv", CSV.table(
                ["id", "display_name", "credentials", "role", "active"],
                d.staff.map { [$0.id.rawValue, $0.displayName, $0.credentials, $0.role.rawValue, String($0.isActive)] })),
            ("participants.csv", CSV.table(
                ["id", "first_name", "last_name", "preferred_name", "pronouns", "date_of_birth", "phone",
                 "admission_date", "referral_source", "track", "primary_counselor", "status", "level_of_care",
                 "diagnoses", "discharge_date", "discharge_type"],
                d.participants.map { p in
                    [p.id.rawValue, p.firstName, p.lastName, p.preferredName ?? "", p.pronouns ?? "",
                     p.dateOfBirth.description, p.phone ?? "", p.admissionDate.description, p.referralSource,
                     p.track.rawValue, p.primaryCounselor.rawValue, p.status.rawValue, p.levelOfCare(on: today).rawValue,
                     p.diagnoses.map { [$0.icd10, $0.description].compactMap { $0 }.joined(separator: " ") }.joined(separator: "; "),
                     p.discharge?.date.description ?? "", p.discharge?.type.rawValue ?? ""]
                })),
            ("level-of-care.csv", CSV.table(
                ["participant", "level_of_care", "effective", "reason", "decided_by"],
                d.participants.flatMap { p in
                    p.levelOfCareHistory.map {
                        [p.id.rawValue, $0.level.rawValue, $0.effective.description, $0.reason, $0.decidedBy.rawValue]
                    }
                })),
            ("attendance.csv", CSV.table(
                ["session", "kind", "date", "start", "duration_minutes", "topic", "facilitators", "participant",
                 "attendance", "minutes_attended"],
                d.sessions.flatMap { s in
                    s.members.map { m in
                        [s.id.rawValue, s.kind.rawValue, s.date.description, s.startTime.description,
                         String(s.durationMinutes), s.topic ?? "", s.facilitators.map(\.rawValue).joined(separator: " "),
                         m.participant.rawValue, m.attendance.status.rawValue, String(m.attendance.countedMinutes)]
                    }
                })),
            ("notes.csv", CSV.table(
                ["session", "participant", "format", "status", "author", "signed_by", "signed_as", "signed_at",
                 "cosigned_by", "cosigned_as", "shared_narrative", "text", "addenda"],
                d.sessions.flatMap(noteRows))),
            ("checkins.csv", CSV.table(
                ["id", "participant", "date", "recorded_by", "phq9_items", "phq9_total", "phq9_severity",
                 "gad7_items", "gad7_total", "gad7_severity", "craving", "substance_use", "substance_details",
                 "drug_screen", "safety_flag", "risk_level", "assessed_by", "follow_up", "reviewed_by", "comment"],
                d.checkIns.map { c in
                    [c.id.rawValue, c.participant.rawValue, c.date.description, c.recordedBy.rawValue,
                     c.phq9.map { $0.items.map(String.init).joined(separator: ",") } ?? "",
                     c.phq9.map { String($0.total) } ?? "", c.phq9?.severity.rawValue ?? "",
                     c.gad7.map { $0.items.map(String.init).joined(separator: ",") } ?? "",
                     c.gad7.map { String($0.total) } ?? "", c.gad7?.severity.rawValue ?? "",
                     c.craving.map(String.init) ?? "", c.substanceUse.map { String($0.used) } ?? "",
                     c.substanceUse?.details ?? "",
                     c.drugScreen.map { [$0.result.rawValue, $0.substances].compactMap { $0 }.joined(separator: ": ") } ?? "",
                     c.safetyFlag?.status.rawValue ?? "", c.safetyFlag?.assessment?.riskLevel.rawValue ?? "",
                     c.safetyFlag?.assessment?.by.rawValue ?? "", c.safetyFlag?.assessment?.followUp.description ?? "",
                     c.safetyFlag?.review?.by.rawValue ?? "", c.comment]
                })),
        ]
    }
}

extension CaseloadExport {
    /// One row per written note of `session`.
    fileprivate func noteRows(_ session: Session) -> [[String]] {
        session.members.compactMap { member -> [String]? in
            guard let note = member.note else { return nil }
            let text = note.orderedSections.filter { !$0.text.isEmpty }
                .map { "\($0.section.title): \($0.text)" }.joined(separator: "\n")
            let zone = document.program.timeZone
            let addenda = note.addenda.map { addendum in
                let author = addendum.signedAs.map { "\(addendum.by) (\($0))" } ?? addendum.by.rawValue
                return "\(zone.iso8601(addendum.at)) \(author): \(addendum.text)"
            }
                .joined(separator: "\n")
            // A signed note is exported with the narrative it was signed with, never a later edit.
            return [
                session.id.rawValue, member.participant.rawValue, note.format.rawValue, note.status.rawValue,
                note.author.rawValue, note.signature?.by.rawValue ?? "", note.signature?.signedAs ?? "",
                note.signature.map { zone.iso8601($0.at) } ?? "", note.coSignature?.by.rawValue ?? "",
                note.coSignature?.signedAs ?? "",
                (note.isSigned ? note.signedSharedNarrative : session.sharedNarrative) ?? "", text, addenda,
            ]
        }
    }
}
