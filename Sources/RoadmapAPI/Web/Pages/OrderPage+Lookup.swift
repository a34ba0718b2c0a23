import Mustache

// The order page repeats these for each of its actions, executors and months. Mustache
// otherwise finds each field by reflection (a Mirror of every field for every lookup), which
// cost a third of the page's time; here a field is found by name. A name Mustache does not
// find here is searched for in the enclosing goal and page, by reflection again: so an absent
// optional answers `false`, which ends the search where it began.

extension OrderPage.Action: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sectionStart": sectionStart ?? false
        case "position": position
        case "title": title
        case "result": result
        case "hasResult": hasResult
        case "deadline": deadline
        case "period": period
        case "parsed": parsed
        case "roles": roles
        case "hasRoles": hasRoles
        case "done": done
        case "total": total
        case "percent": percent
        case "counts": counts
        case "overdue": overdue
        case "hasOverdue": hasOverdue
        case "assignments": assignments
        case "hasAssignments": hasAssignments
        case "more": more ?? false
        case "hasMore": more != nil
        case "moreHref": moreHref
        default: nil
        }
    }
}

extension OrderPage.Assignment: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "executor": executor
        case "due": due
        case "status": status
        case "statusClass": statusClass
        default: nil
        }
    }
}

extension OrderPage.Month: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "name": self.name
        case "total": total
        case "done": done
        case "overdue": overdue
        case "hasOverdue": hasOverdue
        case "widest": widest
        case "selected": selected
        case "href": href
        default: nil
        }
    }
}

extension OrderPage.Goal: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "position": position
        case "title": title
        case "done": done
        case "total": total
        case "tasks": tasks
        case "hasTasks": hasTasks
        case "actions": actions
        default: nil
        }
    }
}
