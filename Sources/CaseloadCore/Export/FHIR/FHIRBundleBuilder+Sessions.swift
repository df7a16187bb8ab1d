import Foundation

extension FHIRBundleBuilder {
    /// The participant's part of a session: an Encounter when they attended (individual, group or
    /// family, with its times and what they attended), and a DocumentReference for a signed note.
    mutating func addSession(_ session: Session) {
        guard let member = session.member(participant.id) else { return }
        let name = "\(session.id)/\(participant.id)"
        let period = FHIRPeriod(start: instant(session.startsAt(in: zone)), end: instant(session.endsAt(in: zone)))
        let episode = stays.first { $0.holds(session.date) }.map(episode)
        let attended = member.attendance.status.attended
        if attended {
            var people = session.facilitators.enumerated().map { index, facilitator in
                FHIREncounter.Participant(
                    type: [FHIRConcept(FHIRCoding(system: FHIRTerminology.participationType, code: index == 0 ? "PPRF" : "SPRF", display: index == 0 ? "primary performer" : "secondary performer"))],
                    individual: practitioner(facilitator))
            }
            people += ownSupportMembers(in: session).map { supportMember in
                FHIREncounter.Participant(
                    type: [FHIRConcept(FHIRCoding(system: FHIRTerminology.participationType, code: "PART", display: "Participation"))],
                    individual: Self.reference(Self.supportMemberName(participant.id, supportMember.id), display: supportMember.name.fhirText))
            }
            let status = member.attendance.status
            add(
                FHIREncounter(
                    id: Self.id("Encounter/\(name)"),
                    extension: [
                        FHIRExtension(
                            url: FHIRIdentity.extensionURL("attendance"),
                            valueCoding: FHIRCoding(system: FHIRIdentity.System.attendance, code: status.rawValue, display: status.title))
                    ],
                    identifier: [FHIRIdentifier(system: FHIRIdentity.System.session, value: name)],
                    type: [
                        FHIRConcept(
                            FHIRCoding(system: FHIRIdentity.System.sessionKind, code: session.kind.rawValue, display: session.kind.title),
                            text: "\(session.kind.title) session")
                    ],
                    subject: patient, episodeOfCare: episode.map { [$0] }, participant: people.nonEmpty, period: period,
                    length: FHIRMinutes(value: member.attendance.countedMinutes)))
        }
        guard let note = member.note, note.isSigned, let signature = note.signature else { return }
        var cosignature: [FHIRExtension]?
        if let cosigned = note.coSignature {
            cosignature = [
                FHIRExtension(
                    url: FHIRIdentity.extensionURL("co-signature"),
                    extension: [
                        FHIRExtension(url: "by", valueReference: practitioner(cosigned.by, signedAs: cosigned.signedAs)),
                        FHIRExtension(url: "at", valueDateTime: instant(cosigned.at)),
                    ])
            ]
        }
        let format = note.format == .free ? "Note" : "\(note.format.title) note"
        let description = "\(format), \(session.kind.title.lowercased()) session of \(session.date) at \(session.startTime)"
        add(
            FHIRDocumentReference(
                id: Self.id("DocumentReference/\(name)"), extension: cosignature,
                identifier: [FHIRIdentifier(system: FHIRIdentity.System.note, value: name)],
                docStatus: note.addenda.isEmpty ? "final" : "amended", subject: patient, date: instant(signature.at),
                author: note.contributors.map { practitioner($0) },
                authenticator: practitioner(signature.by, signedAs: signature.signedAs), description: description,
                content: [
                    .init(
                        attachment: FHIRAttachment(
                            contentType: "text/plain; charset=utf-8", data: Data(noteText(note).utf8).base64EncodedString(),
                            title: description, creation: instant(signature.at)))
                ],
                context: .init(encounter: attended ? [Self.reference("Encounter/\(name)")] : nil, period: period)))
    }

    /// The participant's own support members among those present (a family session with several
    /// participants names each member as "P-0007/S1").
    private func ownSupportMembers(in session: Session) -> [SupportMember] {
        session.supportMembersPresent.compactMap { label in
            let parts = label.split(separator: "/", maxSplits: 1).map(String.init)
            let (owner, id) = parts.count == 2 ? (parts[0], parts[1]) : (participant.id.rawValue, label)
            guard owner == participant.id.rawValue else { return nil }
            return participant.supportMembers.first { $0.id == id }
        }
    }

    /// The signed note as a reader gets it: the group's narrative as it was signed, each written
    /// section under its title, then the addenda with their time and author.
    func noteText(_ note: Note) -> String {
        var parts: [String] = []
        if let narrative = note.signedSharedNarrative?.fhirText { parts.append("Group narrative\n\(narrative)") }
        for (section, text) in note.orderedSections where text.hasVisibleText {
            parts.append("\(section.title)\n\(text)")
        }
        for addendum in note.addenda {
            parts.append("Addendum, \(instant(addendum.at)), \(addendum.signedAs ?? addendum.by.rawValue)\n\(addendum.text)")
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}
