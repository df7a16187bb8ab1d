/// The people around a participant: emergency contacts and support members, their phones, and
/// the wording of the consents that let staff talk to them.
enum DemoContacts {
    /// Relationship, whether the person usually shares the participant's family name, and
    /// whether the word implies a woman (true), a man (false) or either (nil).
    static let relationships: [(relationship: String, sharesFamilyName: Bool, woman: Bool?)] = [
        ("Mother", true, true), ("Father", true, false), ("Sister", true, true),
        ("Brother", true, false), ("Spouse", true, nil), ("Partner", false, nil),
        ("Friend", false, nil), ("Aunt", true, true), ("Adult son", true, false),
        ("Adult daughter", true, true), ("Roommate", false, nil), ("Sponsor", false, nil),
    ]

    static let consentScopes = [
        "Attendance, progress and discharge planning",
        "Attendance and participation in family sessions",
        "Attendance only",
        "Treatment progress and aftercare plan",
    ]
    static let probationOfficer = "Probation officer"
    static let courtScope = "Attendance, drug screen results and discharge status (court order)"

    private static let areaCodes = ["312", "773", "872", "708", "630", "847"]

    /// A number in 555-0100…0199, the range set aside for fiction.
    static func phone(random: inout DemoRandom) -> String {
        "(\(random.pick(areaCodes))) 555-01\(DemoIDs.digits(random.int(0...99), 2))"
    }
}
