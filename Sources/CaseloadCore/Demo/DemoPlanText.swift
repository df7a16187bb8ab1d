/// Treatment-plan problems, each with goals and measurable objectives ("{substance}" is filled in).
struct DemoProblemTemplate: Sendable {
    let statement: DemoTemplate
    let goals: [(statement: DemoTemplate, objectives: [DemoTemplate])]

    static let substance = DemoProblemTemplate(
        statement: "Use of {substance} with loss of control and relapse within the last 90 days",
        goals: [
            ("Maintain abstinence from {substance}", [
                "Provides negative drug screens for 4 consecutive weeks",
                "Identifies 5 personal triggers and a coping response for each, in writing",
                "Completes a written relapse prevention plan and reviews it with counselor",
            ]),
            ("Build a recovery support network", [
                "Attends at least 3 mutual-support meetings weekly, verified by attendance sheet",
                "Names 2 sober supports and calls one of them weekly",
            ]),
        ])

    static let byFocus: [DemoDisorder.Focus: DemoProblemTemplate] = [
        .depression: DemoProblemTemplate(
            statement: "Depressed mood with withdrawal from activities and poor sleep",
            goals: [
                ("Reduce depressive symptoms", [
                    "PHQ-9 below 10 on two consecutive check-ins",
                    "Schedules and completes 3 pleasant activities a week, logged",
                    "Sleeps at least 6 hours on 5 nights a week per sleep log",
                ]),
            ]),
        .anxiety: DemoProblemTemplate(
            statement: "Excessive worry and panic symptoms interfering with work",
            goals: [
                ("Manage anxiety with skills", [
                    "GAD-7 below 10 on two consecutive check-ins",
                    "Practices a grounding or breathing skill daily and logs each use",
                    "Returns to work part-time by the target date",
                ]),
            ]),
        .trauma: DemoProblemTemplate(
            statement: "Trauma symptoms (nightmares, hypervigilance) driving avoidance",
            goals: [
                ("Reduce trauma-related distress", [
                    "Uses a grounding skill when triggered, reporting use in 4 of 5 sessions",
                    "Completes the trauma-informed psychoeducation module",
                ]),
            ]),
        .mood: DemoProblemTemplate(
            statement: "Mood swings with periods of low energy and impulsive decisions",
            goals: [
                ("Stabilize mood", [
                    "Takes medication as prescribed on 6 of 7 days per pill log",
                    "Keeps a daily mood chart and reviews it weekly with counselor",
                ]),
            ]),
    ]

    static let family = DemoProblemTemplate(
        statement: "Conflict at home and strained family relationships",
        goals: [
            ("Improve family communication", [
                "Attends 2 family sessions with a consented support person",
                "Uses \"I\" statements in role-play and at home, reported weekly",
            ]),
        ])
}
