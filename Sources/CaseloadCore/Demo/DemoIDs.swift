/// Record ids in the store's forms ("S-20261120-0900-k3x9qa", "C-20261120-k3x9qa"), with random
/// suffixes drawn from the demo's streams and redrawn on the rare clash within a day, so the bulk
/// writer never meets an id twice. Only one day's suffixes are remembered at a time.
struct DemoIDs {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")

    private var day: LocalDate?
    private var used: Set<String> = []

    mutating func session(on date: LocalDate, at start: LocalTime, random: inout DemoRandom)
        -> SessionID
    {
        let time = Self.digits(start.hour, 2) + Self.digits(start.minute, 2)
        return SessionID(unique("S-\(compact(date))-\(time)-", on: date, random: &random))
    }

    mutating func checkIn(on date: LocalDate, random: inout DemoRandom) -> CheckInID {
        CheckInID(unique("C-\(compact(date))-", on: date, random: &random))
    }

    private mutating func unique(_ prefix: String, on date: LocalDate, random: inout DemoRandom)
        -> String
    {
        if day != date {
            day = date
            used.removeAll(keepingCapacity: true)
        }
        while true {
            let id = prefix + String((0..<6).map { _ in Self.alphabet[random.int(0...31)] })
            if used.insert(id).inserted { return id }
        }
    }

    private func compact(_ date: LocalDate) -> String {
        Self.digits(date.year, 4) + Self.digits(date.month, 2) + Self.digits(date.day, 2)
    }

    /// `value` with leading zeros to `width` digits. Ids are built for hundreds of thousands of
    /// records, and `String(format:)` took a fifth of the generator's time.
    static func digits(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
