/// The records of a listing that could be read, and the files that could not.
///
/// One damaged file never hides the others: it is named in `damaged` and the rest load.
public struct Loaded<Record: Sendable>: Sendable {
    /// The usable records, in file-name order.
    public var records: [Record]
    /// The files that are not usable records, each naming itself and its problem.
    public var damaged: [RecordDamage]
    /// Usable records whose files hold fields this build does not read (filled in only for `check`).
    public var unknownFields: [UnknownFieldsFound] = []

    /// A listing result.
    public init(records: [Record] = [], damaged: [RecordDamage] = []) {
        self.records = records
        self.damaged = damaged
    }
}

/// A record file holding fields this build does not read, named by path ("supportMembers[0].nickname").
public struct UnknownFieldsFound: Sendable, Hashable {
    public let file: StorePath
    public let fields: [String]
}
