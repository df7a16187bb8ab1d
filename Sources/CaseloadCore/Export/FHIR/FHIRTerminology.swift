/// The published codes the export uses: LOINC for the PHQ-9 and GAD-7 (panel, items, total and
/// answers), and the HL7 code systems FHIR R4 binds its elements to.
enum FHIRTerminology {
    static let loinc = "http://loinc.org"
    static let icd10CM = "http://hl7.org/fhir/sid/icd-10-cm"
    static let ucum = "http://unitsofmeasure.org"
    static let actCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
    static let participationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
    static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
    static let conditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category"
    static let consentScope = "http://terminology.hl7.org/CodeSystem/consentscope"
    static let flagCategory = "http://terminology.hl7.org/CodeSystem/flag-category"
    static let goalAchievement = "http://terminology.hl7.org/CodeSystem/goal-achievement"
    static let ordinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
    static let flagDetail = "http://hl7.org/fhir/StructureDefinition/flag-detail"

    /// LOINC 11506-3, the document type of a signed session note.
    static let progressNote = FHIRCoding(system: loinc, code: "11506-3", display: "Progress note")
    /// LOINC 59284-0, the category of a consent document.
    static let consentDocument = FHIRCoding(system: loinc, code: "59284-0", display: "Patient Consent")
    /// The privacy law a disclosure consent is given under.
    static let part2 = FHIRCoding(system: actCode, code: "42CFRPart2", display: "42 CFR Part2")
    static let ambulatory = FHIRCoding(system: actCode, code: "AMB", display: "ambulatory")

    /// A LOINC code with its display name.
    struct LOINC {
        let code: String
        let display: String

        var coding: FHIRCoding { FHIRCoding(system: FHIRTerminology.loinc, code: code, display: display) }
    }

    /// One instrument's LOINC codes.
    struct Instrument {
        let panel: LOINC
        let total: LOINC
        /// Item codes and wording, in the instrument's order.
        let items: [LOINC]
    }

    static func codes(_ instrument: CaseloadCore.Instrument) -> Instrument {
        switch instrument {
        case .phq9:
            Instrument(
                panel: LOINC(code: "44249-1", display: "PHQ-9 quick depression assessment panel"),
                total: LOINC(code: "44261-6", display: "Patient Health Questionnaire 9 item (PHQ-9) total score"),
                items: [
                    ("44250-9", "Little interest or pleasure in doing things"),
                    ("44255-8", "Feeling down, depressed, or hopeless"),
                    ("44259-0", "Trouble falling or staying asleep, or sleeping too much"),
                    ("44254-1", "Feeling tired or having little energy"),
                    ("44251-7", "Poor appetite or overeating"),
                    ("44258-2", "Feeling bad about yourself - or that you are a failure or have let yourself or your family down"),
                    ("44252-5", "Trouble concentrating on things, such as reading the newspaper or watching television"),
                    ("44253-3", "Moving or speaking so slowly that other people could have noticed, or the opposite - being so fidgety or restless that you have been moving around a lot more than usual"),
                    ("44260-8", "Thoughts that you would be better off dead, or of hurting yourself in some way"),
                ].map { LOINC(code: $0.0, display: $0.1) })
        case .gad7:
            Instrument(
                panel: LOINC(code: "69737-5", display: "Generalized anxiety disorder 7 item (GAD-7)"),
                total: LOINC(code: "70274-6", display: "Generalized anxiety disorder 7 item (GAD-7) total score"),
                items: [
                    ("69725-0", "Feeling nervous, anxious or on edge"),
                    ("68509-9", "Not being able to stop or control worrying"),
                    ("69733-4", "Worrying too much about different things"),
                    ("69734-2", "Trouble relaxing"),
                    ("69735-9", "Being so restless that it is hard to sit still"),
                    ("69689-8", "Becoming easily annoyed or irritable"),
                    ("69736-7", "Feeling afraid as if something awful might happen"),
                ].map { LOINC(code: $0.0, display: $0.1) })
        }
    }

    /// The LOINC answer (LL358-3) for an item scored 0–3, with its score as the ordinal value.
    static func answer(_ score: Int) -> FHIRCoding {
        let (code, display) = [
            ("LA6568-5", "Not at all"), ("LA6569-3", "Several days"), ("LA6570-1", "More than half the days"),
            ("LA6571-9", "Nearly every day"),
        ][score]
        return FHIRCoding(
            system: loinc, code: code, display: display,
            extension: [FHIRExtension(url: ordinalValue, valueDecimal: score)])
    }
}
