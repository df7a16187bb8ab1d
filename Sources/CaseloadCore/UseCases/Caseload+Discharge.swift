/// A discharge as the user gave it, before any rule has looked at it.
public struct DischargeRequest: Sendable, Equatable {
    public var date: LocalDate
    public var type: DischargeType
    public var summary: String
    public var aftercare: AftercarePlan
    /// A supervisor's reason for discharging while a safety flag is still open.
    public var openFlagOverride: String?

    public init(
        date: LocalDate, type: DischargeType, summary: String, aftercare: AftercarePlan = AftercarePlan(),
        openFlagOverride: String? = nil
    ) {
        self.date = date
        self.type = type
        self.summary = summary
        self.aftercare = aftercare
        self.openFlagOverride = openFlagOverride
    }
}

extension Caseload {
    /// Discharges a participant. Refused while they have sessions or check-ins after the
    /// discharge date (they would fall outside the stay), without an aftercare plan when they
    /// completed or stepped down, and while a safety flag is open unless a supervisor overrides
    /// it with a reason the discharge keeps. Level-of-care changes scheduled after today will never
    /// happen, so they are dropped and the outcome says so; one after the discharge date that has
    /// already taken effect happened, so the discharge is refused like one before later sessions.
    public func discharge(
        _ id: ParticipantID, _ request: DischargeRequest, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Participant> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.discharge, actor)
            var participant = try loadParticipant(id)
            let today = try today()
            let aftercare = try rule { () throws(DomainError) in
                guard participant.status != .discharged else { throw .participantDischarged(participant.id) }
                try participant.checkDuringCurrentStay(request.date, .discharge, today: today)
                return try request.aftercare.validated(dischargedOn: request.date)
            }
            let later = try sessionsAfter(request.date, of: participant.id, today: today)
            let checkIns = store.checkIns(of: participant.id).records
            let laterCheckIns = checkIns.filter { $0.date > request.date }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            let changedSince = participant.levelOfCareHistory.dropFirst().map(\.effective)
                .filter { request.date < $0 && $0 <= today }
            try rule { () throws(DomainError) in
                guard changedSince.isEmpty else {
                    throw .levelChangesAfterDischarge(participant.id, request.date, changes: changedSince)
                }
                guard later.isEmpty else { throw .sessionsAfterDischarge(participant.id, request.date, sessions: later) }
                guard laterCheckIns.isEmpty else {
                    throw .checkInsAfterDischarge(participant.id, request.date, checkIns: laterCheckIns.map(\.id))
                }
                if [.completed, .stepDown].contains(request.type), aftercare.isEmpty {
                    throw .aftercarePlanNeeded(request.type)
                }
            }
            let openFlags = checkIns.filter(\.hasOpenSafetyFlag).map(\.id).sorted()
            let override = try openFlagOverride(for: participant.id, openFlags, request.openFlagOverride, by: staff)
            let dropped = participant.withdrawLevelChanges(effectiveAfter: today)
            try rule { () throws(DomainError) in
                try participant.discharge(
                    Discharge(
                        date: request.date, type: request.type, summary: request.summary, aftercare: aftercare,
                        dischargedBy: staff.id, openFlagOverride: override))
            }
            let unused: [Warning] = openFlags.isEmpty && request.openFlagOverride != nil ? [.overrideNotNeeded] : []
            let warnings = dropped.map { Warning.scheduledLevelChangeDropped($0.level, effective: $0.effective) } + unused
            return try saved(holding: lock, participant, .participantDischarge, by: staff, warnings: warnings)
        }
    }

    /// The sessions dated after `date` that list the participant, oldest first. Sessions are
    /// filed by week, so only the weeks from the discharge to today are read.
    private func sessionsAfter(_ date: LocalDate, of id: ParticipantID, today: LocalDate) throws(CaseloadError) -> [SessionID] {
        guard date < today else { return [] }
        let loaded = store.sessions(from: date.isoWeek.monday, through: today)
        return loaded.records
            .filter { $0.date > date && $0.members.contains { $0.participant == id } }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            .map(\.id)
    }

    /// The reason to keep with the discharge when a safety flag is open, refused unless a
    /// supervisor gives one; nil when no flag is open.
    private func openFlagOverride(
        for id: ParticipantID, _ open: [CheckInID], _ reason: String?, by staff: Staff
    ) throws(CaseloadError) -> String? {
        guard !open.isEmpty else { return nil }
        guard let reason else { throw .refused(.openSafetyFlag(id, checkIns: open)) }
        return try rule { () throws(DomainError) in
            try Permissions.check(.dischargeWithOpenFlag, by: staff)
            return try requiredText(reason, "The reason for discharging with an open safety flag")
        }
    }
}
