import Foundation
import RoadmapDomain
import Testing

/// Deadlines that parse on their own, each in every spelling variant.
let explicitDeadlines: [DeadlineCase] = [
    // Months and month ranges.
    row("Март 2019", .month, "2019-03-01..2019-03-31"),
    row("март 2019 г.", .month, "2019-03-01..2019-03-31"),
    row("марта 2019 года", .month, "2019-03-01..2019-03-31"),
    row("в марте 2019 года", .month, "2019-03-01..2019-03-31"),
    row("Октябрь 2018", .month, "2018-10-01..2018-10-31"),
    row("янв. 2020", .month, "2020-01-01..2020-01-31"),
    row("февр. 2020", .month, "2020-02-01..2020-02-29"),
    row("сент. 2019", .month, "2019-09-01..2019-09-30"),
    row("сетябрь 2019", .month, "2019-09-01..2019-09-30"),
    row("мая 2019 г.", .month, "2019-05-01..2019-05-31"),
    row("Сентябрь 2018 – апрель 2019", .monthRange, "2018-09-01..2019-04-30"),
    row("сентябрь 2018 г. - апрель 2019 г.", .monthRange, "2018-09-01..2019-04-30"),
    row("Сентябрь 2018–апрель 2019", .monthRange, "2018-09-01..2019-04-30"),
    row("с сентября 2018 по апрель 2019", .monthRange, "2018-09-01..2019-04-30"),
    row("с сентября 2018 года по апрель 2019 года", .monthRange, "2018-09-01..2019-04-30"),
    row("Сентябрь 2018 – май", .monthRange, "2018-09-01..2019-05-31"),
    row("май-июнь 2019", .monthRange, "2019-05-01..2019-06-30"),
    row("май – июнь 2019 г.", .monthRange, "2019-05-01..2019-06-30"),
    row("декабрь 2018 г. – январь 2019 г.", .monthRange, "2018-12-01..2019-01-31"),
    row("декабрь – февраль 2019", .monthRange, "2018-12-01..2019-02-28"),
    row("нояб. 2019 – дек. 2019", .monthRange, "2019-11-01..2019-12-31"),
    row("октябрь-ноябрь 2019 года", .monthRange, "2019-10-01..2019-11-30"),
    // Days, day ranges, due dates.
    row("25.06.2018", .day, "2018-06-25..2018-06-25"),
    row("25.06.2018 г.", .day, "2018-06-25..2018-06-25"),
    row("25.06.18", .day, "2018-06-25..2018-06-25"),
    row("2019-09-01", .day, "2019-09-01..2019-09-01"),
    row("1 сентября 2019 г.", .day, "2019-09-01..2019-09-01"),
    row("01.09.2018-31.05.2019", .dayRange, "2018-09-01..2019-05-31"),
    row("01.09.2018 – 31.05.2019", .dayRange, "2018-09-01..2019-05-31"),
    row("с 01.09.2018 по 31.05.2019", .dayRange, "2018-09-01..2019-05-31"),
    row("с 01.09.2018 г. по 31.05.2019 г.", .dayRange, "2018-09-01..2019-05-31"),
    row("c 01.09.2018 до 31.05.2019", .dayRange, "2018-09-01..2019-05-31"),
    row("1-15 сентября 2019", .dayRange, "2019-09-01..2019-09-15"),
    row("с 1 по 15 сентября 2019 года", .dayRange, "2019-09-01..2019-09-15"),
    row("25 декабря 2018 – 10 января 2019", .dayRange, "2018-12-25..2019-01-10"),
    row("до 01.09.2019", .dueDate, "2019-09-01..2019-09-01"),
    row("до 1 сентября 2019 г.", .dueDate, "2019-09-01..2019-09-01"),
    row("До 1 сентября 2019 года", .dueDate, "2019-09-01..2019-09-01"),
    row("не позднее 01.09.2019", .dueDate, "2019-09-01..2019-09-01"),
    row("не позже 15.03.2019", .dueDate, "2019-03-15..2019-03-15"),
    row("в срок до 01.09.2019", .dueDate, "2019-09-01..2019-09-01"),
    row("в срок не позднее 1 сентября 2019 года", .dueDate, "2019-09-01..2019-09-01"),
    row("к 1 сентября 2019 г.", .dueDate, "2019-09-01..2019-09-01"),
    row("по 31.05.2019", .dueDate, "2019-05-31..2019-05-31"),
    row("до 31.05.2019 включительно", .dueDate, "2019-05-31..2019-05-31"),
    row("до конца 2019 года", .dueDate, "2019-12-31..2019-12-31"),
    row("до марта 2019", .dueDate, "2019-03-31..2019-03-31"),
    row("до 2020 года", .dueDate, "2020-12-31..2020-12-31"),
    row("не позднее IV квартала 2019 г.", .dueDate, "2019-12-31..2019-12-31"),
    // Quarters.
    row("I квартал 2020 года", .quarter, "2020-01-01..2020-03-31"),
    row("1 квартал 2020 г.", .quarter, "2020-01-01..2020-03-31"),
    row("1-й квартал 2020 года", .quarter, "2020-01-01..2020-03-31"),
    row("первый квартал 2020 года", .quarter, "2020-01-01..2020-03-31"),
    row("в I квартале 2020 года", .quarter, "2020-01-01..2020-03-31"),
    row("І квартал 2020", .quarter, "2020-01-01..2020-03-31"),
    row("IV кв. 2018", .quarter, "2018-10-01..2018-12-31"),
    row("4 кв. 2018г.", .quarter, "2018-10-01..2018-12-31"),
    row("IV кв-л 2018", .quarter, "2018-10-01..2018-12-31"),
    row("III кв 2019", .quarter, "2019-07-01..2019-09-30"),
    row("II квартал 2019", .quarter, "2019-04-01..2019-06-30"),
    row("2 квартал 2019 года", .quarter, "2019-04-01..2019-06-30"),
    row("I-II кв. 2019", .range, "2019-01-01..2019-06-30"),
    row("I – II квартал 2019 года", .range, "2019-01-01..2019-06-30"),
    row("1-2 кв. 2019", .range, "2019-01-01..2019-06-30"),
    row("IV квартал 2018 – I квартал 2019", .range, "2018-10-01..2019-03-31"),
    // Half-years.
    row("1 полугодие 2019", .halfYear, "2019-01-01..2019-06-30"),
    row("I полугодие 2019 г.", .halfYear, "2019-01-01..2019-06-30"),
    row("1-е полугодие 2019 года", .halfYear, "2019-01-01..2019-06-30"),
    row("первое полугодие 2019 года", .halfYear, "2019-01-01..2019-06-30"),
    row("2 полугодие 2019", .halfYear, "2019-07-01..2019-12-31"),
    row("второе полугодие 2019 года", .halfYear, "2019-07-01..2019-12-31"),
    row("во II полугодии 2019 г.", .halfYear, "2019-07-01..2019-12-31"),
    row("II полугодие 2022-2023 учебного года", .halfYear, "2023-01-01..2023-08-31"),
    row("1 полугодие 2022/2023 учебного года", .halfYear, "2022-09-01..2022-12-31"),
    // Years and year ranges.
    row("в течение 2019 года", .year, "2019-01-01..2019-12-31"),
    row("2019 год", .year, "2019-01-01..2019-12-31"),
    row("2019 г.", .year, "2019-01-01..2019-12-31"),
    row("2019г", .year, "2019-01-01..2019-12-31"),
    row("на 2019 год", .year, "2019-01-01..2019-12-31"),
    row("2019-2020 гг.", .yearRange, "2019-01-01..2020-12-31"),
    row("2019 - 2020 г.г.", .yearRange, "2019-01-01..2020-12-31"),
    row("2018–2020 годы", .yearRange, "2018-01-01..2020-12-31"),
    row("в 2018-2020 годах", .yearRange, "2018-01-01..2020-12-31"),
    row("с 2018 по 2020 год", .yearRange, "2018-01-01..2020-12-31"),
    row("2013-2020 годы", .yearRange, "2013-01-01..2020-12-31"),
    // Academic years.
    row("2022-2023 учебный год", .academicYear, "2022-09-01..2023-08-31"),
    row("2022/2023 учебный год", .academicYear, "2022-09-01..2023-08-31"),
    row("2022 – 2023 уч. год", .academicYear, "2022-09-01..2023-08-31"),
    row("2022-2023 уч.г.", .academicYear, "2022-09-01..2023-08-31"),
    row("в 2022-2023 учебном году", .academicYear, "2022-09-01..2023-08-31"),
    row("2022/23 учебный год", .academicYear, "2022-09-01..2023-08-31"),
    row("2018/2019", .academicYear, "2018-09-01..2019-08-31"),
    row("в течение 2022-2023 учебного года", .academicYear, "2022-09-01..2023-08-31"),
    // Seasons with a year.
    row("летний период 2019 года", .season, "2019-06-01..2019-08-31"),
    row("лето 2019", .season, "2019-06-01..2019-08-31"),
    row("осень 2019", .season, "2019-09-01..2019-11-30"),
    row("весна 2020 г.", .season, "2020-03-01..2020-05-31"),
    // Lists.
    row("март, апрель 2019", .list, "2019-03-01..2019-04-30", count: 2),
    row("март и октябрь 2019 г.", .list, "2019-03-01..2019-10-31", count: 2),
    // Quarters sharing one word: «I, III кв.» is «I квартал, III квартал».
    row("I, III кв. 2009 г.", .list, "2009-01-01..2009-09-30", count: 2),
    row("I и III квартал 2009 года", .list, "2009-01-01..2009-09-30", count: 2),
    row("2, 3 кварталы 2019", .list, "2019-04-01..2019-09-30", count: 2),
    row("I, II полугодие 2020 г.", .list, "2020-01-01..2020-12-31", count: 2),
    row("сентябрь-декабрь 2018 г., январь-май 2019 г.", .list, "2018-09-01..2019-05-31", count: 2),
    // Real-world spellings.
    row("01.09.2018 - 31.05.2019 гг.", .dayRange, "2018-09-01..2019-05-31"),
    row("3-4 квартал 2019", .range, "2019-07-01..2019-12-31"),
    row("III-IV кварталы 2019 года", .range, "2019-07-01..2019-12-31"),
    row("в течение I полугодия 2019 г.", .halfYear, "2019-01-01..2019-06-30"),
    row("в течение 1 квартала 2019 года", .quarter, "2019-01-01..2019-03-31"),
    row("ноябрь 2018г.-март 2019г.", .monthRange, "2018-11-01..2019-03-31"),
    row("май 2019 г.-июнь 2019 г.", .monthRange, "2019-05-01..2019-06-30"),
    row("с 01 сентября 2018 по 31 мая 2019", .dayRange, "2018-09-01..2019-05-31"),
    row("в течение 2018-2020 гг.", .yearRange, "2018-01-01..2020-12-31"),
    row("до 20.12.2018г.", .dueDate, "2018-12-20..2018-12-20"),
    row("2018-2019 учебный год, 2019-2020 учебный год", .list, "2018-09-01..2020-08-31", count: 2),
    row("апрель 2019 года; октябрь 2019 года", .list, "2019-04-01..2019-10-31", count: 2),
    row("2019, 2020 гг.", .list, "2019-01-01..2020-12-31", count: 2),
    // No due date.
    row("по мере необходимости", .noDueDate, nil, count: 0),
    row("По согласованию", .noDueDate, nil, count: 0),
    row("по необходимости", .noDueDate, nil, count: 0),
    row("по запросу", .noDueDate, nil, count: 0),
    row("по согласованию с комитетом образования", .noDueDate, nil, count: 0),
    row("по мере поступления", .noDueDate, nil, count: 0),
]

