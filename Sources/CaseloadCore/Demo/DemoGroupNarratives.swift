/// The narrative every member's group note shares, by catalog topic; a program's own topics fall
/// back to the general ones.
enum DemoGroupNarratives {
    static func templates(for topic: String) -> [DemoTemplate] { byTopic[topic] ?? general }

    private static let general: [DemoTemplate] = [
        "Group focused on {topic}. Facilitator opened with a check-in round, presented key ideas, and members applied them to a current situation in pairs before debriefing together.",
    ]

    private static let byTopic: [String: [DemoTemplate]] = [
        "Relapse prevention": [
            "Group reviewed the stages of relapse (emotional, mental, physical). Members mapped their own early warning signs onto a timeline and named one action for each stage.",
            "Members built a high-risk situation list and practiced refusal statements in rotating pairs.",
        ],
        "Coping skills": [
            "Group sorted coping strategies into distraction, self-soothing and problem-solving, then chose two to try this week.",
            "Members practiced urge surfing with a guided script and compared what they noticed.",
        ],
        "Stress management": [
            "Group discussed the stress response and practiced paced breathing; members tracked stress ratings before and after.",
        ],
        "Communication": [
            "Group contrasted passive, aggressive and assertive communication and rehearsed DEAR MAN requests.",
        ],
        "Healthy lifestyle": [
            "Group reviewed sleep hygiene, regular meals and movement as recovery supports; members set one small routine goal.",
        ],
        "Medication education": [
            "Nurse-led segment on how common medications work, side effects and adherence; members wrote questions for prescribers.",
        ],
        "Emotion regulation": [
            "Group practiced naming emotions with the feelings wheel and used opposite action on a recent example.",
        ],
        "Mindfulness": [
            "Group practiced a body scan and the 5-4-3-2-1 grounding exercise, then discussed barriers to daily practice.",
        ],
        "Family roles": [
            "Group explored family roles (hero, caretaker, scapegoat) and how they show up in recovery today.",
        ],
        "Grief and loss": [
            "Group discussed losses linked to substance use and illness, and ways to honor them without using.",
        ],
    ]
}
