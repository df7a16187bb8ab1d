import Foundation

/// Builds a participant's record as it stands today from their planned stay: who they are, the
/// people around them, diagnoses, plan, level-of-care history and discharge, with a revision that
/// counts every save those changes took.
struct DemoParticipants {
    let staff: DemoStaff
    let clock: DemoClock
    let today: LocalDate
    let seed: UInt64
    /// When the program started using Caseload: participants already in care were entered then,
    /// so changes to their record before it are part of that first entry.
    let goLive: Date
    /// The first admissions take one culture each, so even a small demo shows every script.
    private let cultureOrder: [Int]
    /// Names already given, so two participants rarely share one.
    private var usedNames: Set<String> = []

    init(staff: DemoStaff, clock: DemoClock, today: LocalDate, goLive: Date, seed: UInt64) {
        self.staff = staff
        self.goLive = goLive
        self.clock = clock
        self.today = today
        self.seed = seed
        var random = DemoRandom(seed: seed, .culture)
        var order = Array(DemoCulture.all.indices)
        random.shuffle(&order)
        cultureOrder = order
    }

    mutating func record(for stay: DemoStay, counselor: StaffID) throws(DomainError) -> Participant {
        var random = DemoRandom(seed: seed, .person, stay.key)
        var culture = stay.index < cultureOrder.count
            ? DemoCulture.all[cultureOrder[stay.index]]
            : random.weighted(DemoCulture.all.map { ($0, $0.weight) })
        var name = DemoName(culture, random: &random)
        // A taken name is redrawn, from any culture after a few tries; a big demo may still repeat.
        for attempt in 0..<16 where usedNames.contains(name.legal) {
            if attempt >= 4 { culture = random.weighted(DemoCulture.all.map { ($0, $0.weight) }) }
            name = DemoName(culture, random: &random)
        }
        usedNames.insert(name.legal)
        let referral = DemoReferral.pick(for: stay.track, random: &random)
        let intake = max(goLive, clock.instant(stay.admission, minute: random.int(540...590)))
        var participant = Participant(
            id: stay.id, firstName: name.first, lastName: name.last,
            dateOfBirth: birthDate(admission: stay.admission, random: &random),
            admissionDate: stay.admission, referralSource: referral, track: stay.track,
            primaryCounselor: counselor, levelOfCare: stay.steps[0].level,
            revision: Revision(createdAt: intake, createdBy: staff.administrator.id))
        participant.preferredName = name.preferred
        participant.nameOrder = name.order
        participant.pronouns = name.pronouns
        participant.phone = random.chance(0.92) ? DemoContacts.phone(random: &random) : nil
        if random.chance(0.9) {
            let contact = random.pick(DemoContacts.relationships)
            let person = DemoName(
                culture, family: contact.sharesFamilyName ? name.familyEntry : nil,
                woman: contact.woman, random: &random)
            participant.emergencyContact = EmergencyContact(
                name: person.full, relationship: contact.relationship,
                phone: DemoContacts.phone(random: &random))
        }
        participant.diagnoses = diagnoses(of: stay, random: &random)

        var saves: [(at: Date, by: StaffID)] = []
        participant.supportMembers = supportMembers(
            of: stay, name: name, culture: culture, court: DemoReferral.courtSources.contains(referral),
            counselor: counselor, saves: &saves, random: &random)
        let (plan, reviews) = DemoTreatmentPlans.plan(
            for: stay, hasSupport: !participant.supportMembers.isEmpty,
            lapsing: counselor == staff.behindOnPaperwork, today: today, random: &random)
        participant.treatmentPlan = plan
        participant.treatmentPlan.reviews = reviews.enumerated().map { number, date in
            PlanReview(date: date, note: DemoCareText.planReviewNotes[number % DemoCareText.planReviewNotes.count],
                       by: counselor, nextDue: date.adding(days: TreatmentPlan.defaultReviewDays))
        }
        for review in reviews {
            saves.append((clock.instant(review, minute: random.int(780...960)), counselor))
        }
        for step in stay.steps.dropFirst() {
            try participant.changeLevelOfCare(
                to: step.level, on: step.effective,
                reason: random.pick(DemoCareText.stepReasons(step.reason, to: step.level)),
                by: counselor)
            saves.append((clock.instant(step.effective, minute: random.int(480...530)), counselor))
        }
        if let exit = stay.exit {
            try participant.discharge(discharge(
                of: stay, exit: exit, plan: participant.treatmentPlan, counselor: counselor,
                random: &random))
            saves.append((clock.instant(exit.date, minute: random.int(840...1020)), counselor))
        } else if let holdFrom = stay.holdFrom {
            participant.status = .onHold
            saves.append((clock.instant(holdFrom, minute: random.int(540...720)), counselor))
        }
        for save in saves.sorted(by: { $0.at < $1.at }) where save.at > intake {
            participant.revision = participant.revision.next(at: save.at, by: save.by)
        }
        return participant
    }

    /// Mostly 25–45, from 18 to 70; the birthday is placed so the age at admission is exact.
    private func birthDate(admission: LocalDate, random: inout DemoRandom) -> LocalDate {
        let age = random.int(random.weighted([
            (18...24, 0.15), (25...34, 0.32), (35...44, 0.25), (45...54, 0.16), (55...70, 0.12),
        ]))
        let month = random.int(1...12)
        let day = random.int(1...28)
        let birthdayLater = (month, day) > (admission.month, admission.day)
        return LocalDate(year: admission.year - age - (birthdayLater ? 1 : 0), month: month, day: day)!
    }

