import Foundation

/// One responsible executor named in a plan's «Ответственный исполнитель» cell: an organisation
/// («МКУ «Центр сопровождения образовательной деятельности»») or a person's role
/// («Классный руководитель»), with its kind.
public struct Executor: Hashable, Sendable, CustomStringConvertible {
    /// The name as written, NFC, with spaces collapsed and stray bullets and dots removed.
    public let name: String
    public let kind: ExecutorKind

    public init(name: String, kind: ExecutorKind) {
        self.name = RussianText.nfc(name)
        self.kind = kind
    }

    /// Classifies `name` by its markers.
    public init(name: String) {
        self.init(name: name, kind: Executor.kind(of: name))
    }

    public var description: String { "\(name) (\(kind.rawValue))" }

    /// The name prepared for matching against known organisations.
    public var organizationName: OrganizationName { OrganizationName(name) }

    // MARK: - Classification

    /// Roles of people, matched at the start of the name.
    static let roleStarts = [
        "классный руководитель", "классные руководители", "классных руководителей", "кл руководитель",
        "кл руководители", "законные представители", "учитель", "учителя", "заместитель директора",
        "заместители директора", "зам директора", "директор", "педагог", "социальный педагог",
        "старший воспитатель", "старшая вожатая", "ст вожатая", "ст воспитатель", "помощник воспитателя",
        "помощники воспитателей", "администрация школы", "администрация оу", "администрация доу",
        "администрация оо", "администрация учреждения", "администрация гимназии", "администрация лицея",
        "администрация детского сада", "музыкальный руководитель", "музыкальные руководители",
        "инструктор", "инструкторы", "методист", "руководители", "руководитель", "библиотекарь", "логопед",
        "медицинская сестра", "медсестра", "медицинский работник", "советник директора",
        "обучающиеся", "учащиеся", "ученики", "специалист", "специалисты", "тьютор", "психолог",
        "педагоги", "сотрудники", "члены", "ответственный", "ответственные", "коллектив",
        // Posts of a committee or a school, named as responsible in place of a person.
        "заместитель", "заместители", "начальник", "начальники", "председатель", "секретарь", "эксперт",
        "эксперты", "консультант", "главный специалист", "ведущий специалист", "куратор", "кураторы",
        "координатор", "инспектор", "рабочая группа", "зам начальника", "зам заведующего", "зам председателя", "зам главы",
        // Pupils' squads and councils of a school: no organisation of the directory.
        "отряд", "отряды", "совет обучающихся", "совет старшеклассников", "преподаватель-организатор",
        "преподаватели-организаторы", "педагог-организатор", "организатор", "организаторы",
        // Clergy a school plans with: «Иерей Ростислав», «Настоятель храма …».
        "священник", "священники", "иерей", "протоиерей", "настоятель", "благочинный", "диакон", "иеромонах", "игумен",
        // A school's own plans shorten its posts: «Зам. по ВР», «ЗУВР» (заместитель директора по
        // учебно-воспитательной работе), «Рук. ШМО», «РШМО», «Кл. руков.», «физрук», «завхоз».
        "зам", "зувр", "звр", "здувр", "здвр", "зднмр", "здахр", "здахч", "завуч", "завучи", "завхоз", "физрук", "физруки",
        "рук шмо", "рук мо", "руков шмо", "ршмо", "кл руков", "кл рук", "кл руковод",
        "бухгалтер", "самоуправление учащихся",
        // A college's posts: «Ведущий юрисконсульт», «Главный бухгалтер», «Преподаватели ЦК № 3».
        "главный бухгалтер", "юрисконсульт", "ведущий юрисконсульт", "преподаватель", "преподаватели", "председатели",
        "проректор", "проректоры", "ректор", "мастер", "мастера",
        // Heads of a municipality and its settlements, and the «главный …» of a body, shortened
        // too: «Главы сельских поселений», «Гл. специалист …, гл. архитектор».
        "глава", "главы", "главный", "главные", "гл",
        // Plurals and shortenings of the posts above: «Директора школ», «Зав. библиотекой»,
        // «Нач. хоз. отдела», «Методисты АРИПК», «Региональные координаторы» (below).
        "директора", "зав", "нач", "методисты", "координаторы", "классные воспитатели", "классный воспитатель",
        // A school's staff beside its teachers: a nurse, a cook, the caretakers.
        "врач", "врачи", "фельдшер", "медработник", "медработники", "мед сестра", "медицинские сестры", "старшая медсестра",
        "старшая медицинская сестра", "муз руководитель", "муз руководители", "муз работник", "музыкальный работник",
        "дежурный", "дежурные", "дежурная", "дворник", "дворники", "техперсонал", "технический персонал", "обслуживающий персонал",
        "рабочий по обслуживанию", "повар", "повара", "кладовщик", "сторож", "вахтер", "инженер", "программист", "лаборант",
        "экскурсовод", "экскурсоводы", "руководство", "представители", "участники", "актив", "региональные координаторы",
        // A school's own bodies of staff: no organisation of the directory, whatever their name.
        "педагогический коллектив", "педколлектив", "педагогический совет", "педсовет", "методический совет",
        "методическая служба", "методическое объединение", "творческая группа", "инициативная группа",
        "комиссия по", "школьная комиссия", "бракеражная комиссия", "приемная комиссия", "приемные комиссии",
        "аттестационная комиссия", "экспертная комиссия", "отборочная комиссия", "стипендиальная комиссия",
        "комиссия", "оргкомитет", "попечительский совет", "женсовет", "женсоветы", "педагогические работники",
        "педагогический персонал", "первый проректор", "первый заместитель",
        "все учителя", "все педагоги", "все классные руководители", "все воспитатели", "все сотрудники",
    ]
    /// Role stems matched at the start of the first word («родители», «родительский комитет»).
    static let roleStems = [
        "родител", "воспитател", "воспитанник", "заведующ", "вожат", "замдиректор", "волонтер",
        // Cut short in a school's plan: «Делопроизводит.», «учит.- предметники».
        "делопроизвод", "учит",
    ]
    static let committeeMarkers = [
        "комитет", "управление образования", "управления образования", "департамент образования",
        "министерство образования", "отдел образования", "управление образованием", "министерства образования",
        "департамента образования", "отдела образования", "управлением образования",
        // «Минобразование», «Минобрнауки России», «Минпросвещения России»: a ministry's short name.
        "минобразовани", "минобрнауки", "минпросвещени",
    ]
    static let kindergartenMarkers = [
        "доу", "мадоу", "мбдоу", "мдоу", "мкдоу", "гбдоу", "детский сад", "детского сада", "д/с", "д с", "ясли",
    ]
    static let supplementaryMarkers = [
        "дополнительного образования", "дюсш", "сдюсшор", "школа искусств", "школы искусств", "дши", "дхш",
        "дмш", "музыкальная школа", "художественная школа", "спортивная школа", "мау до", "мбу до",
        "мбудо", "маудо", "мкудо", "мбоу до", "моу до", "мао удо", "мау удо", "удо",
    ]
    static let schoolMarkers = [
        "сош", "оош", "нош", "гимназ", "лицей", "лицея", "школа", "школы", "маоу", "мбоу", "моу", "мкоу",
        "гбоу", "тогбоу", "огбоу", "кадетск", "образовательный центр", "центр образования",
    ]
    static let partnerMarkers = [
        "библиотек", "музей", "театр", "дк", "дом культуры", "рдк", "гдк", "поликлиник", "больниц", "гбуз",
        "колледж", "техникум", "университет", "институт", "тоипкро", "ипк", "ооо", "оао", "пао", "зао", "ао",
        "нко", "фонд", "епархия", "церковь", "общество", "объединение", "гибдд", "гаи", "мчс", "пожарная часть",
        "полиция", "мвд", "концерт", "филармони", "тогапоу", "тогау", "тогаук", "гапоу", "союз", "ассоциация",
        "клуб", "редакция", "телевидени", "банк", "учреждение образования",
    ]
    static let municipalMarkers = [
        "мку", "мбу", "мау", "мук", "мбук", "мауk", "центр", "имц", "ммц", "цдо", "цдт", "ддт", "дом детского творчества",
        "ресурсный центр", "методический центр",
    ]

