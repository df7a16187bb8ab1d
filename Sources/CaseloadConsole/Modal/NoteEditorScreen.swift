import CaseloadCore
import Foundation
import TerminalKit

/// The note editor on its screen: one member's note, a group's shared narrative, or an addendum
/// to a signed note. The text is kept as the writer's draft a moment after typing stops; leaving
/// writes it to the note (unsigned) or the narrative, and an addendum stays a draft until added.
/// `Ctrl-S` signs the note (or saves the narrative, or adds the addendum) after a `y`; `Ctrl-E`
/// hands the text to the user's own editor. Every rule is the core's: a refusal is shown in
/// place and the text stays, in the editor and in the draft.
struct NoteEditorScreen: ModalScreen, Equatable {
    let sessionID: SessionID
    let target: EditTarget
    var session: Session
    var format: NoteFormat
    var editor: NoteEditor
    /// The version of the note or narrative the text was started from; a save refuses when
    /// someone else has saved since.
    var startedFrom: EditBase
    /// Someone else saved first: their text, shown beside the user's until they choose.
    var conflict: EditConflict?
    /// The draft save on its way: the text it carries and the editor's revision then.
    var savingDraft: SentText?
    /// Leaving waits for this save before closing.
    var closingAfter: WriteRequest?
    /// The editor's revision when leaving was refused: leaving again with nothing changed closes,
    /// the text staying in the draft.
    var refusedAt: Int?
    /// The editor's revision when even the draft could not be saved while leaving.
    var draftRefusedAt: Int?
    /// A member's note: the plan objectives it addressed, as chosen with Ctrl-O; they are saved
    /// with the note and kept in the draft.
    var links: [String]
    /// The links as the draft last saved them (or as the note or draft held them on opening).
    var savedLinks: [String]
    /// The plan of the stay the session fell in, once the participant is loaded.
    var plan: TreatmentPlan?
    /// Ctrl-O's list of objectives, while it is open.
    var checklist: ObjectiveChecklist?
    /// Ctrl-O was pressed before the plan was loaded: the list opens when it comes.
    var awaitingPlan = false

    struct SentText: Sendable, Equatable {
        var text: [String: String]
        var revision: Int
        var links: [String]
    }

    /// Opens `target` of `session`: the user's draft when they kept one, else the text it has now.
    init(_ target: EditTarget, of session: Session, state: ConsoleState) {
        self.sessionID = session.id
        self.target = target
        self.session = session
        let viewport = NoteEditorView.viewport(for: Self.editorArea(state.size))
        let draft = state.data.draft(in: session.id, target)
        startedFrom = draft?.startedFrom ?? session.editBase(of: target)
        links = []
        switch target {
        case .note(let participant):
            let note = session.member(participant)?.note
            links = draft?.objectives ?? note?.objectives ?? []
            plan = state.loadedDetail(of: participant)?.participant.plan(on: session.date)
            var sections = note?.sections ?? [:]
            format = note?.format ?? Self.usualFormat(in: session)
            if case .sections(let draftFormat, let draftSections) = draft?.text {
                format = draftFormat
                sections = draftSections
            }
            editor = NoteEditor(format: format, text: sections, viewport: viewport)
        case .narrative:
            format = .free
            editor = NoteEditor(sections: [Self.narrativeSection],
                                text: ["narrative": draft?.text.single ?? session.sharedNarrative ?? ""], viewport: viewport)
        case .addendum:
            format = .free
            editor = NoteEditor(sections: [Self.addendumSection], text: ["addendum": draft?.text.single ?? ""],
                                viewport: viewport)
        }
        savedLinks = links
    }

    /// A new note takes the format most of the session's notes have, DAP when none has one.
    static func usualFormat(in session: Session) -> NoteFormat {
        let counts = Dictionary(session.members.compactMap(\.note?.format).map { ($0, 1) }, uniquingKeysWith: +)
        return NoteFormat.allCases.filter { counts[$0] != nil }.max { counts[$0]! < counts[$1]! } ?? .dap
    }

    static let narrativeSection = NoteEditor.Section(key: "narrative", title: "Shared narrative")
    static let addendumSection = NoteEditor.Section(key: "addendum", title: "Addendum")

    /// Where the editor's text goes: inside the frame, under the line about the session.
    static func editorArea(_ size: Size) -> Rect {
        let body = ConsoleLayout.shell(size).body
        return Rect(x: body.x + 2, y: body.y + 3, width: max(1, body.width - 4), height: max(1, body.height - 4))
    }

