/// Free text for check-ins: what participants say, and what staff did about a safety flag.
enum DemoCheckInText {
    static let comments: [DemoTrajectory.Kind: [String]] = [
        .improving: [
            "Sleeping six to seven hours most nights.", "Back to walking the dog every morning.",
            "Used box breathing before a hard conversation at work.",
            "Called sponsor twice this week instead of isolating.",
            "Enjoyed cooking dinner with family on Sunday.", "Returned to work part-time; going well.",
        ],
        .steady: [
            "Week was \"about the same\"; no major stressors.", "Still struggling to fall asleep.",
            "Work hours cut; money worries but managing.", "Attended two meetings this week.",
            "Some irritability with roommate; talked it through.",
        ],
        .worsening: [
            "Isolating more; skipped plans with friends.", "Trouble getting out of bed most days.",
            "Conflict at home escalating; feels hopeless about it.",
            "Lost job this week; very anxious about rent.", "Nightmares most nights this week.",
        ],
        .volatile: [
            "Good start to the week, rough weekend.", "Mood up and down with court date coming.",
            "Felt great Tuesday, then \"crashed\" Thursday.",
        ],
    ]

    static let afterUse = [
        "Discussed lapse openly; reviewed relapse prevention plan.",
        "Lapse reported before screen result; engaged in problem-solving.",
    ]

    static let protectiveFactors = [
        "Children at home; engaged with sponsor; agrees to call 988 if thoughts return.",
        "Strong faith community and supportive sister; future-oriented about returning to work.",
        "Attends groups daily; pet at home; no firearms in the home, confirmed with partner.",
    ]
}
