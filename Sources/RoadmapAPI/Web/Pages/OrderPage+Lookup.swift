import Mustache

// The order page repeats these for each of its months. Mustache otherwise finds each field by
// reflection (a Mirror of every field for every lookup); here a field is found by name. The
// goals and actions, which repeat far more, are written by `OrderPlanHTML` instead.

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
