/// Words for the participant's path through care: why the level changed, how they left, and
/// what follows them out.
enum DemoCareText {
    /// What a 30-day plan review concluded, taken in turn (not drawn), so adding them left every
    /// other part of the demo as it was.
    static let planReviewNotes = [
        "Reviewed with the participant; objectives remain appropriate and progress is steady.",
        "Progress reviewed against each objective; target dates kept, attendance discussed.",
        "Participant reports fewer cravings; plan continued without change.",
        "Reviewed objectives with the participant; relapse prevention work to continue.",
    ]

    static func stepReasons(_ reason: DemoStay.Step.Reason, to level: LevelOfCare) -> [String] {
        switch (reason, level) {
        case (.admission, _): ["Admission"]
        case (.stepDown, .iop): [
            "Met PHP objectives; mood stable and no use for 14 days.",
            "Symptoms stabilized; ready for an evening schedule to return to work.",
            "Completed PHP stabilization phase; daily structure no longer needed.",
        ]
        case (.stepDown, .op): [
            "Consistent attendance and abstinence; relapse prevention plan in place.",
            "PHQ-9 below 10 for three weeks; stepping down per plan.",
            "Returned to full-time work; goals can be met with weekly sessions.",
        ]
        case (.stepDown, _): [
            "Completed OP goals; continues with the alumni group and mutual support.",
            "Stable recovery routine; moves to continuing care.",
        ]
        case (.stepUp, _): [
            "Return to use with escalating craving; needs daily structure.",
            "Worsening depression with passive ideation; stepped up for stabilization.",
        ]
        case (.stabilized, _): [
            "Stabilized after the step-up; resumes IOP.",
            "Craving and mood back to baseline; returns to evening IOP.",
        ]
        }
    }

    static func summaries(_ type: DischargeType) -> [DemoTemplate] {
        switch type {
        case .completed: [
            "Completed {levels} over {weeks} weeks. PHQ-9 {phqStart} at admission, {phqEnd} at discharge; met {objectivesMet} of {objectives} plan objectives. Leaves with a written relapse prevention plan.",
            "Completed treatment ({levels}, {weeks} weeks). Met {objectivesMet} of {objectives} objectives; PHQ-9 from {phqStart} to {phqEnd}. Aftercare appointments made before discharge.",
        ]
        case .stepDown: [
            "Stepped down after {weeks} weeks ({levels}) to community outpatient therapy closer to home. PHQ-9 {phqStart} → {phqEnd}. Records sent with signed consent.",
        ]
        case .againstAdvice: [
            "Left against clinical advice after {weeks} weeks in {levels}; declined step-down options. Given 988 and walk-in clinic information; counselor to attempt follow-up within 72 hours.",
            "Stopped attending after {weeks} weeks and declined to return, citing work. Risks of leaving early reviewed by phone; open invitation to re-engage.",
        ]
        case .administrative: [
            "Discharged after {absences} unexcused absences and no response to three outreach attempts (phone, letter, emergency contact with consent). Re-admission welcome.",
            "Insurance authorization ended after {weeks} weeks; referred to a sliding-scale community clinic. PHQ-9 {phqStart} → {phqEnd}.",
        ]
        case .transferred: [
            "Transferred to residential treatment for a higher level of care after repeated return to use ({weeks} weeks in {levels}).",
            "Moved out of state after {weeks} weeks; records sent with signed consent to the new provider.",
        ]
        }
    }

    static let supportGroups = [
        "AA home group (Tuesday 7 pm)", "NA (Thursday noon)", "SMART Recovery online",
        "Refuge Recovery", "Celebrate Recovery", "NAMI Connection peer group",
        "DBSA depression support group", "Riverside alumni group (Wednesdays)",
    ]
    static let followUpWith: [(with: String, purpose: String)] = [
        ("Dr. Okafor (psychiatry)", "Medication management"),
        ("Primary care physician", "Physical and medication review"),
        ("Community therapist", "Weekly individual therapy"),
        ("Riverside counselor", "Post-discharge check-in call"),
        ("MAT clinic", "Buprenorphine continuation"),
    ]
    static let soberLiving = [
        "Oxford House (Logan Square)", "Serenity Sober Living, Evanston", "Hope House for Women",
    ]
}
