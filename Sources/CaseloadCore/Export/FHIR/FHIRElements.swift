import Foundation

// FHIR R4 data types, with only the elements the export fills. An element left nil is not
// written at all: FHIR JSON has no nulls, empty strings or empty arrays (see `nonEmpty`).

struct FHIRCoding: Encodable, Equatable, Sendable {
    var system: String?
    var code: String?
    var display: String?
    var `extension`: [FHIRExtension]? = nil
}

struct FHIRConcept: Encodable, Equatable, Sendable {
    var coding: [FHIRCoding]? = nil
    var text: String? = nil

    init(_ coding: FHIRCoding, text: String? = nil) {
        self.coding = [coding]
        self.text = text
    }

    init(text: String) {
        self.text = text
    }

    init(coding: [FHIRCoding]?, text: String?) {
        self.coding = coding
        self.text = text
    }
}

struct FHIRIdentifier: Encodable, Equatable, Sendable {
    var system: String
    var value: String
}

/// A reference to another entry of the bundle by its `urn:uuid:` full URL, or, for someone the
/// bundle cannot hold (a staff file that could not be read), by identifier and name alone.
struct FHIRReference: Encodable, Equatable, Sendable {
    var reference: String? = nil
    var identifier: FHIRIdentifier? = nil
    var display: String? = nil
}

struct FHIRPeriod: Encodable, Equatable, Sendable {
    var start: String? = nil
    var end: String? = nil
}

struct FHIRHumanName: Encodable, Equatable, Sendable {
    var use: String? = nil
    var text: String? = nil
    var family: String? = nil
    var given: [String]? = nil
}

struct FHIRContactPoint: Encodable, Equatable, Sendable {
    var system: String
    var value: String
}

/// A `Duration` in UCUM minutes.
struct FHIRMinutes: Encodable, Equatable, Sendable {
    var value: Int
    var unit = "min"
    var system = FHIRTerminology.ucum
    var code = "min"
}

struct FHIRAttachment: Encodable, Equatable, Sendable {
    var contentType: String
    /// Base64.
    var data: String
    var title: String
    var creation: String
}

struct FHIRAnnotation: Encodable, Equatable, Sendable {
    var text: String
}

/// An extension: Caseload's own under `urn:caseload:extension:`, for what R4 has no element for
/// (a level-of-care history, a co-signature, a consent's revocation date), and core ones.
struct FHIRExtension: Encodable, Equatable, Sendable {
    var url: String
    var valueString: String? = nil
    var valueDate: String? = nil
    var valueDateTime: String? = nil
    var valueDecimal: Int? = nil
    var valueCoding: FHIRCoding? = nil
    var valueReference: FHIRReference? = nil
    var valuePeriod: FHIRPeriod? = nil
    var `extension`: [FHIRExtension]? = nil
}

extension Array {
    /// The array, or nil when it is empty: FHIR JSON never holds an empty array.
    var nonEmpty: [Element]? { isEmpty ? nil : self }
}

extension String {
    /// The text, or nil when it shows nothing: FHIR JSON never holds an empty string.
    var fhirText: String? { hasVisibleText ? self : nil }
}
