extension CaseloadStore {
    /// Every discharged participant as a roster entry, read from their own files: the index keeps
    /// only those whose safety flag is still open, so this reads every participant file and the
    /// discharged participants' check-ins. For the console's discharged list and `participant list --all`.
    public func dischargedRoster() -> Loaded<RosterEntry> {
        let loaded = participants()
        var discharged = Loaded<RosterEntry>()
        for participant in loaded.records where participant.status == .discharged {
            let checkIns = checkIns(of: participant.id)
            discharged.records.append(RosterEntry(participant: participant, checkIns: checkIns.records))
            discharged.damaged += checkIns.damaged
        }
        // As before this was shared: check-in files first, then participant files.
        discharged.damaged += loaded.damaged
        return discharged
    }
}
