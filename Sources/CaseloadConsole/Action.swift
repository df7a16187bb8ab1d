import CaseloadCore
import Foundation
import TerminalKit

/// Everything that can change the console: key commands, typed text, and the results of effects.
public enum Action: Sendable, Equatable {
    case command(Command)
    /// Text typed or pasted into the filter or the palette.
    case insertText(String)
    /// A key with no binding in the current mode; the status line says so.
    case unboundKey(Key)
    case resized(Size)
    case dataLoaded(ConsoleData)
    case reloadFailed(String)
    case participantLoaded(ParticipantDetail)
    case participantLoadFailed(ParticipantID, String)
    /// Something the user should know that happened outside the console, such as a theme file
    /// that could not be used; shown in the status line.
    case notice(String)
    /// Another session saved to the caseload; reload what is on screen.
    case caseloadChanged
    /// Time passed; a new day rebuilds Today and reloads.
    case clock(now: Date, today: LocalDate)
    /// A save asked for with `Effect.write` finished.
    case written(WriteReply)
    case sessionLoaded(Session)
    case sessionLoadFailed(SessionID, String)
    /// The sessions of a week other than this one, for the Sessions screen.
    case weekLoaded(ISOWeek, [Session])
    case weekLoadFailed(ISOWeek, String)
    /// The outside editor handed the text back, or could not run.
    case externalEditFinished(ExternalEditResult)
    /// Typing paused for a moment, or went on a while: save what is unsaved as a draft.
    case autosaveDue
    case notesFound(NoteSearchQuery, NotesFound)
    /// The discharged participants, for the roster's discharged list.
    case dischargedLoaded([RosterEntry])
    case dischargedLoadFailed(String)
    case reportLoaded(ReportRequest, LoadedReport)
    case reportLoadFailed(ReportRequest, String)
}

/// What update asks the outside world to do; `EffectRunner` performs it and answers with actions.
public enum Effect: Sendable, Equatable {
    case loadParticipant(ParticipantID)
    /// Reload program, staff, roster and recent sessions.
    case reloadCaseload
    case loadSession(SessionID)
    case loadWeek(ISOWeek)
    case loadDischarged
    case loadReport(ReportRequest)
    /// Perform a change through the core, off the key loop; answered with `.written`.
    case write(WriteRequest)
    /// Hand `text` to `$VISUAL` or `$EDITOR`; answered with `.externalEditFinished`.
    case editExternally(String)
    /// Find text in notes; answered with `.notesFound`.
    case searchNotes(NoteSearchQuery)
    case quit
    /// Ctrl-C where nothing would be lost: leave as the interrupt signal would, with its status.
    case interrupt
}

/// What came back from `$VISUAL` or `$EDITOR`.
public enum ExternalEditResult: Sendable, Equatable {
    case edited(String)
    case failed(String)
}
