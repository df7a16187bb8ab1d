import Foundation

/// A FHIR resource the export writes: `resourceType` is written with its elements.
protocol FHIRResource: Encodable, Sendable {
    var resourceType: String { get }
    var id: String { get }
}

/// One participant's records as a FHIR R4 Bundle of type `collection`: every reference in it
/// points at another of its entries (by `urn:uuid:` full URL).
public struct FHIRBundle: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        let fullUrl: String
        let resource: any FHIRResource

        private enum CodingKeys: String, CodingKey { case fullUrl, resource }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(fullUrl, forKey: .fullUrl)
            try container.encode(resource, forKey: .resource)
        }
    }

    let resourceType = "Bundle"
    let id: String
    let identifier: FHIRIdentifier
    let type = "collection"
    let timestamp: String
    let entry: [Entry]

    /// The participant the bundle is about.
    public let participant: ParticipantID

    private enum CodingKeys: String, CodingKey { case resourceType, id, identifier, type, timestamp, entry }

    /// Pretty-printed JSON with sorted keys, like every file Caseload writes.
    public func encoded() throws -> Data {
        var data = try RecordCoding.makeEncoder().encode(self)
        data.append(0x0A)
        return data
    }
}
