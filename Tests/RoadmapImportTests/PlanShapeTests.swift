import Foundation
@testable import RoadmapDomain
import Testing

@testable import RoadmapImport

/// Shapes met in new development documents of the corpus, each written small here so that a
/// change which loses one fails by name, not only as a lower corpus rate.
@Suite("Plan shapes from the development corpus")
struct PlanShapeTests {
    private func plan(_ text: String, name: String = "plan.txt") throws -> PlanDraft {
        try PlanDocumentParser().parse(try DocumentReader.read(data: Data(text.utf8), fileName: name))
    }

    /// «п/п» over rows whose number cells are empty (a space), a paragraph a cell: the first
    /// row's first line («Размещение информации о проведении») is no heading of the header,
    /// and «Сроки» / «выполнения мероприятий» is one heading.
    @Test func aNumberColumnNoRowFillsLeavesTheFirstRowWhole() throws {
        let text = ["План проведения Недели нулевого травматизма", "п/п", "Наименование мероприятий", "Сроки",
                    "выполнения мероприятий", "Ответственные лица за выполнение мероприятий", " ",
                    "Размещение информации о проведении", "« Недели нулевого травматизма» на официальных сайтах учреждения образования.",
                    "до 12.02.2024", "Петлицкая А.П. заведующий", " ",
                    "Проведение инструктажей по охране труда с работниками учреждения образования.", "до 14.02.2024",
                    "Полегошка С.А. общественный инспектор по ОТ"].joined(separator: "\n\n")
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["до 12.02.2024", "до 14.02.2024"])
        #expect(read.actions[0].title.hasPrefix("Размещение информации о проведении « Недели"))
    }

    /// «Содержание | Сроки выполнения», a paragraph a cell: each row is a few numbered items
    /// (numbered again in each row) that its month ends; one named a kindergarten is an item,
    /// not an executor (the table has no executors' column).
    @Test func itemsThatTheirMonthEnds() throws {
        let text = ["План работы попечительского совета на 2024 год", "Содержание", "Сроки выполнения",
                    "Общее собрание попечительского совета:", "1. Отчет о формировании средств за 2023 г.",
                    "2. Утверждение плана работы на 2024 год.", "Январь",
                    "1. Помощь в перестановке мебели в группах", "2. Помощь в обновлении физкультурного оборудования.", "Февраль",
                    "1. Оказание помощи в благоустройстве территории детского сада.", "2. Оказание помощи в доставке песка.", "Март"]
            .joined(separator: "\n\n")
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["Январь", "Февраль", "Март"])
        #expect(read.actions[2].title == "1. Оказание помощи в благоустройстве территории детского сада. 2. Оказание помощи в доставке песка.")
        #expect(read.actions.allSatisfy { $0.executors.isEmpty })
    }

    /// A heading of the actions' column in words the columns do not know («События»),
    /// before the deadline's: the column of the longest texts is the actions', in a «|» table
    /// and in a copy with a cell a line; a short unknown column (classes) is not.
    @Test func anActionsColumnInWordsTheColumnsDoNotKnow() throws {
        let table = """
            План работы
            № | События | Классы | Сроки | Ответственные
            1 | Классные часы о безопасности на дорогах | 1-4 | сентябрь | Классные руководители
            2 | Встреча с инспектором ГИБДД для учащихся начальной школы | 1-4 | октябрь | Заместитель директора
            """
        let read = try plan(table)
        #expect(read.actions.map(\.deadline.text) == ["сентябрь", "октябрь"])
        #expect(read.actions.map(\.title) == ["Классные часы о безопасности на дорогах",
                                                "Встреча с инспектором ГИБДД для учащихся начальной школы"])
        let lines = ["План работы", "№ |", "События |", "Сроки |", "Ответственные |",
                     "1 |", "Классные часы о безопасности на дорогах |", "сентябрь |", "Классные руководители |",
                     "2 |", "Встреча с инспектором ГИБДД для учащихся |", "октябрь |", "Заместитель директора |"].joined(separator: "\n")
        #expect(try plan(lines).actions.map(\.deadline.text) == ["сентябрь", "октябрь"])
    }

    /// A row whose copy lost its empty deadline's cell («1 | Издание приказов … | Директор,
    /// Зам.УВР Каримов К.А. | приказы | |»): the posts go back to the executors, and the
    /// deadline is left empty, never read from a person's name.
    @Test func aRowThatLostItsEmptyDeadlineCell() throws {
        let text = """
            План по аттестации педагогических работников на 2023-2024 учебный год
            № п/п | Мероприятия | Сроки | Ответственные | Форма завершения |
            1 | Издание приказов о создании аттестационной комиссии | Директор, Зам.УВР Каримов К.А. | приказы | |
            2 | Прием заявлений на аттестацию | до 01.09.23 | Зам.УВР Каримов К.А. | Регистрация заявлений |
            3 | Рассмотрение портфолио аттестуемых учителей | до 20.10.23 | Экспертная комиссия | Решение комиссии |
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["", "до 01.09.23", "до 20.10.23"])
        #expect(read.actions[0].executors.map(\.name) == ["Директор", "Зам.УВР Каримов К.А."])
        // The preview says the action has no deadline, for a person to give it one.
        #expect(read.warnings.contains { $0.kind == .noDeadline })
    }

    /// Legal databases print «№» as a Latin «N»; the header's cells come one per line.
    @Test func latinNumberSignHeadsTheNumberColumn() throws {
        for header in ["N", "N п/п", "No", "№"] {
            #expect(PlanColumn(header: header) == .number, "\(header)")
        }
        #expect(PlanColumn(header: "Nota bene") == nil)
        let text = """
            N |
            Наименование мероприятия |
            Сроки проведения |
            Исполнители |
            Соисполнители |
            Источник финансирования |
            1. Общесистемные мероприятия
            | |||||
            1. |
            Поддержка профессиональных ассоциаций |
            Ежегодно |
            Департамент общего образования |
            2. |
            Конкурс методических разработок |
            IV квартал 2024 г. |
            Департамент общего образования |
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Поддержка профессиональных ассоциаций", "Конкурс методических разработок"])
        #expect(read.actions.map(\.deadline.text) == ["Ежегодно", "IV квартал 2024 г."])
        #expect(read.actions.map(\.section) == ["1. Общесистемные мероприятия", "1. Общесистемные мероприятия"])
    }

    /// «N | Наименование документа |» then the other headings on lines below: the first line
    /// names only the number and the action, so the cells are read as one stream.
    @Test func aHeaderBrokenOverPipeLines() throws {
        let text = """
            График предоставления отчетных документов
            N | Наименование документа |
            Контролирующий орган | Сроки предоставления отчетных форм |
            Ответственный |
            1. | Отчет о расходах бюджета |
            Рособразование |
            Ежемесячно до 15 числа месяца, следующего за отчетным периодом |
            Трегубова Г.В. |
            2. | Отчет о численности классных руководителей |
            Рособразование |
            до 20 января 2008 г. |
            Трегубова Г.В. |
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Отчет о расходах бюджета", "Отчет о численности классных руководителей"])
        #expect(read.actions.map(\.deadline.text) == ["Ежемесячно до 15 числа месяца, следующего за отчетным периодом", "до 20 января 2008 г."])
        #expect(read.actions[1].deadline.period?.last.iso == "2008-01-20")
    }

    /// «Плановое начало | Плановое окончание»: two dates make one period.
    @Test func startAndEndColumnsMakeOnePeriod() throws {
        let text = """
            | № | Наименование мероприятия | Ответственный исполнитель | Плановое начало | Плановое окончание |
            |---|---|---|---|---|
            | 1 | Заключение соглашения | Управление образования | 20.03.2008 | 30.12.2008 |
            | 2 | Отчёт о выполнении | Управление образования | | 15.01.2009 |
            | 3 | Семинар | Управление образования | 05.02.2009 | 05.02.2009 |
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["20.03.2008 – 30.12.2008", "15.01.2009", "05.02.2009"])
        #expect(read.actions[0].deadline.period?.first.iso == "2008-03-20")
        #expect(read.actions[0].deadline.period?.last.iso == "2008-12-30")
        #expect(read.actions.map(\.executors.first?.name) == ["Управление образования", "Управление образования", "Управление образования"])
    }

    /// «Место и дата проведения»: the place, then the date; the date is the deadline.
    @Test func aPlaceBeforeTheDateInOneCell() throws {
        let deadline = try DeadlineParser().parse("Библиотеки образовательных учреждений 9 - 11 июня 2003 г.")
        #expect(deadline.period?.first.iso == "2003-06-09")
        #expect(deadline.period?.last.iso == "2003-06-11")
        // A place alone is no date, and strict reading does not look for one inside.
        #expect(try DeadlineParser().parse("Образовательные учреждения").isParsed == false)
        #expect(try DeadlineParser().parse("Библиотеки 9 - 11 июня 2003 г.", rereading: false).isParsed == false)
    }

    /// Rows that lost their borders: «октябрь, в течение года» is one deadline cell, though
    /// only «в течение года» reads on its own.
    @Test func aListedMonthBeforeTheDeadlineFoundStaysInTheCell() throws {
        let text = """
            № п/п Наименование мероприятия Срок исполнения Участники (классы) Ответственный
            1. Урок общения «Слава тебе, Солдат» в течение года 1 - 11 Классные руководители
            2. Беседы с представителями патриотического Центра октябрь, в течение года 9-11 Каменская В.А.
            3. Организация фотовыставки «Город в войну». ноябрь 1 - 11 Лапина О.В.
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Урок общения «Слава тебе, Солдат»", "Беседы с представителями патриотического Центра",
                                              "Организация фотовыставки «Город в войну»."])
        #expect(read.actions.map(\.deadline.text) == ["в течение года", "октябрь, в течение года", "ноябрь"])
    }

    /// Cells ended by «|» and wrapped over short lines, the number's heading «N» / «п/п |»
    /// wrapped before the first «|», a numbering row with its empty cells dropped, and a
    /// subprogramme, a goal and a task spanning the table.
    @Test func cellsWrappedOverShortLinesWithAGoalAndATask() throws {
        let text = """
            N
            п/п |
            Наименование направления, блока
            мероприятий, мероприятия |
            Плановый срок
            исполнения |
            Исполнители |
            1 |
            2 |
            |
            |
            Подпрограмма 1 "Дошкольное образование" |
            Цель 1. Создание условий для развития детей |
            |
            Задача 1.1. Повышение доступности
            дошкольных услуг |
            |
            |
            1. |
            Ведение мониторинга сети
            дошкольных организаций |
            2008 - 2010
            ежемесячно |
            Управление
            образования |
            2. |
            Финансовая поддержка
            частных детских садов |
            2008 - 2010 |
            Управление
            образования |
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Ведение мониторинга сети дошкольных организаций", "Финансовая поддержка частных детских садов"])
        #expect(read.actions.map(\.deadline.text) == ["2008 - 2010 ежемесячно", "2008 - 2010"])
        #expect(read.actions.map { $0.executors.map(\.name) } == [["Управление образования"], ["Управление образования"]])
        let goal = try #require(read.goals.first { $0.title == "Создание условий для развития детей" })
        #expect(goal.tasks.map(\.title) == ["Повышение доступности дошкольных услуг"])
        #expect(goal.actions.map(\.taskPositions) == [[1], [1]])
        #expect(goal.actions.map(\.section) == ["Подпрограмма 1 \"Дошкольное образование\"", "Подпрограмма 1 \"Дошкольное образование\""])
    }

    /// The title's last lines run into the header («организацией» reads as a column name);
    /// the header starts at its number column.
    @Test func titleLinesBeforeANumberedHeaderAreNotHeadings() throws {
        let text = """
            П Л А Н
            работы школьной комиссии по осуществлению контроля за
            организацией
            и качеством школьного питания
            №№ |
            Мероприятия |
            Сроки
            исполнения |
            Ответственные |
            1. |
            Проверка двухнедельного меню |
            сентябрь январь |
            Школьная комиссия, медсестра |
            2. |
            Контроль за соблюдением графика работы столовой |
            октябрь, февраль |
            Завхоз школы |
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Проверка двухнедельного меню", "Контроль за соблюдением графика работы столовой"])
        #expect(read.actions.map(\.deadline.text) == ["сентябрь январь", "октябрь, февраль"])
    }

    /// One paragraph a cell, and row 2 lost its number: it is a row of its own, not the rest
    /// of row 1.
    @Test func aRowThatLostItsNumber() throws {
        let text = """
            №

            Мероприятие

            Дата проведения

            1

            Вводный инструктаж с персоналом школы

            август

            Приемка кабинетов к началу учебного года

            август

            3

            Производственное совещание

            сентябрь
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Вводный инструктаж с персоналом школы", "Приемка кабинетов к началу учебного года", "Производственное совещание"])
        #expect(read.actions.map(\.deadline.text) == ["август", "август", "сентябрь"])
    }

    /// Cells between lines of «|»: «Должность» heads the rows' texts (no heading of actions),
    /// two deadline columns headed alike, posts longer than the rows' texts, and the last two
    /// rows with their number cells left blank (a «|» alone): five rows, each its first
    /// deadline, a note over a month read as that month's.
    @Test func twoDeadlineColumnsAndRowsWithBlankNumbersBetweenLinesOfPipes() throws {
        let cells = [
            "№ п/п", "Должность", "Сроки обучения по пожарной безопасности", "Сроки обучения по оказанию первой помощи", "Ответственный",
            "1", "Вахтёр", "Март\n2024 г. (не реже одного раза в год)", "Март\nОктябрь", "Заместитель директора по АХЧ Петров П.П.\nСпециалист по охране труда Сидорова С.С.",
            "2", "Повар школьной столовой", "Март\n2024 г. (не реже одного раза в год)", "Март\nоктябрь", "Заместитель директора по АХЧ Петров П.П.\nСпециалист по охране труда Сидорова С.С.",
            "3", "Уборщик служебных помещений", "Апрель\n2024 г.", "Март\nоктябрь", "Заместитель директора по АХЧ Петров П.П.\nСпециалист по охране труда Сидорова С.С.",
            "", "Гардеробщик", "Апрель\n2024 г.", "Март\nоктябрь", "Заместитель директора по АХЧ Петров П.П.\nСпециалист по охране труда Сидорова С.С.",
            "", "Учитель химии", "Педагоги 1 раз в три года\nМай 2025 г.", "Март\nоктябрь", "Заместитель директора по АХЧ Петров П.П.\nСпециалист по охране труда Сидорова С.С.",
        ]
        // A blank number cell is a «|» right after the «|» that ends the row before.
        let text = "График обучения работников школы\n" + cells.map { $0.isEmpty ? "|" : $0 + "\n|" }.joined(separator: "\n")
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Вахтёр", "Повар школьной столовой", "Уборщик служебных помещений", "Гардеробщик", "Учитель химии"])
        #expect(read.actions.map { $0.deadline.period?.first.iso } == ["2024-03-01", "2024-03-01", "2024-04-01", "2024-04-01", nil])
        #expect(read.actions.first?.deadline.kind == .recurring, "«не реже одного раза в год» recurs yearly")
        #expect(read.actions.last?.deadline.text == "Педагоги 1 раз в три года\nМай 2025 г.", "kept as written, for a person")
        #expect(read.actions.allSatisfy { $0.executors.map(\.kind) == [.personRole, .personRole] })
    }

    /// Rows that each end with «|» but whose cells of several paragraphs break them over
    /// lines, the deadline first, sections of one cell, the copy cut in the last row's cell
    /// after its action: each row read from its first line to the one that ends with «|» (4703).
    @Test func pipeClosedRowsBrokenOverLines() throws {
        let text = """
            Сроки проведения | Мероприятие | Цель | Выход документа |
            Блок № 1 «Зимушка-зима»: декабрь 2025 – февраль 2026 года. |
            Декабрь «Здравствуй, зимушка-зима!» |
            1-я неделя | Беседа «Какая бывает зима».
            Д/игра «Когда это бывает?». | Уточнить знания детей о зиме.
            Развивать речь. | Конспект беседы.
            Картотека игр. |
            2-я неделя | Чтение: С. Есенин «Береза».
            Рисование «Снежинки». | Учить слушать стихотворение
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["1-я неделя", "2-я неделя"])
        #expect(read.actions.first?.title == "Беседа «Какая бывает зима». Д/игра «Когда это бывает?».")
    }

    /// Cells between lines of «|», no numbers: a section in capitals and a line that goes on
    /// the row above («Анализ:» then «показателей заболеваемости;») would put every later
    /// row out of step; the deadlines keep them in step.
    @Test func unnumberedRowsKeepInStepByTheirDeadlines() throws {
        let cells = ["Мероприятия", "Сроки", "Исполнитель", "ПРОФИЛАКТИЧЕСКАЯ РАБОТА", "Анализ:", "в течение года",
                     "медицинская сестра", "показателей заболеваемости за квартал;", "Лечебно-оздоровительной работы;",
                     "ежемесячно", "медицинская сестра,\nврач-педиатр", "Анализ летней оздоровительной работы",
                     "август", "медицинская сестра"]
        let read = try plan(cells.joined(separator: "\n|\n"))
        #expect(read.actions.map(\.title) == ["Анализ: показателей заболеваемости за квартал;", "Лечебно-оздоровительной работы;",
                                              "Анализ летней оздоровительной работы"])
        #expect(read.actions.map(\.deadline.text) == ["в течение года", "ежемесячно", "август"])
        #expect(read.actions.map(\.section) == ["ПРОФИЛАКТИЧЕСКАЯ РАБОТА", "ПРОФИЛАКТИЧЕСКАЯ РАБОТА", "ПРОФИЛАКТИЧЕСКАЯ РАБОТА"])
        #expect(read.actions[1].executors.map(\.name) == ["медицинская сестра", "врач-педиатр"])
    }

    /// A «---|---|» rule under a header of cells ended by «|»; an empty remark column; a
    /// deadline the parser reads only in part («до 31 января, по мере необходимости»); the
    /// last row cut after its executor.
    @Test func aRuleUnderTheHeaderAndDeadlinesReadInPart() throws {
        let text = """
            № п/п |
            Мероприятия |
            Сроки проведения |
            Ответственные исполнители |
            Примечание |
            ---|---|---|---|---|
            I. Организационная деятельность |
            ||||
            1.1. |
            Анализ работы по противодействию терроризму |
            до 31 января |
            Заведующий |
            |
            1.2. |
            Внесение изменений в локальные акты |
            до 31 января, по мере необходимости |
            Заместитель заведующего по безопасности |
            |
            1.3. |
            Проведение цикла исследований |
            Сентябрь - декабрь 2025 года, далее - ежегодно |
            Научный отдел |
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["до 31 января", "до 31 января, по мере необходимости",
                                                      "Сентябрь - декабрь 2025 года, далее - ежегодно"])
        #expect(read.actions.map { $0.executors.map(\.name) } == [["Заведующий"], ["Заместитель заведующего по безопасности"], ["Научный отдел"]])
    }

    /// A council's plan: «Тема» / «Рассматриваемые вопросы» name the actions; agendas with
    /// their own numbers stay inside the row.
    @Test func topicsAndQuestionsNameTheActions() throws {
        for header in ["Тема", "Рассматриваемые вопросы", "Повестка дня", "Дела", "Тематика"] {
            #expect(PlanColumn(header: header) == .action, "\(header)")
        }
        #expect(PlanColumn(header: "Система оценки") == nil)
        let text = """
            План работы попечительского совета на 2021-2022 учебный год
            № п\\п |
            Тема |
            Сроки проведения |
            Ответственный |
            1 |
            Организационное собрание: 1. Итоги работы за 2020/2021 год 2.Избрание членов совета |
            Сентябрь |
            Председатель попечительского совета |
            2 |
            Заседание совета по вопросам: 1. Новогодние праздники 2. Сбор средств |
            Декабрь |
            Председатель попечительского совета |
            """
        let read = try plan(text)
        #expect(read.actions.count == 2)
        #expect(read.actions.map(\.deadline.period?.first.iso) == ["2021-09-01", "2021-12-01"])
    }

    /// A header on one line with «|», rows without numbers, each after a lone «|», their
    /// cells split between «|» and line ends; the «№ п/п» column is filled by no row.
    @Test func aNumberColumnNoRowFills() throws {
        let text = """
            План работы по аттестации педагогических работников на 2017 – 2018 учебный год
            № п/п | Мероприятия | Сроки | Ответственный | Выход |
            |
            Создание школьной аттестационной комиссии. |
            август 2017 г. | Директор
            школы
            |
            Пакет
            документов
            |
            |
            Ознакомление коллектива с документами по аттестации. | Педсовет
            август 2017 г. |
            Директор
            школы
            |
            Информация
            |
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Создание школьной аттестационной комиссии.", "Ознакомление коллектива с документами по аттестации."])
        #expect(read.actions.map(\.deadline.text) == ["август 2017 г.", "Педсовет август 2017 г."])
        #expect(read.actions.map { $0.executors.map(\.name) } == [["Директор школы"], ["Директор школы"]])
    }

    /// A pipe table whose copy broke one row: its last cells come one a line, then the table
    /// goes on. A table of empty «||||» lines does not take the lines after it as cells.
    @Test func aPipeRowBrokenOverLines() throws {
        let text = """
            | № | Наименование мероприятия | Дата проведения | К-во уч-ков |
            |---|---|---|---|
            | 1. Мероприятия для воспитанников ДОУ | |||
            | 1.1 | Театрализованные представления в детских садах | Март-апрель 2011 | 1200 |
            | 2.1. | Участие в программе «Класс, свободный от курения» |
            в течение 2011 года |
            20 |
            |
            | 3.1 | Приобретение билетов в театры | июнь 2011 | 300 |
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["Март-апрель 2011", "в течение 2011 года", "июнь 2011"])
    }

    /// A section line after the header, then «|||||» (its empty cells), is no heading; a row
    /// whose action cell is empty gives no action.
    @Test func aSectionRightAfterTheHeaderAndARowWithoutAnAction() throws {
        let text = """
            План работы попечительского совета на 2022/2023 учебный год
            № п/п |
            Содержание работы |
            Сроки проведения |
            Ответственные |
            Отметка о выполнении |
            |
            Общие собрания попечительского совета |
            |||||
            1 |
            Итоги работы по подготовке к учебному году |
            Сентябрь 2022 |
            Председатель попечительского совета |
            ||
            2 |
            |
            Март, 2023 |
            Заведующий |
            ||
            3 |
            Отчёт о работе за год |
            Май, 2023 |
            Заведующий |
            ||
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Итоги работы по подготовке к учебному году", "Отчёт о работе за год"])
        #expect(read.actions.map(\.section) == ["Общие собрания попечительского совета", "Общие собрания попечительского совета"])
        #expect(read.warnings.contains { $0.kind == .rowWithoutAction })
    }

    /// Text from a PDF, a fragment a line and no borders: the last heading wrapped
    /// («ответствен» / «ный»), actions over several lines before their deadline, a deadline
    /// a word a line («в» / «течение» / «года»).
    @Test func fragmentsALineWithoutBorders() throws {
        let text = """
            План деятельности ДОУ по предупреждению дорожно-транспортного травматизма
            содержание
            сроки
            ответствен
            ный
            1.
            КОНСУЛЬТАЦИИ
            -«Взаимодействие с родителями по
            обучению правилам дорожного движения»
            сентябрь
            Старший
            воспитатель
            2.
            Обзор литературы по ПДД:
            -журналы «Дошкольное воспитание»
            в
            течение
            года
            Старший
            воспитатель
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["КОНСУЛЬТАЦИИ -«Взаимодействие с родителями по обучению правилам дорожного движения»",
                                              "Обзор литературы по ПДД: -журналы «Дошкольное воспитание»"])
        #expect(read.actions.map(\.deadline.text) == ["сентябрь", "в течение года"])
        #expect(read.actions.map { $0.executors.map(\.name) } == [["Старший воспитатель"], ["Старший воспитатель"]])
    }

    /// Rows without borders, a line each, numbered as the copy numbers them: sections share
    /// the actions' numbers or repeat them, and are told by having no deadline.
    @Test func flattenedLinesWhoseNumbersRepeat() throws {
        let text = """
            План мероприятий по обеспечению отдыха детей в 2014 году
            N п/п Наименование мероприятия Срок исполнения Исполнитель
            1 2 3 4
            1. Координация и организация оздоровительной кампании
            1 Проведение заседаний межведомственной комиссии по готовности лагерей. май Комиссия
            1 Обеспечение закупок продуктов питания для лагерей. май Комитет по экономике
            2. Мероприятия по проведению Года учителя
            3. Торжественное открытие Года учителя февраль 2014 года Министерство образования
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["май", "май", "февраль 2014 года"])
        #expect(read.actions.map(\.section) == ["1. Координация и организация оздоровительной кампании",
                                                "1. Координация и организация оздоровительной кампании",
                                                "2. Мероприятия по проведению Года учителя"])
        #expect(read.actions.map { $0.executors.map(\.name) } == [["Комиссия"], ["Комитет по экономике"], ["Министерство образования"]])
    }

    /// A pipe table whose first rows read as a table of their own (the header and a section),
    /// the rest wrapped over lines: read again as one stream of cells between «|».
    @Test func pipeRowsWrappedAfterASection() throws {
        let text = """
            План мероприятий месячника
            № п/п | Наименование мероприятий | Дата проведения | Место проведения | Ответственный за выполнение |
            I.Организационные мероприятия | ||||
            1. | Торжественное открытие месячника | 23.01.19 | Школа | Зам. директора по ВР
            Лазникова О.А. |
            2. | Торжественное закрытие месячника | 22.02.19 | Школа | Зам. директора по ВР
            Лазникова О.А. |
            II. Культурно-массовые мероприятия | ||||
            1. | Линейка памяти | 28.01.19 | Школа | Библиотекарь Горшкова С.В. |
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Торжественное открытие месячника", "Торжественное закрытие месячника", "Линейка памяти"])
        #expect(read.actions.map(\.deadline.text) == ["23.01.19", "22.02.19", "28.01.19"])
        #expect(read.actions.map(\.section) == ["I.Организационные мероприятия", "I.Организационные мероприятия",
                                                "II. Культурно-массовые мероприятия"])
    }

    /// Rows without borders whose period lost its dash («20.04. 20.05.2011», «январь май»):
    /// both ends stay in the deadline cell, for a person to read, and out of the action.
    @Test func flattenedPeriodsWithoutADash() throws {
        let text = """
            План проведения месячника безопасности дорожного движения
            Наименование мероприятий Сроки выполнения мероприятий Исполнители
            1 2 3
            1. Обеспечить освещение в средствах массовой информации целей месячника 20.04. 20.05.2011 Управление пресс-службы администрации области
            2. Областной конкурс социальных проектов январь май министерство образования области
            3. Подготовить отчёт за 20.04. 20.05.2011 Управление по вопросам безопасности
            4. Заседания методического совета сентябрь ноябрь январь март заместитель директора
            5. Проведение классных часов 2 раза в год, октябрь, апрель классные руководители
            """
        let read = try plan(text)
        // Months listed without commas, a meeting's each, are one cell however many.
        #expect(read.actions.map(\.deadline.text) == ["20.04. 20.05.2011", "январь май", "20.05.2011", "сентябрь ноябрь январь март",
                                                      "2 раза в год, октябрь, апрель"])
        #expect(read.actions[3].title == "Заседания методического совета")
        #expect(read.actions[4].title == "Проведение классных часов")
        #expect(read.actions[2].title == "Подготовить отчёт за 20.04.", "a date after «за» is what the action is about")
        #expect(!read.actions[0].deadline.isParsed, "two dates with no dash are not guessed to be a period")
    }

    /// Rows without borders whose deadline carries a note in brackets («Август (3 неделя)»,
    /// «ежедневно (в период эпидемии)») keep the note in the deadline's cell, not in the
    /// executors' or the action's; a semicolon ends the action before its deadline; a deadline
    /// before «далее» («сентябрь, далее – постоянно») opens the cell.
    @Test func flattenedDeadlinesWithANoteInBrackets() throws {
        let text = """
            План мероприятий
            № п/п Наименование мероприятия Срок исполнения Ответственные
            1. Педагогический совет Август (3 неделя) Директор школы
            2. Летняя оздоровительная кампания 23-30.06.2016 (по отдельному плану) Заместитель директора
            3. Влажная уборка помещений ежедневно (в период эпидемии) Завхоз
            4. Классные часы о здоровье 2 раза в год (в сентябре и мае) Классные руководители
            5. Анализ заболеваемости за квартал, полугодие, год; в течение года Медицинская сестра
            6. Родительские собрания март; ноябрь Классные руководители
            7. Обновление сайта сентябрь, далее – постоянно Заместитель директора
            8. Мониторинг питания с 15 мая 2014 г. и далее ежегодно Медицинская сестра
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == [
            "Август (3 неделя)", "23-30.06.2016 (по отдельному плану)", "ежедневно (в период эпидемии)",
            "2 раза в год (в сентябре и мае)", "в течение года", "март; ноябрь",
            "сентябрь, далее – постоянно", "с 15 мая 2014 г. и далее ежегодно",
        ])
        #expect(read.actions.map(\.title) == [
            "Педагогический совет", "Летняя оздоровительная кампания", "Влажная уборка помещений", "Классные часы о здоровье",
            "Анализ заболеваемости за квартал, полугодие, год;", "Родительские собрания",
            "Обновление сайта", "Мониторинг питания",
        ])
        #expect(read.actions.map { $0.executors.map(\.name) } == [
            ["Директор школы"], ["Заместитель директора"], ["Завхоз"], ["Классные руководители"], ["Медицинская сестра"],
            ["Классные руководители"], ["Заместитель директора"], ["Медицинская сестра"],
        ])
    }

    /// A copy that kept a line a row, under section lines without numbers: the lines over
    /// the first row and over a numbering that starts again are sections, and a row in small
    /// letters numbered next after the one above is a row, not a part of it.
    @Test func flattenedLinesUnderSectionsWithoutNumbers() throws {
        let text = """
            План мероприятий
            № п/п Наименование мероприятия Срок исполнения Ответственные
            Подпрограмма 1 "Развитие дошкольного образования"
            1. Ведение мониторинга сети дошкольных организаций 2008 - 2010 Управление образования
            2. осуществление мер финансовой поддержки организаций 2008 - 2010 Управление образования
            Подпрограмма 2 "Развитие общего образования"
            1. Обновление содержания образования Ежегодно Управление образования
            2. Развитие сети профильных классов В течение года Управление образования
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == [
            "Ведение мониторинга сети дошкольных организаций", "осуществление мер финансовой поддержки организаций",
            "Обновление содержания образования", "Развитие сети профильных классов",
        ])
        #expect(read.actions.map(\.deadline.text) == ["2008 - 2010", "2008 - 2010", "Ежегодно", "В течение года"])
        #expect(read.actions.map(\.section) == [
            "Подпрограмма 1 \"Развитие дошкольного образования\"", "Подпрограмма 1 \"Развитие дошкольного образования\"",
            "Подпрограмма 2 \"Развитие общего образования\"", "Подпрограмма 2 \"Развитие общего образования\"",
        ])
    }

    /// Rows without borders whose action ends in a year («за 2019 год», «в 2010 г.») or a
    /// closing quote parted by a space: the deadline starts after them, at a capital
    /// preposition its cell opens with, and a surname like a month's name is no deadline.
    @Test func flattenedActionsEndingInAYearOrAQuote() throws {
        let text = """
            План мероприятий
            № п/п Наименование мероприятия Срок исполнения Ответственные
            1. Анализ работы по противодействию терроризму за 2019 год до 31 января Заведующий
            2. Информирование общественности о результатах конкурса в 2010 г. До 28 марта 2011 г. Отдел образования
            3. Консультации «Духовно-нравственное воспитание » 21.03 - 25.03 Золоторевич О.В.
            4. Прием конкурсной документации С 28 марта 2011 г. Муниципальная конкурсная комиссия
            5. Выставка детских рисунков Сентябрь Мартынюк Л.А.
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["до 31 января", "До 28 марта 2011 г.", "21.03 - 25.03", "С 28 марта 2011 г.", "Сентябрь"])
        #expect(read.actions.map(\.title) == [
            "Анализ работы по противодействию терроризму за 2019 год", "Информирование общественности о результатах конкурса в 2010 г.",
            "Консультации «Духовно-нравственное воспитание »", "Прием конкурсной документации", "Выставка детских рисунков",
        ])
        #expect(read.actions[4].executors.map(\.name) == ["Мартынюк Л.А."])
    }

    /// «Сроки и место проведения»: a deadline that ends in a comma goes on with the place and
    /// the hours, up to the capital that starts the executors.
    @Test func flattenedDeadlineWithPlaceAndHours() throws {
        let text = """
            План проведения праздника «Последний звонок»
            N п/п Наименование мероприятий Сроки и место проведения Ответственные исполнители
            1. Организация безопасного проведения массовых мероприятий 24.05.2011 Управление внутренних дел по г. Владимиру, управление здравоохранения администрации г. Владимира
            2. Торжественные линейки 24.05.2011, общеобразовательные учреждения города, 10.00 - 12.00 ч Управление образования администрации г. Владимира, администрации районов города
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["24.05.2011", "24.05.2011, общеобразовательные учреждения города, 10.00 - 12.00 ч"])
        #expect(read.actions.map { $0.executors.map(\.name) } == [
            ["Управление внутренних дел по г. Владимиру", "управление здравоохранения администрации г. Владимира"],
            ["Управление образования администрации г. Владимира", "администрации районов города"],
        ])
    }

    /// One cell a line ending in «|», then the page's text after the table: not the last cell.
    @Test func textAfterACellPerLineTable() throws {
        let text = """
            План проведения 1 этапа мероприятия «Семья - каждому ребенку!»
            № |
            Мероприятия |
            Сроки проведения |
            1. |
            Конкурс рисунков «Моя семья» |
            01.10 – 20.10.2015 |
            2. |
            Конференция по теме «Проблемы в воспитании приемных детей» |
            27.11.2015 |
            2 этап будет проходить на межрайонном уровне с 01.12.2015 по 01.03.2016 года
            Орган опеки и попечительства
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["01.10 – 20.10.2015", "27.11.2015"])
    }

    /// Cells wrapped over short lines, a lone «|» for each blank cell, four headings the
    /// columns do not know between the action and the executors, and the deadline last.
    @Test func wrappedCellsWithBlankOnesAndTheDeadlineLast() throws {
        let text = """
            Основные мероприятия по организации летнего отдыха детей в 2007 году
            N
            п/п |
            Содержание
            мероприятий |
            Количество
            человек |
            Количество
            смен |
            Финансовые
            затраты |
            Источники
            финансирования |
            Исполнители |
            Сроки
            исполнения |
            1.1. |
            Подготовка распоряжения главы
            администрации района |
            |
            |
            |
            |
            Администрация
            района |
            Апрель
            2007 |
            1.2. |
            Развитие форм отдыха детей |
            |
            |
            |
            Без дополнительного финансирования |
            Отделы и
            управления администрации
            района |
            Июнь август
            2007
            года |
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Подготовка распоряжения главы администрации района", "Развитие форм отдыха детей"])
        #expect(read.actions.map(\.deadline.text) == ["Апрель 2007", "Июнь август 2007 года"])
        #expect(read.actions.map { $0.executors.map(\.name) } == [["Администрация района"], ["Отделы и управления администрации района"]])
    }

    /// «Мероприятие | Сроки», one cell a line ending in «|»: what is done and when is a plan.
    @Test func twoColumnPipeTable() throws {
        let text = """
            План проведения мероприятий, посвященных празднованию Победы
            |
             Мероприятие  |
             Сроки  |
            |
             Солдатская каша  |
             май  |
            |
             Творческий конкурс «Великая Победа»  |
             до 21 мая
              |
            |
             Дорога памяти  |
             май  |
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Солдатская каша", "Творческий конкурс «Великая Победа»", "Дорога памяти"])
        #expect(read.actions.map(\.deadline.text) == ["май", "до 21 мая", "май"])
        // In free text, two such lines are a title, not a table.
        #expect(throws: PlanParseError.self) { try plan("План мероприятий\nна период 2022/2023 учебного года\nСолдатская каша\nмай\n") }
    }

    /// «Задания» name what a school does («Зелёная школа»), as «Мероприятия» do.
    @Test func tasksColumnNamesTheActions() {
        #expect(PlanColumn(header: "Задания") == .action)
        #expect(PlanColumn(header: "Наименование задания") == .action)
        #expect(PlanColumn(header: "Задачи") != .action)
    }

    /// One paragraph a cell line, no borders: «Сроки, место» / «проведения» is one heading,
    /// and the time and the place under it stay in the deadline's cell, before the persons.
    @Test func deadlineCellWithTimeAndPlace() throws {
        let text = """
            Программа проекта.
            Мероприятия
            Сроки, место
            проведения
            Ответственные
            1.
            Викторина для учащихся 7-9 классов
            7-13 ноября 2017 г.
            Донин М.С.
            2.
            Подведение итогов викторины
            17 ноября 2017 г.
            12.00
            Актовый зал
            Дмитриева Т.В.
            Донин М.С.
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["7-13 ноября 2017 г.", "17 ноября 2017 г.\n12.00\nАктовый зал"])
        #expect(read.actions.map { $0.executors.map(\.name) } == [["Донин М.С."], ["Дмитриева Т.В.", "Донин М.С."]])
    }

    /// No header, no borders, a line a cell: a deadline, then the event, row after row, under
    /// a title naming a plan. Text that does not keep the pattern is no plan.
    @Test func deadlineAndEventLinesAlternate() throws {
        let text = """
            План мероприятий МБУ ДО «ЦДЭБ» на 2015-2016 учебный год
            Сентябрь
            Открытие учебного года
            4 октября
            Всемирный день защиты животных
            Ноябрь
            Фестиваль «Кладовая солнца»
            Февраль-Март
            Городской праздник «Экосказка»
            Апрель
            Неделя художественно-эстетическ
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Открытие учебного года", "Всемирный день защиты животных", "Фестиваль «Кладовая солнца»",
                                              "Городской праздник «Экосказка»", "Неделя художественно-эстетическ"])
        #expect(read.actions.map(\.deadline.text) == ["Сентябрь", "4 октября", "Ноябрь", "Февраль-Март", "Апрель"])
        #expect(read.actions.filter(\.deadline.isParsed).count == 5)
        // No responsible column: the preview says nobody will be given these actions.
        #expect(read.warnings.map(\.kind).contains(.withoutExecutors(count: 5)))
        // No header either: the preview says the columns were taken from the text.
        #expect(read.warnings.first?.kind == .columnsInferred(.alternatingLines))
        let letter = """
            План работы на неделю
            Сентябрь
            Открытие учебного года
            Мы рады сообщить, что праздник состоится в актовом зале.
            Приглашаем родителей и гостей.
            Октябрь
            Экологический праздник
            Ноябрь
            Фестиваль
            """
        #expect(throws: PlanParseError.self) { try plan(letter) }
    }

    /// Rows without borders whose cells broke over paragraphs: read as one cell a line they
    /// give no deadline; read as rows that lost their borders they do, and that reading wins.
    @Test func theReadingWithDeadlinesWins() throws {
        let text = """
            План мероприятий, посвященных 75-летию Победы в Сталинградской битве

            № п/п Мероприятие Дата проведения Ответственные
            1. Тематические классные часы:

            «Ты выстоял, могучий Сталинград»

            Декабрь- январь Классные руководители
            2. Районный конкурс чтецов

            «Письма с фронта»

            1 февраля Зайцева Н.В.
            3. Просмотр фильма «24 кадра Победы» Декабрь- январь Педагог-организатор ОБЖ

            Саксеев М.В.

            4. Посещение музея колледжа В течение года Карабутина Т.А.
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["Декабрь- январь", "1 февраля", "Декабрь- январь", "В течение года"])
        #expect(read.actions.map(\.title).first == "Тематические классные часы: «Ты выстоял, могучий Сталинград»")
    }

    /// A group row («Проведение всероссийских акций:») with no deadline, then rows with no
    /// number that name an action and a deadline only: each item is an action of its own, under
    /// the group's words and given the group's executors; the group row is no action.
    @Test func itemsOfAGroupRowTakeItsExecutors() throws {
        let text = """
            N;Мероприятие;Срок исполнения;Исполнитель
            1.;Разработка и утверждение планов;до 15 февраля 2020 года;Министерство культуры Республики Крым
            2.;Проведение всероссийских акций:;;Государственный комитет молодежной политики Республики Крым
            ;«Снежный десант»;январь - март 2020 года;
            ;«Культурный минимум»;май 2020 года;
            3.;Конкурс;апрель 2020 года;Министерство культуры Республики Крым
            """
        let read = try plan(text, name: "plan.csv")
        #expect(read.actions.map(\.title) == [
            "Разработка и утверждение планов", "Проведение всероссийских акций: «Снежный десант»",
            "Проведение всероссийских акций: «Культурный минимум»", "Конкурс"])
        #expect(read.actions.map(\.deadline.text) == ["до 15 февраля 2020 года", "январь - март 2020 года", "май 2020 года", "апрель 2020 года"])
        #expect(read.actions.map { $0.executors.map(\.name) } == [
            ["Министерство культуры Республики Крым"], ["Государственный комитет молодежной политики Республики Крым"],
            ["Государственный комитет молодежной политики Республики Крым"], ["Министерство культуры Республики Крым"]])
    }

    /// A row ending with «:» and numbered items after it stays an action: only rows with no
    /// number are a group's items.
    @Test func aRowEndingWithAColonBeforeNumberedRowsStays() throws {
        let text = """
            №;Мероприятие;Срок;Ответственный
            1.;Организовать:;март 2020 года;Комитет образования
            2.;Семинар;апрель 2020 года;Комитет образования
            """
        let read = try plan(text, name: "plan.csv")
        #expect(read.actions.map(\.title) == ["Организовать:", "Семинар"])
    }

    /// The same group in a legal database's copy, one cell a line, each ended by «|»: the items
    /// lost their number and executor cells, and come back as rows of their own.
    @Test func itemsOfAGroupRowInACopyWithOneCellALine() throws {
        let text = """
            План основных мероприятий
            N |
            Мероприятие |
            Срок исполнения |
            Исполнитель |
            1. |
            Разработка и утверждение планов |
            до 15 февраля 2020 года |
            Органы местного самоуправления |
            2. |
            Проведение всероссийских акций: |
            |
            Государственный комитет молодежной политики Республики Крым |
            "Снежный десант" |
            январь - март 2020 года |
            ||
            "Культурный минимум" |
            май 2020 года |
            ||
            """
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == ["до 15 февраля 2020 года", "январь - март 2020 года", "май 2020 года"])
        #expect(read.actions.map(\.title).last == "Проведение всероссийских акций: \"Культурный минимум\"")
        #expect(read.actions.last?.executors.map(\.name) == ["Государственный комитет молодежной политики Республики Крым"])
    }

    /// «Отметка о выполнении (дата)» is the column the executor fills in, not the deadline,
    /// even before «Срок»: the deadlines are read from «Срок».
    @Test func aColumnForTheExecutorsMarkIsNoDeadline() throws {
        let text = """
            №;Мероприятие;Отметка о выполнении (дата);Срок;Ответственный;Примечание
            1.;Семинар для заместителей директоров;;март 2021 года;Комитет образования;
            2.;Совещание руководителей;;апрель 2021 года;Комитет образования;перенесено
            """
        let read = try plan(text, name: "plan.csv")
        #expect(read.actions.map(\.deadline.text) == ["март 2021 года", "апрель 2021 года"])
        #expect(read.actions.map(\.title) == ["Семинар для заместителей директоров", "Совещание руководителей"])
    }

    /// «Октябрь | Экскурсия» under «Дата | Мероприятие | Ответственный |»: a row whose last
    /// cells were left out is still a row; a line broken inside a row is not.
    @Test func aBarePipeRowWithItsLastCellsLeftOut() throws {
        let text = """
            План работы музея
            Дата | Мероприятие | Ответственный |
            Сентябрь 2021 года | Организационная работа | Паламарчук Т.А. |
            Октябрь 2021 года | Экскурсия для первоклассников
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Организационная работа", "Экскурсия для первоклассников"])
        #expect(read.actions.map(\.deadline.text) == ["Сентябрь 2021 года", "Октябрь 2021 года"])
    }

    /// The header again under the first rows (the top of a PDF's next page, a second table
    /// pasted under the first), with its numbering row: no action, the rows go on.
    @Test func aHeaderRepeatedOnTheNextPageIsNoAction() throws {
        let text = """
            № п/п;Наименование мероприятия;Срок исполнения;Ответственный
            1;2;3;4
            1.;Семинар для заместителей;март 2021 года;Комитет образования
            2.;Совещание руководителей;апрель 2021 года;Комитет образования
            № п/п;Наименование мероприятий;Сроки;Ответственные
            1;2;3;4
            3.;Мониторинг;май 2021 года;Комитет образования
            """
        let read = try plan(text, name: "plan.csv")
        #expect(read.actions.map(\.title) == ["Семинар для заместителей", "Совещание руководителей", "Мониторинг"])
        #expect(read.actions.map(\.deadline.text) == ["март 2021 года", "апрель 2021 года", "май 2021 года"])
    }

    /// Rows whose words read like headings are actions all the same: one with its number, and,
    /// in a table without numbers, one whose words are not the header's.
    @Test func actionsWordedLikeHeadingsStay() throws {
        let numbered = try plan("""
            № п/п;Наименование мероприятия;Срок исполнения;Ответственный
            1.;Работа с родителями;В течение месяца;Ответственный за ВР
            """, name: "plan.csv")
        #expect(numbered.actions.map(\.title) == ["Работа с родителями"])
        let unnumbered = try plan("""
            Наименование мероприятия;Срок исполнения;Ответственный
            Работа с родителями;В течение месяца;Ответственный за ВР
            Наименование мероприятия;Срок исполнения;Ответственный
            Мониторинг;май 2021 года;Комитет образования
            """, name: "plan.csv")
        #expect(unnumbered.actions.map(\.title) == ["Работа с родителями", "Мониторинг"])
    }

    /// «1. | Организационные мероприятия | | » over rows «1.1.», «1.2.»: a section of the plan,
    /// not an action with no deadline; «2.» after them stands outside it.
    @Test func aBareNumberedRowOverSubNumbersIsASection() throws {
        let text = """
            № п/п;Наименование мероприятия;Срок исполнения;Ответственный
            1.;Организационные мероприятия;;
            1.1.;Семинар для заместителей;март 2021 года;Комитет образования
            1.2.;Совещание руководителей;апрель 2021 года;Комитет образования
            2.;Мониторинг качества;май 2021 года;Комитет образования
            3.;Методическое сопровождение;;
            """
        let read = try plan(text, name: "plan.csv")
        #expect(read.actions.map(\.title) == ["Семинар для заместителей", "Совещание руководителей", "Мониторинг качества",
                                             "Методическое сопровождение"])
        #expect(read.actions.map(\.section) == ["1. Организационные мероприятия", "1. Организационные мероприятия", nil, nil])
    }

    /// «Ответственные исполнители | Соисполнители»: the co-executors are executors of the
    /// action too, not a column dropped.
    @Test func coExecutorsJoinTheExecutors() throws {
        let text = """
            № п/п;Наименование мероприятия;Срок исполнения;Ответственные исполнители;Соисполнители
            1.;Семинар для заместителей;до 01.09.2021;Управление образования;МКУ «ИМЦ», МАОУ СОШ № 5
            2.;Совещание руководителей;октябрь 2021 года;Управление образования;
            """
        let read = try plan(text, name: "plan.csv")
        #expect(read.actions.map { $0.executors.map(\.name) } == [["Управление образования", "МКУ «ИМЦ»", "МАОУ СОШ № 5"], ["Управление образования"]])
    }

    /// A plan written as a numbered list, no table: each item's deadline after «Срок:», first,
    /// last, or set apart by spaces or on a line of its own; «Ответственный:» names executors.
    @Test func aNumberedListWhoseItemsCarryTheirDeadlines() throws {
        let marked = try plan("""
            ПЛАН ПОДГОТОВКИ ДНЕЙ ЗАЩИТЫ ОТ ЭКОЛОГИЧЕСКОЙ ОПАСНОСТИ

            Каждый имеет право на благоприятную окружающую среду.

              1. Провести конкурсы плакатов и рисунков: Срок: январь - ноябрь. Ответственный: Управление образования
              2. Провести День защиты от экологической опасности в школах. Срок: март
            """)
        #expect(marked.actions.map(\.title) == ["Провести конкурсы плакатов и рисунков", "Провести День защиты от экологической опасности в школах"])
        #expect(marked.actions.map(\.deadline.text) == ["январь - ноябрь", "март"])
        #expect(marked.actions.first?.executors.map(\.name) == ["Управление образования"])

        let first = try plan("""
            План декады предметов гуманитарного цикла.
            1.24 ноября. Общешкольная линейка. Объявление начала декады.
            2. 25 -26 ноября. Конкурс чтецов «Лермонтовские чтения».
            3. 27 ноября . Этнографический праздник «Мы на Волге живём»
            4. 28 ноября. Праздник «Мамина улыбка»
            """)
        #expect(first.actions.map(\.deadline.text) == ["24 ноября", "25 -26 ноября", "27 ноября", "28 ноября"])
        #expect(first.actions.first?.title == "Общешкольная линейка. Объявление начала декады")

        let last = try plan("""
            Дорожная карта реализации проекта
            Мероприятие Срок проведения Материалы
            1. Изучение нормативных документов по патриотическому воспитанию. 2025-2029
            2. Привлечение родителей к проведению мероприятий. 2025-2029
            3. Проведение викторин и конкурсов по истории родного края. 2025-2029
            """)
        #expect(last.actions.map(\.title) == [
            "Изучение нормативных документов по патриотическому воспитанию", "Привлечение родителей к проведению мероприятий",
            "Проведение викторин и конкурсов по истории родного края",
        ])
        #expect(last.actions.allSatisfy { $0.deadline.text == "2025-2029" })

        let spaced = try plan("""
            План проведения
            Новогодней недели в начальной школе
            1.
            Открытие недели.
            Конкурс «Новогодняя игрушка»                                                 18.12
            2.
            Оформление
            кабинетов.                    19.12
            -конкурс новогодних газет
            3. Интеллектуальная игра «Снежинка».

            22.12
            """)
        #expect(spaced.actions.map(\.deadline.text) == ["18.12", "19.12", "22.12"])
        #expect(spaced.actions.first?.title == "Открытие недели. Конкурс «Новогодняя игрушка»")
    }

    /// A numbered list without deadlines (a goal's tasks, an order's points) is no plan.
    @Test func aNumberedListWithoutDeadlinesIsNoPlan() throws {
        #expect(throws: PlanParseError.self) {
            try plan("""
                План развития школы
                1. Повысить качество образования.
                2. Развивать кадровый потенциал.
                3. Укреплять материальную базу.
                """)
        }
    }

    /// A numbered list in parts, each a heading in capitals whose items are numbered from 1
    /// again under a header line repeated; a day and its hour on lines of their own are one
    /// deadline (1805).
    @Test func aNumberedListInPartsAndAnHourUnderItsDay() throws {
        let read = try plan("""
            План мероприятий к 70-летию победы.

            1.ВНУТРИШКОЛЬНЫЕ МЕРОПРИЯТИЯ:

            Название Дата, время
            1. Праздничный концерт для ветеранов«День Победы!»

            07.05.2015

            15.00

            2. Акция «Гвоздика памяти»  08.05.2015, 09:00
            3. Выставка книг «Поэзия о войне» 14.04-13.05.2015

            2.МЕРОПРИЯТИЯ НА БАЗЕ  ОУ (т.е. проводимые сторонними организациями на базе ОУ)

              Название Дата, время
            1. Церемонии вручения медалей в честь 70-летия.  14.04.2015
            2. Встреча с ветеранами  08.05.2015
            """)
        #expect(read.actions.map(\.title) == [
            "Праздничный концерт для ветеранов«День Победы!»", "Акция «Гвоздика памяти»", "Выставка книг «Поэзия о войне»",
            "Церемонии вручения медалей в честь 70-летия", "Встреча с ветеранами",
        ])
        #expect(read.actions.map(\.deadline.text) == ["07.05.2015 15.00", "08.05.2015, 09:00", "14.04-13.05.2015", "14.04.2015", "08.05.2015"])
        let parts = ["1. ВНУТРИШКОЛЬНЫЕ МЕРОПРИЯТИЯ", "2. МЕРОПРИЯТИЯ НА БАЗЕ ОУ (т.е. проводимые сторонними организациями на базе ОУ)"]
        #expect(read.actions.map(\.section) == [parts[0], parts[0], parts[0], parts[1], parts[1]])
        #expect(read.warnings.first?.kind == .columnsInferred(.numberedList))

        // Items in capitals, each with its deadline, stay items.
        let capitals = try plan("""
            План мероприятий недели безопасности
            1. ЛИНЕЙКА «НЕДЕЛЯ БЕЗОПАСНОСТИ»
            02.09.2024
            2. КЛАССНЫЕ ЧАСЫ ПО ПДД
            03.09.2024
            3. УЧЕБНАЯ ЭВАКУАЦИЯ
            04.09.2024
            """)
        #expect(capitals.actions.map(\.deadline.text) == ["02.09.2024", "03.09.2024", "04.09.2024"])
        #expect(capitals.actions.allSatisfy { $0.section == nil })
    }

    /// «I. | Нормативно-правовое обеспечение | | » over rows «1.1.», «1.2.»: a section.
    @Test func aRomanNumberInTheNumberColumnIsASection() throws {
        let read = try plan("""
            № п/п;Наименование мероприятия;Срок исполнения;Ответственный исполнитель
            I.;Нормативно-правовое обеспечение;;
            1.1.;Разработка положения о конкурсе;январь 2025;Управление образования
            1.2.;Утверждение плана-графика;февраль 2025;Управление образования
            II;Кадровое обеспечение;;
            2.1.;Курсы повышения квалификации;март 2025;Управление образования
            """, name: "plan.csv")
        #expect(read.actions.map(\.title) == ["Разработка положения о конкурсе", "Утверждение плана-графика", "Курсы повышения квалификации"])
        #expect(read.actions.map(\.section) == ["I. Нормативно-правовое обеспечение", "I. Нормативно-правовое обеспечение", "II Кадровое обеспечение"])
    }

    /// A school's plan kept by months, copied a cell a line with «|» ending each cell: a
    /// «Участники» column before the deadline, an «Исполнение» column left blank in every row
    /// (a «|» alone), and «Январь» heading the rows done in it.
    @Test func monthsHeadRowsWhoseLastColumnIsBlank() throws {
        let read = try plan("""
            План мероприятий Года защитника Отечества
            Наименование мероприятия |
            Участники мероприятия |
            Пояснение по мероприятию (формат, место проведения) |
            Срок проведения |
            Ответственное лицо |
            Исполнение |
            Январь |
            |||||
            Разработка плана мероприятий |
            Творческая группа |
            Создание плана |
            Декабрь 2024 |
            Зам. директора по ВР |
            |
            Установление баннера на сайте школы |
            Учащиеся, педагоги |
            Баннер |
            до 15 января |
            Ответственный за администрирование сайта |
            |
            Конкурс рисунков |
            Учащиеся 1-6 классов |
            Выставка |
            Январь- февраль |
            Учитель ИЗО, учителя начальных классов |
            |
            """)
        #expect(read.actions.map(\.title) == ["Разработка плана мероприятий", "Установление баннера на сайте школы", "Конкурс рисунков"])
        #expect(read.actions.map(\.deadline.text) == ["Декабрь 2024", "до 15 января", "Январь- февраль"])
        #expect(read.actions.allSatisfy { $0.section == "Январь" })
        #expect(read.actions.map { $0.executors.map(\.name) } == [
            ["Зам. директора по ВР"], ["Ответственный за администрирование сайта"], ["Учитель ИЗО", "учителя начальных классов"],
        ])
    }

    /// A paragraph a cell, the numbers' column with no heading: a deadline cell broken after a
    /// comma over two paragraphs, and the number «2» written twice.
    @Test func aCellBrokenAfterACommaAndANumberWrittenTwice() throws {
        let read = try plan("""
            План основных мероприятий школы

            Наименование мероприятия

            Сроки, место проведения

            Участники

            Ответственный

            1

            Благоустройство территории памятника

            26 апреля, ул. Ленина,

            дом 82

            10 класс

            Петрова И.И.

            2

            Линейка Памяти

            2 мая, школа

            3-6 классы

            Иванова А.А.

            2

            Уроки Мужества

            3 мая, школа

            8 классы

            Сидорова В.В.
            """)
        #expect(read.actions.map(\.title) == ["Благоустройство территории памятника", "Линейка Памяти", "Уроки Мужества"])
        #expect(read.actions.map(\.deadline.text) == ["26 апреля, ул. Ленина, дом 82", "2 мая, школа", "3 мая, школа"])
    }

    /// «дата | Название мероприятия | Участники | Время проведения | Место | Ответственный»: two
    /// headings of the deadline's kind, the second its time; the header keeps both, and the
    /// time joins the date.
    @Test func aHeaderThatStartsWithASecondDeadlineColumn() throws {
        let read = try plan("""
            План мероприятий гимназии

            дата

            Название мероприятия

            Возраст и количество участников

            Время проведения

            Место проведения

            Ф.И.О. ответственного

            1.

            С 1.10

            Участие в городском конкурсе

            5-11 класс

            В течение года

            Гимназия

            Баранова О.А.

            2.

            22.10

            Праздник белых журавлей

            1-11 класс

            22.10.2014

            Гимназия

            Чупахина С.В.
            """)
        #expect(read.actions.map(\.title) == ["Участие в городском конкурсе", "Праздник белых журавлей"])
        #expect(read.actions.map(\.deadline.text) == ["С 1.10 – В течение года", "22.10 – 22.10.2014"])
        #expect(read.actions.map { $0.executors.map(\.name) } == [["Баранова О.А."], ["Чупахина С.В."]])
    }

    /// «26.12-18.12» ends before it starts: the item is taken, its deadline kept as written and
    /// left for a person, never turned into days.
    @Test func aRangeThatEndsBeforeItStartsIsKeptAsWritten() throws {
        let read = try plan("""
            План проведения Новогодней недели
            1. Открытие недели.              22.12
            2. Конкурс новогодних газет       23.12
            3. «Новогодняя сказка»            26.12-18.12
            """)
        #expect(read.actions.map(\.deadline.text) == ["22.12", "23.12", "26.12-18.12"])
        #expect(read.actions.last?.deadline.kind == .unparsed)
    }

    /// «Дата | Мероприятие | Время | Место | Класс | Ответственный», a cell a line: a row whose
    /// date cell is merged with the row above («||||» then), and times of day that are no
    /// dates. The title's one year («Пушкинские дни - 2019») dates the days.
    @Test func aDateFirstTableWithADateCellOverTwoRows() throws {
        let read = try plan("""
            Программа мероприятий «Пушкинские дни - 2019»
            Дата |
            Мероприятие |
            Время |
            Место |
            Класс |
            Ответственный |
            25.01- 25.02 |
            Выставка «Сказочник Лукоморья» |
            8.00-16.30 |
            библиотека |
            I - IV |
            Ерошевская Е.В. |
            01- 28.02 |
            Косплей по произведениям А.С. Пушкина |
            8.00-16.30 |
            библиотека |
            VI - IX |
            Ерошевская Е.В. |
            Фотосессия на протяжении всего периода |
            8.00-15.30 |
            ||||
            04.02 |
            Открытие «Пушкинских дней» |
            08.00-08.15 |
            актовый зал |
            V–XI |
            Бабенко И.В. |
            """)
        #expect(read.actions.map(\.title) == [
            "Выставка «Сказочник Лукоморья»", "Косплей по произведениям А.С. Пушкина", "Фотосессия на протяжении всего периода",
            "Открытие «Пушкинских дней»",
        ])
        #expect(read.actions.map(\.deadline.text) == ["25.01- 25.02", "01- 28.02", "01- 28.02", "04.02"])
        #expect(read.actions.last?.deadline.period?.description == "2019-02-04..2019-02-04")
        #expect(read.actions.map { $0.executors.count } == [1, 1, 0, 1])
    }

    /// A paragraph a cell, «Дата | Мероприятие | Место проведения»: a range broken after its
    /// dash over two paragraphs is one deadline, and a day below the plan's last dated one
    /// («16-17 мая» after «9 мая 2019 года») is read in the same year.
    @Test func aRangeBrokenAfterItsDashAndDaysLaterInTheSameYear() throws {
        let read = try plan("""
            План мероприятий, посвященных Дню Победы

            Дата

            Мероприятие

            Место проведения

            17 апреля –

            9 мая 2019 года

            Республиканская акция «Часовой у знамени Победы»

            муниципальные районы

            6-7 мая

            Фестиваль по футболу

            Батыревский район

            16-17 мая

            Конкурс юных инспекторов движения

            г. Мариинский Посад
            """)
        #expect(read.actions.map(\.deadline.text) == ["17 апреля – 9 мая 2019 года", "6-7 мая", "16-17 мая"])
        #expect(read.actions.map { $0.deadline.period?.description ?? "-" } == [
            "2019-04-17..2019-05-09", "2019-05-06..2019-05-07", "2019-05-16..2019-05-17",
        ])
    }

    /// The programme of one day whose title is lost: its dated rows all say «01.09.2006», the
    /// others an hour and a place («10-00 Библиотека им. Маяковского»). The hours are on that
    /// day; in a plan of two days they would stay unread.
    @Test func hoursInAPlanOfOneDayAreOnThatDay() throws {
        let read = try plan("""
            № | Наименование мероприятий | Место и время | Ответственный |
            1 | Открытые уроки, посвященные Дню знаний | 9-00 Образовательные учреждения | Голубничий С.В. |
            2 | Выставка художников города | 01.09.2006 Центральная аллея города | Субботова С.В. |
            3 | Урок Дружбы | 10-00 Библиотека им. Маяковского | Озрокова Т.С. |
            4 | Концерт духового оркестра | 12-00 Площадь к/т "Маяк" | Должиков В.Ю. |
            """)
        #expect(read.actions.map { $0.deadline.period?.description ?? "-" } == Array(repeating: "2006-09-01..2006-09-01", count: 4))
        let twoDays = try plan("""
            № | Наименование мероприятий | Место и время | Ответственный |
            1 | Открытые уроки | 9-00 Образовательные учреждения | Голубничий С.В. |
            2 | Выставка художников города | 01.09.2006 Центральная аллея | Субботова С.В. |
            3 | Урок Дружбы | 02.09.2006 Библиотека | Озрокова Т.С. |
            """)
        #expect(twoDays.actions.map(\.deadline.isParsed) == [false, true, true])
        #expect(twoDays.warnings.contains { $0.kind == .deadlineKeptAsText(text: "9-00 Образовательные учреждения", reason: .timeWithoutDay(text: "9-00 Образовательные учреждения")) })
    }

    /// A plan that names no year, whose one dated row is «1.09.09г.»: its dates begin a school
    /// year, so the months below it run to the next summer and «январь» is January 2010, not
    /// January 2009 (eight months before the plan's first day).
    @Test func monthsAfterADateThatBeginsASchoolYearRunIntoTheNextYear() throws {
        let read = try plan("""
            № | Перечень мероприятий | Срок исполнения | Ответственный |
            1 | Урок мира | 1.09.09г. | Классные воспитатели |
            2 | Классный час, посвященный Дню Государственного флага | сентябрь | Классные воспитатели |
            3 | Поздравительная почта ко Дню Пожилого человека | 1 октября | Совет гимназии |
            4 | Конкурс проектов «Я – гражданин России» | январь | Совет гимназии |
            5 | Конкурс сочинений | февраль | Учителя-предметники |
            """)
        #expect(read.actions.map { $0.deadline.period?.description ?? "-" } == [
            "2009-09-01..2009-09-01", "2009-09-01..2009-09-30", "2009-10-01..2009-10-01",
            "2010-01-01..2010-01-31", "2010-02-01..2010-02-28",
        ])
    }

    /// Rows that lost their borders, a line each, then a rule and a footnote: the footnote is
    /// no part of the last row.
    @Test func aFootnoteUnderAFlattenedTableIsNoPartOfItsLastRow() throws {
        let read = try plan("""
            План мероприятий по подготовке новогодней елки
            N п/п Наименование мероприятия Дата Ответственный
            1. Подготовить сценарий проведения елки до 14.12.2004 Григорьева Т.В.
            2. Проинформировать СМИ о проведении елки до 17.12.2004 Паевская А.Я.

            --------------------------------
            <*> Организации привлекаются к выполнению мероприятия по согласованию.
            """)
        #expect(read.actions.map(\.deadline.text) == ["до 14.12.2004", "до 17.12.2004"])
        #expect(read.actions.last?.executors.count == 1)
    }

    /// «Мероприятия Стоимость в тыс. руб. Сроки Ответственные», a row a line: the amounts are
    /// the cost, not the end of the action; «I, III кв.» is two quarters.
    @Test func aCostColumnBetweenTheActionAndItsDeadline() throws {
        let read = try plan("""
            Мероприятия по укреплению материально-технической базы на учебный 2008 — 2009 год
            Мероприятия Стоимость в тыс. руб. Сроки Ответственные
            1. Приобретение ученической мебели 552,0 II - III кв. руководители ОУ
            2. Приобретение дошкольной мебели 300,0 I кв. заведующие МДОУ
            3. Приобретение инструментов 451,0 I, III кв. руководители МОУ СОШ
            Итого: 3995,0
            """)
        #expect(read.actions.map(\.title) == ["Приобретение ученической мебели", "Приобретение дошкольной мебели", "Приобретение инструментов"])
        #expect(read.actions.map(\.deadline.text) == ["II - III кв.", "I кв.", "I, III кв."])
        #expect(read.actions.map { $0.deadline.period?.description ?? "-" } == [
            "2009-04-01..2009-09-30", "2009-01-01..2009-03-31", "2009-01-01..2009-09-30",
        ])
    }

    /// «Мероприятие | Место проведения | Класс | Ответственный» whose place column holds the
    /// deadlines: the cells say what the column is.
    @Test func aColumnOfDeadlinesUnderAnotherHeading() throws {
        let read = try plan("""
            Мероприятие | Место проведения | Класс | Ответственный
            Тематические уроки | В течение года | 1-4 классы | Классные руководители
            Экскурсии в музей | Октябрь | 1-4 классы | Классные руководители
            Конкурс рисунков | Сентябрь-октябрь | 1-4 классы | Учителя ИЗО
            """)
        #expect(read.actions.map(\.deadline.text) == ["В течение года", "Октябрь", "Сентябрь-октябрь"])
    }

    /// «Наименование | Дата» over rows numbered «1», «2» (the numbers' column has no heading),
    /// a paragraph a cell: two headings are a plan when numbered rows follow.
    @Test func twoHeadingsOverNumberedRows() throws {
        let read = try plan("""
            Приглашаем образовательные организации принять участие в мероприятиях:

            Наименование

            Дата

            1

            Городской конкурс «Моя Чувашия»

            Март 2020 г.

            2

            Городская олимпиада «Чувашия-родина моя»

            Апрель 2020 г.
            """)
        #expect(read.actions.map(\.title) == ["Городской конкурс «Моя Чувашия»", "Городская олимпиада «Чувашия-родина моя»"])
        #expect(read.actions.map(\.deadline.text) == ["Март 2020 г.", "Апрель 2020 г."])
    }

    /// «№ | Направление деятельности | Мероприятия | Сроки | Ответственные» with the direction
    /// merged down its rows: the direction heads its rows (a section); before, it was read as
    /// the action and the rows under its merged cell were dropped.
    @Test func aColumnOfDirectionsBesideTheActions() throws {
        for header in ["№ п/п;Направление деятельности;Мероприятия", "№ п/п;Направление;Мероприятие", "№ п/п;Раздел;Содержание работы"] {
            let read = try plan("""
                План мероприятий по реализации ФГОС на 2025-2026 учебный год
                \(header);Сроки;Ответственные
                1;Работа с педагогами;Семинар по ФГОС;сентябрь 2025;Методист
                2;;Курсы повышения квалификации;октябрь 2025;Зам. директора по УВР
                3;Работа с родителями;Родительское собрание;ноябрь 2025;Классные руководители
                4;;Анкетирование родителей;декабрь 2025;Педагог-психолог
                """, name: "plan.csv")
            #expect(read.actions.map(\.title) == ["Семинар по ФГОС", "Курсы повышения квалификации", "Родительское собрание", "Анкетирование родителей"], "\(header)")
            #expect(read.actions.map(\.section) == ["Работа с педагогами", "Работа с педагогами", "Работа с родителями", "Работа с родителями"], "\(header)")
        }
        // «Направления деятельности» alone still names the actions.
        let alone = try plan("""
            Направления деятельности;Сроки;Ответственные
            Семинар по ФГОС;сентябрь 2025;Методист
            """, name: "plan.csv")
        #expect(alone.actions.map(\.title) == ["Семинар по ФГОС"])
    }

    /// «Задачи | Мероприятия | Сроки | Ответственные», a task merged down the rows serving it:
    /// each task is the plan's, and its actions serve it.
    @Test func aColumnOfTasksBesideTheActions() throws {
        let read = try plan("""
            План работы на 2025 год
            Задачи;Мероприятия;Сроки;Ответственные
            Повышение квалификации педагогов;Семинар по ФГОС;сентябрь 2025;Методист
            ;Курсы;октябрь 2025;Зам. директора по УВР
            Работа с родителями;Родительское собрание;ноябрь 2025;Классные руководители
            """, name: "plan.csv")
        #expect(read.goals.flatMap(\.tasks).map(\.title) == ["Повышение квалификации педагогов", "Работа с родителями"])
        #expect(read.goals.flatMap(\.actions).map(\.taskPositions) == [[1], [1], [2]])
        // «Задачи и мероприятия» names the actions: no task is read from it.
        let named = try plan("""
            Задачи и мероприятия;Сроки;Ответственные
            Семинар по ФГОС;сентябрь 2025;Методист
            """, name: "plan.csv")
        #expect(named.actions.map(\.title) == ["Семинар по ФГОС"])
        #expect(named.taskCount == 0)
    }

    /// «Цель | Задачи | Мероприятия | Срок | Ответственный | Ожидаемый результат», goal and
    /// tasks merged down their rows: the goal is the plan's goal, not «Мероприятия плана».
    @Test func aColumnOfGoalsLeftOfTheActions() throws {
        let read = try plan("""
            Дорожная карта по повышению качества образования на 2025 год
            Цель;Задачи;Мероприятия;Срок;Ответственный;Ожидаемый результат
            Повышение качества образования;Развитие кадров;Семинар для учителей;март 2025;Методист;Проведён семинар
            ;;Курсы повышения квалификации;апрель 2025;Методист;Обучено 50 педагогов
            Поддержка семей;Работа с родителями;Родительское собрание;май 2025;Классные руководители;Собрания проведены
            """, name: "plan.csv")
        #expect(read.goals.map(\.title) == ["Повышение качества образования", "Поддержка семей"])
        #expect(read.goals.map { $0.tasks.map(\.title) } == [["Развитие кадров"], ["Работа с родителями"]])
        #expect(read.goals.map { $0.actions.map(\.title) } == [["Семинар для учителей", "Курсы повышения квалификации"], ["Родительское собрание"]])

        // «Цель проведения» right of the actions is each action's aim: one goal for the plan.
        let aims = try plan("""
            Мероприятие;Цель проведения;Срок;Ответственный
            Семинар для учителей;Обмен опытом;март 2025;Методист
            Родительское собрание;Информирование;май 2025;Классные руководители
            """, name: "plan.csv")
        #expect(aims.goals.count == 1)
        #expect(aims.actions.count == 2)
    }

    /// «Мероприятие | 2025 | 2026 | 2027 | Ответственный», or «Сроки реализации» over a row of
    /// years: a row's deadline is the years it marks («+», «х»), one occurrence each, or what
    /// it writes under them. Before, every such action had no deadline at all.
    @Test func columnsOfYearsMarkTheDeadlines() throws {
        let inHeader = try plan("""
            План мероприятий на 2025-2027 годы
            №;Мероприятие;2025;2026;2027;Ответственный
            1;Семинар;+;+;+;Методист
            2;Конкурс;+;;;Зам. директора
            3;Курсы;;х;-;Зам. директора
            """, name: "plan.csv")
        #expect(inHeader.actions.map(\.deadline.text) == ["2025, 2026, 2027", "2025", "2026"])
        #expect(inHeader.actions.first?.deadline.occurrences.count == 3)
        #expect(inHeader.actions.map { $0.executors.map(\.name) } == [["Методист"], ["Зам. директора"], ["Зам. директора"]])

        let below = try plan("""
            План мероприятий на 2025-2027 годы
            №;Мероприятие;Сроки реализации;;;Ответственный
            ;;2025 г.;2026 г.;2027 г.;
            1;Семинар;+;+;+;Методист
            2;Конкурс;I квартал;;;Зам. директора
            3;Форум;+;;+;Зам. директора
            """, name: "plan.csv")
        #expect(below.actions.map(\.title) == ["Семинар", "Конкурс", "Форум"])
        #expect(below.actions.map(\.deadline.text) == ["2025, 2026, 2027", "I квартал 2025", "2025, 2027"])
        #expect(below.actions.map { $0.deadline.period?.description ?? "-" } == [
            "2025-01-01..2027-12-31", "2025-01-01..2025-03-31", "2025-01-01..2027-12-31",
        ])
    }

    /// A school's «циклограмма»: a column a month, the months of each row marked. The academic
    /// year in the title places them.
    @Test func aCyclogramWithAColumnAMonth() throws {
        let read = try plan("""
            Циклограмма работы заместителя директора на 2025-2026 учебный год
            Мероприятие;Сентябрь;Октябрь;Ноябрь;Декабрь;Январь;Ответственный
            Педсовет;+;;;;+;Директор
            Контроль журналов;;+;;+;;Зам. директора
            Олимпиада;;05.10;;;;Учителя
            """, name: "plan.csv")
        #expect(read.actions.map(\.deadline.text) == ["Сентябрь, Январь", "Октябрь, Декабрь", "05.10"])
        #expect(read.actions.map { $0.deadline.period?.description ?? "-" } == [
            "2025-09-01..2026-01-31", "2025-10-01..2025-12-31", "2025-10-05..2025-10-05",
        ])
        #expect(read.actions.first?.deadline.occurrences.count == 2)
    }

    /// A plan table cut in two (Word's table split at a page break, a copy that starts the
    /// table again after «Страница 2») with no header on the second part: its rows are the
    /// plan's too. Before, they were dropped without a word.
    @Test func aTableGoingOnAfterABreakKeepsItsRows() throws {
        let text = try plan("""
            План мероприятий на 2025 год

            | № | Мероприятие | Срок | Ответственный |
            |---|---|---|---|
            | 1 | Семинар | март 2025 | Методист |
            | 2 | Конкурс | апрель 2025 | Зам. директора |

            Страница 2

            | 3 | Курсы | май 2025 | Методист |
            | 4 | Форум | июнь 2025 | Директор |

            | Директор школы | | Петрова И.И. |
            """)
        #expect(text.actions.map(\.title) == ["Семинар", "Конкурс", "Курсы", "Форум"])

        func cell(_ text: String) -> String { "<w:tc><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>" }
        func row(_ texts: [String]) -> String { "<w:tr>" + texts.map(cell).joined() + "</w:tr>" }
        let body = "<w:p><w:r><w:t>План мероприятий на 2025 год</w:t></w:r></w:p>"
            + "<w:tbl>" + row(["№", "Мероприятие", "Срок", "Ответственный"]) + row(["1", "Семинар", "март 2025", "Методист"]) + "</w:tbl>"
            + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
            + "<w:tbl>" + row(["2", "Курсы", "май 2025", "Методист"]) + row(["3", "Форум", "июнь 2025", "Директор"]) + "</w:tbl>"
        let document = try DocxReader.read(data: try OfficeFixture.docx(body: body), name: "plan.docx")
        let word = try PlanDocumentParser().parse(document)
        #expect(word.actions.map(\.title) == ["Семинар", "Курсы", "Форум"])
        #expect(word.title == "План мероприятий на 2025 год")
    }

    /// A holiday plan copied a cell a line with «|» between cells: «-» where each row's number
    /// would be, a day alone across the table heading its rows, the time of day in the
    /// deadline's column. With the year in the title the time is on that day.
    @Test func dashesNumberTheRowsAndADayHeadsThem() throws {
        var lines = ["План-расписание воспитательной работы в период весенних каникул 2023 года"]
        let header = ["№ п/п", "Мероприятие", "Место проведения", "Время проведения", "Категория учащихся", "Ответственные"]
        let rows = [
            ["27 марта"], ["-", "Посещение библиотеки", "г. Минск", "11.00", "2-е классы", "Лобунова П.В."],
            ["-", "Акция «Чистый класс»", "к. 200", "12.00", "8-е классы", "Лещенок С.И."],
            ["28 марта"], ["-", "Экскурсия на завод", "завод", "9.00-14.00", "7-е классы", "Березовская Л.Н."],
        ]
        for cell in header + rows.flatMap({ $0 }) { lines += [cell, "|"] }
        let read = try plan(lines.joined(separator: "\n"))
        #expect(read.actions.map(\.title) == ["Посещение библиотеки", "Акция «Чистый класс»", "Экскурсия на завод"])
        #expect(read.actions.map(\.section) == ["27 марта", "27 марта", "28 марта"])
        #expect(read.actions.map(\.deadline.text) == ["27 марта, 11.00", "27 марта, 12.00", "28 марта, 9.00-14.00"])
        #expect(read.actions.map { $0.deadline.period?.description ?? "-" } == [
            "2023-03-27..2023-03-27", "2023-03-27..2023-03-27", "2023-03-28..2023-03-28",
        ])
    }

    /// «Сроки | План работы | Ответственные | Выход», a cell a line ended by «|»: the last
    /// heading is no known column, and the rows start with their month.
    @Test func aHeaderEndingInAnUnknownHeadingOverRowsThatStartWithTheirMonth() throws {
        let read = try plan("""
            План работы "Школы молодого педагога" на 2025-2026 учебный год
            Сроки |
            План работы |
            Ответственные |
            Выход |
            Август |
            Организация наставничества. |
            Тощенко Е.В. |
            Индивидуальная консультация |
            Сентябрь |
            Знакомство с документацией. |
            Тощенко Е.В. |
            Консультация |
            Октябрь |
            Круглый стол «Проблемы молодого учителя» |
            рук. МО, учителя-наставники |
            Собеседование |
            """)
        #expect(read.actions.map(\.title) == ["Организация наставничества.", "Знакомство с документацией.", "Круглый стол «Проблемы молодого учителя»"])
        #expect(read.actions.map(\.deadline.text) == ["Август", "Сентябрь", "Октябрь"])
        #expect(read.actions.map { $0.executors.map(\.name) } == [["Тощенко Е.В."], ["Тощенко Е.В."], ["рук. МО", "учителя-наставники"]])
    }

    /// A PDF's narrow columns: each cell wrapped over short lines, a blank line between cells.
    /// Read a line a cell, «Проведение» would be an action and «самообследования …» its
    /// executor; read a run of lines a cell, the rows come whole.
    @Test func cellsWrappedOverLinesBetweenBlankLines() throws {
        let text = """
            План мероприятий

            № п/п

            Наименование
            мероприятия

            Срок
            исполнения

            Ответственные

            1.

            Создание рабочей группы
            по переходу на
            обновленные ФГОС

            август 2021 г.

            Министерство
            образования

            2.

            Проведение
            самообследования
            готовности школ

            до 25 числа
            каждого месяца

            Руководители ОО
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Создание рабочей группы по переходу на обновленные ФГОС", "Проведение самообследования готовности школ"])
        #expect(read.actions.map(\.deadline.text) == ["август 2021 г.", "до 25 числа каждого месяца"])
        #expect(read.actions.map { $0.executors.map(\.name) } == [["Министерство образования"], ["Руководители ОО"]])
    }

    /// A table without outer pipes whose cell holds two lines: the row goes on on the next
    /// line, and the two lines' «|» add up to the header's.
    @Test func aRowOfABarePipeTableBrokenByACellOfTwoLines() throws {
        let text = """
            План мероприятий
            № п/п | Наименование мероприятия | Срок исполнения | Ответственные
            1. | Работа школы раннего развития | 10.00 | Волчанина Т.В.
            2. | Игра-путешествие «Моя страна» | 12 марта
            229 кабинет | Сермяжко Т.С.
            3. | Мастер-класс «Подарок маме» | 14 марта | Гапанович Э.О.
            """
        let read = try plan(text)
        #expect(read.actions.map(\.title) == ["Работа школы раннего развития", "Игра-путешествие «Моя страна»", "Мастер-класс «Подарок маме»"])
        #expect(read.actions.map(\.deadline.text)[1...] == ["12 марта 229 кабинет", "14 марта"])
        #expect(read.actions.map { $0.executors.map(\.name) }[1] == ["Сермяжко Т.С."])
    }

    /// «1 этап (подготовительный) | август 2016 г.»: a stage of the plan with its period is a
    /// section, not an action, and its year is the year of the rows under it («до 05 августа»);
    /// «I этап республиканского фестиваля …» is an action (held-back-27/2902, docs/501).
    @Test func stagesOfThePlanWithTheirPeriods() throws {
        let text = "План мероприятий по реализации проекта\nПеречень мероприятий | Срок выполнения\n"
            + "1 этап (подготовительный) | август 2016 г.\nРазработка концепции площадки | до 05 августа\n"
            + "Формирование команды | 05-15 августа\nII этап – практический | сентябрь – декабрь 2016 г.\n"
            + "I этап республиканского фестиваля по футболу | 1-2 ноября\n"
            + "Заключительный этап | Декабрь 2016 г.\nАнализ результатов проекта | до 20 декабря\n"
        let read = try plan(text)
        #expect(read.actions.map(\.title) == [
            "Разработка концепции площадки", "Формирование команды", "I этап республиканского фестиваля по футболу",
            "Анализ результатов проекта",
        ])
        #expect(read.actions.map(\.section) == [
            "1 этап (подготовительный): август 2016 г.", "1 этап (подготовительный): август 2016 г.",
            "II этап – практический: сентябрь – декабрь 2016 г.", "Заключительный этап: Декабрь 2016 г.",
        ])
        #expect(read.actions.map { $0.deadline.period.map { "\($0.first.iso)..\($0.last.iso)" } ?? "-" } == [
            "2016-08-05..2016-08-05", "2016-08-05..2016-08-15", "2016-11-01..2016-11-02", "2016-12-20..2016-12-20",
        ])
        for stage in ["1 этап (подготовительный)", "I этап", "Этап 2. Практический", "3-й этап", "Заключительный этап",
                      "Организационно-подготовительный этап", "II этап: аналитический"] {
            #expect(PlanReading.namesAStage(stage), "\(stage)")
        }
        for action in ["I этап республиканского фестиваля по футболу", "Подготовка к муниципальному этапу олимпиады",
                       "Проведение школьного этапа всероссийской олимпиады школьников", "Этап"] {
            #expect(!PlanReading.namesAStage(action), "\(action)")
        }
    }

    /// A day across the table before what it holds («26 августа 2020 г. Учебно-методический
    /// сбор факультета»), rows under it timed in a «Время» column: each row is done that day at
    /// its hours (held-back-27/2903), not on a day read from the hours.
    @Test func rowsTimedUnderADayAcrossTheTable() throws {
        let text = "№ п/п | Мероприятие | Время | Место проведения | Ответственный исполнитель\n"
            + "26 августа 2020 г. Учебно-методический сбор факультета\n"
            + " | Вступительное слово начальника факультета. | 14.00-14.10 | 419-5 | полковник Котенок А.А.\n"
            + " | Доклад: Анализ результатов успеваемости. | 14.10-14.30 | 419-5 | полковник Калиниченко С.В.\n"
            + "27 августа 2020 г. Учебно-методические сборы кафедр факультета\n"
            + " | Учебно-методический сбор 51 кафедра (по плану кафедры) | 14.00-17.00 | 508-3 | полковник Григорьев А.Н.\n"
        let read = try plan(text)
        #expect(read.actions.map(\.deadline.text) == [
            "26 августа 2020 г., 14.00-14.10", "26 августа 2020 г., 14.10-14.30", "27 августа 2020 г., 14.00-17.00",
        ])
        #expect(read.actions.map { $0.deadline.period.map(\.first.iso) ?? "-" } == ["2020-08-26", "2020-08-26", "2020-08-27"])
        #expect(read.actions.map { $0.executors.map(\.name) } == [["полковник Котенок А.А."], ["полковник Калиниченко С.В."], ["полковник Григорьев А.Н."]])
        #expect(PlanReading.headingDay("26 августа 2020 г. Учебно-методический сбор факультета") == "26 августа 2020 г.")
        #expect(PlanReading.headingDay("27 марта") == "27 марта")
        #expect(PlanReading.headingDay("Учебно-методический сбор 26 августа") == nil)
    }

    /// «Январь», «Сентябрь 2025 г.», «II четверть» alone across the table name the period of
    /// the rows below; the check was a literal search for its pattern and never matched.
    @Test func aPeriodNamedAloneAcrossTheTable() {
        for period in ["Январь", "Сентябрь 2025 г.", "II четверть", "Сентябрь – октябрь 2025 года", "1 полугодие"] {
            #expect(PlanReading.namesAPeriod(period), "\(period)")
        }
        for text in ["Январь – месяц здоровья в школе", "Проведение четверти"] {
            #expect(!PlanReading.namesAPeriod(text), "\(text)")
        }
    }

    /// «Дата | День недели | Время | Классы | Мероприятие | …» under a term and a month across
    /// the table («I триместр 2022-2023 уч. год» / «СЕНТЯБРЬ 2022 г»), each row's date a day of
    /// that month («1», «20-25»): the days are the deadline's column, not row numbers to put a
    /// «№» before, and each is that month's day in the section's year (held-back-28/3001); a
    /// month named without its year takes the plan's (held-back-27/2904).
    @Test func daysUnderAMonthAcrossTheTable() throws {
        let text = "Запланированные мероприятия\nДата | День недели | Время | Классы | Мероприятие | Предмет | Сопровождающие/ ответственные\n"
            + "I триместр 2022-2023 уч. год\nСЕНТЯБРЬ 2022 г\n"
            + "1 | четверг | 9.00 | 1-11 | День знаний. Торжественный молебен | | \n"
            + "20-25 | - | - | 9,10,11 | Многодневная поездка в Пушкиногорье | Литература | Себина Е.Н. Воронкова И.Е.\n"
            + "7 | пятница | 14.30 | 7 | Соборная площадь Кремля | МХК | Рыжова О.Б.\n"
            + "ОКТЯБРЬ 2022 г\n5 | среда | 12.30 | 1-4 | День Учителя. Праздничный концерт | Общешкольный праздник | учителя, кураторы\n"
        let read = try plan(text)
        #expect(read.actions.map(\.title) == [
            "День знаний. Торжественный молебен", "Многодневная поездка в Пушкиногорье", "Соборная площадь Кремля",
            "День Учителя. Праздничный концерт",
        ])
        #expect(read.actions.map { $0.deadline.period.map { "\($0.first.iso)..\($0.last.iso)" } ?? "-" } == [
            "2022-09-01..2022-09-01", "2022-09-20..2022-09-25", "2022-09-07..2022-09-07", "2022-10-05..2022-10-05",
        ])
        #expect(read.actions[1].executors.map(\.name) == ["Себина Е.Н.", "Воронкова И.Е."])
        let yearOfThePlan = "План физкультурных и спортивных мероприятий на 2020 год\n№ | Наименование мероприятий | Дата | Ответственный\n"
            + "ЯНВАРЬ\n | Декада спорта | 1-10 | инструкторы по спорту\n | Футбол – Кубок памяти | 2-3 | Лужняк М.А.\n"
            + "ФЕВРАЛЬ\n | Лыжные гонки | 15 | Дронь У.А.\n"
        let sports = try plan(yearOfThePlan)
        #expect(sports.actions.map { $0.deadline.period.map { "\($0.first.iso)..\($0.last.iso)" } ?? "-" } == [
            "2020-01-01..2020-01-10", "2020-01-02..2020-01-03", "2020-02-15..2020-02-15",
        ])
        #expect(sports.actions[0].executors.map(\.kind) == [.personRole])
        #expect(PlanReading.monthOfHeading("СЕНТЯБРЬ 2022 г")! == (9, 2022))
        #expect(PlanReading.monthOfHeading("Май")! == (5, nil))
        #expect(PlanReading.monthOfHeading("Май – месяц здоровья") == nil)
    }
}
