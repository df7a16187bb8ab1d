import CaseloadCore

/// The plain-text record `participant show` prints.
struct ParticipantReport {
    let participant: Participant
    let today: LocalDate

    func print() {
        let p = participant
        Output.line("\(p.displayName) (\(p.id))")
        Output.fields([
            ("Legal name", p.nameOrder.written(given: p.firstName, family: p.lastName)
                + (p.nameOrder == .familyFirst ? " (family name first)" : "")),
            ("Pronouns", p.pronouns),
            ("Date of birth", "\(p.dateOfBirth) (age \(p.age(on: today)))"),
            ("Phone", p.phone),
            ("Emergency contact", p.emergencyContact.map { "\($0.name) (\($0.relationship)), \($0.phone)" }),
            ("Status", p.status.title),
            ("Level of care", p.levelOfCare(on: today).title),
            ("Track", p.track.title),
            ("Admitted", "\(p.admissionDate), referred by \(p.referralSource)"),
            ("Primary counselor", p.primaryCounselor.rawValue),
        ])
        section("Diagnoses", p.diagnoses.map { d in d.icd10.map { "\($0)  \(d.description)" } ?? d.description })
        section(
            "Level-of-care history",
            p.levelOfCareHistory.map { "\($0.effective)  \($0.level.abbreviation.padding(toLength: 4, withPad: " ", startingAt: 0)) \($0.reason) (\($0.decidedBy))" })
        section("Support members", p.supportMembers.flatMap(supportLines))
        let plan = p.treatmentPlan
        var planLines: [String] = []
        for problem in plan.problems {
            planLines.append("\(problem.id)  Problem: \(problem.statement)")
            for goal in problem.goals {
                planLines.append("  \(goal.id)  Goal: \(goal.statement)")
                for objective in goal.objectives {
                    planLines.append("    \(objective.id)  [\(objective.status.title)] \(objective.statement) (by \(objective.targetDate))")
                }
            }
        }
        if let due = plan.nextReviewDue {
            planLines.append("Next plan review: \(due)\(plan.isReviewOverdue(on: today) ? " (overdue)" : "")")
        }
        section("Treatment plan", planLines)
        if let discharge = p.discharge {
            // The summary may run over several lines; each is indented like the rest.
            var lines = ["\(discharge.date)  \(discharge.type.title)"] + discharge.summary.components(separatedBy: "\n")
            lines += discharge.aftercare.supportGroups.map { "Support group: \($0)" }
            lines += discharge.aftercare.followUps.map { "Follow-up \($0.date) with \($0.with): \($0.purpose)" }
            if let soberLiving = discharge.aftercare.soberLiving { lines.append("Sober living: \(soberLiving)") }
            if let reason = discharge.openFlagOverride { lines.append("Discharged with a safety flag open: \(reason)") }
            section("Discharge", lines)
        }
        if !p.previousEpisodes.isEmpty {
            section(
                "Previous stays",
                p.previousEpisodes.map {
                    "\($0.admissionDate) to \($0.discharge.date)  "
                        + $0.levelOfCareHistory.map(\.level.abbreviation).joined(separator: " → ")
                        + "  \($0.discharge.type.title)"
                })
        }
    }

    /// A member with their id, then their consent's elements: who receives what, why, and for how long.
    private func supportLines(_ member: SupportMember) -> [String] {
        let heading = "\(member.id)  \(member.name) (\(member.relationship))" + (member.phone.map { ", \($0)" } ?? "")
        let earlier = member.earlierConsents.isEmpty
            ? [] : ["    Earlier versions of this consent: \(member.earlierConsents.count) (`consent list --json` shows them)"]
        guard let consent = member.consent else { return [heading, "    No consent to disclose"] + earlier }
        let period = "signed \(consent.signedOn)" + (consent.expiresOn.map { ", expires \($0)" } ?? ", no expiry recorded")
        return [
            heading,
            "    Consent (\(consent.status(on: today))): to \(consent.recipient), for \(consent.purpose)",
            "    Covers: " + (consent.categories.isEmpty ? "nothing named" : consent.categories.map(\.title).joined(separator: ", ")),
            "    Period: \(period)" + (consent.revokedOn.map { "; revoked \($0)" } ?? ""),
        ] + earlier
    }

    private func section(_ title: String, _ lines: [String]) {
        Output.line()
        Output.line(title)
        if lines.isEmpty { Output.line("  none recorded") }
        for line in lines { Output.line("  \(line)") }
    }
}
