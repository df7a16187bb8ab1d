extension ProgramSettings {
    /// The topic a session is recorded with. A group's comes from the catalog, matched ignoring
    /// case and spacing and kept as the catalog spells it, so every group on one topic is counted
    /// under one name; another session keeps its focus as given.
    func sessionTopic(_ given: String?, for kind: SessionKind) throws(DomainError) -> String? {
        try refuseControls(given, "The session's topic")
        guard kind == .group else { return given?.trimmed }
        guard let given, given.hasVisibleText else { throw .groupNeedsTopic(known: topics) }
        guard let topic = catalogTopic(given) else { throw .unknownTopic(known: topics) }
        return topic
    }
}