    var keyMode: KeyMode { conflict != nil ? .conflict : checklist != nil ? .checklist : .editor }
    var hasUnsavedText: Bool { editor.hasUnsavedChanges || links != savedLinks }

    /// The links the note holds in the record.
    private var storedLinks: [String] {
        guard case .note(let participant) = target else { return [] }
        return session.member(participant)?.note?.objectives ?? []
    }

    /// The links to send with the note: nil when they are the record's, so a note whose links
    /// did not change is written without reading the participant's plan.
    private var changedLinks: [String]? { links == storedLinks ? nil : links }

    /// The text as the editor holds it, in the shape a draft keeps.
    private var written: WrittenText {
        switch target {
        case .note: .sections(format, editor.text)
        case .narrative: .text(editor.text["narrative"] ?? "")
        case .addendum: .text(editor.text["addendum"] ?? "")
        }
    }

    /// The text the record holds now.
    private var storedText: [String: String] {
        switch target {
        case .note(let participant):
            let sections = session.member(participant)?.note?.sections ?? [:]
            return Dictionary(uniqueKeysWithValues: editor.sections.map { ($0.key, sections[$0.key] ?? "") })
        case .narrative: return ["narrative": session.sharedNarrative ?? ""]
        case .addendum: return ["addendum": ""]
        }
    }

    // MARK: Keys

    mutating func run(_ command: Command, in state: ConsoleState) -> ModalStep {
        editor.setViewport(NoteEditorView.viewport(for: Self.editorArea(state.size)))
        if conflict != nil { return resolve(command) }
        if checklist != nil { return tick(command) }
        if let edit = command.editorCommand {
            editor.apply(edit)
            return ModalStep()
        }
        switch command {
        case .back: return leave()
        case .signNote: return askToFinish(state)
        case .editOutside: return ModalStep(effects: [.editExternally(OutsideText.text(of: editor))])
        case .changeFormat: return changeFormat()
        case .linkObjectives: return openChecklist(state)
        default: return ModalStep()
        }
    }

    mutating func insert(_ text: String, in state: ConsoleState) -> ModalStep {
        guard conflict == nil else { return .status(.error("Choose first: m keeps yours, t takes theirs, e merges")) }
        editor.setViewport(NoteEditorView.viewport(for: Self.editorArea(state.size)))
        editor.apply(text.count > 1 ? .paste(text) : .type(text))
        return ModalStep()
    }

    func whyUnavailable(_ command: Command, in state: ConsoleState) -> String? {
        switch command {
        case .changeFormat:
            guard case .note = target else { return "Only a member's note has a format" }
            return editor.text.values.contains(where: \.hasVisibleText)
                ? "The format can be changed only before anything is written" : nil
        case .signNote where closingAfter != nil:
            return "Saving…"
        case .linkObjectives:
            guard case .note = target else { return "Only a member's note is linked to plan objectives" }
            return awaitingPlan ? "Loading the plan…" : nil
        default:
            return nil
        }
    }

    /// Esc: the text goes to the note (unsigned) or the narrative, with the draft saved first so
    /// nothing is lost if the core refuses; the editor closes once the save is answered. An
    /// addendum is kept as a draft until it is added whole.
    private mutating func leave() -> ModalStep {
        if refusedAt == editor.revision {
            let kept = draftRefusedAt == editor.revision ? "Closed; the text was not saved" : "Closed; your text is kept as your draft"
            return ModalStep(status: .error(kept), next: .close)
        }
        var effects: [Effect] = []
        var last: WriteRequest?
        if hasUnsavedText {
            last = draftSave()
            effects.append(.write(last!))
        }
        if let save = recordSave(), editor.text != storedText || links != storedLinks, refusedAt != editor.revision {
            last = save
            effects.append(.write(save))
        }
        guard let last else {
            let kept = refusedAt == nil ? "Closed; nothing new to save" : "Closed; your text is kept as your draft"
            return ModalStep(status: .info(kept), next: .close)
        }
        closingAfter = last
        return ModalStep(effects: effects, status: .info("Saving…"))
    }

    /// The save that puts the text in the record, unsigned; nil for an addendum.
    private func recordSave() -> WriteRequest? {
        switch target {
        case .note(let participant):
            .writeNote(NoteTarget(session: sessionID, participant: participant), format: format,
                       sections: editor.text, objectives: changedLinks, startedFrom: startedFrom)
        case .narrative:
            .writeNarrative(sessionID, text: editor.text["narrative"] ?? "", startedFrom: startedFrom)
        case .addendum:
            nil
        }
    }

