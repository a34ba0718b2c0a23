/// A page's view model: a typed value per page, rendered by its Mustache template. Every
/// page has a title and, once signed in, the user its header shows; optional values that
/// are nil render as nothing, never as «nil».
protocol PageModel: Sendable {
    /// The template (`Templates/NAME.mustache`) that renders this model.
    static var template: String { get }
    var title: String { get }
    var user: PageUser? { get }
}
