/// The intensity of treatment, stepping down from PHP to aftercare.
public enum LevelOfCare: String, Codable, Sendable, CaseIterable, Comparable {
    case php
    case iop
    case op
    case aftercare

    public var title: String {
        switch self {
        case .php: "Partial Hospitalization (PHP)"
        case .iop: "Intensive Outpatient (IOP)"
        case .op: "Outpatient (OP)"
        case .aftercare: "Aftercare"
        }
    }

    public var abbreviation: String {
        switch self {
        case .php: "PHP"
        case .iop: "IOP"
        case .op: "OP"
        case .aftercare: "AFT"
        }
    }

    public static func < (lhs: LevelOfCare, rhs: LevelOfCare) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