    /// The kind a name's markers say, in this order: person role, committee, kindergarten,
    /// supplementary-education institution (municipal), school, partner (libraries, museums,
    /// clinics, colleges, companies…), municipal institution (МКУ, МБУ, «центр»), other.
    public static func kind(of name: String) -> ExecutorKind {
        let words = OrganizationName.words(of: name)
        let text = " " + words.joined(separator: " ") + " "
        func has(_ marker: Marker) -> Bool {
            marker.wholeWord ? text.contains(marker.spaced + " ") : text.contains(marker.spaced)
        }
        if startsWithRole(words: words) || isPerson(name, text: text) || namesAPersonAndPost(name) { return .personRole }
        if Marker.committee.contains(where: has) { return .committee }
        if Marker.kindergarten.contains(where: has) { return .kindergarten }
        if Marker.supplementary.contains(where: has) { return .municipalInstitution }
        if Marker.school.contains(where: has) { return .school }
        if Marker.partner.contains(where: has) || Self.opensWithBelarusianInstitution(name) { return .partner }
        if Marker.municipal.contains(where: has) { return .municipalInstitution }
        return .other
    }

    /// «УО "РИПО"», «УО «Минский государственный колледж …»»: an educational institution in
    /// Belarus («учреждение образования») by its quoted name. «УО» alone, or «УО администрации
    /// района», is a Russian committee's «управление образования», and not this.
    static func opensWithBelarusianInstitution(_ name: String) -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        return ["УО «", "УО \"", "УО “", "УО„"].contains { trimmed.hasPrefix($0) }
    }

    /// Whether the name opens with a post or a role («Заместитель директора по УВР»,
    /// «родители»), not with a person's name.
    static func startsWithRole(_ name: String) -> Bool {
        startsWithRole(words: OrganizationName.words(of: name))
    }

    static func startsWithRole(words: [String]) -> Bool {
        let joined = words.joined(separator: " ")
        return normalizedRoleStarts.contains { start in
            joined == start || joined.hasPrefix(start + " ")
        } || roleStems.contains { joined.hasPrefix($0) }
    }

    /// A person named by surname and initials («Петрова И.И.», «И. И. Петрова», «Петрова И.И.,
    /// заместитель начальника») and no organisation's marker: «МАОУ СОШ № 5 имени Ю.А.Гагарина»
    /// has initials too, and is a school.
    static func isPerson(_ name: String) -> Bool {
        isPerson(name, text: " " + OrganizationName.words(of: name).joined(separator: " ") + " ")
    }

    static func isPerson(_ name: String, text: String) -> Bool {
        guard name.contains(Self.personInitials.regex) || name.contains(Self.fullName.regex)
            || name.contains(Self.initialsWithoutDots.regex) else { return false }
        guard !text.contains(" имени "), !text.contains(" им ") else { return false }
        let markers = Marker.committee + Marker.kindergarten + Marker.supplementary + Marker.school + Marker.partner + Marker.municipal
        return !markers.contains { $0.wholeWord ? text.contains($0.spaced + " ") : text.contains($0.spaced) }
    }

    /// «Петрова И.И., заместитель начальника управления образования»: a person, then the post
    /// they hold, whatever body the post names.
    static func namesAPersonAndPost(_ name: String) -> Bool {
        guard let comma = name.firstIndex(where: { $0 == "," || $0 == "–" || $0 == "—" }) else { return false }
        let person = String(name[..<comma])
        let post = name[name.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        return isPerson(person) && startsWithRole(post)
    }

    /// Role openings normalised once: classification runs for every executor of every row.
    private static let normalizedRoleStarts = roleStarts.map { OrganizationName.words(of: $0).joined(separator: " ") }

    /// A marker normalised once. Markers are stems or whole words: «гимназ» matches
    /// «гимназия», «ао» only «ао».
    private struct Marker {
        let spaced: String
        let wholeWord: Bool

        init(_ marker: String) {
            spaced = " " + OrganizationName.words(of: marker).joined(separator: " ")
            wholeWord = marker.count <= 4 || marker.contains(" ")
        }

        static let committee = committeeMarkers.map(Marker.init)
        static let kindergarten = kindergartenMarkers.map(Marker.init)
        static let supplementary = supplementaryMarkers.map(Marker.init)
        static let school = schoolMarkers.map(Marker.init)
        static let partner = partnerMarkers.map(Marker.init)
        static let municipal = municipalMarkers.map(Marker.init)
    }
}

// Built once: a regex literal is parsed again each time it is evaluated (see SharedRegex), and
// these run for every cell, executor or word of a plan.
extension Executor {
    /// «Петрова И.И.», «И. И. Петрова», and initials glued to the surname, «ДмитриеваТ.В.».
    static let personInitials = SharedRegex(/(^|[^А-ЯЁа-яё]|[а-яё](?=[А-ЯЁ]\.\s?[А-ЯЁ]\.))[А-ЯЁ]\.\s?[А-ЯЁ]\.?(?![а-яё])/)
    /// «Колесников АВ»: a surname of a surname's ending and two capitals without dots.
    static let initialsWithoutDots = SharedRegex(
        /^\s*[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|ко|ук|юк|ич|ых|их|ян)\s+[А-ЯЁ]{2}\s*$/)
    /// A name written out in full, the patronymic last: «Зайцева Надежда Владимировна».
    static let fullName = SharedRegex(/^\s*[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(вич|вна|ьич|чна)(?![а-яё])/)
}
