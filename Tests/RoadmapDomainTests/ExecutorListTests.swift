import Foundation
import RoadmapDomain
import Testing

@Suite("Executors in responsible cells")
struct ExecutorListTests {
    /// Seed 004, order 770: the first two actions' cell, and the third one's broken across a page.
    @Test func order770() {
        let cells = [
            "Комитет образования, МКУ «Центр сопровождения образовательной деятельности», МАОУ СОШ № 5 имени Ю.А.Гагарина, город Тамбов",
            "Комитет образования, МКУ «Центр\n\n<p>сопровождения образовательной деятельности», МАОУ СОШ № 5 имени Ю.А.Гагарина, город Тамбов</p>",
        ]
        for cell in cells {
            let list = ExecutorList(parsing: cell)
            #expect(list.executors.map(\.name) == [
                "Комитет образования", "МКУ «Центр сопровождения образовательной деятельности»",
                "МАОУ СОШ № 5 имени Ю.А.Гагарина",
            ])
            #expect(list.executors.map(\.kind) == [.committee, .municipalInstitution, .school])
            #expect(list.municipality == "город Тамбов")
        }
        // Whose bodies they are, said after a comma, is part of their name (docs/4802).
        let whose = "Образовательные и научные организации, подведомственные Минздраву России"
        #expect(ExecutorList(parsing: whose).executors.map(\.name) == [whose])
        let short = ExecutorList(parsing: "Комитет образования, МКУ «Центр сопровождения образовательной деятельности», город Тамбов")
        #expect(short.executors.count == 2)
        #expect(short.municipality == "город Тамбов")
    }

    /// A school's own plan lists its posts one a line, shortened («ЗУВР», «зам. по ВР», «Рук.
    /// ШМО», «Делопроизводит.»): each line a post, a person's role, never an organisation, and
    /// never a name of all the lines (plan_raboti.docx of a Bashkortostan school, whose import
    /// was refused: «ЗУВР ЗУВР зам. по ВР …» fit two such names «equally well»). A post wrapped
    /// over two lines («Педагог» / «психолог») stays one.
    @Test func postsOfASchoolOneALineShortened() {
        let list = ExecutorList(parsing: "Директор\nЗУВР\nдиректор,\n ЗУВР\n\nзам. по ВР\nзам. по ВР\nРук. ШМО\nДелопроизводит.\nучит.- предметники")
        #expect(list.executors.map(\.name) == [
            "Директор", "ЗУВР", "директор", "ЗУВР", "зам. по ВР", "зам. по ВР", "Рук. ШМО", "Делопроизводит", "учит.- предметники",
        ])
        #expect(list.executors.allSatisfy { $0.kind == .personRole }, "\(list.executors.map(\.kind))")
        #expect(ExecutorList(parsing: "Педагог\nпсихолог").executors.map(\.name) == ["Педагог психолог"])
        #expect(ExecutorList(parsing: "Директор МБОУ\nСОШ № 5").executors.map(\.name) == ["Директор МБОУ СОШ № 5"])
    }

    /// Seed 002: responsible persons are roles, one cell broken over lines.
    @Test(arguments: [
        ("Классный руководитель", ["Классный руководитель"]),
        ("Классный руководитель, родители", ["Классный руководитель", "родители"]),
        ("Классный\n\nруководитель", ["Классный руководитель"]),
        // A clause after a comma says something of the post before it.
        ("Заместитель директора, курирующий вопрос аттестации", ["Заместитель директора, курирующий вопрос аттестации"]),
        ("Заместитель директора по УВР, ответственный за питание, классные руководители",
         ["Заместитель директора по УВР, ответственный за питание", "классные руководители"]),
        ("Председатель совета, заведующий учреждением", ["Председатель совета", "заведующий учреждением"]),
        // Persons and posts one after another without a comma.
        ("Н.Е. Байрачный К.А. Федоренко\nТ.Ю. Горностаева", ["Н.Е. Байрачный", "К.А. Федоренко", "Т.Ю. Горностаева"]),
        ("Едигарева Н.В. Григорьева Л.В. Ступина О.В. Руководители МОУ", ["Едигарева Н.В.", "Григорьева Л.В.", "Ступина О.В.", "Руководители МОУ"]),
        ("Заведующий Заместитель заведующего по безопасности", ["Заведующий", "Заместитель заведующего по безопасности"]),
        // The same in small letters, a cell's lines joined by a copy: the second post opens
        // with a post in the nominative; after a full word's dot too.
        ("Дежурный класс классные руководители", ["Дежурный класс", "классные руководители"]),
        ("Заведующий заместитель заведующего по основной деятельности", ["Заведующий", "заместитель заведующего по основной деятельности"]),
        ("Классные руководители руководитель ОДОД и спортивного клуба", ["Классные руководители", "руководитель ОДОД и спортивного клуба"]),
        ("учитель музыки и ст. вожатая", ["учитель музыки", "ст. вожатая"]),
        ("Лобанова Л.Н. учитель повар школьной столовой", ["Лобанова Л.Н. учитель", "повар школьной столовой"]),
        ("Библиотекарь. Классные руководители", ["Библиотекарь", "Классные руководители"]),
        ("классные руководители. учителя-предметники", ["классные руководители", "учителя-предметники"]),
        ("Классные руководители. Учителя-предметники", ["Классные руководители", "Учителя-предметники"]),
        ("воспитатели групп или воспитатели по физкультуре", ["воспитатели групп", "воспитатели по физкультуре"]),
        ("Зам директор по ХЧ", ["Зам директор по ХЧ"]),
        ("Педагог психолог", ["Педагог психолог"]),
        // A post's own words stay: a qualifier, a genitive («учителя», «директора» are one too),
        // a person's post after their initials.
        ("старший воспитатель", ["старший воспитатель"]),
        ("ответственный педагог", ["ответственный педагог"]),
        ("Руководитель МО учителей начальных классов", ["Руководитель МО учителей начальных классов"]),
        ("Помощник воспитателя", ["Помощник воспитателя"]),
        ("Заместитель директора по ВР", ["Заместитель директора по ВР"]),
        ("Руководители ШМО учителя начальных классов", ["Руководители ШМО учителя начальных классов"]),
        ("Петрова И.И. учитель", ["Петрова И.И. учитель"]),
        ("Зав. библиотекой", ["Зав. библиотекой"]),
        // The classes taking part, run into the cell by a copy, are no part of a name.
        ("9-11 Каменская В.А., Лапина О.В.", ["Каменская В.А.", "Лапина О.В."]),
        ("1 - 11 классные руководители", ["классные руководители"]),
        ("5-11 кл. классные руководители", ["классные руководители"]),
        ("Классные руководители 5-11 классов", ["Классные руководители 5-11 классов"]),
        // The teachers of several subjects, one after another in the genitive.
        ("Учителя физики, химии, русского языка", ["Учителя физики, химии, русского языка"]),
        ("Преподаватели технологии, биологии, классные руководители", ["Преподаватели технологии, биологии", "классные руководители"]),
        // A post opening with a cut word («Кл.», «Зам.») starts where the one before ends.
        ("Зам. директора по ВР Кл. руководители Организатор", ["Зам. директора по ВР", "Кл. руководители", "Организатор"]),
        // A person then a group is two executors; a person then their post is one. (A name
        // is kept without the dot after its last initial.)
        ("Колобушкина Г.В., классные руководители", ["Колобушкина Г.В.", "классные руководители"]),
        ("Петрова И.И., заместитель начальника", ["Петрова И.И., заместитель начальника"]),
        ("Директор школы Пирогова В.А.", ["Директор школы Пирогова В.А."]),
    ])
    func schoolPlanRoles(_ cell: String, _ names: [String]) {
        let list = ExecutorList(parsing: cell)
        #expect(list.executors.map(\.name) == names)
        #expect(list.executors.allSatisfy { $0.kind == .personRole })
        #expect(list.organizations.isEmpty)
        #expect(list.municipality == nil)
    }

    /// A cell as long as a document may hold (10,000 characters) of posts, bodies or
    /// institutions run together is split whole, each from where the one before ended. (Split
    /// again from each one's end, such a cell took seconds.)
    @Test func aLongCellOfNamesRunTogetherIsSplitWhole() {
        let cases: [(repeated: String, names: [String])] = [
            ("Заместитель директора по учебной работе ", ["Заместитель директора по учебной работе"]),
            ("классные руководители заведующий ", ["классные руководители", "заведующий"]),
            ("управление культуры области ", ["управление культуры области"]),
            ("Управление культуры области Управление спорта ", ["Управление культуры области", "Управление спорта"]),
            ("МБОУ СОШ № 1 МБОУ ДОД ЦДТ ", ["МБОУ СОШ № 1", "МБОУ ДОД ЦДТ"]),
        ]
        for (repeated, names) in cases {
            let times = 10_000 / repeated.count
            let list = ExecutorList(parsing: String(repeating: repeated, count: times))
            #expect(list.executors.map(\.name) == Array(repeating: names, count: times).flatMap { $0 }, "\(repeated)")
        }
    }

    struct SplitCase: Sendable, CustomTestStringConvertible {
        let cell: String
        let names: [String]
        var municipality: String? = nil
        var testDescription: String { "«\(cell)»" }
    }

    static let splits: [SplitCase] = [
        SplitCase(cell: "Комитет образования; МКУ «ЦСОД»; г. Тамбов", names: ["Комитет образования", "МКУ «ЦСОД»"], municipality: "г. Тамбов"),
        SplitCase(cell: "Комитет образования, МКУ \"Центр, который всё знает\", г.Тамбов", names: ["Комитет образования", "МКУ \"Центр, который всё знает\""], municipality: "г.Тамбов"),
        SplitCase(cell: "МАОУ „Лицей № 14, имени Заслуженного учителя“, Тамбовская область", names: ["МАОУ „Лицей № 14, имени Заслуженного учителя“"], municipality: "Тамбовская область"),
        SplitCase(cell: "- Классный руководитель\n- родители\n- педагог-психолог.", names: ["Классный руководитель", "родители", "педагог-психолог"]),
        SplitCase(cell: "• учитель физкультуры\n• заместитель директора по ВР", names: ["учитель физкультуры", "заместитель директора по ВР"]),
        SplitCase(cell: "1. Комитет образования\n2. МКУ «ЦСОД»", names: ["Комитет образования", "МКУ «ЦСОД»"]),
        // One a line, as a PDF's narrow column keeps them; a name wrapped after «имени» goes on.
        SplitCase(cell: "Комитет образования\nМКУ «ИМЦ»\nМБОУ СОШ № 1\nМАОУ СОШ № 5 имени\nЮ.А.Гагарина",
                  names: ["Комитет образования", "МКУ «ИМЦ»", "МБОУ СОШ № 1", "МАОУ СОШ № 5 имени Ю.А.Гагарина"]),
        SplitCase(cell: "Комитет образования.", names: ["Комитет образования"]),
        SplitCase(cell: "Комитет\u{00A0}образования ,  МКУ  «ЦСОД» ,", names: ["Комитет образования", "МКУ «ЦСОД»"]),
        SplitCase(cell: "МАОУ СОШ № 22 и № 24", names: ["МАОУ СОШ № 22", "МАОУ СОШ № 24"]),
        SplitCase(cell: "МАОУ СОШ № 22, № 24", names: ["МАОУ СОШ № 22", "МАОУ СОШ № 24"]),
        SplitCase(cell: "МОУ СОШ №№ 1, 2, 5", names: ["МОУ СОШ № 1", "МОУ СОШ № 2", "МОУ СОШ № 5"]),
        // One executor a line, as a Word cell lists them; a name wrapped in a narrow column stays whole.
        SplitCase(cell: "Комитет образования\nМКУ «Центр сопровождения\nобразовательной деятельности»\nМАОУ СОШ № 5",
                  names: ["Комитет образования", "МКУ «Центр сопровождения образовательной деятельности»", "МАОУ СОШ № 5"]),
        SplitCase(cell: "Управление образования\nРуководители ОО", names: ["Управление образования", "Руководители ОО"]),
        SplitCase(cell: "Заместитель директора по\nУВР", names: ["Заместитель директора по УВР"]),
        SplitCase(cell: "Директор МБОУ\nСОШ № 5", names: ["Директор МБОУ СОШ № 5"]),
        SplitCase(cell: "Комитет образования администрации\nГорода Тамбова", names: ["Комитет образования администрации Города Тамбова"]),
        SplitCase(cell: "МБДОУ № 3, 7 и 12, Комитет образования", names: ["МБДОУ № 3", "МБДОУ № 7", "МБДОУ № 12", "Комитет образования"]),
        SplitCase(cell: "МБУ Центр психолого-педагогической, медицинской и социальной помощи", names: ["МБУ Центр психолого-педагогической, медицинской и социальной помощи"]),
        SplitCase(cell: "Управление образования (по согласованию), МАДОУ № 24 «Журавушка»", names: ["Управление образования", "МАДОУ № 24 «Журавушка»"]),
        SplitCase(cell: "Комитет образования, МКУ «Центр", names: ["Комитет образования", "МКУ «Центр"]),
        SplitCase(cell: "Комитет образования администрации Тамбовской области", names: ["Комитет образования администрации Тамбовской области"]),
        // Two bodies without a comma: the second opens with its capitalised head.
        SplitCase(cell: "Департамент государственной политики в сфере общего образования Департамент государственной политики в сфере подготовки",
                  names: ["Департамент государственной политики в сфере общего образования", "Департамент государственной политики в сфере подготовки"]),
        SplitCase(cell: "Управление образования и науки области Управление социальной защиты области Органы местного самоуправления",
                  names: ["Управление образования и науки области", "Управление социальной защиты области", "Органы местного самоуправления"]),
        SplitCase(cell: "Управление труда и социального развития области управление культуры и архивного дела области управление здравоохранения области",
                  names: ["Управление труда и социального развития области", "управление культуры и архивного дела области", "управление здравоохранения области"]),
        SplitCase(cell: "Отдел образования администрации района управление культуры", names: ["Отдел образования администрации района", "управление культуры"]),
        SplitCase(cell: "Комитет по образованию Администрации города", names: ["Комитет по образованию Администрации города"]),
        // One head in the plural before a colon, shared by the bodies after it.
        SplitCase(cell: "Департаменты: социальной защиты населения, образования, дошкольного образования, МКУ «ИМЦ»",
                  names: ["Департамент социальной защиты населения", "Департамент образования", "Департамент дошкольного образования", "МКУ «ИМЦ»"]),
        SplitCase(cell: "управления: культуры, спорта", names: ["управление культуры", "управление спорта"]),
        // Two organisations either side of a slash; a slash inside a name stays.
        SplitCase(cell: "Министерство образования и науки Челябинской области/ГБУ ДПО ЧИППКРО",
                  names: ["Министерство образования и науки Челябинской области", "ГБУ ДПО ЧИППКРО"]),
        SplitCase(cell: "МБДОУ д/с № 5", names: ["МБДОУ д/с № 5"]),
        SplitCase(cell: "МБОУ СОШ/ДОУ № 3", names: ["МБОУ СОШ/ДОУ № 3"]),
        // An institution named by what it is, after a comma, is one of its own.
        SplitCase(cell: "МБУК «Грачевский СДК», библиотека, МБОУ «Грачевская СОШ»",
                  names: ["МБУК «Грачевский СДК»", "библиотека", "МБОУ «Грачевская СОШ»"]),
        SplitCase(cell: "Управление культуры, библиотек и музеев", names: ["Управление культуры, библиотек и музеев"]),
        SplitCase(cell: "Комитет по делам молодежи и управление культуры", names: ["Комитет по делам молодежи и управление культуры"]),
        SplitCase(cell: "Отдел образования и Управление культуры", names: ["Отдел образования и Управление культуры"]),
        // A body on a line of its own, then another (held-back-41/4301): two executors.
        SplitCase(cell: "Минобразование\nУО \"РИПО\"", names: ["Минобразование", "УО \"РИПО\""]),
        SplitCase(cell: "", names: []),
    ]

    @Test("splitting respects quotes, brackets, bullets and line breaks", arguments: splits)
    func split(_ row: SplitCase) {
        let list = ExecutorList(parsing: row.cell)
        #expect(list.executors.map(\.name) == row.names)
        #expect(list.municipality == row.municipality)
    }

    @Test("classification by markers", arguments: [
        ("Комитет образования", ExecutorKind.committee),
        ("комитет образования администрации города Тамбова", .committee),
        ("МКУ «Управление образования»", .committee),
        ("Управление образования и науки", .committee),
        ("МКУ «Центр сопровождения образовательной деятельности»", .municipalInstitution),
        ("МБУ Центр психолого-педагогической, медицинской и социальной помощи", .municipalInstitution),
        ("МАУ ДО «ДЮСШ № 1»", .municipalInstitution),
        ("МБОУ ДЦДДТ «Центр дополнительного образования»", .municipalInstitution),
        ("Информационный методический центр", .municipalInstitution),
        ("МАОУ СОШ № 5 имени Ю.А.Гагарина", .school),
        ("МБОУ Первомайская СОШ", .school),
        ("Гимназия № 12", .school),
        ("МАОУ «Лицей № 14»", .school),
        ("ТОГБОУ «Казачья кадетская школа-интернат имени графа И.И. Воронцова-Дашкова»", .school),
        ("МАДОУ № 24 «Журавушка»", .kindergarten),
        ("МБДОУ «Детский сад № 3»", .kindergarten),
        ("детский сад «Солнышко»", .kindergarten),
        ("д/с № 7", .kindergarten),
        ("Дошкольные учреждения города", .other),
        ("ТОГАПОУ «Педагогический колледж г. Тамбова»(Договор)", .partner),
        ("Центральная детская библиотека им. С.Я.Маршака(Договор)", .partner),
        ("ТОГАУК «Тамбовконцерт»", .partner),
        ("Тамбовская епархия Русская православная церковь", .partner),
        ("ТО ГБУЗ Детская городская поликлиника им. Архиепископа Луки № 1", .partner),
        ("ТОИПКРО", .partner),
        ("ГИБДД", .partner),
        ("МЧС", .partner),
        ("ООО «Русское слово - учебник»", .partner),
        ("Минобразование", .committee),
        ("Минпросвещения России", .committee),
        ("УО \"РИПО\"", .partner),
        ("ГУО \"Средняя школа № 5 г. Пинска\"", .school),
        ("Классный руководитель", .personRole),
        ("Преподаватель-организатор ОБЗР", .personRole),
        ("Отряд ЮИД", .personRole),
        ("волонтёры", .personRole),
        ("классные руководители 5-9 классов", .personRole),
        ("родители", .personRole),
        ("Родительский комитет", .personRole),
        ("учитель физкультуры", .personRole),
        ("Заместитель директора по ВР", .personRole),
        ("зам. директора по УВР", .personRole),
        ("педагог-психолог", .personRole),
        ("Администрация школы", .personRole),
        ("воспитатели групп", .personRole),
        ("Администрация города Тамбова", .other),
        ("Педагогический колледж", .partner),
        // Persons and posts are responsible persons, never organisations.
        ("Петрова И.И.", .personRole),
        ("И.И. Петрова", .personRole),
        ("Петрова И. И., заместитель начальника", .personRole),
        ("заместитель начальника управления", .personRole),
        ("Начальник отдела общего образования", .personRole),
        ("Члены рабочей группы", .personRole),
        ("Руководители ОО", .personRole),
        ("Главный специалист Сидоров П.П.", .personRole),
        ("МАОУ СОШ № 5 имени Ю.А.Гагарина", .school),
        ("МБОУ «СОШ № 1 им. А.С. Пушкина»", .school),
        ("Комитет образования", .committee),
    ])
    func classify(_ name: String, _ kind: ExecutorKind) {
        #expect(Executor.kind(of: name) == kind)
        #expect(Executor(name: name).kind == kind)
    }

    @Test func kindRawValues() {
        #expect(ExecutorKind.allCases.map(\.rawValue) == [
            "committee", "municipal_institution", "school", "kindergarten", "partner", "person_role", "other",
        ])
    }

    /// The post may name a body («… управления образования»): the person is still a person,
    /// never an organisation.
    @Test func aPersonWhosePostNamesABodyIsAPerson() {
        let list = ExecutorList(parsing: "Петрова И.И., заместитель начальника управления образования; Комитет образования")
        #expect(list.executors.map(\.kind) == [.personRole, .committee])
        #expect(Executor(name: "Сидоров П.П. – директор МОУ СОШ № 5").kind == .personRole)
        #expect(Executor(name: "МАОУ СОШ № 5 имени Ю.А.Гагарина, филиал").kind == .school)
    }

    @Test func aPersonWithAPostStaysOneResponsiblePerson() {
        let list = ExecutorList(parsing: "Петрова И.И., заместитель начальника; МКУ «ЦСОД»")
        #expect(list.executors.map(\.name) == ["Петрова И.И., заместитель начальника", "МКУ «ЦСОД»"])
        #expect(list.executors.map(\.kind) == [.personRole, .municipalInstitution])
        #expect(list.organizations.map(\.name) == ["МКУ «ЦСОД»"])
    }

    /// A list of bodies written in small letters after the first: each body is its own
    /// executor; a name's own lower-case words still continue it.
    @Test func bodiesListedInSmallLetters() {
        #expect(ExecutorList(parsing: "Управление пресс-службы администрации области, администрации городов и районов области, управление внутренних дел по Тамбовской области").executors.map(\.name)
            == ["Управление пресс-службы администрации области", "администрации городов и районов области", "управление внутренних дел по Тамбовской области"])
        #expect(ExecutorList(parsing: "Гродненский областной ЦГЭОЗ, зональные и районные центры гигиены и эпидемиологии").executors.map(\.name)
            == ["Гродненский областной ЦГЭОЗ", "зональные и районные центры гигиены и эпидемиологии"])
        #expect(ExecutorList(parsing: "МБУ Центр психолого-педагогической, медицинской и социальной помощи").executors.map(\.name)
            == ["МБУ Центр психолого-педагогической, медицинской и социальной помощи"])
        // An institution's legal form spelled out in small letters opens a name of its own (2201).
        #expect(ExecutorList(parsing: "Министерство образования Сахалинской области, государственное бюджетное образовательное учреждение "
                             + "дополнительного профессионального образования \"Институт развития образования\"").executors.map(\.name)
            == ["Министерство образования Сахалинской области",
                "государственное бюджетное образовательное учреждение дополнительного профессионального образования \"Институт развития образования\""])
        #expect(ExecutorList(parsing: "Отдел образования, муниципальное казённое учреждение «Центр обеспечения»").executors.count == 2)
        // Two institutions without a comma, the second opening with its legal form (1601).
        #expect(ExecutorList(parsing: "МБОУ ДОД Центр детского творчества МБОУ ДОД Бурлинская детская школа искусств").executors.map(\.name)
            == ["МБОУ ДОД Центр детского творчества", "МБОУ ДОД Бурлинская детская школа искусств"])
        #expect(ExecutorList(parsing: "Управление образования МКУ «Центр сопровождения»").executors.count == 2)
        // A post at an institution, and institutions joined by «и», stay one.
        #expect(ExecutorList(parsing: "Директор МБОУ СОШ № 5").executors.count == 1)
        #expect(ExecutorList(parsing: "МБОУ СОШ № 5 и МБДОУ № 7").executors.map(\.name) == ["МБОУ СОШ № 5 и МБДОУ № 7"])
        #expect(ExecutorList(parsing: "Заместитель директора МАОУ СОШ № 2 по УВР").executors.count == 1)
        // A person, then a group with a capital and no comma: two (008); a post after the name stays hers.
        #expect(ExecutorList(parsing: "Столярова И.В. Классные руководители").executors.map(\.name) == ["Столярова И.В.", "Классные руководители"])
        #expect(ExecutorList(parsing: "Петрова И.И. Заместитель начальника").executors.count == 1)
        // The same word inside a name does not: «…, областного бюджетного учреждения» continues it.
        #expect(ExecutorList(parsing: "МБУ Центр психолого-педагогической, медицинской и социальной помощи, бюджетная часть").executors.count == 1)
    }

    /// «(по согласованию)»: the body takes part if it agrees; the remark is no part of its name.
    @Test func aRemarkThatTheBodyMustAgreeIsNoPartOfItsName() {
        #expect(ExecutorList(parsing: "ОМВД России по району (по согласованию), управление образования").executors.map(\.name)
                == ["ОМВД России по району", "управление образования"])
        #expect(ExecutorList(parsing: "ГИБДД по согласованию; МБОУ СОШ № 2 (по согл.)").executors.map(\.name) == ["ГИБДД", "МБОУ СОШ № 2"])
        #expect(ExecutorList(parsing: "Отдел полиции\n(по согласованию)").executors.map(\.name) == ["Отдел полиции"])
    }

    /// «МБОУ СОШ №№ 1-3»: a short range of numbers is each school of it.
    @Test func aRangeOfSchoolNumbers() {
        #expect(ExecutorList(parsing: "МБОУ СОШ №№ 1-3").executors.map(\.name) == ["МБОУ СОШ № 1", "МБОУ СОШ № 2", "МБОУ СОШ № 3"])
        #expect(ExecutorList(parsing: "ОО № 4–5, Гимназия № 7").executors.map(\.name) == ["ОО № 4", "ОО № 5", "Гимназия № 7"])
        // Not a range: one number, a year span, a range too long to be schools of one list.
        #expect(ExecutorList(parsing: "МБОУ СОШ № 1-3 корпус").executors.count == 1)
        #expect(ExecutorList(parsing: "Школа № 1 - 500").executors.count == 1)
    }

    /// «Зам. начальника управления образования Петрова И.И.»: a post and a person, not a body.
    @Test func aDeputyHeadNamedWithTheBodyIsAPerson() {
        #expect(Executor.kind(of: "Зам. начальника управления образования Петрова И.И.") == .personRole)
        #expect(Executor.kind(of: "Зам. заведующего по ВМР") == .personRole)
    }

    /// «МКУ «ЦОДОУ» (Иванова Т.А.)»: the organisation, and the person to ask there.
    /// A mark left in a cell (a merged cell's «^», a dash for «nobody», a remark alone) names
    /// nobody: it was created as an organisation with an empty name, which the database refused.
    @Test(arguments: ["^", "—", "-", "«»", "(по согласованию)", "^; —", "…"])
    func aMarkAloneNamesNobody(cell: String) {
        #expect(ExecutorList(parsing: cell).executors.isEmpty)
    }

    /// A college's plan: deputy heads named by their areas of work, and its other posts.
    @Test func aPostOverSeveralAreasOfWorkIsOnePost() {
        let list = ExecutorList(parsing: "Заместители директора по УР, ВР, УПР, заведующие отделениями")
        #expect(list.executors.map(\.name) == ["Заместители директора по УР, ВР, УПР", "заведующие отделениями"])
        #expect(list.executors.allSatisfy { $0.kind == .personRole })
        let posts = ExecutorList(parsing: "Ведущий юрисконсульт, главный бухгалтер, преподаватели ЦК № 3")
        #expect(posts.executors.map(\.name) == ["Ведущий юрисконсульт", "главный бухгалтер", "преподаватели ЦК № 3"])
        #expect(posts.executors.allSatisfy { $0.kind == .personRole })
        // An organisation named after a work area stays apart: «ВР» alone after a school.
        #expect(ExecutorList(parsing: "МБОУ СОШ № 5, ВР").executors.count == 2)
    }

    /// Posts and staff the corpus's plans name, which are nobody's organisation: heads of
    /// settlements, a school's nurse, cooks and caretakers, its commissions and councils, posts
    /// shortened («Зав.», «Нач.», «Гл.») or in the plural («Директора школ», «Методисты»).
    @Test(arguments: [
        "Главы поселений", "главы администраций сельских поселений", "Гл. специалист по охране окружающей среды администрации",
        "гл. архитектор", "Директора школ", "Зав. библиотекой", "Зав.библиотекой Н.В.Павлова", "Зав. ясли-садами",
        "Нач.хоз.отдела", "Проректор по АХР", "методисты АРИПК", "Региональные координаторы", "Классные воспитатели",
        "врач-педиатр", "Старшая медицинская сестра", "мед.сестра", "медработник", "муз. работник", "Муз. руководитель",
        "дежурный администратор", "Дежурный класс", "дворники", "Повара", "рабочий по обслуживанию", "инженер-программист",
        "Экскурсоводы музейной комнаты", "Руководство гимназии", "представители профсоюзной организации", "актив музея",
        "Педагогический совет", "методическая служба", "Творческая группа отряда волонтёров", "Комиссия по питанию",
        "комиссия по ОТ", "Школьная комиссия", "Экспертная комиссия", "приемные комиссии ссузов/вузов",
        "мастера производственного обучения", "Комиссия", "Оргкомитет праздника", "Попечительский Совет", "Женсоветы",
        "Педагогические работники", "Первый проректор", "Все учителя МО", "Зайцева Надежда Владимировна",
        "Зайцева Надежда Владимировна, преподаватель ГБПОУ «Дубовский педагогический колледж»", "Петров Илья Ильич",
        "ДмитриеваТ.В.", "Колесников АВ", "Шевченко ОН",
    ])
    func aPostOrAStaffBodyIsNoOrganisation(name: String) {
        #expect(Executor.kind(of: name) == .personRole, "\(name)")
    }

    /// Bodies whose names open like a post's are still organisations.
    @Test(arguments: [
        ("Главное управление МЧС России по Тамбовской области", ExecutorKind.partner),
        ("Комитет образования", .committee), ("Совет ветеранов", .other), ("МКУ «Методический центр»", .municipalInstitution),
        // Three capitalised words are not a person without a patronymic: «Дом Детского Творчества».
        ("Дом Детского Творчества", .municipalInstitution), ("Муниципальная конкурсная комиссия", .other),
        // Two capitals after a word that is no surname: a body and its short name.
        ("Отдел ОО", .other), ("Лицей ИТ", .school), ("МО НСО", .other),
    ] as [(String, ExecutorKind)])
    func aBodyThatOpensLikeAPostStaysABody(name: String, kind: ExecutorKind) {
        #expect(Executor.kind(of: name) == kind, "\(name)")
    }

    /// Two posts after a comma are two executors, and a post after a person whose post is said
    /// is another one's; after a bare person, it is that person's.
    @Test func postsInOneCellAreSplit() {
        #expect(ExecutorList(parsing: "главы администраций сельских поселений, главы сельских поселений").executors.map(\.name)
                == ["главы администраций сельских поселений", "главы сельских поселений"])
        #expect(ExecutorList(parsing: "Гл. специалист по охране окружающей среды администрации, гл. архитектор").executors.count == 2)
        #expect(ExecutorList(parsing: "Администрация, комиссия по ОТ").executors.map(\.name) == ["Администрация", "комиссия по ОТ"])
        #expect(ExecutorList(parsing: "медицинский работник Новикова Т.В., дежурный администратор").executors.map(\.name)
                == ["медицинский работник Новикова Т.В.", "дежурный администратор"])
        #expect(ExecutorList(parsing: "Савиных Л.Ю., мед.сестра").executors.map(\.name) == ["Савиных Л.Ю., мед.сестра"])
    }

    @Test func aMarkBesideANameLeavesTheName() {
        #expect(ExecutorList(parsing: "МБОУ СОШ № 5; ^").executors.map(\.name) == ["МБОУ СОШ № 5"])
    }

    @Test func aContactInBracketsIsAPersonBesideTheOrganisation() {
        let list = ExecutorList(parsing: "МКУ «ЦОДОУ» (Иванова Т.А.), МБОУ СОШ № 3 (Петров П.П., Сидорова А.А.)")
        #expect(list.executors.map(\.name) == ["МКУ «ЦОДОУ»", "Иванова Т.А.", "МБОУ СОШ № 3", "Петров П.П.", "Сидорова А.А."])
        #expect(list.executors.map(\.kind) == [.municipalInstitution, .personRole, .school, .personRole, .personRole])
        // Not a contact: a remark, a former name, a person's post.
        #expect(ExecutorList(parsing: "МБОУ СОШ № 3 (филиал)").executors.map(\.name) == ["МБОУ СОШ № 3 (филиал)"])
        #expect(ExecutorList(parsing: "Заместитель директора (Иванова И.И.)").executors.count == 1)
        // The other way round: the person, then the organisation they answer for.
        let people = ExecutorList(parsing: "Должиков В.Ю. (ГДК), Сулкова О.С. (библиотека им. Ленина)")
        #expect(people.executors.map(\.name) == ["Должиков В.Ю.", "ГДК", "Сулкова О.С.", "библиотека им. Ленина"])
        #expect(people.executors.map(\.kind) == [.personRole, .partner, .personRole, .partner])
        #expect(ExecutorList(parsing: "Субботова С.В. (ДХШ, ДШИ)").executors.map(\.name) == ["Субботова С.В.", "ДХШ", "ДШИ"])
        // Not an organisation in brackets: a remark, a post.
        #expect(ExecutorList(parsing: "Петрова И.И. (зам. директора)").executors.map(\.name) == ["Петрова И.И. (зам. директора)"])
        #expect(ExecutorList(parsing: "Петрова И.И. (по согласованию)").executors.map(\.name) == ["Петрова И.И."])
    }

    /// A whole kind of organisation named as one executor, and names that only look like one.
    @Test(arguments: [
        ("ОО", ExecutorGroup.schools), ("все ОО района", .schools), ("Общеобразовательные организации города Тамбова", .schools),
        ("муниципальные общеобразовательные учреждения", .schools), ("все школы города", .schools), ("Все МБОУ", .schools),
        ("ДОУ", .kindergartens), ("все ДОО", .kindergartens), ("дошкольные образовательные учреждения района", .kindergartens),
        ("Детские сады", .kindergartens), ("все МБДОУ", .kindergartens),
        ("образовательные организации", .schoolsAndKindergartens), ("ОО и ДОО", .schoolsAndKindergartens),
        ("Образовательные учреждения Тамбовского района", .schoolsAndKindergartens),
    ] as [(String, ExecutorGroup)])
    func aWholeKindOfOrganisation(name: String, group: ExecutorGroup) {
        #expect(ExecutorGroup(naming: name) == group)
    }

    @Test(arguments: [
        "Руководители ОО", "ОО № 5", "МБОУ СОШ № 5", "МБОУ", "МБДОУ «Детский сад № 7»", "Управление образования",
        "образовательные организации, реализующие программы СПО", "ООО «Ромашка»", "школа № 3", "Школы искусств",
        "ОО, в которых созданы центры «Точка роста»",
    ])
    func notAWholeKind(name: String) {
        #expect(ExecutorGroup(naming: name) == nil)
    }
}
