/// A domain rule the user's input broke. Each message names the field and what is allowed,
/// and never repeats clinical content.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidDate(String)
    case invalidTime(String)
    case wrongItemCount(instrument: Instrument, given: Int)
    case itemOutOfRange(instrument: Instrument, item: Int, value: Int)
    case cravingOutOfRange(Int)
    case durationOutOfRange(Int)
    case minutesOutOfRange(participant: ParticipantID, minutes: Int, duration: Int)
    case emptyField(String)
    case sameLevelOfCare(LevelOfCare, on: LocalDate)
    case transitionBeforeCurrent(LocalDate, current: LocalDate)
    case participantDischarged(ParticipantID)
    case participantNotDischarged(ParticipantID)
    case noteIsSigned
    case noteNotSigned
    case noteAlreadyCoSigned
    case noteEmpty
    case notAMember(ParticipantID, SessionID)
    case noNote(ParticipantID, SessionID)
    case duplicateMember(ParticipantID)
    case sessionNeedsMembers(SessionKind)
    case individualSessionHasOneParticipant(Int)
    case sharedNarrativeOnlyForGroups
    case safetyFlagNotOpen(CheckInID)
    // Closing a safety flag with a risk assessment
    case flagAwaitingReview(CheckInID)
    case noAssessmentAwaitingReview(CheckInID)
    case riskQuestionsUnanswered([RiskQuestion])
    case riskLevelNeeded
    case riskActionNeeded
    case followUpDateNeeded
    case followUpBeforeToday(LocalDate, today: LocalDate)
    case followUpTooFar(LocalDate, today: LocalDate, withinDays: Int)
    /// The risk level given is lower than the answers that were yes call for.
    case riskLevelBelowAnswers(RiskLevel, needed: RiskLevel, because: [RiskQuestion])
    case ownAssessmentReviewNeedsNote
    case unknownTopic(known: [String])
    case unknownPlanItem(String)
    case reviewDueBeforeReview(LocalDate, reviewed: LocalDate)
    case reviewBeforeLatest(LocalDate, latest: LocalDate)
    case targetOnlyForObjectives(String)
    case objectiveStatusRetired(ObjectiveStatus)
    case objectiveNotInPlan(String, ParticipantID)
    case planReviewIntervalOutOfRange(Int)
    case unknownStaff(StaffID)
    case inactiveStaff(StaffID)
    case unknownParticipant(ParticipantID)
    case notPermitted(StaffAction, staff: StaffID, because: PermissionReason)
    case dateInFuture(DatedEvent, LocalDate, today: LocalDate)
    case dateBeforeAdmission(DatedEvent, LocalDate, participant: ParticipantID, admission: LocalDate)
    case dateAfterDischarge(DatedEvent, LocalDate, participant: ParticipantID, discharge: LocalDate)
    case checkInNeedsAMeasure
    case positiveScreenNeedsSubstances
    case firstStaffMustBeAdmin(StaffID)
    case lastAdministrator(StaffID)
    // Recording a session
    case unknownFacilitator(StaffID)
    case inactiveFacilitator(StaffID)
    case facilitatorRole(StaffID, StaffRole)
    case groupNeedsTopic(known: [String])
    case sessionNotOver(LocalDate, LocalTime, endsAt: String)
    case attendanceNeedsMinutes(participant: ParticipantID, AttendanceStatus, duration: Int)
    case presentMeansWholeSession(participant: ParticipantID, minutes: Int, duration: Int)
    case absenceWithMinutes(participant: ParticipantID, AttendanceStatus, minutes: Int)
    case duplicateFacilitator(StaffID)
    case participantInOverlappingSession(ParticipantID, other: SessionID)
    case familySessionNeedsSupportMember
    case supportMembersOnlyInFamilySessions
    case supportMemberNeedsParticipant(String)
    case supportMemberOwnerNotInSession(ParticipantID, String)
    case familyConsentMissing(ParticipantID, supportMember: String, on: LocalDate)
    case notTheirSupportMember(ParticipantID, supportMember: String)
    // Notes
    case unknownSession(SessionID)
    case noteNeedsASection
    case unknownNoteSection(NoteFormat)
    case noteFormatIsSet(NoteFormat)
    case sessionNotEnded(SessionID, endsAt: LocalTime)
    case noteSectionsEmpty(NoteFormat, [String])
    case groupNoteNeedsNarrative(SessionID)
    case noteNotIndividualized(ParticipantID, sameAs: ParticipantID)
    case noteRepeatsNarrative(ParticipantID, section: String)
    case sessionEndsAfterDischarge(ParticipantID, endsOn: LocalDate, discharge: LocalDate)
    case duplicateSupportMember(String)
    case textTooLong(String, limit: Int)
    case birthDateInFuture(LocalDate, today: LocalDate)
    case birthDateNotBeforeAdmission(LocalDate, admission: LocalDate)
    case unknownCounselor(StaffID)
    case notACounselor(StaffID, because: CounselorReason)
    case sessionsAfterDischarge(ParticipantID, LocalDate, sessions: [SessionID])
    case aftercarePlanNeeded(DischargeType)
    case openSafetyFlag(ParticipantID, checkIns: [CheckInID])
    case readmissionNotAfterDischarge(LocalDate, discharge: LocalDate)
    // The stay's dates and the plausibility of what is recorded about it
    case checkInsAfterDischarge(ParticipantID, LocalDate, checkIns: [CheckInID])
    case followUpIncomplete
    case followUpBeforeDischarge(LocalDate, discharge: LocalDate)
    case transitionTooFarAhead(LocalDate, latest: LocalDate)
    case dateBetweenStays(DatedEvent, LocalDate, participant: ParticipantID, discharged: LocalDate, readmitted: LocalDate)
    case consentSignedBeforeReplaced(LocalDate, replacedSigned: LocalDate)
    case consentSignedBeforeRevocation(LocalDate, revoked: LocalDate)
    case renewalSignedEarlier(LocalDate, signed: LocalDate)
    case renewalExpiryPassed(LocalDate, today: LocalDate)
    case consentSignedLongBeforeAdmission(LocalDate, admission: LocalDate)
    case birthDateImplausible(LocalDate, admission: LocalDate)
    case invalidICD10Code
    case objectiveTargetBeforePlan(LocalDate, started: LocalDate)
    case objectiveTargetTooFar(LocalDate, latest: LocalDate)
    case planLineChangedSince(String, by: StaffID)
    case reportWeekNotBegun(LocalDate, today: LocalDate)
    case reviewDueTooFar(LocalDate, reviewed: LocalDate)
    case nothingToChange
    case unknownSupportMember(ParticipantID, String)
    case noConsent(ParticipantID, String)
    case consentNeedsCategory
    case consentExpiryNotAfterSigning(LocalDate, signed: LocalDate)
    case revocationBeforeSigning(LocalDate, signed: LocalDate)
    case consentAlreadyRevoked(String, on: LocalDate)
    case revokedConsentCannotBeRenewed(String, revokedOn: LocalDate)
    case unknownTimeZone(String)
    case checkInCadenceOutOfRange(Int)
    case noteDueWindowOutOfRange(Int)
    case weeklyHoursOutOfRange(LevelOfCare, Double)
    case duplicateTopic(String)
    case topicTooLong(limit: Int)
    case programNeedsATopic
    case staffIDTaken(StaffID, existing: StaffID)
    case noActingStaff
    case renewalShortens(LocalDate, current: LocalDate)
    case substancesOnlyForPositiveScreen(DrugScreenResult)
    case useDetailsWithoutUse
    case alreadyDeactivated(StaffID)
    case dischargeHasItsOwnCommand
    // What already happened stays: a discharge or a revocation cannot be dated before it
    case levelChangesAfterDischarge(ParticipantID, LocalDate, changes: [LocalDate])
    case revocationBeforeFamilySessions(ParticipantID, supportMember: String, LocalDate, sessions: [SessionID])
    // Corrections after signing, the group's confidentiality, drafts
    case attendanceOfSignedNote(ParticipantID)
    case alreadyAMember(ParticipantID, SessionID)
    case noNoteReadyToSign(SessionID)
    case entryNamesOtherMembers(ParticipantID, others: [ParticipantID])
    case draftDoesNotFit(EditTarget)
    case noDraft(SessionID, EditTarget)
    // What a terminal would act on, or what does not fit the field; the text itself is never repeated
    case controlCharacter(String, FieldShape)
    // Importing a roster: what a row names must fit the caseload it joins
    case namesakeOnFile(ParticipantID)
    case namesakeInFile(line: Int)
    case participantIDTaken(ParticipantID)
    case participantIDRepeated(ParticipantID, line: Int)
    case participantIDForm
    case unknownCounselorName(known: [StaffID])
    case ambiguousCounselorName([StaffID])
    case dischargeIncomplete
    case dischargeBeforeAdmission(LocalDate, admission: LocalDate)
    case unrecognizedValue(allowed: [String])
    case notADate
    case nameForm
    case cellsBeyondHeader(Int, header: Int)

    public var description: String {
        switch self {
        case .invalidDate(let text):
            return "\"\(text)\" is not a date; write it as YYYY-MM-DD, for example 2026-11-20."
        case .invalidTime(let text):
            return "\"\(text)\" is not a time; write it as HH:MM on a 24-hour clock, for example 09:30."
        case .wrongItemCount(let instrument, let given):
            return "\(instrument.title) has \(instrument.itemCount) items; \(given) were given."
        case .itemOutOfRange(let instrument, let item, let value):
            return "\(instrument.title) item \(item) must be 0, 1, 2 or 3; \(value) was given."
        case .cravingOutOfRange(let value):
            return "Craving is rated 0 to 10; \(value) was given."
        case .durationOutOfRange(let minutes):
            return "A session lasts 1 to 600 minutes; \(minutes) was given."
        case .minutesOutOfRange(let participant, let minutes, let duration):
            return "\(participant) can attend 1 to \(duration) minutes of this \(duration)-minute session; \(minutes) was given."
        case .emptyField(let field):
            return "\(field) cannot be empty."
        case .sameLevelOfCare(let level, let date):
            return "The participant is already in \(level.title) on \(date); choose another level of care."
        case .transitionBeforeCurrent(let date, let current):
            return "A level-of-care change on \(date) would come before the current one (\(current)); "
                + "date it on or after \(current)."
        case .participantDischarged(let id):
            return "\(id) has been discharged; readmit them before changing their care."
        case .participantNotDischarged(let id):
            return "\(id) has not been discharged; only a discharged participant can be readmitted."
        case .noteIsSigned:
            return "This note is signed and read-only; add a dated addendum instead."
        case .noteNotSigned:
            return "Only a signed note can take an addendum or a co-signature."
        case .noteAlreadyCoSigned:
            return "This note already has a co-signature."
        case .noteEmpty:
            return "An empty note cannot be signed; write at least one section first."
        case .notAMember(let participant, let session):
            return "\(participant) is not on the attendance list of session \(session)."
        case .noNote(let participant, let session):
            return "Session \(session) has no note for \(participant) yet."
        case .duplicateMember(let participant):
            return "\(participant) is listed twice in this session."
        case .sessionNeedsMembers(let kind):
            return "\(kind == .individual ? "An" : "A") \(kind.rawValue) session needs at least one participant."
        case .individualSessionHasOneParticipant(let count):
            return "An individual session has exactly one participant; \(count) were given."
        case .sharedNarrativeOnlyForGroups:
            return "Only group sessions have a shared narrative."
        case .safetyFlagNotOpen(let id):
            return "Check-in \(id) has no open safety flag."
        case .flagAwaitingReview(let id):
            return "The safety flag on \(id) has been assessed as high risk and waits for a supervisor's review "
                + "(`caseload checkin review`), not another assessment."
        case .noAssessmentAwaitingReview(let id):
            return "Check-in \(id) has no high-risk assessment waiting for a supervisor's review."
        case .riskQuestionsUnanswered(let questions):
            return "Answer every question of the risk assessment yes or no; not answered: "
                + questions.map { $0.label.lowercased() }.joined(separator: ", ") + "."
        case .riskLevelNeeded:
            return "Choose a risk level: low, moderate or high."
        case .riskActionNeeded:
            return "Name at least one action taken: safety plan made or reviewed, crisis line given, supervisor "
                + "consulted, emergency evaluation, or another action in your own words."
        case .followUpDateNeeded:
            return "Give the date the participant will be followed up."
        case .followUpBeforeToday(let date, let today):
            return "The follow-up (\(date)) cannot be before today (\(today))."
        case .followUpTooFar(let date, let today, let days):
            return "A follow-up after a safety flag belongs within \(days) days (by \(today.adding(days: days))); "
                + "\(date) is later."
        case .riskLevelBelowAnswers(let given, let needed, let because):
            return "\(given.rawValue.capitalized) risk does not fit the answers: yes to "
                + because.map { $0.label.lowercased() }.joined(separator: ", ")
                + " means \(needed.rawValue) risk at least."
        case .ownAssessmentReviewNeedsNote:
            return "You assessed this flag yourself: a review of your own assessment needs a note saying why no "
                + "other supervisor reviewed it."
        case .unknownPlanItem(let id):
            return "The treatment plan has no item \(id); `caseload participant show` lists the plan with its ids."
        case .reviewDueBeforeReview(let next, let reviewed):
            return "The next plan review (\(next)) must come after this one (\(reviewed))."
        case .reviewBeforeLatest(let date, let latest):
            return "The plan was last reviewed on \(latest); a review dated \(date) would come before it. "
                + "Record reviews in order, dated the day they took place."
        case .targetOnlyForObjectives(let id):
            return "\(id) is a problem or goal; only an objective has a target date."
        case .objectiveStatusRetired(let status):
            return "\"\(status.title)\" is no longer a status; choose "
                + ObjectiveStatus.choices.map { $0.title.lowercased() }.joined(separator: ", ") + "."
        case .objectiveNotInPlan(let id, let participant):
            return "\(participant)'s treatment plan has no objective \(id); a note links only to objectives of the "
                + "participant's own plan (`caseload plan show \(participant)` lists them)."
        case .planReviewIntervalOutOfRange(let days):
            return "Plan reviews must fall every 1 to 365 days, not \(days)."
        case .unknownStaff(let staff):
            return "\(staff) is not on this caseload's staff list; ask an administrator to add them "
                + "(`caseload staff add \(staff)`), or act as someone else with --as."
        case .inactiveStaff(let staff):
            return "\(staff) is no longer an active staff member; act as someone else with --as, or ask an "
                + "administrator to reactivate them."
        case .unknownParticipant(let id):
            return "There is no participant \(id) in this caseload; `caseload participant list --all` lists them."
        case .notPermitted(let action, let staff, let reason):
            return "\(action.rule); \(reason.text(staff))."
        case .dateInFuture(let event, let date, let today):
            return "\(event.rawValue) cannot be dated in the future (\(date); today is \(today))."
        case .dateBeforeAdmission(let event, let date, let participant, let admission):
            return "\(event.rawValue) on \(date) would come before \(participant)'s admission on \(admission)."
        case .dateAfterDischarge(let event, let date, let participant, let discharge):
            return "\(event.rawValue) on \(date) would come after \(participant)'s discharge on \(discharge); "
                + "readmit them first if they have returned to care."
        case .checkInNeedsAMeasure:
            return "A check-in needs at least one of PHQ-9, GAD-7, craving, substance use or a drug screen."
        case .positiveScreenNeedsSubstances:
            return "A positive drug screen needs the substances detected."
        case .firstStaffMustBeAdmin(let staff):
            return "The first staff member of a caseload must be an administrator, who then adds everyone else; "
                + "add \(staff) with --role admin."
        case .lastAdministrator(let staff):
            return "\(staff) is the only active administrator; make someone else an administrator first, "
                + "or nobody could manage staff and settings."
        case .unknownFacilitator(let staff):
            return "\(staff) is not on this caseload's staff list; facilitators are active counselors or supervisors."
        case .inactiveFacilitator(let staff):
            return "\(staff) is no longer an active staff member and cannot facilitate; facilitators are active "
                + "counselors or supervisors."
        case .facilitatorRole(let staff, let role):
            return "\(staff) is \(role.withArticle) and cannot facilitate; facilitators are active counselors or supervisors."
        case .groupNeedsTopic(let known):
            return "A group session needs a topic from the program's catalog (\(known.joined(separator: ", ")))."
        case .sessionNotOver(let date, let time, let end):
            return "The session starting \(date) at \(time) has not ended yet (it ends \(end)); a session and its "
                + "attendance are recorded once it is over, so only minutes that have happened are counted."
        case .attendanceNeedsMinutes(let participant, let status, let duration):
            return "\(participant) is marked \(status.title.lowercased()): give the minutes they attended, "
                + "1 to \(duration)."
        case .presentMeansWholeSession(let participant, let minutes, let duration):
            return "\(participant) is marked present, which means the whole \(duration) minutes; mark them late or "
                + "left-early to record \(minutes) minutes."
        case .absenceWithMinutes(let participant, let status, let minutes):
            return "\(participant) is marked \(status.title.lowercased()), which counts no minutes; \(minutes) was "
                + "given. Mark them late or left-early if they attended part of the session."
        case .duplicateFacilitator(let staff):
            return "\(staff) is listed twice as a facilitator; name each facilitator once."
        case .participantInOverlappingSession(let participant, let other):
            return "\(participant) is already in session \(other) at an overlapping time; if they stepped out of it "
                + "for this one, record it as a pull-out (--allow-overlap)."
        case .familySessionNeedsSupportMember:
            return "A family session needs at least one support member present."
        case .supportMembersOnlyInFamilySessions:
            return "Support members take part only in family sessions."
        case .supportMemberNeedsParticipant(let member):
            return "This session has several participants: name whose support member \(member) is, as "
                + "PARTICIPANT/\(member) (for example P-0007/\(member))."
        case .supportMemberOwnerNotInSession(let participant, let member):
            return "\(participant) is not on this session's list, so their support member \(member) cannot take part."
        case .familyConsentMissing(let participant, let member, let date):
            return "\(participant) has no consent current on \(date) that admits support member \(member) to family "
                + "sessions; record or renew a consent covering family sessions first."
        case .notTheirSupportMember(let participant, let member):
            return "Support member \(member) is not one of \(participant)'s support members, so \(participant) has not "
                + "consented to their taking part; add them as \(participant)'s support member "
                + "(`caseload participant edit \(participant) --add-support`) and record a consent covering family "
                + "sessions first."
        case .unknownSession(let id):
            return "There is no session \(id) in this caseload; `caseload session list` lists them."
        case .noteNeedsASection:
            return "Nothing to save: write at least one section of the note."
        case .unknownNoteSection(let format):
            // The key typed is not repeated: it may be note text that landed before the "=".
            return "A \(format.title) note has no such section; its sections are "
                + "\(format.sections.map(\.key).joined(separator: ", "))."
        case .noteFormatIsSet(let format):
            return "This note was started as a \(format.title) note and keeps that format; write its sections "
                + "(\(format.sections.map(\.key).joined(separator: ", "))) without choosing another format."
        case .sessionNotEnded(let session, let end):
            return "Session \(session) has not ended yet (it ends at \(end)); sign its notes once it is over."
        case .noteSectionsEmpty(let format, let titles):
            let kind = format == .free ? "free-text" : format.title
            let list = titles.count == 1
                ? titles[0] : titles.dropLast().joined(separator: ", ") + " and " + titles[titles.count - 1]
            return "A \(kind) note is signed only with every section written; "
                + "\(list) \(titles.count == 1 ? "is" : "are") still empty."
        case .groupNoteNeedsNarrative(let session):
            return "Write the shared narrative of group session \(session) before signing its notes; each note is "
                + "signed with it."
        case .noteNotIndividualized(let participant, let other):
            return "\(participant)'s note is word for word the same as \(other)'s; describe this member's own "
                + "participation before signing."
        case .noteRepeatsNarrative(let participant, let section):
            return "\(participant)'s \(section) repeats the group's shared narrative; describe this member's own "
                + "participation before signing."
        case .sessionEndsAfterDischarge(let participant, let end, let discharge):
            return "This session would end on \(end), after \(participant)'s discharge on \(discharge); their "
                + "attendance must fall within their stay, so check the session's date, start time and length."
        case .duplicateSupportMember(let member):
            return "Support member \(member) is listed twice; name each support member once."
        case .textTooLong(let field, let limit):
            return "\(field) is longer than \(limit.formatted()) characters (about eight pages); shorten it."
        case .birthDateInFuture(let date, let today):
            return "A date of birth cannot be in the future (\(date); today is \(today)); check the year."
        case .birthDateNotBeforeAdmission(let birth, let admission):
            return "The date of birth (\(birth)) must come before the admission date (\(admission)); check both dates."
        case .unknownCounselor(let staff):
            return "\(staff) is not on this caseload's staff list; name an active counselor or supervisor as "
                + "primary counselor (`caseload staff list` shows them)."
        case .notACounselor(let staff, let reason):
            return "Only an active counselor or supervisor can be a primary counselor; \(reason.text(staff))."
        case .sessionsAfterDischarge(let participant, let date, let sessions):
            return "\(participant) is on sessions dated after \(date) (\(sessions.map(\.rawValue).joined(separator: ", "))); "
                + "discharge them on or after the last of those sessions, or correct the sessions first."
        case .aftercarePlanNeeded(let type):
            return "A discharge as \(type.rawValue) needs an aftercare plan: give at least one support group, "
                + "follow-up appointment or sober-living arrangement."
        case .openSafetyFlag(let participant, let checkIns):
            return "\(participant) has an open safety flag (check-in \(checkIns.map(\.rawValue).joined(separator: ", "))); "
                + "close it with a risk assessment first (a high-risk one also needs a supervisor's review), or have a "
                + "supervisor discharge with the reason for going ahead (`--override-open-flag`)."
        case .readmissionNotAfterDischarge(let date, let discharge) where date == discharge:
            return "A readmission cannot fall on the discharge day (\(discharge)): a return the same day is a "
                + "level-of-care change made before discharging. If they came back after leaving, readmit them "
                + "from \(discharge.adding(days: 1)) on."
        case .readmissionNotAfterDischarge(let date, let discharge):
            return "A readmission on \(date) would come before the last discharge (\(discharge)); readmit them from "
                + "\(discharge.adding(days: 1)) on."
        case .checkInsAfterDischarge(let participant, let date, let checkIns):
            return "\(participant) has check-ins dated after \(date) (\(checkIns.map(\.rawValue).joined(separator: ", "))); "
                + "discharge them on or after the last of those check-ins, or correct the check-ins first."
        case .followUpIncomplete:
            return "A follow-up appointment needs whom it is with and its purpose: write it as "
                + "\"YYYY-MM-DD|with whom|purpose\"."
        case .followUpBeforeDischarge(let date, let discharge):
            return "A follow-up appointment on \(date) would come before the discharge (\(discharge)); aftercare follows "
                + "discharge, so date it on or after \(discharge)."
        case .transitionTooFarAhead(let date, let latest):
            return "A level-of-care change can be scheduled at most \(LevelOfCareChange.schedulingHorizonDays) days "
                + "ahead (until \(latest)); \(date) is further out. Decide it closer to the date."
        case .dateBetweenStays(let event, let date, let participant, let discharged, let readmitted):
            return "\(event.rawValue) on \(date) falls between \(participant)'s stays (discharged \(discharged), "
                + "readmitted \(readmitted)), when they were not in care; check the date."
        case .consentSignedBeforeReplaced(let date, let replaced):
            return "A new consent signed on \(date) would come before the one it replaces (signed \(replaced)); "
                + "check the date, or renew the current consent instead."
        case .consentSignedBeforeRevocation(let date, let revoked):
            return "A new consent signed on \(date) would come before the revocation of the one it replaces "
                + "(\(revoked)); a consent signed after revoking is dated on or after \(revoked)."
        case .renewalSignedEarlier(let date, let signed):
            return "A renewal cannot move the signing date earlier (\(date); the consent was signed \(signed)); "
                + "give the day it was signed again."
        case .renewalExpiryPassed(let date, let today):
            return "A renewal extends a consent, so its expiry cannot be in the past (\(date); today is \(today))."
        case .consentSignedLongBeforeAdmission(let date, let admission):
            return "A consent signed on \(date) would be more than a year before admission (\(admission)); check the "
                + "year, or have the participant sign a current consent."
        case .birthDateImplausible(let birth, let admission):
            return "A date of birth of \(birth) would make the participant over 120 at admission (\(admission)); "
                + "check the year."
        case .invalidICD10Code:
            return "An ICD-10-CM code is a letter, two digits or letters, then optionally a dot and up to four more, "
                + "for example F10.20; correct the code or leave it off."
        case .objectiveTargetBeforePlan(let target, let started):
            return "An objective's target date (\(target)) cannot come before the plan started (\(started))."
        case .reportWeekNotBegun(let monday, let today):
            return "The week of \(monday) has not begun (today is \(today)); a report covers this week or an earlier one."
        case .planLineChangedSince(let line, let staff):
            return "Plan line \(line) was changed by \(staff) after you opened it; nothing was saved, and what you "
                + "typed is still here. Close this (Esc twice), open the line again to see their change, and make yours on it."
        case .objectiveTargetTooFar(let target, let latest):
            return "An objective's target date (\(target)) belongs within two years of the plan's start, by \(latest); "
                + "set a nearer step and revise it at a plan review."
        case .reviewDueTooFar(let next, let reviewed):
            return "The next plan review (\(next)) must fall within a year of this one (\(reviewed))."
        case .unknownSupportMember(let participant, let member):
            return "\(participant) has no support member \(member); `caseload participant show \(participant)` "
                + "lists them with their ids."
        case .noConsent(let participant, let member):
            return "Support member \(member) of \(participant) has no consent on file; record one with "
                + "`caseload participant consent add`."
        case .consentNeedsCategory:
            return "A consent must name at least one category of information: "
                + DisclosureCategory.allCases.map(\.rawValue).joined(separator: ", ") + "."
        case .consentExpiryNotAfterSigning(let expires, let signed):
            return "A consent must expire after the day it was signed (signed \(signed), expiring \(expires)); "
                + "give a later expiry date."
        case .revocationBeforeSigning(let date, let signed):
            return "A revocation on \(date) would come before the consent was signed (\(signed)); check the date."
        case .consentAlreadyRevoked(let member, let date):
            return "The consent for support member \(member) was already revoked on \(date)."
        case .revokedConsentCannotBeRenewed(let member, let date):
            return "The consent for support member \(member) was revoked on \(date) and cannot be renewed; "
                + "the participant must sign a new consent, recorded with `caseload participant consent add`."
        case .unknownTimeZone(let zone):
            return "\"\(zone)\" is not a time zone; use an IANA name such as America/Chicago."
        case .checkInCadenceOutOfRange(let days):
            return "Check-ins are due every 1 to 365 days; \(days) was given."
        case .noteDueWindowOutOfRange(let hours):
            return "Notes are due 1 to 720 hours (30 days) after the session; \(hours) was given."
        case .weeklyHoursOutOfRange(let level, let hours):
            return "Required weekly hours for \(level.title) must be 0 to 168 (the hours in a week); "
                + "\(hours.formatted()) was given."
        case .topicTooLong(let limit):
            return "A topic name is at most \(limit) characters; shorten it."
        case .programNeedsATopic:
            return "The program needs at least one topic in its catalog, or no group session could be recorded; "
                + "add another topic before removing the last."
        case .substancesOnlyForPositiveScreen(let result):
            return "Substances are named only for a positive drug screen; this one is \(result.rawValue)."
        case .useDetailsWithoutUse:
            return "Substance use was answered no, so no details go with it; answer yes:WHAT if they used."
        case .renewalShortens(let date, let current):
            return "A renewal extends a consent, and this one already runs to \(current); to end it on \(date), "
                + "record a revocation dated then (`caseload participant consent revoke`)."
        case .noActingStaff:
            return "Say who is acting: give --as with your staff id, or set $CASELOAD_USER."
        case .staffIDTaken(let id, let existing):
            return id == existing
                ? "\(id) is already on the staff list; change their record with `caseload staff edit \(id)`."
                : "\(id) is too like \(existing), already on the staff list (ids differing only in capitals are "
                    + "not allowed); choose another id."
        case .alreadyDeactivated(let id):
            return "\(id) is already deactivated; `caseload staff edit \(id) --reactivate` makes them active again."
        case .nothingToChange:
            return "Nothing to change: no option was given, or the record already says that."
        case .duplicateTopic(let topic):
            return "\"\(topic)\" is already in the program's topic catalog; each topic is listed once."
        case .dischargeHasItsOwnCommand:
            return "A participant is discharged with `caseload participant discharge`, which records the aftercare plan."
        case .levelChangesAfterDischarge(let participant, let date, let changes):
            return "\(participant)'s level of care changed after \(date) (\(changes.map(\.description).joined(separator: ", "))), "
                + "and a change already in effect stays on the record; discharge them on or after the last of those dates."
        case .revocationBeforeFamilySessions(let participant, let member, let date, let sessions):
            return "Support member \(member) of \(participant) took part in family sessions on or after \(date) "
                + "(\(sessions.map(\.rawValue).joined(separator: ", "))); date the revocation after the last of those "
                + "sessions, or correct the sessions first."
        case .unknownTopic(let known):
            // The topic typed is not repeated: it may be clinical text given in the wrong place.
            return "The topic given is not in the program's topic catalog, which holds "
                + "\(known.joined(separator: ", "))."
        case .attendanceOfSignedNote(let participant):
            return "\(participant)'s note is signed, and the attendance it records is part of what was signed; add a "
                + "dated addendum to the note instead."
        case .alreadyAMember(let participant, let session):
            return "\(participant) is already on the attendance list of session \(session); change their attendance "
                + "instead (`caseload session attendance`)."
        case .noNoteReadyToSign(let session):
            return "No note of session \(session) is ready to sign: each needs every section written (and for a group "
                + "the shared narrative and an entry of the member's own) and must not be signed already."
        case .entryNamesOtherMembers(let participant, let others):
            let list = others.map(\.rawValue).joined(separator: ", ")
            return "\(participant)'s own entry names another member of this session (\(list)), and a participant may "
                + "read their own note; take the name out, or confirm that it belongs there to sign "
                + "(`caseload note sign --acknowledge-names`)."
        case .draftDoesNotFit(let target):
            let holds = if case .note = target { "the note's format and sections" } else { "one text" }
            return "A draft of the \(target.title) holds \(holds); save the editor's text as that."
        case .noDraft(let session, let target):
            return "There is no draft of the \(target.title) in session \(session) to discard."
        case .namesakeOnFile(let existing):
            return "\(existing) already has this name and date of birth; this row would admit the same person twice, "
                + "so leave it out or correct the name or date."
        case .namesakeInFile(let line):
            return "The row on line \(line) has the same name and date of birth; keep one of the two."
        case .participantIDTaken(let id):
            return "\(id) is already a participant in this caseload; leave the id empty to give the row the next free id."
        case .participantIDRepeated(let id, let line):
            return "\(id) is also the id on line \(line); each participant has their own id."
        case .participantIDForm:
            return "A participant id is written P- and at least four digits, such as P-0007; leave it empty to give "
                + "the row the next free id."
        case .unknownCounselorName(let known):
            return "No staff member has that id or name; name the primary counselor by id or by name as on the staff "
                + "list (\(known.map(\.rawValue).joined(separator: ", ")))."
        case .ambiguousCounselorName(let staff):
            return "More than one staff member has that name (\(staff.map(\.rawValue).joined(separator: ", "))); "
                + "name the primary counselor by id."
        case .dischargeIncomplete:
            return "A discharged participant needs the status discharged, the discharge date and the discharge type "
                + "(\(DischargeType.allCases.map(\.rawValue).joined(separator: ", "))); give all three or none."
        case .dischargeBeforeAdmission(let date, let admission):
            return "A discharge on \(date) would come before the admission on \(admission); check both dates."
        case .unrecognizedValue(let allowed):
            // The cell is not repeated: it may hold something else than the column says.
            return "This is not a value Caseload knows here; write one of \(allowed.joined(separator: ", "))."
        case .notADate:
            return "This is not a date; write it as YYYY-MM-DD, for example 1988-04-02."
        case .nameForm:
            return "Write the name as \"Last, First\", or give first_name and last_name columns instead."
        case .cellsBeyondHeader(let cells, let header):
            return "The row has \(cells) cells and the header \(header); remove the extra cells or give them a header."
        case .controlCharacter(let field, .oneLine):
            return "\(field) holds a line break, a control or an invisible character (often left by a paste), "
                + "which could change how a terminal shows it; type it again as one line of plain text."
        case .controlCharacter(let field, .multiLine):
            return "\(field) holds a control character (often left by a paste), which could change how a terminal "
                + "shows it; line breaks and tabs are fine, so type it again as plain text."
        }
    }
}
