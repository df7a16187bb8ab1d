/// One record the demo generator produces, in the order it should be stored: the program first,
/// then staff, then each participant before any session or check-in that names them.
public enum DemoRecord: Sendable, Equatable {
    case program(ProgramSettings)
    case staff(Staff)
    case participant(Participant)
    case session(Session)
    case checkIn(CheckIn)
}

/// Where generated records go: the store's bulk writer, a counter, or a test's array. Records
/// arrive one at a time so a ten-year caseload never has to fit in memory.
public protocol DemoSink {
    func write(_ record: DemoRecord) throws
}
