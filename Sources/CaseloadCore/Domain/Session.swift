import Foundation

/// One individual, group or family session: when, who led it, who came, and the notes written.
public struct Session: StoredRecord {
    /// The version of the session's own file. 2: notes keep every contributor and signatures their
    /// signature line. 3: the file holds the session and its attendance only; each member's note
    /// and a group's shared narrative are files of their own, with revisions of their own, so
    /// writing one never makes another stale. An older build would miss the notes of a schema 3
    /// file and drop what it cannot read from a schema 2 one, so it must refuse both.
    public static let schemaVersion = 3

    public var id: SessionID
    public var revision: Revision
    public var kind: SessionKind
    public var date: LocalDate
    public var startTime: LocalTime
    public var durationMinutes: Int
    public var facilitators: [StaffID]
    /// Groups: a topic from the program's catalog. Individual and family: the focus, if given.
    public var topic: String?
    /// Family sessions: the support members who took part (ids from the participant's record).
    public var supportMembersPresent: [String]
    /// Groups: the narrative shared by every member's note; each member adds a short entry.
    public var sharedNarrative: String?
    /// Groups: everyone who wrote to the shared narrative, in the order they first did. A note
    /// signed with the narrative is partly theirs, so none of them may co-sign it.
    public var narrativeContributors: [StaffID]
    /// The revision of the shared narrative's own record; nil while there is no narrative. An
    /// editor keeps it (`editBase(of:)`) so a save can tell whether someone changed it since.
    /// Exported with the session; a session file older than schema 3 has none.
    public var narrativeRevision: Revision?
    public var members: [SessionMember]

    public init(
        id: SessionID, kind: SessionKind, date: LocalDate, startTime: LocalTime,
        durationMinutes: Int, facilitators: [StaffID], topic: String?, members: [SessionMember],
        revision: Revision
    ) throws(DomainError) {
        guard Self.durationRange.contains(durationMinutes) else { throw .durationOutOfRange(durationMinutes) }
        guard !members.isEmpty else { throw .sessionNeedsMembers(kind) }
        if kind == .individual, members.count != 1 {
            throw .individualSessionHasOneParticipant(members.count)
        }
        var seen = Set<ParticipantID>()
        for member in members {
            guard seen.insert(member.participant).inserted else {
                throw .duplicateMember(member.participant)
            }
            guard member.attendance.minutesAttended <= durationMinutes else {
                throw .minutesOutOfRange(
                    participant: member.participant, minutes: member.attendance.minutesAttended,
                    duration: durationMinutes)
            }
        }
        guard !facilitators.isEmpty else { throw .emptyField("Facilitator") }
        var seenFacilitators = Set<StaffID>()
        for facilitator in facilitators where !seenFacilitators.insert(facilitator).inserted {
            throw .duplicateFacilitator(facilitator)
        }
        self.id = id
        self.revision = revision
        self.kind = kind
        self.date = date
        self.startTime = startTime
        self.durationMinutes = durationMinutes
        self.facilitators = facilitators
        self.topic = topic
        self.supportMembersPresent = []
        self.sharedNarrative = nil
        self.narrativeContributors = []
        self.members = members
    }

    private enum CodingKeys: String, CodingKey {
        case id, revision, kind, date, startTime, durationMinutes, facilitators, topic, supportMembersPresent
        case sharedNarrative, narrativeContributors, narrativeRevision, members
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(SessionID.self, forKey: .id)
        revision = try container.decode(Revision.self, forKey: .revision)
        kind = try container.decode(SessionKind.self, forKey: .kind)
        date = try container.decode(LocalDate.self, forKey: .date)
        startTime = try container.decode(LocalTime.self, forKey: .startTime)
        durationMinutes = try container.decode(Int.self, forKey: .durationMinutes)
        facilitators = try container.decode([StaffID].self, forKey: .facilitators)
        topic = try container.decodeIfPresent(String.self, forKey: .topic)
        supportMembersPresent = try container.decode([String].self, forKey: .supportMembersPresent)
        sharedNarrative = try container.decodeIfPresent(String.self, forKey: .sharedNarrative)
        // Sessions saved before writers of the narrative were kept name none.
        narrativeContributors = try container.decodeIfPresent([StaffID].self, forKey: .narrativeContributors) ?? []
        narrativeRevision = try container.decodeIfPresent(Revision.self, forKey: .narrativeRevision)
        members = try container.decode([SessionMember].self, forKey: .members)
    }

    /// How long a session may be, in minutes.
    public static let durationRange = 1...600

    /// When the session began, on the program's clock.
    public func startsAt(in timeZone: TimeZone) -> Date {
        date.instant(at: startTime, in: timeZone)
    }

    /// When the session ended, on the program's clock.
    public func endsAt(in timeZone: TimeZone) -> Date {
        date.instant(at: startTime, in: timeZone).addingTimeInterval(Double(durationMinutes) * 60)
    }

