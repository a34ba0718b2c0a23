import Testing
@testable import RoadmapDomain

@Suite struct HistoryTextTests {
    @Test func anOrdersEventsReadAsSentences() {
        #expect(HistoryText.sentence(entityType: "order", event: "created", data: ["number": "770", "date": "2018-06-25"])
                == "Приказ № 770 от 25.06.2018 создан")
        #expect(HistoryText.sentence(entityType: "order", event: "imported", data: ["actions": "3", "assignments_created": "7"])
                == "Приказ загружен из файла: мероприятий 3, создано назначений 7")
        #expect(HistoryText.sentence(entityType: "order", event: "withdrawn", data: [:]) == "Приказ отозван")
        #expect(HistoryText.sentence(entityType: "order", event: "published", data: [:]) == "Ход исполнения опубликован на открытой странице")
        #expect(HistoryText.sentence(entityType: "report", event: "made_public", data: [:]) == "Текст отчёта показан на открытой странице")
        #expect(HistoryText.sentence(entityType: "action", event: "updated", data: ["deadline": "Май 2019", "previous_deadline": "Март 2019"])
                == "Изменено мероприятие: срок «Март 2019» → «Май 2019»")
        #expect(HistoryText.sentence(entityType: "goal", event: "moved", data: ["from": "2", "to": "1"]) == "Цель перемещена с 2-го места на 1-е")
        #expect(HistoryText.sentence(entityType: "action", event: "moved", data: ["from": "3", "to": "4"]) == "Мероприятие перемещено с 3-го места на 4-е")
        #expect(HistoryText.sentence(entityType: "action", event: "removed", data: ["title": "Семинар"]) == "Удалено мероприятие «Семинар»")
    }

    @Test func anUnknownEventIsNamedNotHidden() {
        #expect(HistoryText.sentence(entityType: "order", event: "archived", data: [:]) == "Событие «archived»")
        #expect(HistoryText.role("coordinator") == "координатор" && HistoryText.role(nil) == nil)
    }
}
