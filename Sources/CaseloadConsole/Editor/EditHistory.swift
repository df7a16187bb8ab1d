/// One change to a text: what stood from `start` to `removedEnd` was replaced by `inserted`,
/// which ends at `insertedEnd`. Enough to undo it and make it again.
struct Edit: Sendable, Equatable {
    var start: TextPosition
    var removed: String
    var removedEnd: TextPosition
    var inserted: String
    var insertedEnd: TextPosition
    var cursorBefore: TextPosition
    var cursorAfter: TextPosition
}

/// What kind of change an edit was, for running keystrokes together into one undo step.
enum EditKind: Sendable, Equatable {
    /// Characters typed one after another.
    case typing
    /// Backspace or a word deleted backwards, repeated.
    case deletingBackward
    /// Delete or a word deleted forwards, repeated.
    case deletingForward
    /// A paste, a line break, a text replaced from outside: always a step of its own.
    case other
}

/// Undo and redo for a note: each step holds the edits one command made, by section. Typing,
/// deleting backwards and deleting forwards run together until the cursor moves or another kind
/// of change comes, so Ctrl-Z takes back a run of typing, not one letter.
struct EditHistory: Sendable, Equatable {
    struct Step: Sendable, Equatable {
        var edits: [(section: Int, edit: Edit)]
        var kind: EditKind

        static func == (lhs: Step, rhs: Step) -> Bool {
            lhs.kind == rhs.kind && lhs.edits.elementsEqual(rhs.edits) { $0.section == $1.section && $0.edit == $1.edit }
        }
    }

    private(set) var undoSteps: [Step] = []
    private(set) var redoSteps: [Step] = []
    /// Whether the newest step may still absorb the next edit of its kind.
    private var isOpen = false

    mutating func record(_ edits: [(section: Int, edit: Edit)], kind: EditKind) {
        guard !edits.isEmpty else { return }
        redoSteps.removeAll()
        if isOpen, edits.count == 1, var last = undoSteps.last, last.kind == kind, last.edits.count == 1,
           last.edits[0].section == edits[0].section,
           let merged = Self.merge(last.edits[0].edit, edits[0].edit, kind: kind) {
            last.edits[0].edit = merged
            undoSteps[undoSteps.count - 1] = last
        } else {
            undoSteps.append(Step(edits: edits, kind: kind))
        }
        isOpen = kind != .other
    }

    /// The cursor moved or the focus changed: the next edit starts a new step.
    mutating func close() { isOpen = false }

    mutating func takeUndo() -> Step? {
        isOpen = false
        guard let step = undoSteps.popLast() else { return nil }
        redoSteps.append(step)
        return step
    }

    mutating func takeRedo() -> Step? {
        isOpen = false
        guard let step = redoSteps.popLast() else { return nil }
        undoSteps.append(step)
        return step
    }

    /// `next` folded into `previous` when it continues it: typing right where the last typing
    /// ended, Backspace right before what was last deleted, Delete at the same place again.
    private static func merge(_ previous: Edit, _ next: Edit, kind: EditKind) -> Edit? {
        switch kind {
        case .typing:
            guard previous.removed.isEmpty, next.removed.isEmpty, next.start == previous.insertedEnd,
                  !next.inserted.contains("\n") else { return nil }
            var merged = previous
            merged.inserted += next.inserted
            merged.insertedEnd = next.insertedEnd
            merged.cursorAfter = next.cursorAfter
            return merged
        case .deletingBackward:
            guard previous.inserted.isEmpty, next.inserted.isEmpty, next.removedEnd == previous.start else { return nil }
            var merged = previous
            merged.start = next.start
            merged.removed = next.removed + previous.removed
            merged.insertedEnd = next.start
            merged.cursorAfter = next.cursorAfter
            return merged
        case .deletingForward:
            guard previous.inserted.isEmpty, next.inserted.isEmpty, next.start == previous.start else { return nil }
            var merged = previous
            merged.removed += next.removed
            merged.removedEnd = previous.start.advanced(by: merged.removed)
            merged.cursorAfter = next.cursorAfter
            return merged
        case .other:
            return nil
        }
    }
}
