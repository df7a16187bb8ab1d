/// The shapes of generated ids: "P-0001", "S-20261120-0900-k3x9qa", "C-20261120-k3x9qa".
enum RecordIDs {
    /// Lowercase base32: no 0/1/8/9 to confuse with letters, and safe in any file system.
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")

    /// "P-0042" for 42; more digits once the program passes 9999 participants.
    static func participant(number: Int) -> ParticipantID {
        let digits = String(number)
        return ParticipantID("P-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits)
    }

    /// 42 for "P-0042"; nil for anything else.
    static func participantNumber(_ id: String) -> Int? {
        guard id.hasPrefix("P-"), let number = Int(id.dropFirst(2)), number > 0 else { return nil }
        return number
    }

    /// "S-20261120-0900-" plus six random characters.
    static func session(on date: LocalDate, at time: LocalTime) -> SessionID {
        SessionID("S-\(compact(date))-\(String(format: "%02d%02d", time.hour, time.minute))-\(randomSuffix())")
    }

    /// "C-20261120-" plus six random characters.
    static func checkIn(on date: LocalDate) -> CheckInID {
        CheckInID("C-\(compact(date))-\(randomSuffix())")
    }

    /// The date written in a session id, which decides the session's week folder.
    static func date(inSessionID id: SessionID) -> LocalDate? {
        if let canonical = dateInCanonicalSessionID(id) { return canonical }
        let parts = id.rawValue.split(separator: "-")
        guard parts.count == 4, parts[0] == "S", parts[1].count == 8, let number = Int(parts[1]) else { return nil }
        return LocalDate(year: number / 10_000, month: number / 100 % 100, day: number % 100)
    }

    /// `date(inSessionID:)` for the ids Caseload makes, "S-" eight digits "-" time "-" suffix, read
    /// byte by byte (`check` asks it of every note file); nil for any other shape, which the split
    /// above then judges.
    private static func dateInCanonicalSessionID(_ id: SessionID) -> LocalDate? {
        var text = id.rawValue
        return text.withUTF8 { bytes -> LocalDate? in
            guard bytes.count > 13, bytes[0] == UInt8(ascii: "S"), bytes[1] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "-")
            else { return nil }
            var number = 0
            for byte in bytes[2..<10] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
            }
            // Two more non-empty parts with one "-" between them.
            let rest = UnsafeBufferPointer(rebasing: bytes[11...])
            guard let dash = rest.firstIndex(of: UInt8(ascii: "-")), dash > 0, dash < rest.count - 1,
                !rest[(dash + 1)...].contains(UInt8(ascii: "-"))
            else { return nil }
            return LocalDate(year: number / 10_000, month: number / 100 % 100, day: number % 100)
        }
    }

    private static func compact(_ date: LocalDate) -> String {
        String(format: "%04d%02d%02d", date.year, date.month, date.day)
    }

    private static func randomSuffix() -> String {
        String((0..<6).map { _ in alphabet.randomElement()! })
    }
}
