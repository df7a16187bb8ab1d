import Crypto
import Foundation

/// How an exported resource is named, the same in every export of the same record.
///
/// Each resource's id and full URL is a name-based UUID (RFC 9562 version 5: SHA-1 of a fixed
/// namespace and a name made of the resource type and the Caseload ids it comes from, such as
/// "Encounter/S-20261120-0900-k3x9qa/P-0007"). `urn:uuid:` is the form FHIR gives a resource that
/// lives on no server, and every FHIR library resolves references to it within a bundle; being
/// derived, not random, it lets a receiver recognise a record it already has and update it
/// instead of storing it twice. The Caseload id itself goes along as an identifier under
/// `urn:caseload:…`, for people and for matching back to the caseload.
enum FHIRIdentity {
    /// The namespace of every Caseload resource name, chosen once at random.
    static let namespace = UUID(uuidString: "8C0B3F4E-5D2A-4B7C-9E61-2F0A7D3C5B19")!

    /// The version-5 UUID of `name` in `namespace`.
    static func uuid(_ name: String) -> String {
        var bytes = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        bytes += Array(name.utf8)
        var hash = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let hex = hash.map { String(format: "%02x", $0) }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }

    /// Identifier systems and Caseload's own code systems and extensions.
    enum System {
        static let participant = "urn:caseload:participant"
        static let staff = "urn:caseload:staff"
        static let supportMember = "urn:caseload:support-member"
        static let stay = "urn:caseload:stay"
        static let session = "urn:caseload:session"
        static let note = "urn:caseload:note"
        static let checkIn = "urn:caseload:check-in"
        static let planItem = "urn:caseload:plan-item"
        static let consent = "urn:caseload:consent"
        static let diagnosis = "urn:caseload:diagnosis"
        static let levelOfCare = "urn:caseload:level-of-care"
        static let sessionKind = "urn:caseload:session-kind"
        static let attendance = "urn:caseload:attendance"
        static let dischargeType = "urn:caseload:discharge-type"
        static let disclosureCategory = "urn:caseload:disclosure-category"
        static let severity = "urn:caseload:severity"
    }

    static func extensionURL(_ name: String) -> String { "urn:caseload:extension:\(name)" }
}
