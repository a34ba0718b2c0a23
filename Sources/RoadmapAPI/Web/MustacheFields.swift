import Mustache

/// A page model's fields by name, read by reflection once per render, and so on down: each
/// nested value (a goal, its actions, their executors) becomes fields of its own, and each
/// array an array of them. Mustache otherwise reflects a whole value again for every name
/// it looks up on it, and every name a loop does not find on its own item climbs to the
/// values around it, reflecting each: on the order page of 50 actions those lookups were
/// two fifths of the server's time. Nil optionals are left out, as Mustache's own lookup
/// treats them, so a name climbs past them as it did. Values that render themselves
/// (strings, numbers, anything with a description) are kept as they are.
struct MustacheFields: MustacheParent {
    private let fields: [String: Any]

    init(_ model: Any) {
        self.init(mirror: Mirror(reflecting: model))
    }

    private init(mirror: Mirror) {
        var fields: [String: Any] = [:]
        for child in mirror.children {
            guard let label = child.label, let value = Self.unwrapped(child.value) else { continue }
            fields[label] = Self.boxed(value)
        }
        self.fields = fields
    }

    func child(named name: String) -> Any? {
        fields[name]
    }

    /// `value` as Mustache will read it: its fields once, or itself.
    private static func boxed(_ value: Any) -> Any {
        switch value {
        case is String, is Bool, is Int, is Double: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection?:
            return mirror.children.compactMap { unwrapped($0.value).map(boxed) }
        case .struct?, .class?:
            if value is CustomStringConvertible || value is MustacheParent || value is MustacheCustomRenderable
                || value is MustacheCustomRepresentation || value is MustacheTransformable || value is MustacheLambda {
                return value
            }
            return MustacheFields(mirror: mirror)
        default:
            return value
        }
    }

    private static func unwrapped(_ value: Any) -> Any? {
        guard let optional = value as? any OptionalValue else { return value }
        return optional.wrappedValue.flatMap(unwrapped)
    }
}

/// An optional seen through `Any`: what it holds, without reflecting it.
private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedValue: Any? { map { $0 as Any } }
}
