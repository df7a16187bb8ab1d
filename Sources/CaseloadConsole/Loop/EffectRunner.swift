import CaseloadCore

/// Performs effects against a data source and reports back with the action that carries the
/// result. The only place the console touches data; update never does.
public struct EffectRunner: Sendable {
    public let source: any ConsoleDataSource

    public init(source: any ConsoleDataSource) { self.source = source }

    /// The action answering `effect`, or nil for effects the loop handles itself (`.quit`).
    public func run(_ effect: Effect, today: LocalDate) -> Action? {
        switch effect {
        case .loadParticipant(let id):
            do {
                return .participantLoaded(try source.loadParticipant(id, today: today))
            } catch {
                return .participantLoadFailed(id, error.description)
            }
        case .reloadCaseload:
            do {
                return .dataLoaded(try source.loadConsoleData(today: today))
            } catch {
                return .reloadFailed(error.description)
            }
        case .loadSession(let id):
            do {
                return .sessionLoaded(try source.loadSession(id))
            } catch {
                return .sessionLoadFailed(id, error.description)
            }
        case .loadWeek(let week):
            do {
                return .weekLoaded(week, try source.loadSessions(in: week))
            } catch {
                return .weekLoadFailed(week, error.description)
            }
        case .loadDischarged:
            do {
                return .dischargedLoaded(try source.loadDischarged(today: today))
            } catch {
                return .dischargedLoadFailed(error.description)
            }
        case .loadReport(let request):
            do {
                return .reportLoaded(request, try source.loadReport(request, today: today))
            } catch {
                return .reportLoadFailed(request, error.description)
            }
        case .quit, .interrupt, .write, .editExternally, .searchNotes:
            // The loop performs these itself: saves off the key loop, the outside editor on the terminal.
            return nil
        }
    }
}