/// Deadlines that need their context.
let contextualDeadlines: [DeadlineCase] = [
    // A school plan for the 2022–2023 academic year: months carry no year (seed 002).
    row("Сентябрь", ay2022, .month, "2022-09-01..2022-09-30"),
    row("Октябрь", ay2022, .month, "2022-10-01..2022-10-31"),
    row("Ноябрь", ay2022, .month, "2022-11-01..2022-11-30"),
    row("Декабрь", ay2022, .month, "2022-12-01..2022-12-31"),
    row("Январь", ay2022, .month, "2023-01-01..2023-01-31"),
    row("Февраль", ay2022, .month, "2023-02-01..2023-02-28"),
    row("Март", ay2022, .month, "2023-03-01..2023-03-31"),
    row("Апрель", ay2022, .month, "2023-04-01..2023-04-30"),
    row("Май", ay2022, .month, "2023-05-01..2023-05-31"),
    row("Март", plan("2022-09-01..2023-05-31"), .month, "2023-03-01..2023-03-31"),
    row("Сентябрь", plan("2022-09-01..2023-05-31"), .month, "2022-09-01..2022-09-30"),
    row("март", y2019, .month, "2019-03-01..2019-03-31"),
    row("в марте", y2019, .month, "2019-03-01..2019-03-31"),
    row("сентябрь – май", ay2022, .monthRange, "2022-09-01..2023-05-31"),
    row("ноябрь - февраль", plan("2018-06-25..2019-06-30"), .monthRange, "2018-11-01..2019-02-28"),
    row("до 25 декабря", y2019, .dueDate, "2019-12-25..2019-12-25"),
    row("до 25 мая", ay2022, .dueDate, "2023-05-25..2023-05-25"),
    row("до 25 декабря текущего года", y2019, .dueDate, "2019-12-25..2019-12-25"),
    row("до 01.09", y2019, .dueDate, "2019-09-01..2019-09-01"),
    row("до конца года", y2019, .dueDate, "2019-12-31..2019-12-31"),
    row("до конца года", ay2022, .dueDate, "2022-12-31..2022-12-31"),
    row("I квартал", y2019, .quarter, "2019-01-01..2019-03-31"),
    row("в I квартале", ay2022, .quarter, "2023-01-01..2023-03-31"),
    row("IV квартал", ay2022, .quarter, "2022-10-01..2022-12-31"),
    row("1 полугодие", y2019, .halfYear, "2019-01-01..2019-06-30"),
    row("1 полугодие", ay2022, .halfYear, "2022-09-01..2022-12-31"),
    row("2 полугодие", ay2022, .halfYear, "2023-01-01..2023-08-31"),
    row("I полугодие", plan("2022-09-01..2023-05-31"), .halfYear, "2022-09-01..2022-12-31"),
    row("летний период", ay2022, .season, "2023-06-01..2023-08-31"),
    row("летний период", y2019, .season, "2019-06-01..2019-08-31"),
    row("в летний период", plan("2022-09-01..2023-08-31"), .season, "2023-06-01..2023-08-31"),
    row("Летом", y2019, .season, "2019-06-01..2019-08-31"),
    row("летние каникулы", ay2022, .season, "2023-06-01..2023-08-31"),
    row("зимний период", ay2022, .season, "2022-12-01..2023-02-28"),
    row("с 01.09.2018", plan("2018-06-25..2019-06-30"), .range, "2018-09-01..2019-06-30"),
    // The whole period.
    row("постоянно", y2019, .wholePeriod, "2019-01-01..2019-12-31"),
    row("Постоянно", ay2022, .wholePeriod, "2022-09-01..2023-08-31"),
    row("постоянно", plan("2018-06-25..2020-12-31"), .wholePeriod, "2018-06-25..2020-12-31"),
    row("в течение года", y2019, .wholePeriod, "2019-01-01..2019-12-31"),
    row("в течение года", ay2022, .wholePeriod, "2022-09-01..2023-08-31"),
    row("весь период", plan("2018-06-25..2020-12-31"), .wholePeriod, "2018-06-25..2020-12-31"),
    row("в течение всего периода", y2019, .wholePeriod, "2019-01-01..2019-12-31"),
    row("в течение периода реализации", y2019, .wholePeriod, "2019-01-01..2019-12-31"),
    row("на протяжении всего периода реализации программы", y2019, .wholePeriod, "2019-01-01..2019-12-31"),
    row("в течение учебного года", ay2022, .wholePeriod, "2022-09-01..2023-08-31"),
    row("в течение всего учебного года", ay2022, .wholePeriod, "2022-09-01..2023-08-31"),
    row("в течение учебного года", plan("2022-09-01..2023-05-31"), .wholePeriod, "2022-09-01..2023-05-31"),
    row("ежедневно", y2019, .wholePeriod, "2019-01-01..2019-12-31"),
    row("систематически", ay2022, .wholePeriod, "2022-09-01..2023-08-31"),
    row("Постоянно, в течение года", y2019, .wholePeriod, "2019-01-01..2019-12-31"),
    row("в течении года", y2019, .wholePeriod, "2019-01-01..2019-12-31"),
    row("в теч. года", y2019, .wholePeriod, "2019-01-01..2019-12-31"),
    row("постоянно (в течение года)", y2019, .wholePeriod, "2019-01-01..2019-12-31"),
    row("январь – декабрь", y2019, .monthRange, "2019-01-01..2019-12-31"),
    row("Апрель-май", ay2022, .monthRange, "2023-04-01..2023-05-31"),
    row("до 15.12", y2019, .dueDate, "2019-12-15..2019-12-15"),
    // Recurring obligations: one occurrence per period inside the context.
    row("до 10 числа ежемесячно", y2019, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12, first: "2019-01-10..2019-01-10"),
    row("Ежемесячно (до 5 числа)", y2019, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12, first: "2019-01-05..2019-01-05"),
    row("1 раз в месяц, до 25 числа", y2019, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12, first: "2019-01-25..2019-01-25"),
    row("ежегодно (декабрь)", y2019, .recurring, "2019-01-01..2019-12-31", .annually, count: 1, first: "2019-12-01..2019-12-31"),
    row("ежемесячно", y2019, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12, first: "2019-01-01..2019-01-31"),
    row("Ежемесячно", ay2022, .recurring, "2022-09-01..2023-08-31", .monthly, count: 12, first: "2022-09-01..2022-09-30"),
    row("каждый месяц", y2019, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12),
    row("1 раз в месяц", y2019, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12),
    row("раз в месяц", y2019, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12),
    row("ежемесячно", plan("2018-06-25..2019-06-30"), .recurring, "2018-06-25..2019-06-30", .monthly, count: 13, first: "2018-06-25..2018-06-30"),
    row("ежеквартально", y2019, .recurring, "2019-01-01..2019-12-31", .quarterly, count: 4, first: "2019-01-01..2019-03-31"),
    row("Ежеквартально", plan("2018-01-01..2020-12-31"), .recurring, "2018-01-01..2020-12-31", .quarterly, count: 12),
    row("раз в квартал", y2019, .recurring, "2019-01-01..2019-12-31", .quarterly, count: 4),
    row("1 раз в квартал", y2019, .recurring, "2019-01-01..2019-12-31", .quarterly, count: 4),
    row("Не реже одного раза в полугодие", ay2022, .recurring, "2022-09-01..2023-08-31", .twiceAYear, count: 2),
    row("не менее 1 раза в квартал", y2019, .recurring, "2019-01-01..2019-12-31", .quarterly, count: 4),
    // «Не реже …» after the date it starts from, as «(ежегодно)» is.
    row("Февраль 2021 г. (не реже одного раза в год)", ay2022, .recurring, "2021-02-01..2021-02-28", .annually, count: 1, first: "2021-02-01..2021-02-28"),
    row("поквартально", y2019, .recurring, "2019-01-01..2019-12-31", .quarterly, count: 4),
    row("ежеквартально", ay2022, .recurring, "2022-09-01..2023-08-31", .quarterly, count: 5, first: "2022-09-01..2022-09-30"),
    row("ежегодно", plan("2018-01-01..2020-12-31"), .recurring, "2018-01-01..2020-12-31", .annually, count: 3, first: "2018-01-01..2018-12-31"),
    row("ежегодно", ay2022, .recurring, "2022-09-01..2023-08-31", .annually, count: 1, first: "2022-09-01..2023-08-31"),
    row("один раз в год", y2019, .recurring, "2019-01-01..2019-12-31", .annually, count: 1),
    row("1 раз в год", y2019, .recurring, "2019-01-01..2019-12-31", .annually, count: 1),
    row("ежегодно, до 25 декабря", y2019, .recurring, "2019-01-01..2019-12-31", .annually, count: 1, first: "2019-12-25..2019-12-25"),
    row("ежегодно до 25 декабря", plan("2018-01-01..2020-12-31"), .recurring, "2018-01-01..2020-12-31", .annually, count: 3, first: "2018-12-25..2018-12-25"),
    row("ежегодно, не позднее 25.12", plan("2018-01-01..2020-12-31"), .recurring, "2018-01-01..2020-12-31", .annually, count: 3, first: "2018-12-25..2018-12-25"),
    // The deadline named first, then again with the recurrence to the end of the plan.
    row("до 01.09.2025, далее - ежегодно", plan("2024-01-01..2027-12-31"), .recurring, "2025-09-01..2027-12-31", .annually, count: 3, first: "2025-09-01..2025-09-01"),
    row("сентябрь 2024 г., далее ежегодно", plan("2024-01-01..2026-12-31"), .recurring, "2024-09-01..2026-12-31", .annually, count: 3, first: "2024-09-01..2024-09-30"),
    row("2025 год, далее – ежегодно", plan("2024-01-01..2027-12-31"), .recurring, "2025-01-01..2027-12-31", .annually, count: 3, first: "2025-01-01..2025-12-31"),
    row("до 1 июня 2025 г., далее ежегодно до 1 июня", plan("2025-01-01..2026-12-31"), .recurring, "2025-06-01..2026-12-31", .annually, count: 2, first: "2025-06-01..2025-06-01"),
    row("IV квартал 2025 г., далее ежеквартально", plan("2025-01-01..2026-12-31"), .recurring, "2025-10-01..2026-12-31", .quarterly, count: 5, first: "2025-10-01..2025-12-31"),
    row("до 15.01.2025, далее ежемесячно", plan("2025-01-01..2025-12-31"), .recurring, "2025-01-15..2025-12-31", .monthly, count: 12, first: "2025-01-15..2025-01-15"),
    row("1 сентября, далее ежемесячно", y2019, .recurring, "2019-09-01..2019-12-31", .monthly, count: 4, first: "2019-09-01..2019-09-01"),
    row("до 01.09.2025, далее ежегодно", plan("2024-01-01..2025-12-31"), .recurring, "2025-09-01..2025-12-31", .annually, count: 1, first: "2025-09-01..2025-09-01"),
    row("ежегодно в декабре", y2019, .recurring, "2019-01-01..2019-12-31", .annually, count: 1, first: "2019-12-01..2019-12-31"),
    row("2 раза в год", y2019, .recurring, "2019-01-01..2019-12-31", .twiceAYear, count: 2, first: "2019-01-01..2019-06-30"),
    row("2 раза в год", ay2022, .recurring, "2022-09-01..2023-08-31", .twiceAYear, count: 2, first: "2022-09-01..2022-12-31"),
    row("два раза в год", y2019, .recurring, "2019-01-01..2019-12-31", .twiceAYear, count: 2),
    row("дважды в год", y2019, .recurring, "2019-01-01..2019-12-31", .twiceAYear, count: 2),
    row("1 раз в полугодие", y2019, .recurring, "2019-01-01..2019-12-31", .twiceAYear, count: 2),
    row("раз в полгода", y2019, .recurring, "2019-01-01..2019-12-31", .twiceAYear, count: 2),
    row("2 раза в год", plan("2018-01-01..2020-12-31"), .recurring, "2018-01-01..2020-12-31", .twiceAYear, count: 6),
    row("4 раза в год", y2019, .recurring, "2019-01-01..2019-12-31", .quarterly, count: 4),
    row("еженедельно", y2019, .recurring, "2019-01-01..2019-12-31", .weekly, count: 53, first: "2019-01-01..2019-01-06"),
    row("раз в неделю", y2019, .recurring, "2019-01-01..2019-12-31", .weekly, count: 53),
    row("еженедельно по пятницам", y2019, .recurring, "2019-01-01..2019-12-31", .weekly, count: 52, first: "2019-01-04..2019-01-04"),
    row("по понедельникам", y2019, .recurring, "2019-01-01..2019-12-31", .weekly, count: 52, first: "2019-01-07..2019-01-07"),
    row("ежемесячно до 5 числа", y2019, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12, first: "2019-01-05..2019-01-05"),
    row("ежемесячно, до 5-го числа", y2019, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12, first: "2019-01-05..2019-01-05"),
    row("до 5 числа каждого месяца", y2019, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12, first: "2019-01-05..2019-01-05"),
    row("ежемесячно до 31 числа", y2019, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12, first: "2019-01-31..2019-01-31"),
    row("не позднее 15 числа месяца, следующего за отчётным", y2019, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12, first: "2019-01-15..2019-01-15"),
    row("не позднее 15 числа месяца, следующего за отчетным", ay2022, .recurring, "2022-09-01..2023-08-31", .monthly, count: 12, first: "2022-09-15..2022-09-15"),
    row("ежеквартально до 10 числа месяца, следующего за отчетным кварталом", y2019, .recurring, "2019-01-01..2019-12-31", .quarterly, count: 4, first: "2019-01-10..2019-01-10"),
    row("ежеквартально в течение 2019-2020 гг.", .none, .recurring, "2019-01-01..2020-12-31", .quarterly, count: 8),
    row("ежемесячно, в течение 2019 года", .none, .recurring, "2019-01-01..2019-12-31", .monthly, count: 12),
    row("ежемесячно в течение учебного года", ay2022, .recurring, "2022-09-01..2023-08-31", .monthly, count: 12),
    row("ежегодно 2018-2020", .none, .recurring, "2018-01-01..2020-12-31", .annually, count: 3),
    // As the corpus of real plans writes them.
    row("22 июня 10.00 ч.", y2019, .day, "2019-06-22..2019-06-22"),
    row("10 апреля 12:00", y2019, .day, "2019-04-10..2019-04-10"),
    row("Пятница 21 сентября 2012 г., 12.10", .none, .day, "2012-09-21..2012-09-21"),
    // A day heading rows timed «14.00-14.10»: the hours on that day, not until the 14th of October.
    row("26 августа 2020 г., 14.00-14.10", .none, .day, "2020-08-26..2020-08-26"),
    row("27 августа 2020 г., 14.00 – 17.00", .none, .day, "2020-08-27..2020-08-27"),
    row("21 сентября, в 9.05", y2019, .day, "2019-09-21..2019-09-21"),
    row("Август, 2022", .none, .month, "2022-08-01..2022-08-31"),
    row("сентябрь, 2018", .none, .month, "2018-09-01..2018-09-30"),
    row("до 3 .05. 2015г", .none, .dueDate, "2015-05-03..2015-05-03"),
    row("с 28.01. по-31.01.", y2019, .dayRange, "2019-01-28..2019-01-31"),
    row("С 5 по по 25 марта 2011г.", .none, .dayRange, "2011-03-05..2011-03-25"),
    row("С 4.09. – по 20.09.", ay2022, .dayRange, "2022-09-04..2022-09-20"),
    row("В конце марта", ay2022, .dueDate, "2023-03-31..2023-03-31"),
    row("в теч-е года", ay2022, .wholePeriod, "2022-09-01..2023-08-31"),
    row("С 27 февраля по 3 марта (в рамках недели естествознания)", ay2022, .dayRange, "2023-02-27..2023-03-03"),
    row("с 4.09.2018 - по 20.09.2018", .none, .dayRange, "2018-09-04..2018-09-20"),
    row("2006 г. 4 квартал", .none, .quarter, "2006-10-01..2006-12-31"),
    row("3 неделя февраля", y2019, .dayRange, "2019-02-15..2019-02-21"),
    row("3, 4 неделя октября", y2019, .dayRange, "2019-10-15..2019-10-28"),
    row("4 неделя сентябрь", ay2022, .dayRange, "2022-09-22..2022-09-28"),
    row("первая неделя сентября", ay2022, .dayRange, "2022-09-01..2022-09-07"),
    row("1-я неделя декабря", ay2022, .dayRange, "2022-12-01..2022-12-07"),
    row("4-ая неделя ноября", ay2022, .dayRange, "2022-11-22..2022-11-28"),
    row("1-я и 2-я недели мая", ay2022, .dayRange, "2023-05-01..2023-05-14"),
    row("последняя неделя августа", ay2022, .dayRange, "2023-08-25..2023-08-31"),
    row("в последнюю неделю сентября", ay2022, .dayRange, "2022-09-24..2022-09-30"),
    row("последняя декада мая", y2019, .dayRange, "2019-05-21..2019-05-31"),
    // A «декада» is a tenth of a month's days: 1–10, 11–20, 21 to the month's end.
    row("1 декада сентября", ay2022, .dayRange, "2022-09-01..2022-09-10"),
    row("во второй декаде мая", ay2022, .dayRange, "2023-05-11..2023-05-20"),
    row("III декада июня", y2019, .dayRange, "2019-06-21..2019-06-30"),
    row("2-3 декада января", y2019, .dayRange, "2019-01-11..2019-01-31"),
]

