/// Notes tied to the treatment plan: a member's note names the objectives its session addressed,
/// and the plan shows how often, and how lately, each objective was worked on.
extension Participant {
    /// The plan of the stay `date` falls in: the current stay's from its admission on, else the
    /// earlier stay that held the date; nil between stays or before the first.
    public func plan(on date: LocalDate) -> TreatmentPlan? {
        if date >= admissionDate { return treatmentPlan }
        return previousEpisodes.last { $0.admissionDate <= date && date <= $0.discharge.date }?.treatmentPlan
    }
}

extension Session {
    /// Sets the objectives `participant`'s note addressed, kept in plan order without repeats;
    /// returns whether that changed anything. Refused for a member not on the list, one without a
    /// note yet, a signed note (it is read-only; an addendum says what else was addressed), and an
    /// objective that is not in `plan`, the plan of the stay the session fell in. An empty list
    /// unlinks the note.
    mutating func linkObjectives(_ ids: [String], of participant: ParticipantID, plan: TreatmentPlan?)
        throws(DomainError) -> Bool
    {
        let known = plan?.objectives.map(\.id) ?? []
        for id in ids where !known.contains(id) {
            try refuseControls(id, "The objective's id")
            throw .objectiveNotInPlan(id, participant)
        }
        var changed = false
        try updateNote(of: participant) { (note: inout Note) throws(DomainError) in
            guard !note.isSigned else { throw .noteIsSigned }
            let linked = known.filter(ids.contains)
            changed = linked != note.objectives
            note.objectives = linked
        }
        return changed
    }
}

/// How often the notes of a stay addressed one objective, and the latest session that did.
public struct ObjectiveNotes: Sendable, Equatable, Codable {
    public var count: Int
    public var lastOn: LocalDate

    public init(count: Int, lastOn: LocalDate) {
        self.count = count
        self.lastOn = lastOn
    }
}

extension TreatmentPlan {
    /// For each objective of this plan that a note of `participant` addressed: how many notes did
    /// (signed or not; private drafts are not notes) and the date of the latest session. Only
    /// sessions from the plan's start count, so an earlier stay's notes, whose plan had ids of
    /// its own, never add to this one's. An objective no note addressed is absent.
    public func noteActivity(of participant: ParticipantID, in sessions: some Sequence<Session>) -> [String: ObjectiveNotes] {
        let ids = Set(objectives.map(\.id))
        var activity: [String: ObjectiveNotes] = [:]
        for session in sessions where session.date >= startedOn {
            guard let note = session.member(participant)?.note else { continue }
            for id in note.objectives where ids.contains(id) {
                var entry = activity[id] ?? ObjectiveNotes(count: 0, lastOn: session.date)
                entry.count += 1
                entry.lastOn = max(entry.lastOn, session.date)
                activity[id] = entry
            }
        }
        return activity
    }
}
