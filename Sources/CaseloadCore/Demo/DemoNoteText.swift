/// Note wording: short, plausible, invented. Each note section draws one template for what kind
/// of entry it is; the slots add the person, the skill practiced and the like, so notes vary.
enum DemoNoteText {
    enum Entry { case individual, family, groupMember, absent }

    /// The templates for one section (a `NoteFormat` section key) of one kind of entry.
    static func templates(section: String, entry: Entry) -> [DemoTemplate] {
        switch (section, entry) {
        case ("data", .individual): individualData
        case ("behavior", .individual): individualBehavior
        case ("subjective", .individual): individualSubjective
        case ("data", .family), ("behavior", .family), ("subjective", .family): familyOpening
        case ("data", .groupMember), ("behavior", .groupMember), ("subjective", .groupMember): groupOpening
        case ("data", .absent), ("behavior", .absent), ("subjective", .absent), ("note", .absent): absentOpening
        case ("objective", .absent): ["Not present."]
        case ("objective", _): objective
        case ("intervention", .groupMember): groupIntervention
        case ("intervention", .absent): absentOutreach
        case ("response", .absent): absentReply
        case ("intervention", _): intervention
        case ("response", .groupMember): groupResponse
        case ("response", _): response
        case ("assessment", .family): familyAssessment
        case ("assessment", .absent): ["Absence noted; no change in risk level."]
        case ("assessment", _): assessment
        case ("plan", .family): familyPlan
        case ("plan", .absent): absentPlan
        case ("plan", _): plan
        default: individualData
        }
    }

    private static let individualData: [DemoTemplate] = [
        "{name} attended a {minutes}-minute session and named {trigger} as the main stressor this week. Affect {affect}.",
        "{name} reviewed the week: two hard moments, both managed with {skill}. Affect {affect}; engaged throughout.",
        "{name} reported better sleep and fewer arguments at home; one difficult moment around {trigger}.",
        "{name} described feeling stuck at work and worried about {trigger}; affect {affect}.",
    ]
    private static let individualBehavior: [DemoTemplate] = [
        "{name} presented with {affect} affect and spoke openly about {trigger}.",
        "{name} arrived with the completed practice log; affect {affect}.",
        "{name} was initially guarded, then described {trigger} in detail.",
    ]
    private static let individualSubjective: [DemoTemplate] = [
        "{name} reported \"a rough week\" after {trigger}; denied use since last session.",
        "{name} said cravings were lower and sleep is improving.",
        "{name} reported using {skill} twice when stressed and said it \"took the edge off.\"",
    ]
    private static let familyOpening: [DemoTemplate] = [
        "{name} attended with {support}; discussed communication at home since admission.",
        "Family session with {support}: reviewed how to support recovery without monitoring.",
        "{name} and {support} described recent conflict around {trigger}.",
    ]
    private static let groupOpening: [DemoTemplate] = [
        "{name} shared a recent hard moment around {trigger} and practiced {skill} in role-play.",
        "{name} listened attentively and contributed when prompted.",
        "{name} offered supportive feedback to peers and identified one warning sign.",
        "{name} was quiet early and engaged more during the exercise.",
        "{name} connected today's topic to {trigger} and asked for peer input.",
    ]
    private static let absentOpening: [DemoTemplate] = ["{name} did not attend ({absence})."]
    private static let objective: [DemoTemplate] = [
        "Attended {minutes} min; {affect} affect; appropriate with others.",
        "Alert and oriented; {affect} affect; speech normal in rate and volume; goal-directed.",
        "Casually groomed; {affect} affect; good eye contact; {minutes} minutes.",
    ]
    private static let intervention: [DemoTemplate] = [
        "Motivational interviewing to explore ambivalence; practiced {skill}.",
        "Reviewed relapse prevention plan; role-played a refusal around {trigger}.",
        "Taught and rehearsed {skill}; assigned a daily practice log.",
        "Structured communication exercise using \"I\" statements.",
    ]
    private static let groupIntervention: [DemoTemplate] = [
        "Psychoeducation on {topic} with guided practice of {skill}.",
        "Facilitated discussion of {topic}; modeled {skill}.",
    ]
    private static let response: [DemoTemplate] = [
        "Identified two early warning signs and agreed to practice {skill} daily.",
        "Receptive; demonstrated {skill} correctly in session.",
        "Engaged after initial hesitation; set one concrete goal for the week.",
    ]
    private static let groupResponse: [DemoTemplate] = [
        "Engaged; completed the worksheet.", "Minimal participation; accepted feedback.",
        "Linked the topic to {trigger}; set a practice goal.",
    ]
    private static let assessment: [DemoTemplate] = [
        "Progressing toward plan goals; insight improving.",
        "Ambivalence about change remains; motivation fluctuating.",
        "Mood stable; no safety concerns voiced; risk low.",
        "Stressors increasing; coping skills partially effective.",
    ]
    private static let familyAssessment: [DemoTemplate] = [
        "Family supportive; some tension around trust.",
        "Communication improving; both able to name one need without blame.",
    ]
    private static let plan: [DemoTemplate] = [
        "Continue current level of care; practice {skill} daily.",
        "Review sleep log next session; continue group attendance.",
        "Follow up on the plan for {trigger}; coordinate with psychiatry as needed.",
        "Review today's worksheet in individual session.",
    ]
    private static let familyPlan: [DemoTemplate] = [
        "Follow-up family session in two weeks.", "Share aftercare plan with family before discharge.",
    ]
    private static let absentOutreach: [DemoTemplate] = [
        "Outreach call placed after the session.", "Reminder text and call placed.",
    ]
    private static let absentReply: [DemoTemplate] = [
        "No answer; voicemail left.", "Reached by phone; confirmed the next session.",
    ]
    private static let absentPlan: [DemoTemplate] = [
        "Follow up in next individual session.", "Review attendance expectations at next contact.",
    ]

    /// Nouns, so they read after "practiced", "using" and "taught".
    static let skills = [
        "urge surfing", "box breathing", "the STOP skill", "opposite action", "a thought record",
        "5-4-3-2-1 grounding", "the \"play the tape forward\" exercise", "values clarification",
    ]
    static let triggers = [
        "payday", "conflict with a partner", "driving past the old neighborhood", "poor sleep",
        "a work deadline", "a family holiday", "weekends alone", "a call from a former using friend",
    ]
    /// Adjectives, so they read before "affect".
    static let affects = [
        "euthymic", "anxious", "constricted", "bright", "tearful", "irritable", "flat",
        "full-range", "dysphoric",
    ]
    static let excusedReasons = [
        "excused: reported illness", "excused: medical appointment", "excused: court date",
        "excused: childcare conflict", "excused: work shift change",
    ]
    static let unexcusedReasons = ["unexcused: no call, no show", "unexcused: no reply to reminder"]

    static let individualFocus = [
        "Relapse prevention plan", "Coping with cravings", "Sleep and routine",
        "Work and school stress", "Trauma-informed grounding", "Medication adherence",
        "Treatment plan review", "Safety planning",
    ]
    static let familyFocus = ["Family roles", "Communication at home", "Boundaries and support"]

    static let addenda = [
        "Participant called after session to report a scheduling conflict; next session moved.",
        "Correction: the drug screen mentioned above was collected the previous day.",
        "Spoke with psychiatry (consent on file) about medication timing; plan unchanged.",
    ]
}
