extension ProgramSettings {
    /// The topic a session is recorded with. A group's comes from the catalog, matched ignoring
    /// case and spacing and kept as the catalog spells it, so every group on one topic is counted
    /// under one name; another session keeps its focus as given.
    func sessionTopic(_ given: String?, for kind: SessionKind) throws(DomainError) -> String? {
        guard kind == .group else { return given?.trimmed }
        guard let given, !given.trimmed.isEmpty else { throw .groupNeedsTopic(known: topics) }
        guard let topic = topics.first(where: { $0.topicKey == given.topicKey }) else {
            throw .unknownTopic(given, known: topics)
        }
        return topic
    }
}

extension String {
    /// Lowercased, with runs of whitespace as one space and none at the ends.
    fileprivate var topicKey: String {
        lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
