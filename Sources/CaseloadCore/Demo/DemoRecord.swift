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

/// A generated caseload goes straight to the bulk writer.
extension BulkWriter: DemoSink {
    public func write(_ record: DemoRecord) throws {
        switch record {
        case .program(let program): try write(program)
        case .staff(let staff): try write(staff)
        case .participant(let participant): try write(participant)
        case .session(let session): try write(session)
        case .checkIn(let checkIn): try write(checkIn)
        }
    }
}
