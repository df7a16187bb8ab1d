import CaseloadCore

/// Participants the roster could only keep from an earlier index, because their files (or a
/// check-in's) could not be read: the list may be missing them or an open flag, so it says so.
func reportDamagedParticipants(_ ids: [ParticipantID]) {
    guard !ids.isEmpty else { return }
    let count = ids.count == 1 ? "1 participant file" : "\(ids.count) participant files"
    Output.warning("\(count) damaged, so open safety flags may be missing: \(ids.map(\.rawValue).joined(separator: ", ")); "
        + "run `caseload check` to see what is wrong.")
}

/// Damaged files never stop a listing; they are named after it, on stderr (paths only).
func reportDamage(_ damaged: [RecordDamage]) {
    for damage in damaged { Output.warning("\(damage)") }
}
