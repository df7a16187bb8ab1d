import CaseloadCore

/// One line of a form: what it asks, and the answer so far.
struct FormField<Key: Hashable & Sendable>: Sendable, Equatable {
    let key: Key
    let label: String
    /// A heading shown above this field, starting a part of the form (PHQ-9, GAD-7).
    var section: String?
    var value: FormValue
    /// What to type, shown under the form while this field has the focus.
    var help: String?

    init(_ key: Key, _ label: String, _ value: FormValue, section: String? = nil, help: String? = nil) {
        self.key = key
        self.label = label
        self.value = value
        self.section = section
        self.help = help
    }
}

/// The answer a field holds, and how keys change it.
enum FormValue: Sendable, Equatable {
    /// Free text; Enter moves on.
    case text(String)
    /// A date as YYYY-MM-DD; a suggested date is replaced by the first key typed.
    case date(String, suggested: Bool)
    /// One of a few choices: Left/Right, or the first letter of one.
    case choice([String], selected: Int?)
    /// A question answered `y` or `n`.
    case yesNo(Bool?)
    /// A whole number from 0 to `maximum`; below 10 one digit answers and moves on. `meanings`
    /// names each score (PHQ-9's "Several days"), when it has names.
    case score(Int?, maximum: Int, meanings: [String])
    /// Ticked or not: Space, `x`, `y` or `n`.
    case check(Bool)

    /// Why `typed` is not an answer here, or nil after taking it. `advance` says the field is
    /// answered and the focus should move on.
    mutating func type(_ typed: String) -> (refusal: String?, advance: Bool) {
        switch self {
        case .text(let text):
            self = .text(text + typed)
        case .date(let text, let suggested):
            self = .date((suggested ? "" : text) + typed, suggested: false)
        case .choice(let options, let selected):
            let letter = typed.lowercased()
            let start = (selected ?? -1) + 1
            let order = Array(options.indices[start...]) + Array(options.indices[..<start])
            guard let match = order.first(where: { options[$0].lowercased().hasPrefix(letter) }) else {
                return ("Choose with Left and Right, or type the first letter of " + Self.list(options), false)
            }
            self = .choice(options, selected: match)
        case .yesNo:
            switch typed.lowercased() {
            case "y": self = .yesNo(true)
            case "n": self = .yesNo(false)
            default: return ("Answer y for yes or n for no", false)
            }
            return (nil, true)
        case .score(let score, let maximum, let meanings):
            guard let digit = Int(typed), typed.count == 1 else {
                return ("Type a number from 0 to \(maximum)", false)
            }
            if maximum < 10 {
                guard digit <= maximum else { return ("Scored 0 to \(maximum): \(digit) is not a score here", false) }
                self = .score(digit, maximum: maximum, meanings: meanings)
                return (nil, true)
            }
            // Two digits for a score up to 10: "1" then "0" is ten; one that would go past the
            // maximum is refused rather than taken for a new answer.
            guard let first = score, first != 0 else {
                self = .score(digit, maximum: maximum, meanings: meanings)
                return (nil, false)
            }
            let joined = first * 10 + digit
            guard joined <= maximum else {
                return ("Scored 0 to \(maximum): \(joined) is not a score here; Backspace takes back \(first)", false)
            }
            self = .score(joined, maximum: maximum, meanings: meanings)
        case .check:
            switch typed.lowercased() {
            case " ", "x": if case .check(let on) = self { self = .check(!on) }
            case "y": self = .check(true)
            case "n": self = .check(false)
            default: return ("Space ticks or clears this box", false)
            }
        }
        return (nil, false)
    }

    /// Backspace: the last character, or the answer.
    mutating func deleteBackward() {
        switch self {
        case .text(let text): self = .text(String(text.dropLast()))
        case .date(let text, let suggested): self = .date(suggested ? "" : String(text.dropLast()), suggested: false)
        case .choice(let options, _): self = .choice(options, selected: nil)
        case .yesNo: self = .yesNo(nil)
        case .score(let score, let maximum, let meanings):
            self = .score(score.flatMap { $0 >= 10 ? $0 / 10 : nil }, maximum: maximum, meanings: meanings)
        case .check: self = .check(false)
        }
    }

    /// Ctrl-U: an empty answer.
    mutating func clear() {
        switch self {
        case .text: self = .text("")
        case .date: self = .date("", suggested: false)
        case .choice(let options, _): self = .choice(options, selected: nil)
        case .yesNo: self = .yesNo(nil)
        case .score(_, let maximum, let meanings): self = .score(nil, maximum: maximum, meanings: meanings)
        case .check: self = .check(false)
        }
    }

    /// Left and Right: the choice before or after.
    mutating func cycle(by step: Int) {
        switch self {
        case .choice(let options, let selected) where !options.isEmpty:
            let next = selected.map { ($0 + step + options.count) % options.count } ?? (step > 0 ? 0 : options.count - 1)
            self = .choice(options, selected: next)
        case .yesNo(let answer):
            self = .yesNo(!(answer ?? false))
        case .check(let on):
            self = .check(!on)
        default:
            break
        }
    }

    /// True for a field that takes a line of text, where Left and Right mean nothing.
    var isTyped: Bool {
        switch self {
        case .text, .date: true
        default: false
        }
    }

    private static func list(_ options: [String]) -> String {
        options.count <= 1 ? options.joined() : options.dropLast().joined(separator: ", ") + " or " + options.last!
    }
}
