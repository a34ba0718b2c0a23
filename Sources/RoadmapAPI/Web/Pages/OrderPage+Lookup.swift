import Mustache

// The order page repeats these for each of its 50 actions and their executors. Mustache
// otherwise finds each field by reflection (a Mirror of every field for every lookup), which
// cost a third of the page's time; here a field is found by name.

extension OrderPage.Action: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sectionStart": sectionStart
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
        case "more": more
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
