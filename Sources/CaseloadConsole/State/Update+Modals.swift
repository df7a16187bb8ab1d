import CaseloadCore

extension ConsoleState {
    /// Commands that the console runs itself even while a modal screen is on top.
    private static let shellCommands: Set<Command> = [.toggleHelp, .openPalette, .runCommand, .reload]

    /// True when `command` goes to the modal screen on top rather than to the console.
    func isModalCommand(_ command: Command) -> Bool {
        overlay == nil && !modals.isEmpty && !Self.shellCommands.contains(command)
    }

    /// Runs `command` on the top modal screen.
    mutating func runOnModal(_ command: Command) -> [Effect] {
        let index = modals.count - 1
        let context = self
        let step = modals.update(at: index) { $0.run(command, in: context) }
        return apply(step, at: index)
    }

    mutating func insertOnModal(_ text: String) -> [Effect] {
        let index = modals.count - 1
        let context = self
        let step = modals.update(at: index) { $0.insert(text, in: context) }
        return apply(step, at: index)
    }

    /// Tells every open modal screen, top first, about `event`.
    mutating func tellModals(_ event: ModalEvent) -> [Effect] {
        var effects: [Effect] = []
        for index in modals.screens.indices.reversed() where index < modals.count {
            let context = self
            let step = modals.update(at: index) { $0.receive(event, in: context) }
            effects += apply(step, at: index)
        }
        return effects
    }

    /// Opens `screen` on top of whatever is open.
    mutating func open(_ screen: any ModalScreen, effects: [Effect] = []) -> [Effect] {
        overlay = nil
        modals.push(screen)
        countWrites(effects)
        return effects
    }

    private mutating func apply(_ step: ModalStep, at index: Int) -> [Effect] {
        if let message = step.status { status = message }
        switch step.next {
        case .stay: break
        case .close: modals.remove(at: index)
        case .push(let screen): modals.insert(screen, at: index + 1)
        case .replace(let screen): modals.replace(at: index, with: screen)
        }
        countWrites(step.effects)
        return step.effects
    }

    /// Keeps count of saves on their way, so the status line can say so and quitting can wait.
    private mutating func countWrites(_ effects: [Effect]) {
        for case .write in effects { writesInFlight += 1 }
    }

    /// A save finished: its message goes to the status line (and stays there through the reload
    /// the save itself causes), and every open screen hears of it.
    mutating func finished(_ reply: WriteReply) -> [Effect] {
        writesInFlight = max(0, writesInFlight - 1)
        // An autosave that worked says nothing: it would hide what the user last read.
        if case .saveDraft = reply.request, case .saved = reply.result {} else {
            status = reply.status
            keepStatusOnReload = true
        }
        var saved = false
        if case .saved = reply.result { saved = reply.request.changesRecords }
        return tellModals(.written(reply)) + (saved ? [.reloadCaseload] : [])
    }
}
