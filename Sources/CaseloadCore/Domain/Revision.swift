import Foundation

/// Who created and last changed a record, and its revision number. The number goes up by one
/// on every save; a save that started from an older number is stale and is refused.
public struct Revision: Codable, Sendable, Equatable {
    public var number: Int
    public var createdAt: Date
    public var createdBy: StaffID
    public var updatedAt: Date
    public var updatedBy: StaffID

    public init(createdAt: Date, createdBy: StaffID) {
        self.number = 1
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = createdAt
        self.updatedBy = createdBy
    }

    /// The revision a save of this record writes.
    public func next(at time: Date, by staff: StaffID) -> Revision {
        var next = self
        next.number += 1
        next.updatedAt = time
        next.updatedBy = staff
        return next
    }
}

/// A record the store keeps in a file of its own.
public protocol StoredRecord: Codable, Sendable, Equatable {
    associatedtype Kind
    /// The `schemaVersion` this build writes; files with a newer one are refused, not guessed at.
    static var schemaVersion: Int { get }
    var id: RecordID<Kind> { get }
    var revision: Revision { get set }
}
