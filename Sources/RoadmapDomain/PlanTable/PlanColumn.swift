/// What a column of a plan table holds, recognised from its header by meaning, whatever the
/// wording or order: «Планируемые действия», «Мероприятие» and «Наименование мероприятия» are
/// all `.action`; «Сроки реализации», «Срок» and «Дата» are all `.deadline`.
public enum PlanColumn: String, CaseIterable, Hashable, Sendable {
    /// «№ п/п»
    case number
    /// «Планируемые действия», «Мероприятие», «Наименование мероприятия», «Содержание работы»
    case action
    /// «Ожидаемые результаты», «Результат»
    case result
    /// «Сроки реализации», «Срок», «Дата», «Период»
    case deadline
    /// «Ответственный исполнитель», «Ответственный», «Исполнители»
    case executor
    /// «Место проведения»
    case venue
    /// A partners' table: «Социальный партнер», «Направления взаимодействия. Название учреждений»
    case partner
    /// «Цель», «Цель взаимодействия»
    case purpose
    /// «Формы взаимодействия»
    case forms
    /// «Социальный эффект»
    case effect
    /// «Примечание», «Отметка о выполнении»: a column the plan leaves for remarks or for the
    /// executor to fill in. Read as part of the header, so the columns after it keep their
    /// places; its cells are not part of the plan.
    case note
    /// «Участники», «Участники мероприятия»: who takes part (classes, parents), not who answers
    /// for it; a column of its own, read past.
    case participants
    /// «Стоимость в тыс. руб.», «Объём финансирования»: what the action costs.
    case cost
    /// «Направление деятельности» or «Раздел» beside «Мероприятия»: a merged column whose
    /// text heads the rows beside it (a section of the plan). Set by `PlanTableLayout` from
    /// the two headings together, never by one heading alone.
    case group
    /// «Задачи», «Задача»: the task the rows beside it serve (a merged column).
    case task

    /// Stems tried in this order: the first column kind with a stem in the header wins
    /// («Ответственный исполнитель» is an executor before anything else).
    static let stems: [(PlanColumn, [String])] = [
        (.number, ["№", "п/п", "номер"]),
        // Before the deadline: «Отметка о выполнении (дата)» is the executor's column, not a date.
        // «Краткое описание выполненных заданий», «Информация о выполнении»: filled in by the
        // executor afterwards, as the marks are.
        (.note, ["примечани", "отметка о выполнени", "отметка об исполнени", "отметка о исполнени", "отметки о выполнени",
                 "описание выполненн", "информация о выполнени", "информация об исполнени"]),
        // «Отв.», «Кто проводит»: who does it, as narrow columns and school plans name it.
        // («Организатор» is no stem: «Педагог-организатор» is a post in the rows.)
        (.executor, ["ответствен", "ответств.", "исполнител", "кто проводит", "кто отвечает", "отв.", "отв "]),
        // «Место, время», «Место и время»: a schedule's one column for both, its cells dates.
        // «Дни»: a camp's or a week's plan, a day a row. «Частота проведения»: how often, as
        // «Периодичность» says it. «Ориентировочное время» (проведения): the federal template
        // of a school's calendar plan, its heading wrapped.
        (.deadline, ["срок", "дата", "период", "месяц", "когда", "время проведени", "время и место", "место, время", "место и время",
                     "начало", "окончани", " дни", "частота", "ориентировочное время"]),
        (.venue, ["место"]),
        // Before the actions: «Участники мероприятия» names who takes part, not the event.
        // «Целевая аудитория»: whom the action is for.
        (.participants, ["участник", "аудитори"]),
        (.effect, ["эффект"]),
        // «Форма отчётности», «Итоговый документ» say what the action yields, not how
        // partners work together («Формы взаимодействия»).
        (.result, ["форма отчет", "формы отчет", "отчетност", "итоговый документ", "итоговые документы"]),
        (.forms, [" форм"]),
        (.result, ["результат", "показател"]),
        // Before the actions: «Стоимость работ» is what they cost.
        (.cost, ["стоимост", "тыс. руб", "тыс.руб", "объем финансирования", "объём финансирования", "финансовые затраты", "сумма"]),
        (.purpose, ["цель"]),
        // «Направления деятельности» lists what is done, as «Мероприятия» does; a partners'
        // table names «Направления взаимодействия» and institutions.
        (.action, ["направления деятельности", "направление деятельности", "направления работы", "направление работы"]),
        // «Направления, мероприятия»: the column lists actions, whatever it groups them by.
        (.action, ["мероприяти"]),
        // «Направление, тема»: the topic of each row is what is done.
        (.action, [" тема", " темы", " тематика"]),
        (.partner, ["партн", "партер", "направлени", "учрежден", "организаци"]),
        // «Тема», «Рассматриваемые вопросы», «Повестка дня», «Дела», «Задания»: a council's or a
        // school's plan names what is done so.
        // «Деятельность» alone heads what a council does.
        (.action, ["мероприяти", "действи", "наименовани", "содержани", "вид деятельности", " деятельность", "работ", " тема", " темы",
                   " тематика", " вопрос", "повестк", " дела", " задани"]),
        // «Предмет» of an olympiad's or exams' schedule: one round a row.
        (.action, [" предмет"]),
    ]

