/// The open modal screens, bottom first; the last one takes the keys.
struct ModalStack: Sendable {
    private(set) var screens: [any ModalScreen] = []

    var top: (any ModalScreen)? { screens.last }
    var isEmpty: Bool { screens.isEmpty }
    var count: Int { screens.count }

    mutating func push(_ screen: any ModalScreen) { screens.append(screen) }

    mutating func popTop() { if !screens.isEmpty { screens.removeLast() } }

    mutating func removeAll() { screens.removeAll() }

    mutating func remove(at index: Int) { screens.remove(at: index) }

    mutating func insert(_ screen: any ModalScreen, at index: Int) { screens.insert(screen, at: index) }

    mutating func replace(at index: Int, with screen: any ModalScreen) { screens[index] = screen }

    /// Changes the screen at `index` (0 is the bottom) in place.
    mutating func update<Result>(at index: Int, _ change: (inout any ModalScreen) -> Result) -> Result {
        change(&screens[index])
    }

    /// The topmost open screen of type `T`.
    func first<T: ModalScreen>(_ type: T.Type) -> T? {
        screens.reversed().lazy.compactMap { $0 as? T }.first
    }
}

extension ModalStack: Equatable {
    static func == (lhs: ModalStack, rhs: ModalStack) -> Bool {
        lhs.screens.count == rhs.screens.count
            && zip(lhs.screens, rhs.screens).allSatisfy { $0.isEqual(to: $1) }
    }
}
