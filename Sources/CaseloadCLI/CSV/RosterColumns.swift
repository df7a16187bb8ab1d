import CaseloadCore

/// Which column of a roster holds which field. Headers are matched by their letters and digits
/// alone, so "First Name", "first_name" and "FIRST-NAME" are one column, and a few other names
/// spreadsheets commonly use are understood too (README lists them).
struct RosterColumns {
    /// Column index by field.
    let fields: [ParticipantField: Int]
    /// A single "Last, First" name column, used when there are no first- and last-name columns.
    let name: Int?
    /// The header as the file writes it, by column index.
    let headers: [String]
    /// Columns that match no field: left out of the import, and said so.
    let ignored: [String]

    enum Failure: Error, Equatable, CustomStringConvertible {
        case missing(ParticipantField, accepted: [String])
        case missingName
        case twice(String, String)

        var description: String {
            switch self {
            case .missing(let field, let accepted):
                "The file has no column for \(RosterColumns.title(field).lowercased()); name one \(accepted.joined(separator: ", ")) "
                    + "(any capitals, spaces or underscores)."
            case .missingName:
                "The file has no name columns; give first_name and last_name columns, or one name column written "
                    + "\"Last, First\"."
            case .twice(let first, let second):
                "The columns \"\(first)\" and \"\(second)\" hold the same field; keep one of them."
            }
        }
    }

    /// Header spellings by field, folded; the first is the one `export --format csv` writes.
    static let synonyms: [(ParticipantField, [String])] = [
        (.id, ["id", "participant id", "client id"]),
        (.firstName, ["first_name", "first", "given name", "forename"]),
        (.lastName, ["last_name", "last", "surname", "family name"]),
        (.preferredName, ["preferred_name", "preferred", "nickname", "goes by"]),
        (.pronouns, ["pronouns"]),
        (.dateOfBirth, ["date_of_birth", "dob", "birth date", "birthdate", "birthday"]),
        (.phone, ["phone", "phone number", "telephone", "mobile", "cell"]),
        (.admissionDate, ["admission_date", "admission", "admitted", "admit date", "date of admission", "intake date"]),
        (.referralSource, ["referral_source", "referral", "referred by"]),
        (.track, ["track", "program track"]),
        (.primaryCounselor, ["primary_counselor", "counselor", "counsellor", "primary counsellor", "clinician", "therapist"]),
        (.status, ["status"]),
        (.levelOfCare, ["level_of_care", "level", "loc", "care level"]),
        (.diagnoses, ["diagnoses", "diagnosis", "dx"]),
        (.dischargeDate, ["discharge_date", "discharged", "date of discharge"]),
        (.dischargeType, ["discharge_type", "discharge reason"]),
    ]

    static let nameSynonyms = ["name", "full name", "participant name", "client name"]

    static let required: [ParticipantField] = [.dateOfBirth, .admissionDate, .levelOfCare, .track]

    init(header: [String]) throws(Failure) {
        var fields: [ParticipantField: Int] = [:]
        var name: Int?
        var ignored: [String] = []
        for (index, text) in header.enumerated() {
            let key = text.foldedLetters
            if let field = Self.synonyms.first(where: { $0.1.contains { $0.foldedLetters == key } })?.0 {
                if let other = fields[field] { throw .twice(header[other], text) }
                fields[field] = index
            } else if Self.nameSynonyms.contains(where: { $0.foldedLetters == key }) {
                if let other = name { throw .twice(header[other], text) }
                name = index
            } else if !key.isEmpty {
                ignored.append(text)
            }
        }
        let hasNames = fields[.firstName] != nil && fields[.lastName] != nil
        guard hasNames || name != nil else {
            if fields[.firstName] == nil, fields[.lastName] == nil { throw .missingName }
            let field: ParticipantField = fields[.firstName] == nil ? .firstName : .lastName
            throw .missing(field, accepted: Self.accepted(field))
        }
        for field in Self.required where fields[field] == nil {
            throw .missing(field, accepted: Self.accepted(field))
        }
        self.fields = fields
        self.name = hasNames ? nil : name
        self.headers = header
        self.ignored = ignored
    }

    /// "date_of_birth (column C)": how a problem points at a cell.
    func place(of field: ParticipantField?) -> String? {
        guard let index = field.flatMap({ fields[$0] }) ?? (field == .firstName || field == .lastName ? name : nil) else {
            return nil
        }
        return "\(headers[index]) (column \(Self.letters(index)))"
    }

    /// A spreadsheet's column letters: A…Z, AA…
    static func letters(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let digit = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    private static func accepted(_ field: ParticipantField) -> [String] {
        synonyms.first { $0.0 == field }!.1
    }

    /// The field as a clinician would name it at the start of a sentence.
    static func title(_ field: ParticipantField) -> String {
        switch field {
        case .id: "The participant id"
        case .firstName: "The first name"
        case .lastName: "The last name"
        case .preferredName: "The preferred name"
        case .pronouns: "The pronouns"
        case .dateOfBirth: "The date of birth"
        case .phone: "The phone number"
        case .admissionDate: "The admission date"
        case .referralSource: "The referral source"
        case .track: "The track"
        case .primaryCounselor: "The primary counselor"
        case .status: "The status"
        case .levelOfCare: "The level of care"
        case .diagnoses: "The diagnoses"
        case .dischargeDate: "The discharge date"
        case .dischargeType: "The discharge type"
        }
    }
}
