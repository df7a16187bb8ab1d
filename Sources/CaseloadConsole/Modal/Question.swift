import TerminalKit

/// A question over the screen beneath: `y` goes ahead with `effects`, `n` or Esc leaves it.
struct Question: ModalScreen, Equatable {
    var text: String
    /// What `y` asks for, usually one save.
    var effects: [Effect]
    /// Said when the answer is no.
    var declined: String

    init(_ text: String, effects: [Effect], declined: String = "Nothing was changed") {
        self.text = text
        self.effects = effects
        self.declined = declined
    }

    var keyMode: KeyMode { .question }
    var isOverlay: Bool { true }

    mutating func run(_ command: Command, in state: ConsoleState) -> ModalStep {
        switch command {
        case .confirm: ModalStep(effects: effects, status: .info("Saving…"), next: .close)
        case .decline, .back: ModalStep(status: .info(declined), next: .close)
        default: ModalStep()
        }
    }

    func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        let lines = Wrap.lines(text + "  y yes, n no", width: max(10, min(rect.width - 8, 70)))
        let width = min(rect.width - 2, (lines.map(DisplayWidth.of).max() ?? 0) + 4)
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.bottom - lines.count - 3,
                       width: width, height: lines.count + 2)
        screen.fill(box, role: .overlay)
        screen.box(box, title: "Confirm", role: .overlayBorder, titleRole: .titleFocused,
                   glyphs: state.session.glyphs.frame)
        for (offset, line) in lines.enumerated() {
            screen.put(line, x: box.x + 2, y: box.y + 1 + offset, role: .value, maxWidth: box.width - 4)
        }
    }
}
