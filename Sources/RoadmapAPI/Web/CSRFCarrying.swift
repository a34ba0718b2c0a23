/// A web form that sends back the session's CSRF token in a hidden `csrf` field.
protocol CSRFCarrying {
    var csrf: String? { get }
}
