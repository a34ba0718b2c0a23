import Mustache

/// The order page's plan (its goals, their actions and each action's late executors), written
/// from the typed page model by Swift rather than by the template. This is the part of the
/// page that grows with what it shows: 50 actions, their bars, counts and executors are about
/// 2,000 names, and Mustache finds each through `Any` and a dozen dynamic casts, which was
/// two fifths of the server's time for the region's largest order (#16). The markup is the
/// one `order.mustache` had, byte for byte; text goes through the templates' own escaping.
struct OrderPlanHTML: MustacheCustomRenderable, Sendable {
    let goals: [OrderPage.Goal]
    /// No goals renders nothing; Mustache asks only when the value opens a section.
    var isNull: Bool { goals.isEmpty }

    var renderText: String {
        var html = ""
        html.reserveCapacity(goals.reduce(0) { $0 + 600 + $1.actions.count * 1_800 })
        for goal in goals {
            write(goal, to: &html)
        }
        if html.last == "\n" { html.removeLast() }
        return html
    }

    private func write(_ goal: OrderPage.Goal, to html: inout String) {
        html += "  <article class=\"goal\">\n    <h3>Цель \(goal.position). \(escaped(goal.title))"
        html += " <span class=\"muted\">— выполнено \(goal.done) из \(goal.total)</span></h3>\n    "
        if goal.hasTasks {
            html += "<p class=\"muted\">Задачи:</p><ol class=\"tasks\">"
            for task in goal.tasks {
                html += "<li value=\"\(task.position)\">\(escaped(task.title))</li>"
            }
            html += "</ol>"
        }
        html += """

                <table class="plan">
                  <thead><tr><th scope="col">№</th><th scope="col">Мероприятие</th><th scope="col">Срок</th><th scope="col">Исполнение</th></tr></thead>
                  <tbody>

            """
        for action in goal.actions {
            write(action, to: &html)
        }
        html += "      </tbody>\n    </table>\n  </article>\n"
    }

    private func write(_ action: OrderPage.Action, to html: inout String) {
        html += "      "
        if let section = action.sectionStart {
            html += "<tr class=\"section\"><th colspan=\"4\" scope=\"rowgroup\">\(escaped(section))</th></tr>"
        }
        html += "\n      <tr>\n        <td>\(escaped(action.position))</td>\n        <td>\(escaped(action.title))"
        if action.hasResult {
            html += "<br><span class=\"muted\">Результат: \(escaped(action.result))</span>"
        }
        html += "</td>\n        <td>\(escaped(action.deadline))<br><span class=\"muted\(action.parsed ? "" : " bad")\">"
        html += "\(escaped(action.period))</span></td>\n        <td>\n          <p class=\"progress\">"
        html += "<progress max=\"\(action.total)\" value=\"\(action.done)\" aria-label=\"Выполнено\">\(action.percent) %</progress>"
        html += " выполнено \(action.done) из \(action.total)"
        if action.hasOverdue {
            html += ", <span class=\"bad\">просрочено \(action.overdue)</span>"
        }
        html += "</p>\n          <p class=\"muted\">\(escaped(action.counts))</p>\n          "
        if action.hasAssignments {
            html += "<ul class=\"statuses\">"
            for row in action.assignments {
                html += "<li><a href=\"/assignments/\(escaped(row.id))\">\(escaped(row.executor))</a>"
                html += " — <span class=\"\(escaped(row.statusClass))\">\(escaped(row.status))</span>, срок \(escaped(row.due))</li>"
            }
            html += "</ul>"
        }
        html += "\n          "
        if let more = action.more {
            html += "<p><a href=\"\(escaped(action.moreHref))\">\(escaped(more))</a>"
            if action.hasOverdue {
                html += " · <a href=\"\(escaped(action.moreHref))?overdue=1\">просроченные (\(action.overdue))</a>"
            }
            html += "</p>"
        }
        html += "\n          "
        if action.hasRoles {
            html += "<p class=\"muted\">Также: \(escaped(action.roles))</p>"
        }
        html += "\n        </td>\n      </tr>\n"
    }

    private func escaped(_ text: String) -> String {
        HTMLEscaping().escapeText(text)
    }
}