    /// «Направление деятельности», «Основные направления работы», «Раздел», «Блок», «Этап»,
    /// «Тема недели»: a heading that groups actions when another column names them.
    static func namesAGrouping(_ header: String) -> Bool {
        var text = RussianText.folded(RussianText.collapsingWhitespace(header))
        if text.hasPrefix("основные ") { text.removeFirst("основные ".count) }
        return ["направлен", "раздел", "блок", "этап", "модуль", "тема недели", "тема дня", "тема месяца"].contains { text.hasPrefix($0) }
            || namesAnOccasion(text)
    }

    /// «Наименование памятной даты/День воинской славы», «Знаменательная дата»: the day the
    /// events beside it mark, a grouping of them, not their deadline.
    static func namesAnOccasion(_ folded: String) -> Bool {
        ["памятн", "знаменательн", "день воинской славы", "дни воинской славы", "памятные даты"].contains { folded.contains($0) }
    }

    /// «Задачи», «Задача», «Задачи проекта»: a heading of the tasks the actions beside them
    /// serve (never «Задачи и мероприятия», which names the actions).
    static func namesTasks(_ header: String) -> Bool {
        let text = RussianText.folded(RussianText.collapsingWhitespace(header))
        return (text == "задачи" || text == "задача" || text.hasPrefix("задачи ") || text.hasPrefix("задача "))
            && !["мероприят", "действи", "работ"].contains { text.contains($0) }
    }

    /// «n», «no», «n°», with a dot or not, then « п/п» or not. (Without a regex: this runs for
    /// every word of a text copy, and a regex literal is compiled again at each use.)
    static func isLatinNumberSign(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.hasSuffix("п/п") {
            rest = rest.dropLast(3)
            while rest.last?.isWhitespace == true { rest = rest.dropLast() }
        }
        if rest.hasSuffix(".") { rest = rest.dropLast() }
        return rest == "n" || rest == "no" || rest == "n°"
    }

