# A municipal road map of 40 actions in three sections, long enough to run over several
# pages: the heading row is repeated at the top of each page and rows are cut by page breaks.
import csv, sys
out = sys.argv[1]
sections = [
    ("I. Нормативно-правовое и организационное обеспечение", [
        "Разработка и утверждение плана мероприятий по подготовке к государственной итоговой аттестации в {y} году",
        "Проведение совещания с руководителями общеобразовательных организаций по вопросу обеспечения объективности оценивания",
        "Формирование региональной информационной системы: сбор сведений об участниках ГИА-9 и ГИА-11",
        "Организация работы телефонов «горячей линии» по вопросам проведения государственной итоговой аттестации",
    ]),
    ("II. Работа с педагогическими кадрами", [
        "Участие учителей-предметников в вебинарах и семинарах по подготовке обучающихся к экзаменам",
        "Организация курсов повышения квалификации для экспертов предметных комиссий",
        "Проведение методических дней в школах с низкими результатами",
        "Анализ результатов диагностических работ и корректировка рабочих программ",
    ]),
    ("III. Информационное сопровождение", [
        "Размещение на официальных сайтах информации о сроках и местах подачи заявлений на участие в ГИА",
        "Проведение родительских собраний по вопросам подготовки и проведения государственной итоговой аттестации",
        "Оформление информационных стендов для обучающихся и родителей",
        "Освещение хода подготовки к ГИА в средствах массовой информации",
    ]),
]
deadlines = ["до 01.02.2025", "январь – февраль 2025 г.", "ежемесячно", "в течение года",
             "март 2025 г.", "до 25 числа каждого месяца", "II квартал 2025 г.", "октябрь 2025 г.",
             "15.04.2025", "сентябрь – декабрь 2025 г."]
executors = ["Комитет образования", "Комитет образования, МБОУ СОШ № {n}", "МКУ «Информационно-методический центр»",
             "Руководители ОО", "МБОУ СОШ № {n}, МБОУ «Лицей № 2»", "Комитет образования, МКУ «ИМЦ» (Петрова И.И.)"]
results = ["Приказ", "Протокол совещания", "База данных", "Информация на сайте", "Аналитическая справка"]
rows = []
number = 0
for s, (title, actions) in enumerate(sections, 1):
    rows.append(("section", title))
    for i in range(1, 14):
        number += 1
        text = actions[(i - 1) % len(actions)].format(y=2025)
        if i > len(actions):
            text += f" (этап {i})"
        rows.append(("row", f"{s}.{i}.", text, deadlines[number % len(deadlines)],
                     executors[number % len(executors)].format(n=number % 17 + 1), results[number % len(results)]))
head = ["№ п/п", "Мероприятия", "Срок исполнения", "Ответственные исполнители", "Ожидаемый результат"]
with open(f"{out}/long-plan.html", "w", encoding="utf-8") as f:
    f.write('<html><head><meta charset="utf-8"></head><body>\n')
    f.write('<p align="right">Приложение к приказу комитета образования<br>от 15.01.2025 № 12</p>\n')
    f.write('<p align="center"><b>Дорожная карта подготовки к государственной итоговой аттестации в 2025 году</b></p>\n')
    f.write('<table border="1" cellpadding="3"><thead><tr>' + "".join(f"<th>{h}</th>" for h in head) + '</tr></thead><tbody>\n')
    for row in rows:
        if row[0] == "section":
            f.write(f'<tr><td colspan="5"><b>{row[1]}</b></td></tr>\n')
        else:
            f.write("<tr>" + "".join(f"<td>{cell}</td>" for cell in row[1:]) + "</tr>\n")
    f.write("</tbody></table>\n<p>Председатель комитета образования А.А. Иванов</p></body></html>\n")
# The same plan with a running head on its pages («Продолжение приложения …») and a page
# number at their foot.
with open(f"{out}/long-plan.html", encoding="utf-8") as f:
    page = f.read()
furniture = ('<div title="header"><p align="center">Продолжение приложения 1 к приказу от 15.01.2025 № 12</p></div>\n'
             '<div title="footer"><p align="right"><sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p></div>\n')
with open(f"{out}/paged-plan.html", "w", encoding="utf-8") as f:
    f.write(page.replace("<body>\n", "<body>\n" + furniture, 1))
