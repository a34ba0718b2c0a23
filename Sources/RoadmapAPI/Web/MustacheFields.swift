import Mustache

/// A page model's fields by name, read by reflection once per render. Mustache otherwise
/// reflects the whole model again for every name it looks up on it, and every name a loop
/// does not find on its own item ends up there: on the order page those lookups cost a
/// tenth of the time. Nil optionals are left out, as Mustache's own lookup treats them.
struct MustacheFields: MustacheParent {
    private let fields: [String: Any]

    init(_ model: Any) {
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: model).children {
            guard let label = child.label, let value = Self.unwrapped(child.value) else { continue }
            fields[label] = value
        }
        self.fields = fields
    }

    func child(named name: String) -> Any? {
        fields[name]
    }

    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