@Suite("Deadline parsing")
struct DeadlineParserTests {
    static let explicitVariants = explicitDeadlines.flatMap(\.spellingVariants)
    static let contextualVariants = contextualDeadlines.flatMap(\.spellingVariants)

    static func check(_ row: DeadlineCase) throws {
        let deadline = try Deadline.parse(row.text, in: row.context)
        #expect(deadline.kind == row.kind)
        #expect(deadline.period?.description == row.period)
        #expect(deadline.recurrence == row.recurrence)
        #expect(deadline.text == row.text.precomposedStringWithCanonicalMapping)
        #expect(deadline.isParsed)
        if let count = row.occurrences { #expect(deadline.occurrences.count == count) }
        if let first = row.firstOccurrence { #expect(deadline.occurrences.first?.description == first) }
        if row.recurrence == nil, row.kind != .list, let period = deadline.period {
            #expect(deadline.occurrences == [period])
        }
        for occurrence in deadline.occurrences {
            #expect(deadline.period.map { $0.contains(occurrence.first) && $0.contains(occurrence.last) } == true)
        }
    }

    @Test("explicit deadlines in every spelling", arguments: explicitVariants)
    func explicit(_ row: DeadlineCase) throws {
        try Self.check(row)
    }

    @Test("explicit deadlines ignore any context", arguments: explicitDeadlines)
    func contextIgnored(_ row: DeadlineCase) throws {
        guard row.kind != .noDueDate else { return }
        for context in [y2019, ay2022, plan("2010-01-01..2030-12-31")] {
            let deadline = try Deadline.parse(row.text, in: context)
            #expect(deadline.period?.description == row.period, "in \(context)")
        }
    }

    @Test("deadlines read with their context in every spelling", arguments: contextualVariants)
    func contextual(_ row: DeadlineCase) throws {
        try Self.check(row)
    }

    /// «The whole year» against the plan's whole period and anything else.
    @Test func wholeYearPhrases() {
        let parser = DeadlineParser()
        for text in ["в течение года", "В течение учебного года", "Постоянно, в течение года", "в течение всего года",
                     "весь год", "в течение уч. года"] {
            #expect(parser.namesWholeYear(text), "\(text)")
        }
        for text in ["в течение всего периода", "в течение срока реализации программы", "постоянно", "сентябрь 2025",
                     "в течение года после выпуска", "до конца года", "в течение периода действия плана"] {
            #expect(!parser.namesWholeYear(text), "\(text)")
        }
    }

    /// Dates with slashes: a text whose own dates prove the order of day and month is read so;
    /// «01/11/2024» alone is kept as text (1 November or 11 January); a plan that proves the
    /// order (`slashedDates`) reads it; rooms «123/201» and academic years are no dates.
    @Test func datesWithSlashes() throws {
        let parser = DeadlineParser()
        #expect(try parser.parse("15/09/2024").period == DatePeriod(first: CalendarDate(year: 2024, month: 9, day: 15)!,
                                                                     last: CalendarDate(year: 2024, month: 9, day: 15)!))
        #expect(try parser.parse("01/18/2024").period?.first == CalendarDate(year: 2024, month: 1, day: 18))
        #expect(try parser.parse("с 15/09/2024 по 20/09/2024").period?.last == CalendarDate(year: 2024, month: 9, day: 20))
        let alone = try parser.parse("01/11/2024")
        #expect(alone.kind == .unparsed && alone.text == "01/11/2024")
        #expect(try DeadlineParser(slashedDates: .monthDay).parse("01/11/2024").period?.first == CalendarDate(year: 2024, month: 1, day: 11))
        #expect(try DeadlineParser(slashedDates: .dayMonth).parse("01/11/2024").period?.first == CalendarDate(year: 2024, month: 11, day: 1))
        #expect(try DeadlineParser(slashedDates: .monthDay).parse("01/11/2024").text == "01/11/2024")
        #expect(SlashedDateOrder.proven(by: ["01/11/2024", "01/18/2024"]) == .monthDay)
        #expect(SlashedDateOrder.proven(by: ["01/11/2024", "18/01/2024"]) == .dayMonth)
        #expect(SlashedDateOrder.proven(by: ["15/09/2024", "01/18/2024"]) == nil)
        #expect(SlashedDateOrder.proven(by: ["01/11/2024", "123/201/341", "2022/2023 учебный год"]) == nil)
        #expect(try parser.parse("2022/2023 учебный год").kind == .academicYear)
    }