with open(f"{out}/long-plan.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(head)
    for row in rows:
        w.writerow([row[1], "", "", "", ""] if row[0] == "section" else list(row[1:]))

# A plan typeset as Word users do: text justified in its cells (wide gaps inside a line),
# numbers and deadlines centred, a row numbering the columns under the header, and an
# executor merged down three rows.
actions = ["Проведение мониторинга готовности общеобразовательных организаций к введению обновлённых ФГОС",
           "Организация участия педагогов в курсах повышения квалификации по обновлённым ФГОС",
           "Проведение семинаров для заместителей директоров по учебно-воспитательной работе",
           "Информирование родительской общественности о переходе на обновлённые ФГОС через сайты школ",
           "Разработка рабочих программ по учебным предметам с использованием конструктора программ",
           "Мониторинг оснащённости кабинетов в соответствии с требованиями стандарта"]
deadlines = ["до 01.03.2025", "апрель 2025 г.", "в течение 2025 года", "ежеквартально", "май – июнь 2025 г.", "до 25.12.2025"]
executors = ["Комитет образования", "МКУ «ИМЦ»", "Руководители ОО"]
head = ["№ п/п", "Наименование мероприятия", "Срок", "Ответственный исполнитель", "Результат"]
rows = []
with open(f"{out}/justified-plan.html", "w", encoding="utf-8") as f:
    f.write('<html><head><meta charset="utf-8"><style>td{font-family:"Times New Roman";font-size:12pt;'
            'text-align:justify;vertical-align:top} td.c{text-align:center;vertical-align:middle}</style></head><body>\n')
    f.write('<p align="center"><b>План мероприятий («дорожная карта») по введению обновлённых ФГОС в '
            'общеобразовательных организациях района на 2025 год</b></p>\n')
    f.write('<table border="1" cellpadding="4" width="100%"><thead><tr>'
            + "".join(f'<th width="{w}%">{h}</th>' for w, h in zip([6, 44, 15, 20, 15], head)) + '</tr>'
            + "<tr>" + "".join(f'<td class="c">{n}</td>' for n in range(1, 6)) + "</tr></thead><tbody>\n")
    number = 0
    for block in range(6):
        for k in range(3):
            number += 1
            title = f"{actions[(number - 1) % 6]} (блок {block + 1})"
            deadline = deadlines[number % 6]
            f.write(f'<tr><td class="c">{number}.</td><td>{title}</td><td class="c">{deadline}</td>')
            if k == 0:
                f.write(f'<td rowspan="3" style="vertical-align:middle">{executors[block % 3]}</td>')
            f.write('<td>Информация</td></tr>\n')
            rows.append([f"{number}.", title, deadline, executors[block % 3], "Информация"])
    f.write("</tbody></table></body></html>\n")
with open(f"{out}/justified-plan.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(head)
    w.writerows(rows)

# A school's plan of one page: short cells centred in their columns (dates of different
# widths, classes under a heading wider than they are) and a table of signatures under it.
events = [("Линейка «Безопасность на дорогах»", "1–11", "01.09", "Зам. директора по ВР Иванова О.П."),
          ("Инструктажи по ПДД", "1–11", "02.09–05.09", "Классные руководители"),
          ("Учебная эвакуация", "1–11", "10.09", "Преподаватель-организатор ОБЗР"),
          ("Встреча с инспектором ГИБДД", "5–7", "12.09", "Зам. директора по ВР Иванова О.П."),
          ("Конкурс рисунков «Дорога и мы»", "1–4", "15.09–19.09", "Учитель ИЗО"),
          ("Викторина по ПДД", "5–6", "22.09", "Отряд ЮИД"),
          ("Родительские собрания", "1–11", "23.09–26.09", "Классные руководители"),
          ("Подведение итогов месячника", "—", "30.09", "Зам. директора по ВР Иванова О.П.")]
head = ["№", "Мероприятие", "Классы", "Дата", "Ответственный"]
with open(f"{out}/centred-plan.html", "w", encoding="utf-8") as f:
    f.write('<html><head><meta charset="utf-8"></head><body><p align="right">УТВЕРЖДАЮ<br>Директор МБОУ «СОШ № 7»<br>'
            '_________ И.П. Сидорова<br>Приказ № 112 от 29.08.2025</p><p align="center"><b>План мероприятий месячника '
            'безопасности в МБОУ «СОШ № 7» на сентябрь 2025 года</b></p>\n<table border="1" cellpadding="2"><tr>'
            + "".join(f"<th>{h}</th>" for h in head) + "</tr>\n")
    for number, (action, classes, date, who) in enumerate(events, 1):
        f.write(f'<tr><td>{number}</td><td>{action}</td><td align="center">{classes}</td>'
                f'<td align="center">{date}</td><td>{who}</td></tr>\n')
    f.write('</table><p>Ознакомлены:</p><table><tr><td>Иванова О.П.</td><td>_______</td></tr>'
            '<tr><td>Петров С.С.</td><td>_______</td></tr></table></body></html>\n')
with open(f"{out}/centred-plan.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(head)
    w.writerows([[n, a, c, d, r] for n, (a, c, d, r) in enumerate(events, 1)])

# Executors one to a line in a narrow column, with no comma between them; a list in an
# action's cell; a deadline broken over lines.
listed = [("Проведение пробных экзаменов по математике и русскому языку в 9-х классах", "февраль – март<br>2025 г.",
           ["Комитет образования", "МКУ «ИМЦ»", "МБОУ СОШ № 1", "МАОУ СОШ № 5 имени Ю.А. Гагарина"]),
          ("Организация работы с обучающимися группы риска:<br>- индивидуальные консультации;<br>- дополнительные занятия;"
           "<br>- контроль посещаемости", "в течение<br>учебного года", ["Руководители ОО", "Классные руководители"]),
          ("Мониторинг результатов ВПР", "до<br>01.06.2025", ["МКУ «ИМЦ»"]),
          ("Информирование родителей о порядке проведения ГИА", "ежемесячно", ["МБОУ СОШ № 1", "МБОУ «Лицей № 3»"])]
head = ["№ п/п", "Мероприятие", "Срок", "Исполнители"]
with open(f"{out}/listed-plan.html", "w", encoding="utf-8") as f:
    f.write('<html><head><meta charset="utf-8"><style>td{font-family:"Times New Roman";font-size:14pt;vertical-align:top}'
            '</style></head><body><p align="center"><b>План мероприятий по подготовке к ГИА в 2024/2025 учебном году</b></p>'
            '<table border="1" cellpadding="4"><tr>' + "".join(f"<th>{h}</th>" for h in head) + "</tr>\n")
    for number, (action, deadline, who) in enumerate(listed, 1):
        f.write(f'<tr><td>{number}.</td><td>{action}</td><td>{deadline}</td><td>{"<br>".join(who)}</td></tr>\n')
    f.write("</table></body></html>\n")
with open(f"{out}/listed-plan.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, delimiter=";")
    w.writerow(head)
    w.writerows([[n, a.replace("<br>", "\n"), d.replace("<br>", " "), ", ".join(who)] for n, (a, d, who) in enumerate(listed, 1)])
