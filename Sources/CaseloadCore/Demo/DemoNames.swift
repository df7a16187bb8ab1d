/// Invented people's names from many naming traditions, so the console meets accents, combining
/// marks, apostrophes, hyphens and wide CJK/Hangul text on its first run.
/// Given names: "Oluwaseun|Seun" = given name | the name the person goes by.
/// Family names: "Volkov/Volkova" = the forms used by men / by women (others use either).
struct DemoCulture: Sendable {
    let weight: Double
    let women: [String]
    let men: [String]
    let family: [String]
    /// Vietnamese, Chinese, Korean and Japanese names are written family name first.
    var nameOrder: NameOrder = .givenFirst

    static let all: [DemoCulture] = [
        DemoCulture(
            weight: 5,
            women: ["Jennifer|Jen", "Ashley", "Tamika", "Katherine|Kate", "Dana", "Brittany", "Jordan",
                    "Megan", "Latoya", "Rebecca|Becky", "Heather", "Crystal"],
            men: ["Michael|Mike", "Tyler", "DeShawn", "Christopher|Chris", "Robert|Bobby", "Jordan",
                  "Travis", "Marcus", "William|Will", "Cody", "Terrence", "Daniel|Danny"],
            family: ["Johnson", "Williams", "Brooks", "Carter", "Jackson", "Sullivan", "O'Neil",
                     "Thompson", "Reynolds", "Coleman", "Hayes", "Fitzgerald", "Washington", "Porter"]),
        DemoCulture(
            weight: 3,
            women: ["Ana-María", "María José", "Guadalupe|Lupe", "Ximena", "Lucía", "Sofía", "Yesenia",
                    "Marisol", "Rocío"],
            men: ["José", "Jesús|Chuy", "Alejandro|Alex", "Rodrigo", "Iván", "Martín", "Joaquín",
                  "Efraín", "Raúl"],
            family: ["Núñez", "Castillo", "Hernández", "Peña", "Ibáñez", "Muñoz", "Ramírez",
                     "de la Cruz", "Gutiérrez", "Ordóñez", "Salazar", "Jiménez", "Rosales"]),
        DemoCulture(
            weight: 1, women: ["Hoa", "Thị Lan", "Thảo", "Ngọc Anh", "Hương"],
            men: ["Minh", "Đức", "Quang", "Tuấn", "Khánh"],
            family: ["Nguyễn", "Trần", "Lê", "Phạm", "Võ", "Huỳnh", "Đặng"], nameOrder: .familyFirst),
        DemoCulture(
            weight: 1, women: ["小红", "丽娜", "美玲", "秀英", "雪梅"], men: ["小龍", "伟", "建国", "志明", "浩然"],
            family: ["李", "王", "张", "陈", "刘", "黄", "周"], nameOrder: .familyFirst),
        DemoCulture(
            weight: 1, women: ["서연", "지우", "민지", "하은"], men: ["민준", "도윤", "현우", "성민"],
            family: ["김", "박", "최", "정", "윤", "한"], nameOrder: .familyFirst),
        DemoCulture(
            weight: 1, women: ["Ελένη", "Μαρία", "Κατερίνα", "Σοφία"],
            men: ["Γιώργος", "Νίκος", "Δημήτρης", "Κώστας"],
            family: ["Παπαδόπουλος/Παπαδοπούλου", "Οικονόμου", "Γεωργίου", "Νικολάου",
                     "Αντωνίου", "Καραγιάννης/Καραγιάννη"]),
        DemoCulture(
            weight: 1, women: ["Aoife", "Siobhán", "Niamh", "Órla", "Caoimhe"],
            men: ["Seán", "Cian", "Oisín", "Pádraig|Paddy", "Donnchadh"],
            family: ["Ó Briain/Ní Bhriain", "Ó Súilleabháin/Ní Shúilleabháin", "Murphy", "Gallagher",
                     "Mac Cárthaigh/Nic Cárthaigh", "Brennan"]),
        DemoCulture(
            weight: 1, women: ["Oluwaseun|Seun", "Adébísí", "Folásadé", "Ìfẹ́olúwa|Ife", "Chiamaka"],
            men: ["Oluwaseun|Seun", "Olúwatóbi|Tobi", "Chinedu", "Adéwálé|Wale", "Ikenna"],
            family: ["Adébáyọ̀", "Okonkwo", "Ọlátúnjí", "Eze", "Ogunleye", "Nwosu", "Balógun"]),
        DemoCulture(
            weight: 1, women: ["Ama", "Akosua", "Efua", "Abena", "Adwoa"],
            men: ["Kwame", "Kofi", "Yaw", "Kwabena", "Kwesi"],
            family: ["Mensah", "Owusu", "Boateng", "Appiah", "Asare", "Ofori"]),
        DemoCulture(
            weight: 1, women: ["Zoë", "Käthe", "Lena", "Anneliese", "Jördis"],
            men: ["Jürgen", "Lukas", "Matthias", "Jörg", "Günther"],
            family: ["Müller", "Schröder", "Weiß", "Köhler", "Bäcker", "Groß", "Fuchs"]),
        DemoCulture(
            weight: 1, women: ["Ingrid", "Åsa", "Sigrid", "Maja", "Liv"],
            men: ["Søren", "Björn", "Anders", "Øystein", "Jens"],
            family: ["Kierkegård", "Sørensen", "Lindqvist", "Åkesson", "Halvorsen", "Bergström"]),
        DemoCulture(
            weight: 1, women: ["Fatima", "Layla", "Amira", "Nour", "Yasmin"],
            men: ["Omar", "Youssef", "Karim", "Tariq", "Samir"],
            family: ["Al-Zahra", "Haddad", "Mansour", "El-Sayed", "Khoury", "Saleh", "Darwish"]),
        DemoCulture(
            weight: 1, women: ["Priya", "Lakshmi", "Ananya", "Deepa", "Kavya"],
            men: ["Arjun", "Vikram", "Rahul", "Karthik", "Sanjay"],
            family: ["Raghunathan", "Iyer", "Subramanian", "Patel", "Krishnamurthy", "Reddy", "Menon"]),
        DemoCulture(
            weight: 1, women: ["Mele", "Losaline", "Sela", "ʻAna", "Salote"],
            men: ["Sione", "Tevita", "Viliami", "Pita", "Semisi"],
            family: ["Tupou", "Fifita", "Taufa", "Vaipulu", "Hufanga", "Lātū"]),
        DemoCulture(
            weight: 1, women: ["Chloé", "Amélie", "Hélène", "Maëlle", "Noémie"],
            men: ["Jérôme", "François", "Théo", "Loïc", "Benoît"],
            family: ["Dubois", "Lefèvre", "Moreau", "Béranger", "Girard", "Rousseau", "Mercier"]),
        DemoCulture(
            weight: 1, women: ["Anastasia|Nastya", "Yelena", "Olga", "Svetlana|Sveta"],
            men: ["Dmitri|Dima", "Sergei", "Alexei", "Nikolai|Kolya"],
            family: ["Volkov/Volkova", "Ivanov/Ivanova", "Sokolov/Sokolova", "Petrov/Petrova",
                     "Morozov/Morozova"]),
        DemoCulture(
            weight: 1, women: ["Małgorzata|Gosia", "Agnieszka", "Zofia", "Katarzyna|Kasia"],
            men: ["Łukasz", "Wojciech", "Paweł", "Grzegorz"],
            family: ["Kowalczyk", "Wiśniewski/Wiśniewska", "Zając", "Dąbrowski/Dąbrowska",
                     "Woźniak", "Kamiński/Kamińska"]),
        DemoCulture(
            weight: 1, women: ["Maricel", "Jocelyn", "Rowena", "Marites"],
            men: ["Rommel", "Jericho", "Ramil", "Arnel"],
            family: ["Dela Cruz", "Santos", "Bautista", "Villanueva", "Manalo", "Ocampo"]),
        DemoCulture(
            weight: 1, women: ["陽子", "さくら", "美咲", "恵"], men: ["健太", "翔", "大輔", "拓也"],
            family: ["佐藤", "鈴木", "高橋", "田中", "渡辺", "山本"], nameOrder: .familyFirst),
    ]
}