    private mutating func draftSave() -> WriteRequest {
        savingDraft = SentText(text: editor.text, revision: editor.revision, links: links)
        return .saveDraft(sessionID, target: target, text: written, objectives: draftLinks, startedFrom: startedFrom)
    }

    /// A note's draft keeps its links; a narrative's or an addendum's has none.
    private var draftLinks: [String]? {
        guard case .note = target else { return nil }
        return links
    }

    /// Ctrl-S: sign the note, save the narrative for the group, or add the addendum; each asks first.
    private mutating func askToFinish(_ state: ConsoleState) -> ModalStep {
        let signer = state.session.staff.signatureLine
        switch target {
        case .note(let participant):
            let note = NoteTarget(session: sessionID, participant: participant)
            let request: WriteRequest = editor.text == storedText && links == storedLinks
                && startedFrom == session.editBase(of: target)
                ? .signNote(note, acknowledgingNames: false)
                : .writeAndSignNote(note, format: format, sections: editor.text, objectives: changedLinks,
                                    startedFrom: startedFrom)
            let group = session.kind == .group ? " with the group's narrative as it stands" : ""
            return .push(Question(
                "Sign \(ParticipantTabs.participantInSentence(participant, state))'s note\(group) as \(signer)? "
                    + "A signed note cannot be changed; corrections are addenda.",
                effects: [.write(request)]))
        case .narrative:
            return .push(Question(
                "Save the shared narrative for every member's note? Notes already signed keep the narrative they were signed with.",
                effects: [.write(.writeNarrative(sessionID, text: editor.text["narrative"] ?? "", startedFrom: startedFrom))]))
        case .addendum(let participant):
            let note = NoteTarget(session: sessionID, participant: participant)
            return .push(Question("Add this addendum as \(signer), dated now? It cannot be changed afterwards.",
                                  effects: [.write(.addAddendum(note, text: editor.text["addendum"] ?? ""))]))
        }
    }

    private mutating func changeFormat() -> ModalStep {
        let formats = NoteFormat.allCases
        format = formats[((formats.firstIndex(of: format) ?? 0) + 1) % formats.count]
        editor = NoteEditor(format: format, text: [:], viewport: editor.viewport)
        return .status(.info("Format: \(format.title)"))
    }

    // MARK: Linking objectives

    /// Ctrl-O: the checklist of the plan's current objectives, once the plan is here.
    private mutating func openChecklist(_ state: ConsoleState) -> ModalStep {
        guard case .note(let participant) = target else { return ModalStep() }
        guard let plan else {
            awaitingPlan = true
            return ModalStep(effects: [.loadParticipant(participant)], status: .info("Loading the plan…"))
        }
        let list = ObjectiveChecklist(plan: plan, linked: links)
        guard !list.options.isEmpty else {
            return .status(.error(plan.objectives.isEmpty
                ? "The plan has no objectives yet; add them on the Plan tab (a)"
                : "Every objective of the plan is met, revised or discontinued; set one in progress on the Plan tab (s)"))
        }
        checklist = list
        return .status(.info("Space ticks an objective this session addressed; Enter keeps them"))
    }

    /// Keys while the checklist is open.
    private mutating func tick(_ command: Command) -> ModalStep {
        guard var list = checklist else { return ModalStep() }
        switch command {
        case .moveDown: list.move(by: 1)
        case .moveUp: list.move(by: -1)
        case .toggleChoice: list.toggle()
        case .keepChoices:
            links = list.links
            checklist = nil
            return .status(.info(links.isEmpty ? "Linked to no objective"
                                 : "Linked to \(Format.count(links.count, "objective")); saved with the note"))
        case .back:
            checklist = nil
            return .status(.info("Links unchanged"))
        default:
            return ModalStep()
        }
        checklist = list
        return ModalStep()
    }

    // MARK: A conflict

    /// m keeps the user's text over the other, t takes the other, e puts both in the editor to
    /// merge by hand; each starts again from the version now stored.
    private mutating func resolve(_ command: Command) -> ModalStep {
        guard let conflict else { return ModalStep() }
        switch command {
        case .keepMine:
            startedFrom = conflict.current
            self.conflict = nil
            return .status(.info("Yours is kept; Ctrl-S signs it over the other version, Esc keeps it as a draft"))
        case .keepTheirs:
            startedFrom = conflict.current
            editor.replaceText(conflict.stored.sections(keys: editor.sections.map(\.key)))
            self.conflict = nil
            return ModalStep(effects: [.write(.discardDraft(sessionID, target: target))],
                             status: .info("Their version is in the editor; yours is discarded"))
        case .mergeByHand:
            startedFrom = conflict.current
            let theirs = conflict.stored.sections(keys: editor.sections.map(\.key))
            var merged = editor.text
            for (key, text) in theirs where text != merged[key] {
                let mine = merged[key] ?? ""
                merged[key] = mine.isEmpty ? text : text.isEmpty ? mine : mine + "\n\n" + text
            }
            editor.replaceText(merged)
            self.conflict = nil
            return .status(.info("Both versions are in the editor, yours first; edit them into one"))
        case .back:
            return .status(.error("Choose first: m keeps yours, t takes theirs, e merges; nothing is lost either way"))
        default:
            return ModalStep()
        }
    }