    /// The kind of column a header names, or nil when it names none (an empty header, a goal
    /// column). Long cells are text, not headers.
    public init?(header: String) {
        // A heading is at most 80 characters once its tags are gone and its spaces collapsed;
        // a cell with more letters than that is not one, and cleaning it all would cost more.
        if !RussianText.containsBytes(header, "<"),
           RussianText.isLonger(header, than: 80, counting: { !$0.isWhitespace && $0 != "\u{200B}" && $0 != "\u{FEFF}" }) {
            return nil
        }
        let text = RussianText.nfc(RussianText.folded(RussianText.collapsingWhitespace(RussianText.removingTags(header))))
        guard !text.isEmpty, text.count <= 80 else { return nil }
        if text.hasPrefix("цель:") || text.hasPrefix("задачи:") || Self.namesAnOccasion(text) { return nil }
        // «Дата20.09.2022», a file card's field glued to its value: a heading names a column,
        // it holds no day of its own.
        if text.rangeOfMatch(#"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d.])"#) != nil { return nil }
        // «Организация наставничества.»: a sentence, not a heading; a heading ends in a dot
        // only after an abbreviation («Отв.», «Ответственный исп.», «Ответств. исполнит.»: every
        // word cut short).
        if text.hasSuffix("."), case let words = text.split(separator: " "), let last = words.last, last.count > 6, words.count >= 2,
           !words.allSatisfy({ $0.hasSuffix(".") }) {
            return nil
        }
        // «№1», «№ 5», «N 12»: a number, a row's or a meeting's, not the numbers' heading.
        if let first = text.first, first == "№" || first == "n", text.dropFirst().trimmingCharacters(in: .whitespaces).allSatisfy(\.isNumber),
           text.count > 1 {
            return nil
        }
        // Legal databases print «№» as a Latin «N»: «N», «N п/п», «No».
        if Self.isLatinNumberSign(text) {
            self = .number
            return
        }
        // A stem written with a space starts a word: «Формы взаимодействия», never «Информационный
        // час»; «Тема», never «Система».
        // Compared as bytes (both NFC): Foundation's `contains` folded every character of the
        // cell for each of the stems, a seventh of a 500-school plan's reading.
        func names(_ stem: String) -> Bool {
            guard stem.hasPrefix(" ") else { return RussianText.containsBytes(text, stem) }
            let word = String(stem.dropFirst())
            return text.hasPrefix(word) || RussianText.containsBytes(text, stem)
        }
        // «Организатор» alone heads the executors of an event plan (beside «Ответственные», a
        // second executors' column); a stem it is not: «Педагог-организатор» fills the rows of
        // many plans.
        if ["организатор", "организаторы", "организатор мероприятия", "организаторы мероприятия", "организаторы мероприятий"].contains(text) {
            self = .executor
            return
        }
        // «Проводящая организация», «Проводящая и финансирующая организация»: who holds the
        // event, an executor (not a partner, which «организаци» would make it).
        if text.hasPrefix("проводящ") {
            self = .executor
            return
        }
        // «Направление воспитательной деятельности», «Направления методической работы»: what
        // is done, whatever word stands between (never «Направления взаимодействия», a
        // partners' column).
        if text.hasPrefix("направлени") || text.hasPrefix("основные направлени"),
           RussianText.containsBytes(text, "деятельност") || RussianText.containsBytes(text, " работ") {
            self = .action
            return
        }
        // «Исполнение», «Выполнение» alone: the column where the execution is marked.
        if text == "исполнение" || text == "выполнение" {
            self = .note
            return
        }
        // «Название мероприятия и форма проведения»: the action, its form said after it
        // (never «Форма проведения мероприятия», the form of each).
        if let action = text.range(of: "мероприяти"), let form = text.range(of: " форм"), action.lowerBound < form.lowerBound,
           !text.hasPrefix("форм") {
            self = .action
            return
        }
        for (column, stems) in Self.stems where stems.contains(where: names) {
            // «№ п/п» is short; «Наименование учреждения № …» is not a number column.
            if column == .number && text.count > 12 { continue }
            self = column
            return
        }
        // «Ответст-венный», «Кол-во участ-ников»: a narrow column's heading that kept its
        // line-break hyphen.
        if text.contains("-"), case let joined = text.replacing(/(\p{Ll}{3})-(\p{Ll}{2})/, with: { "\($0.output.1)\($0.output.2)" }), joined != text,
           let kind = PlanColumn(header: joined), [.executor, .deadline, .action, .participants].contains(kind) {
            self = kind
            return
        }
        return nil
    }
}