    public func member(_ participant: ParticipantID) -> SessionMember? {
        members.first { $0.participant == participant }
    }

    /// Writes one section of a member's note, starting a draft in `format` if there is none.
    public mutating func writeNote(
        of participant: ParticipantID, format: NoteFormat, section: String, text: String,
        by staff: StaffID, at time: Date
    ) throws(DomainError) {
        let index = try memberIndex(participant)
        var note = members[index].note ?? Note(format: format, author: staff, at: time)
        try note.edit(section: section, text: text, by: staff, at: time)
        members[index].note = note
    }

    /// A member's note, refused when they are not on the list or have none yet.
    public func existingNote(of participant: ParticipantID) throws(DomainError) -> Note {
        guard let note = members[try memberIndex(participant)].note else { throw .noNote(participant, id) }
        return note
    }

    /// Applies `change` to a member's existing note.
    public mutating func updateNote(
        of participant: ParticipantID, _ change: (inout Note) throws(DomainError) -> Void
    ) throws(DomainError) {
        let index = try memberIndex(participant)
        guard var note = members[index].note else { throw .noNote(participant, id) }
        try change(&note)
        members[index].note = note
    }

    private func memberIndex(_ participant: ParticipantID) throws(DomainError) -> Int {
        try refuseControls(participant.rawValue, "The participant id")
        guard let index = members.firstIndex(where: { $0.participant == participant }) else {
            throw .notAMember(participant, id)
        }
        return index
    }

    /// Writes the group's shared narrative, keeping who wrote it.
    public mutating func writeSharedNarrative(_ text: String, by staff: StaffID) throws(DomainError) {
        guard kind == .group else { throw .sharedNarrativeOnlyForGroups }
        let text = try requiredText(text, "The shared narrative", .multiLine)
        try checkNoteTextLength(text, "The shared narrative")
        // Writing what it already says changes nothing, and makes no one a writer of it.
        guard text != sharedNarrative else { return }
        sharedNarrative = text
        if !narrativeContributors.contains(staff) { narrativeContributors.append(staff) }
    }

    /// Signs one member's note; a group note of a member who attended takes the shared narrative
    /// as it stands now, so later edits to the narrative never change what was signed, and its
    /// writers become writers of the note.
    public mutating func signNote(of participant: ParticipantID, by staff: Staff, at time: Date)
        throws(DomainError)
    {
        let withNarrative = takesNarrative(participant)
        let narrative = withNarrative ? sharedNarrative : nil
        let narrativeWriters = withNarrative ? narrativeContributors : []
        try updateNote(of: participant) { (note: inout Note) throws(DomainError) in
            try note.sign(by: staff, at: time, sharedNarrative: narrative, writtenBy: narrativeWriters)
        }
    }
}

public enum SessionKind: String, Codable, Sendable, CaseIterable {
    case individual
    case group
    case family

    public var title: String {
        switch self {
        case .individual: "Individual"
        case .group: "Group"
        case .family: "Family"
        }
    }
}

/// A participant on a session's list: whether and how long they attended, and their note.
public struct SessionMember: Codable, Sendable, Equatable {
    public var participant: ParticipantID
    public var attendance: Attendance
    public var note: Note?
    /// The revision of the note's own record; nil while there is no note. Exported with the
    /// session; a session file older than schema 3 has none.
    public var noteRevision: Revision?

    public init(participant: ParticipantID, attendance: Attendance, note: Note? = nil) {
        self.participant = participant
        self.attendance = attendance
        self.note = note
    }
}

public struct Attendance: Codable, Sendable, Equatable {
    public var status: AttendanceStatus
    /// Minutes of service actually received; absences count zero whatever is written here.
    public var minutesAttended: Int

    /// Keeps the minutes as given for those who attended (recording a session refuses minutes
    /// outside the session, so nothing is silently changed here); an absence is always zero.
    public init(status: AttendanceStatus, minutesAttended: Int) {
        self.status = status
        self.minutesAttended = status.attended ? minutesAttended : 0
    }

    /// The minutes that count toward the week's service hours.
    public var countedMinutes: Int { status.attended ? minutesAttended : 0 }
}

public enum AttendanceStatus: String, Codable, Sendable, CaseIterable {
    case present
    case late
    case leftEarly = "left-early"
    case excused = "excused-absence"
    case unexcused = "unexcused-absence"

    public var attended: Bool {
        switch self {
        case .present, .late, .leftEarly: true
        case .excused, .unexcused: false
        }
    }

    public var title: String {
        switch self {
        case .present: "Present"
        case .late: "Late"
        case .leftEarly: "Left early"
        case .excused: "Excused absence"
        case .unexcused: "Unexcused absence"
        }
    }
}
