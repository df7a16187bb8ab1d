import CaseloadCore
import TerminalKit

/// `:report`: the text `caseload report progress` or `caseload report program` prints, read-only
/// and scrollable. The words come from the core's `textBlocks`, the same the command line prints.
struct ReportScreen: ModalScreen, Equatable {
    let request: ReportRequest
    var load: Load = .loading
    var scroll = 0

    enum Load: Equatable {
        case loading
        case loaded(LoadedReport)
        case failed(String)
    }

    var keyMode: KeyMode { .reading }

    mutating func run(_ command: Command, in state: ConsoleState) -> ModalStep {
        if command == .back { return .close }
        if let movement = Movement(command) {
            let height = Self.textArea(state.size).height
            scroll = movement.target(from: scroll, count: lines(state).count - height + 1, height: height)
        }
        return ModalStep()
    }

    mutating func receive(_ event: ModalEvent, in state: ConsoleState) -> ModalStep {
        switch event {
        case .reportLoaded(let answered, let report) where answered == request:
            load = .loaded(report)
            return report.notice.map { .status(.error($0)) } ?? ModalStep()
        case .reportLoadFailed(let answered, let message) where answered == request:
            load = .failed(message)
            return .status(.error("Could not make the report: \(message)"))
        default:
            return ModalStep()
        }
    }

    /// Inside the border, two columns in from each side.
    static func textArea(_ size: Size) -> Rect { ConsoleLayout.shell(size).body.inset(horizontal: 2, vertical: 1) }

    /// Each block as the command line lays it out: tables and fields aligned by display width.
    func lines(_ state: ConsoleState) -> [[Span]] {
        switch load {
        case .loading: return [[Span("Reading the records for the report…", .muted)]]
        case .failed(let message): return [[Span(message, .error)]]
        case .loaded(let report): return Self.lines(report.blocks)
        }
    }

    static func lines(_ blocks: [ReportBlock]) -> [[Span]] {
        blocks.flatMap { block -> [[Span]] in
            switch block {
            case .line(let text):
                return [[Span(text, .value)]]
            case .table(let headers, let rows):
                guard !rows.isEmpty else { return [] }
                let aligned = TextColumns.align([headers] + rows)
                return [[Span(aligned[0], .label)]] + aligned.dropFirst().map { [Span($0, .value)] }
            case .fields(let fields):
                return TextColumns.fields(fields.map { (label: $0.label, value: $0.value) }).map { [Span($0, .value)] }
            }
        }
    }

    func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        let glyphs = state.session.glyphs
        screen.fill(rect)
        let title: String
        switch (load, request) {
        case (.loaded(let report), _): title = report.title
        case (_, .progress(let id)): title = "Progress report \(id)"
        case (_, .program(let week, _)): title = "Program report \(week)"
        }
        screen.box(rect, title: title, role: .borderFocused, titleRole: .titleFocused, glyphs: glyphs.frame)
        screen.put(lines(state), in: rect.inset(horizontal: 2, vertical: 1), scroll: scroll, ellipsis: glyphs.frame.ellipsis)
    }
}