    /// A deadline with no due date that points to a date given elsewhere, against work done
    /// on demand: only the first is for a person to set.
    @Test func deadlinesThatPointElsewhere() throws {
        let parser = DeadlineParser()
        for text in ["по графику ФЦТ", "По графику", "по отдельному графику", "по согласованию с ОО", "По отдельному плану",
                     "по назначению", "по отд. плану"] {
            let deadline = try parser.parse(text, in: y2019)
            #expect(deadline.kind == .noDueDate, "\(text)")
            #expect(parser.pointsElsewhere(deadline), "\(text)")
        }
        for text in ["по мере необходимости", "по запросу", "По просьбе учителя", "при необходимости", "в течение года", "сентябрь"] {
            #expect(!parser.pointsElsewhere(try parser.parse(text, in: y2019)), "\(text)")
        }
        #expect(try parser.parse("По просьбе учителя", in: y2019).kind == .noDueDate)
    }

    /// A word that only starts like a month is no month: a surname in the deadline's cell
    /// («Мартынюк»), «апробация», «в сети» were read as March, April and September.
    @Test("words that start like a month are no month, and parts of a month that do not exist", arguments: [
        "Мартынюк", "Марафон", "Маркс", "апробация", "в сети", "в сетях", "декларация", "декоративно", "Мариинский",
        // No fourth «декада»; February's third ends on a day that depends on the year; a week with no month.
        "4 декада марта", "3 декада февраля", "первая неделя", "декада качества",
        // February's last week and last «декада» end on a day that depends on the year; «последняя неделя» of no month.
        "последняя неделя февраля", "последняя декада февраля", "последняя неделя",
    ])
    func startsLikeAMonth(_ text: String) {
        #expect((try? Deadline.parse(text, in: y2019))?.period == nil)
    }

    /// A month's cases, cut forms and misspellings by one letter still read as the month.
    @Test("a month in any case, cut or misspelt by a letter", arguments: [
        ("в январе", "2019-01-01..2019-01-31"), ("в августе", "2019-08-01..2019-08-31"),
        ("декабр", "2019-12-01..2019-12-31"), ("нояб.", "2019-11-01..2019-11-30"),
        ("сентябрь", "2019-09-01..2019-09-30"), ("сентяюрь", "2019-09-01..2019-09-30"),
        ("февраь", "2019-02-01..2019-02-28"), ("апреле", "2019-04-01..2019-04-30"),
    ])
    func monthForms(_ text: String, _ period: String) {
        #expect((try? Deadline.parse(text, in: y2019))?.period?.description == period)
    }

    @Test("there are several hundred cases")
    func caseCount() {
        #expect(Self.explicitVariants.count + Self.contextualVariants.count > 600)
    }
}
