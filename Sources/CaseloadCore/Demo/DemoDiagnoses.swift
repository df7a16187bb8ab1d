/// A substance use disorder the demo diagnoses, with the words check-ins and plans use for it.
struct DemoSubstance: Sendable {
    let diagnosis: String
    let icd10: String
    /// How staff name the substance in notes and plans.
    let name: String
    /// What a positive drug screen reports.
    let screen: String
    /// A participant's own account of a lapse.
    let lapses: [String]

    static let all: [DemoSubstance] = [
        DemoSubstance(
            diagnosis: "Alcohol use disorder, moderate", icd10: "F10.20", name: "alcohol",
            screen: "Alcohol (EtG)",
            lapses: ["Four or five beers at a cousin's birthday on Saturday.",
                     "Half a bottle of wine alone after an argument.",
                     "Two shots after work on Friday; stopped and called sponsor."]),
        DemoSubstance(
            diagnosis: "Alcohol use disorder, mild", icd10: "F10.10", name: "alcohol",
            screen: "Alcohol (EtG)",
            lapses: ["Three drinks at a work happy hour.", "A six-pack over the weekend."]),
        DemoSubstance(
            diagnosis: "Opioid use disorder, severe, on buprenorphine", icd10: "F11.20",
            name: "opioids", screen: "Fentanyl",
            lapses: ["Used fentanyl once on Sunday; naloxone was nearby.",
                     "Took two pills from a friend; unsure what they were."]),
        DemoSubstance(
            diagnosis: "Cannabis use disorder, moderate", icd10: "F12.20", name: "cannabis",
            screen: "THC",
            lapses: ["Smoked most evenings this week to sleep.", "Used a vape pen twice on the weekend."]),
        DemoSubstance(
            diagnosis: "Cocaine use disorder, severe", icd10: "F14.20", name: "cocaine",
            screen: "Cocaine",
            lapses: ["Used cocaine Friday night with old friends.", "One line at a party; left early."]),
        DemoSubstance(
            diagnosis: "Stimulant use disorder, methamphetamine, moderate", icd10: "F15.20",
            name: "methamphetamine", screen: "Methamphetamine",
            lapses: ["Used meth to stay awake for a double shift."]),
        DemoSubstance(
            diagnosis: "Sedative, hypnotic or anxiolytic use disorder, moderate", icd10: "F13.20",
            name: "benzodiazepines", screen: "Benzodiazepines",
            lapses: ["Took extra alprazolam before a court date."]),
    ]
}

/// A mental-health diagnosis, with which symptom measure it mostly moves.
struct DemoDisorder: Sendable {
    enum Focus: Sendable { case depression, anxiety, trauma, mood }

    let diagnosis: String
    let icd10: String
    let focus: Focus

    static let all: [DemoDisorder] = [
        DemoDisorder(diagnosis: "Major depressive disorder, single episode, moderate", icd10: "F32.1", focus: .depression),
        DemoDisorder(diagnosis: "Major depressive disorder, recurrent, moderate", icd10: "F33.1", focus: .depression),
        DemoDisorder(diagnosis: "Major depressive disorder, recurrent, severe without psychotic features", icd10: "F33.2", focus: .depression),
        DemoDisorder(diagnosis: "Generalized anxiety disorder", icd10: "F41.1", focus: .anxiety),
        DemoDisorder(diagnosis: "Panic disorder", icd10: "F41.0", focus: .anxiety),
        DemoDisorder(diagnosis: "Post-traumatic stress disorder", icd10: "F43.10", focus: .trauma),
        DemoDisorder(diagnosis: "Bipolar II disorder", icd10: "F31.81", focus: .mood),
        DemoDisorder(diagnosis: "Adjustment disorder with mixed anxiety and depressed mood", icd10: "F43.23", focus: .depression),
    ]
}

/// Where people come from, weighted by track (substance use, mental health); co-occurring
/// participants draw from both. Court referrals bring a probation officer onto the release list.
enum DemoReferral {
    static let sources: [(source: String, substanceUse: Double, mentalHealth: Double)] = [
        ("Self-referral", 3, 3), ("Drug court", 2, 0), ("Probation officer", 1, 0),
        ("Hospital discharge (inpatient psychiatry)", 0, 3),
        ("Hospital discharge (medical detox)", 2, 0), ("Emergency department", 1, 1),
        ("Employee Assistance Program (EAP)", 1, 1), ("Primary care physician", 1, 2),
        ("Outpatient therapist", 0.5, 2), ("Family member", 1, 0.5),
    ]
    static let courtSources: Set<String> = ["Drug court", "Probation officer"]

    static func pick(for track: Track, random: inout DemoRandom) -> String {
        random.weighted(sources.map { entry in
            switch track {
            case .substanceUse: (entry.source, entry.substanceUse)
            case .mentalHealth: (entry.source, entry.mentalHealth)
            case .coOccurring: (entry.source, entry.substanceUse + entry.mentalHealth)
            }
        })
    }
}
