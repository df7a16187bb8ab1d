extension AttendanceRequest {
    /// The member as recorded in a session of `duration` minutes. Present means the whole
    /// session; late and left-early must say how long, because guessing the full length would
    /// overstate the service hours billed and reported; an absence takes no minutes.
    func member(inSessionOf duration: Int) throws(DomainError) -> SessionMember {
        if let minutes, minutes < 0 {
            throw .minutesOutOfRange(participant: participant, minutes: minutes, duration: duration)
        }
        let attended: Int
        switch status {
        case .present:
            if let minutes, minutes != duration {
                throw .presentMeansWholeSession(participant: participant, minutes: minutes, duration: duration)
            }
            attended = duration
        case .late, .leftEarly:
            guard let minutes else { throw .attendanceNeedsMinutes(participant: participant, status, duration: duration) }
            guard (1...duration).contains(minutes) else {
                throw .minutesOutOfRange(participant: participant, minutes: minutes, duration: duration)
            }
            attended = minutes
        case .excused, .unexcused:
            // Minutes beside an absence mean one of the two is wrong; storing zero would hide which.
            if let minutes { throw .absenceWithMinutes(participant: participant, status, minutes: minutes) }
            attended = 0
        }
        return SessionMember(participant: participant, attendance: Attendance(status: status, minutesAttended: attended))
    }
}
