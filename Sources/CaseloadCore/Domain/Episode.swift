/// One finished stay: kept whole when a participant is readmitted, so the record of earlier care
/// (levels, plan, how it ended) is never overwritten by the new one.
public struct Episode: Codable, Sendable, Equatable {
    public var admissionDate: LocalDate
    public var levelOfCareHistory: [LevelOfCareChange]
    public var discharge: Discharge
    public var treatmentPlan: TreatmentPlan

    public init(
        admissionDate: LocalDate, levelOfCareHistory: [LevelOfCareChange], discharge: Discharge,
        treatmentPlan: TreatmentPlan
    ) {
        self.admissionDate = admissionDate
        self.levelOfCareHistory = levelOfCareHistory
        self.discharge = discharge
        self.treatmentPlan = treatmentPlan
    }
}
