/// A field of a participant's record as a roster names it: what an admission or an import
/// refusal is about, so the command line can point at the column that holds it.
public enum ParticipantField: String, Sendable, CaseIterable {
    case id
    case firstName
    case lastName
    case preferredName
    case pronouns
    case dateOfBirth
    case phone
    case admissionDate
    case referralSource
    case track
    case primaryCounselor
    case status
    case levelOfCare
    case diagnoses
    case dischargeDate
    case dischargeType
}