    // MARK: Answers

    mutating func receive(_ event: ModalEvent, in state: ConsoleState) -> ModalStep {
        switch event {
        case .written(let reply) where reply.request.session == sessionID:
            return answered(reply, state)
        case .sessionLoaded(let loaded) where loaded.id == sessionID:
            session = loaded
            // A write that went through before a refusal (signing held back by a name, say): the
            // stored text is the editor's, so the next save starts from it.
            if editor.text == storedText { startedFrom = loaded.editBase(of: target) }
            return ModalStep()
        case .externalEditFinished(.edited(let text)):
            editor.replaceText(OutsideText.sections(from: text, of: editor))
            return .status(.info("Text taken back from your editor"))
        case .externalEditFinished(.failed(let reason)):
            return .status(.error(reason))
        case .participantLoaded(let detail):
            guard case .note(let participant) = target, detail.participant.id == participant else { return ModalStep() }
            plan = detail.participant.plan(on: session.date)
            guard awaitingPlan else { return ModalStep() }
            awaitingPlan = false
            return openChecklist(state)
        case .autosaveDue where hasUnsavedText && savingDraft == nil && conflict == nil:
            return ModalStep(effects: [.write(draftSave())])
        default:
            return ModalStep()
        }
    }

    private mutating func answered(_ reply: WriteReply, _ state: ConsoleState) -> ModalStep {
        if let saved = reply.savedSession { session = saved }
        if case .saveDraft = reply.request {
            defer { savingDraft = nil }
            if case .saved = reply.result, let sent = savingDraft {
                editor.markSaved(sent.text, atRevision: sent.revision)
                savedLinks = sent.links
                return reply.request == closingAfter ? .close : ModalStep()
            }
            if closingAfter != nil { draftRefusedAt = editor.revision }
            return ModalStep()
        }
        let leaving = reply.request == closingAfter
        switch reply.result {
        case .saved:
            switch reply.request {
            case .signNote, .writeAndSignNote, .addAddendum:
                return .close
            case .writeNote, .writeNarrative:
                // Sent on leaving, or by Ctrl-S for the narrative: either way the editor is done.
                return .close
            default:
                return ModalStep()
            }
        case .conflict(let found):
            conflict = found
            closingAfter = nil
            return ModalStep()
        case .namesOtherMembers(let others, _):
            guard case .note(let participant) = target else { return ModalStep() }
            let names = others.map { ParticipantTabs.participantInSentence($0, state) }.joined(separator: ", ")
            return ModalStep(effects: [.loadSession(sessionID)], next: .push(Question(
                "This entry names \(names), another member of the group, and a participant may read their own "
                    + "note. Sign it with the name in it?",
                effects: [.write(.signNote(NoteTarget(session: sessionID, participant: participant),
                                           acknowledgingNames: true))],
                declined: "Not signed; take the name out, then Ctrl-S again")))
        case .refused(let reason), .failed(let reason):
            // The text stays in the editor and the draft; the reason is on the status line. A
            // write may have gone through before the refusal, so the session is read again.
            guard leaving else { return ModalStep(effects: [.loadSession(sessionID)]) }
            closingAfter = nil
            refusedAt = editor.revision
            let kept = draftRefusedAt == editor.revision
                ? "Not even a draft could be saved; Ctrl-E copies the text to your own editor, Esc again closes without it."
                : "Your text is kept as your draft; Esc again leaves it there."
            return ModalStep(effects: [.loadSession(sessionID)], status: .error("\(reason) \(kept)"))
        }
    }

    // MARK: Drawing

    func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        NoteEditorScreenView.draw(self, state, in: rect, into: &screen)
    }
}

extension WrittenText {
    /// A narrative's or addendum's one text.
    var single: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The text by section key, for an editor with `keys`.
    func sections(keys: [String]) -> [String: String] {
        switch self {
        case .sections(_, let sections): sections
        case .text(let text): keys.first.map { [$0: text] } ?? [:]
        }
    }
}
