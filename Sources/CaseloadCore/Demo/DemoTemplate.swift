/// A sentence with slots such as "{name} practiced {skill}.", parsed once so filling the hundreds
/// of thousands of notes of a long demo is plain concatenation.
struct DemoTemplate: ExpressibleByStringLiteral, Sendable {
    private enum Part: Sendable {
        case text(String)
        case slot(DemoSlot)
    }

    private let parts: [Part]

    init(stringLiteral text: String) {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            let close = rest[open...].firstIndex(of: "}")!
            let name = String(rest[rest.index(after: open)..<close])
            // Templates are constants in this folder; a misspelled slot is a bug the tests catch.
            guard let slot = DemoSlot(rawValue: name) else { preconditionFailure("unknown slot {\(name)}") }
            parts.append(.slot(slot))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    func fill(_ value: (DemoSlot) -> String) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .slot(let slot): result += value(slot)
            }
        }
        return result
    }
}

/// The words a template can ask for.
enum DemoSlot: String, Sendable {
    /// The name staff call the participant by.
    case name
    case topic
    case skill
    case trigger
    case affect
    case substance
    case minutes
    /// Family sessions: the support people present, as "Ana (sister)".
    case support
    case weeks
    case levels
    case phqStart
    case phqEnd
    case absences
    case objectives
    case objectivesMet
    /// Absent members: the kind of absence and the reason given.
    case absence
}
