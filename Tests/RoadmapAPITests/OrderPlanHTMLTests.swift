@testable import RoadmapAPI
import Testing

/// The order page's goals and actions, written by Swift: every text escaped, every part the
/// template had where it had it.
@Suite("The order page's plan as HTML")
struct OrderPlanHTMLTests {
    static let hostile = "<script>alert('x')</script> & «Школа»"

    static func action(section: String? = nil, more: String? = nil, overdue: Int = 0, roles: String = "") -> OrderPage.Action {
        OrderPage.Action(
            sectionStart: section, position: "1.1", title: hostile, result: hostile, hasResult: true,
            deadline: "до 1 марта", period: "срок не распознан", parsed: false, roles: roles, hasRoles: !roles.isEmpty,
            done: 1, total: 4, percent: 25, counts: "в работе 3", overdue: overdue, hasOverdue: overdue > 0,
            assignments: [OrderPage.Assignment(id: "a1", executor: hostile, due: "01.03.2019", status: "просрочено", statusClass: "st-overdue")],
            hasAssignments: true, more: more, moreHref: "/actions/x")
    }

    static func goal(_ actions: [OrderPage.Action], tasks: [OrderPage.Task] = []) -> OrderPage.Goal {
        OrderPage.Goal(position: 2, title: hostile, done: 1, total: 4, tasks: tasks, hasTasks: !tasks.isEmpty, actions: actions)
    }

    @Test func everyTextIsEscaped() {
        let html = OrderPlanHTML(goals: [Self.goal(
            [Self.action(section: Self.hostile, more: Self.hostile, overdue: 2, roles: Self.hostile)],
            tasks: [OrderPage.Task(position: 1, title: Self.hostile)])]).renderText
        #expect(!html.contains("<script"))
        let escaped = HTMLEscaping().escapeText(Self.hostile)
        // Goal, task, section, title, result, executor, «more» and roles.
        #expect(html.components(separatedBy: escaped).count - 1 == 8)
    }

    @Test func anActionShowsWhatItHas() {
        let plain = OrderPlanHTML(goals: [Self.goal([Self.action()])]).renderText
        #expect(plain.hasPrefix("  <article class=\"goal\">\n    <h3>Цель 2. "))
        #expect(plain.hasSuffix("  </article>"), "the template's own line ends the last goal")
        #expect(!plain.contains("class=\"section\""))
        #expect(!plain.contains("просрочено 0"))
        #expect(!plain.contains("Также:"))
        #expect(!plain.contains("class=\"tasks\""))
        #expect(plain.contains("<span class=\"muted bad\">срок не распознан</span>"))
        #expect(plain.contains("<progress max=\"4\" value=\"1\" aria-label=\"Выполнено\">25 %</progress> выполнено 1 из 4</p>"))
        #expect(plain.contains("<li><a href=\"/assignments/a1\">"))

        let late = OrderPlanHTML(goals: [Self.goal([Self.action(section: "I. Раздел", more: "Все 500 исполнителей →", overdue: 2, roles: "Руководители ОО")])])
            .renderText
        #expect(late.contains("<tr class=\"section\"><th colspan=\"4\" scope=\"rowgroup\">I. Раздел</th></tr>"))
        #expect(late.contains(", <span class=\"bad\">просрочено 2</span>"))
        #expect(late.contains("<p><a href=\"/actions/x\">Все 500 исполнителей →</a> · <a href=\"/actions/x?overdue=1\">просроченные (2)</a></p>"))
        #expect(late.contains("<p class=\"muted\">Также: Руководители ОО</p>"))
    }

    @Test func noGoalsWriteNothing() {
        let empty = OrderPlanHTML(goals: [])
        #expect(empty.renderText.isEmpty)
        #expect(empty.isNull)
    }
}
