/// The program's weekly timetable. PHP runs a morning and an afternoon block every weekday
/// (25 hours against the 20 required), IOP meets Monday to Thursday evenings (12 hours against 9:
/// one missed evening is absorbed, two are not), and OP and aftercare share a Friday evening
/// continuing-care group. Individual and family sessions take hour slots that never overlap a
/// participant's groups.
enum DemoTimetable {
    struct GroupBlock {
        let start: LocalTime
        let minutes: Int
        let levels: [LevelOfCare]
        let weekdays: [Int]
        /// Spreads facilitation across counselors: on weekday w this block's first choice of
        /// facilitator is counselor w + rotation, so each counselor has a steady weekly pattern.
        let rotation: Int

        func overlaps(minute: Int, length: Int) -> Bool {
            minute < start.minutesSinceMidnight + minutes && start.minutesSinceMidnight < minute + length
        }
    }

    static let groups = [
        GroupBlock(start: LocalTime(hour: 9, minute: 0)!, minutes: 180, levels: [.php],
                   weekdays: [1, 2, 3, 4, 5], rotation: 0),
        GroupBlock(start: LocalTime(hour: 13, minute: 0)!, minutes: 120, levels: [.php],
                   weekdays: [1, 2, 3, 4, 5], rotation: 1),
        GroupBlock(start: LocalTime(hour: 18, minute: 0)!, minutes: 180, levels: [.iop],
                   weekdays: [1, 2, 3, 4], rotation: 2),
        GroupBlock(start: LocalTime(hour: 17, minute: 30)!, minutes: 90, levels: [.op, .aftercare],
                   weekdays: [5], rotation: 3),
    ]

    /// A group splits into parallel groups above this size.
    static let largestGroup = 12

    /// Start minutes of the hour slots for individual and family sessions.
    static let slots = [540, 600, 660, 780, 840, 900, 960, 1020]
    static let slotLength = 60

    static func blocks(on weekday: Int) -> [GroupBlock] {
        groups.filter { $0.weekdays.contains(weekday) }
    }
}