/// A person's name drawn from one culture, with the pronouns they gave (if any).
struct DemoName {
    let first: String
    let preferred: String?
    let last: String
    let pronouns: String?
    /// The culture's family-name entry, so relatives can share it in their own gender's form.
    let familyEntry: String
    let order: NameOrder

    /// The name as staff say it ("Seun Adébáyọ̀", "李 雪梅").
    var full: String { order.written(given: preferred ?? first, family: last) }
    /// The name as records file it ("Oluwaseun Adébáyọ̀").
    var legal: String { "\(first) \(last)" }

    /// `woman` fixes the gender when a relationship implies it (a mother, a brother).
    init(_ culture: DemoCulture, family: String? = nil, woman: Bool? = nil, random: inout DemoRandom) {
        let isWoman = woman ?? random.chance(0.5)
        let given = random.pick(isWoman ? culture.women : culture.men).split(separator: "|")
        first = String(given[0])
        preferred = given.count > 1 && random.chance(0.7) ? String(given[1]) : nil
        familyEntry = family ?? random.pick(culture.family)
        let forms = familyEntry.split(separator: "/")
        last = String(forms.count > 1 && isWoman ? forms[1] : forms[0])
        order = culture.nameOrder
        pronouns = random.weighted([
            (isWoman ? "she/her" : "he/him", 0.82), ("they/them", 0.06), (nil, 0.12),
        ])
    }
}
