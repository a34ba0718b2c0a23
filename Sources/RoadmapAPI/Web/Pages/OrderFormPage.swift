/// A new order: its number, date, issuer, title, signatory and controller.
struct OrderFormPage: PageModel {
    static let template = "order-new"
    let title = "Новый приказ"
    let user: PageUser?
    let csrf: String
    let error: String?
    let form: OrderInput
    let issuers: [AdminPage.Choice]
}

/// An order's fields as typed, with the error by each field.
struct OrderInput: Sendable {
    var number = ""
    var date = ""
    var issuerID = ""
    var title = ""
    var signatory = ""
    var controller = ""
    var version = 0
    var numberError: String?
    var dateError: String?
    var issuerError: String?
    var titleError: String?
}
