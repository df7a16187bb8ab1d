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
                items: zip(["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
                            "44260-8"], instrument.itemTexts).map(LOINC.init))
        case .gad7:
            Instrument(
                panel: LOINC(code: "69737-5", display: "Generalized anxiety disorder 7 item (GAD-7)"),
                total: LOINC(code: "70274-6", display: "Generalized anxiety disorder 7 item (GAD-7) total score"),
                items: zip(["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"],
                           instrument.itemTexts).map(LOINC.init))
        }
    }

    /// The LOINC answer (LL358-3) for an item scored 0–3, with its score as the ordinal value.
    static func answer(_ score: Int) -> FHIRCoding {
        let code = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"][score]
        let display = CaseloadCore.Instrument.answerTexts[score]
        return FHIRCoding(
            system: loinc, code: code, display: display,
            extension: [FHIRExtension(url: ordinalValue, valueDecimal: score)])
    }
}