    private func diagnoses(of stay: DemoStay, random: inout DemoRandom) -> [Diagnosis] {
        var list: [Diagnosis] = []
        if let disorder = stay.disorder {
            list.append(Diagnosis(description: disorder.diagnosis, icd10: disorder.icd10))
        }
        if let substance = stay.substance {
            let use = Diagnosis(description: substance.diagnosis, icd10: substance.icd10)
            if random.chance(0.5) { list.insert(use, at: 0) } else { list.append(use) }
            if random.chance(0.2) {
                list.append(Diagnosis(description: "Nicotine dependence, cigarettes", icd10: "F17.210"))
            }
        }
        return list
    }

    /// Family and friends with their consents: most current, some expired, a few revoked (every
    /// fortieth participant, starting with the eighth, revokes one so a small demo shows it), a
    /// few never signed. Court referrals add the probation officer under a court-ordered release.
    private func supportMembers(
        of stay: DemoStay, name: DemoName, culture: DemoCulture, court: Bool, counselor: StaffID,
        saves: inout [(at: Date, by: StaffID)], random: inout DemoRandom
    ) -> [SupportMember] {
        let mustRevoke = stay.index % 40 == 7
        let count = max(mustRevoke ? 1 : 0, random.weighted([(0, 0.2), (1, 0.4), (2, 0.3), (3, 0.1)]))
        let lastDay = min(stay.end, today).adding(days: -1)
        var members: [SupportMember] = random.sample(DemoContacts.relationships, count: count)
            .enumerated().map { offset, contact in
                let person = DemoName(
                    culture, family: contact.sharesFamilyName ? name.familyEntry : nil,
                    woman: contact.woman, random: &random)
                let scope = random.pick(DemoContacts.consentScopes)
                var consent = DisclosureConsent(
                    recipient: person.full, purpose: scope, categories: DisclosureCategory.named(in: scope),
                    signedOn: stay.admission, expiresOn: stay.admission.adding(days: random.pick([180, 365])))
                let story = mustRevoke && offset == 0 ? ConsentStory.revoked
                    : random.weighted([(.current, 0.67), (.expired, 0.15), (.revoked, 0.03), (.unsigned, 0.15)])
                let revokedOn = stay.admission.adding(days: random.int(10...30))
                switch story {
                case .expired: consent.expiresOn = stay.admission.adding(days: random.pick([30, 45, 60]))
                case .revoked where revokedOn <= lastDay:
                    consent.revokedOn = revokedOn
                    saves.append((clock.instant(revokedOn, minute: random.int(600...960)), counselor))
                default: break
                }
                return SupportMember(
                    id: "S\(offset + 1)", name: person.full, relationship: contact.relationship,
                    phone: DemoContacts.phone(random: &random),
                    consent: story == .unsigned ? nil : consent)
            }
        if court {
            let officer = DemoName(DemoCulture.all[random.int(0...1)], random: &random)
            members.append(SupportMember(
                id: "S\(members.count + 1)", name: officer.full, relationship: DemoContacts.probationOfficer,
                phone: DemoContacts.phone(random: &random),
                consent: DisclosureConsent(
                    recipient: officer.full, purpose: DemoContacts.courtScope,
                    categories: DisclosureCategory.named(in: DemoContacts.courtScope), signedOn: stay.admission,
                    expiresOn: stay.admission.adding(days: 365))))
        }
        return members
    }

    private enum ConsentStory { case current, expired, revoked, unsigned }

    private func discharge(
        of stay: DemoStay, exit: (date: LocalDate, type: DischargeType), plan: TreatmentPlan,
        counselor: StaffID, random: inout DemoRandom
    ) -> Discharge {
        let scored = (0..<stay.checkInCount).map {
            DemoCheckInAnswers(stay: stay, number: $0, seed: seed)
        }.filter { !$0.isSkipped }
        var levels = stay.steps.map { $0.level == .aftercare ? "aftercare" : $0.level.abbreviation }
        levels = levels.enumerated().filter { !levels[..<$0.offset].contains($0.element) }.map(\.element)
        let summary = random.pick(DemoCareText.summaries(exit.type)).fill { slot in
            switch slot {
            case .levels: levels.count > 1
                ? levels.dropLast().joined(separator: ", ") + " and " + levels.last! : levels[0]
            case .weeks: String(stay.weeksInCare(until: exit.date))
            case .phqStart: String(scored.first?.phqTotal ?? 0)
            case .phqEnd: String(scored.last?.phqTotal ?? 0)
            case .absences: String(random.int(3...5))
            case .objectives: String(plan.objectives.count)
            case .objectivesMet: String(plan.objectives.count { $0.status == .met })
            default: ""
            }
        }
        return Discharge(
            date: exit.date, type: exit.type, summary: summary,
            aftercare: aftercare(of: stay, exit: exit, random: &random), dischargedBy: counselor)
    }

    private func aftercare(
        of stay: DemoStay, exit: (date: LocalDate, type: DischargeType), random: inout DemoRandom
    ) -> AftercarePlan {
        let finished = exit.type == .completed || exit.type == .stepDown
        let appointments = DemoCareText.followUpWith.filter {
            $0.with != "MAT clinic" || stay.substance?.icd10 == "F11.20"
        }
        let followUps = random.sample(appointments, count: finished ? random.int(1...2) : random.int(0...1))
            .map { FollowUpAppointment(
                date: exit.date.adding(days: random.int(3...30)), with: $0.with, purpose: $0.purpose) }
        return AftercarePlan(
            supportGroups: random.sample(DemoCareText.supportGroups, count: finished ? random.int(1...3) : random.int(0...1)),
            followUps: followUps.sorted { $0.date < $1.date },
            soberLiving: finished && stay.substance != nil && random.chance(0.25)
                ? random.pick(DemoCareText.soberLiving) : nil)
    }
}
