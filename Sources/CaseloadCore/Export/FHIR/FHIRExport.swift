import Foundation

/// Turns one participant's records into a FHIR R4 bundle for a hospital, payer or registry:
/// Patient, RelatedPerson per support member, Condition per diagnosis, EpisodeOfCare per stay,
/// Encounter per session attended, DocumentReference per signed note, QuestionnaireResponse and
/// Observations per PHQ-9 or GAD-7, CarePlan and Goals per stay's plan, Consent per disclosure
/// consent (every version kept), Flag per open safety flag, and the Practitioners and the
/// Organization those name. Pure: the caller reads the records and writes the file.
public struct FHIRExport: Sendable {
    let program: ProgramSettings
    let staff: [StaffID: Staff]

    public init(program: ProgramSettings, staff: [Staff]) {
        self.program = program
        self.staff = Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The bundle of `participant`, from the sessions that list them and their check-ins,
    /// stamped `time`. Only its timestamp differs between two exports of the same records.
    public func bundle(for participant: Participant, sessions: [Session], checkIns: [CheckIn], at time: Date) -> FHIRBundle {
        var builder = FHIRBundleBuilder(export: self, participant: participant, today: LocalDate(time, in: program.timeZone))
        builder.addPeople()
        builder.addStays()
        for session in sessions.sorted(by: { ($0.date, $0.startTime, $0.id) < ($1.date, $1.startTime, $1.id) }) {
            builder.addSession(session)
        }
        for checkIn in checkIns.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) where checkIn.participant == participant.id {
            builder.addCheckIn(checkIn)
        }
        builder.addConsents()
        builder.addPractitioners()
        let name = "Bundle/\(participant.id)"
        return FHIRBundle(
            id: FHIRIdentity.uuid(name), identifier: FHIRIdentifier(system: FHIRIdentity.System.participant, value: participant.id.rawValue),
            timestamp: program.timeZone.iso8601(time), entry: builder.entries, participant: participant.id)
    }
}

/// Collects one bundle's entries and the staff its references name.
struct FHIRBundleBuilder {
    let export: FHIRExport
    let participant: Participant
    /// The export's day on the program's calendar: a consent past its expiry is no longer active.
    let today: LocalDate
    private(set) var entries: [FHIRBundle.Entry] = []
    /// Staff named by a reference, in the order first named, to add as Practitioners.
    private var namedStaff: [StaffID] = []

    init(export: FHIRExport, participant: Participant, today: LocalDate) {
        self.export = export
        self.participant = participant
        self.today = today
    }

    var zone: TimeZone { export.program.timeZone }

    /// The patient's reference.
    var patient: FHIRReference { Self.reference("Patient/\(participant.id)", display: participant.displayName) }
    var organization: FHIRReference { Self.reference("Organization/program", display: export.program.name.fhirText) }

    /// A reference to the entry named `name`.
    static func reference(_ name: String, display: String? = nil) -> FHIRReference {
        FHIRReference(reference: "urn:uuid:" + FHIRIdentity.uuid(name), display: display)
    }

    /// The id of the entry named `name`.
    static func id(_ name: String) -> String { FHIRIdentity.uuid(name) }

    mutating func add(_ resource: some FHIRResource) {
        entries.append(FHIRBundle.Entry(fullUrl: "urn:uuid:" + resource.id, resource: resource))
    }

    /// A staff member, shown as they signed (`signedAs`) or as the staff list names them now. One
    /// whose file could not be read is named by id alone, so no reference points outside the bundle.
    mutating func practitioner(_ id: StaffID, signedAs: String? = nil) -> FHIRReference {
        guard let staff = export.staff[id] else {
            return FHIRReference(identifier: FHIRIdentifier(system: FHIRIdentity.System.staff, value: id.rawValue), display: signedAs ?? id.rawValue)
        }
        if !namedStaff.contains(id) { namedStaff.append(id) }
        return Self.reference("Practitioner/\(id)", display: signedAs ?? staff.signatureLine)
    }

    /// A Practitioner for every staff member a reference named, and the program.
    mutating func addPractitioners() {
        for id in namedStaff {
            guard let staff = export.staff[id] else { continue }
            add(
                FHIRPractitioner(
                    id: Self.id("Practitioner/\(id)"),
                    identifier: [FHIRIdentifier(system: FHIRIdentity.System.staff, value: id.rawValue)],
                    active: staff.isActive, name: staff.displayName.fhirText.map { [FHIRHumanName(text: $0)] },
                    qualification: staff.credentials.fhirText.map { [.init(code: FHIRConcept(text: $0))] }))
        }
        add(FHIROrganization(id: Self.id("Organization/program"), name: export.program.name.fhirText ?? "Caseload program"))
    }

    /// A calendar day as FHIR writes a date.
    static func date(_ day: LocalDate) -> String { day.description }

    func instant(_ time: Date) -> String { zone.iso8601(time) }
}
