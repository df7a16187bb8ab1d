import Foundation

/// The program's staff: enough counselors for the busiest week (each carries about a dozen
/// participants), one supervisor, a second past six counselors, and an administrator.
struct DemoStaff {
    /// A counselor carries at most this many participants; it sets how many counselors a demo needs.
    static let caseloadLimit = 12

    private static let counselorPool: [(name: String, login: String, credentials: String)] = [
        ("Maria García", "mgarcia", "LCSW"), ("Darnell Washington", "dwashington", "LPC, LCDC"),
        ("Mei-Ling Chen", "mchen", "LMFT"), ("Tomás Herrera", "therrera", "CADC"),
        ("Rachel Goldberg", "rgoldberg", "LPC-Associate"), ("Kofi Asante", "kasante", "LCDC"),
        ("Siobhán O'Connell", "soconnell", "LCSW, CADC"), ("Javier Morales", "jmorales", "LPC"),
        ("Hannah Lindqvist", "hlindqvist", "LMFT"), ("André Baptiste", "abaptiste", "LCSW"),
        ("Yuki Tanaka", "ytanaka", "LPC, LCDC"), ("Fatoumata Diallo", "fdiallo", "LMSW"),
        ("Liam Byrne", "lbyrne", "CADC"), ("Nadia Haddad", "nhaddad", "LPC"),
        ("Marcus Reed", "mreed", "LCDC"), ("Elena Petrova", "epetrova", "LMFT"),
    ]
    private static let supervisorPool: [(name: String, login: String, credentials: String)] = [
        ("Dr. Anjali Mehta", "amehta", "PsyD"), ("Robert Kowalski", "rkowalski", "LCSW, LCDC"),
    ]
    private static let administrator = (name: "Keisha Brown", login: "kbrown", credentials: "")
    /// Credentials practicing under supervision: every note they sign gets a co-signature.
    private static let supervisedCredentials: Set<String> = ["CADC", "LPC-Associate", "LMSW"]

    static var maximumCounselors: Int { counselorPool.count }

    let counselors: [Staff]
    let supervisors: [Staff]
    let administrator: Staff
    /// The counselor behind on paperwork: this week's individual notes unsigned and their
    /// participants' latest plan reviews missed, so the console's reminders have work to show.
    let behindOnPaperwork: StaffID
    /// Each clinician's habitual note format.
    private let formats: [StaffID: NoteFormat]

    init(counselorCount: Int, createdAt: Date, seed: UInt64) {
        let admin: StaffID = StaffID(Self.administrator.login)
        let revision = Revision(createdAt: createdAt, createdBy: admin)
        func staff(_ entry: (name: String, login: String, credentials: String), _ role: StaffRole)
            -> Staff
        {
            Staff(id: StaffID(entry.login), displayName: entry.name, credentials: entry.credentials,
                  role: role, revision: revision)
        }
        counselors = Self.counselorPool.prefix(counselorCount).map { staff($0, .counselor) }
        supervisors = Self.supervisorPool.prefix(counselorCount > 6 ? 2 : 1).map { staff($0, .supervisor) }
        administrator = staff(Self.administrator, .admin)
        behindOnPaperwork = counselors[Int(seed % UInt64(counselors.count))].id
        let clinicians = counselors + supervisors
        let habits: [NoteFormat] = [.dap, .birp, .soap]
        formats = Dictionary(uniqueKeysWithValues: clinicians.enumerated().map { index, member in
            (member.id, habits[index % habits.count])
        })
    }

    var everyone: [Staff] { counselors + supervisors + [administrator] }

    func format(of author: StaffID) -> NoteFormat { formats[author] ?? .dap }

    /// The staff member with login `id`; the demo only ever names its own staff.
    func member(_ id: StaffID) -> Staff {
        everyone.first { $0.id == id }!
    }

    func needsCoSignature(_ author: StaffID) -> Bool {
        guard let member = counselors.first(where: { $0.id == author }) else { return false }
        return Self.supervisedCredentials.contains(member.credentials)
    }
}
