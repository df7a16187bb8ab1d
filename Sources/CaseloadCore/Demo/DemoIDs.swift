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
        let time = String(format: "%02d%02d", start.hour, start.minute)
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
        String(format: "%04d%02d%02d", date.year, date.month, date.day)
    }
}
