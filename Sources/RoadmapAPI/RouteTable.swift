import HTTPTypes

/// The paths and methods of `openapi.yaml`, read once from the served document, so a
/// request with a method a path does not have is answered 405 with `Allow`, not 404.
struct RouteTable: Sendable {
    struct Route: Sendable {
        let template: String
        let segments: [Substring]
        var methods: [String]
    }

    let routes: [Route]

    static let api = RouteTable(document: EmbeddedOpenAPI.text)

    init(document: String) {
        var routes: [Route] = []
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                let path = line.dropFirst(2).dropLast()
                routes.append(Route(template: String(path), segments: path.split(separator: "/"), methods: []))
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let last = routes.indices.last {
                let key = line.dropFirst(4).prefix { $0 != ":" }
                if ["get", "put", "post", "patch", "delete"].contains(key) {
                    routes[last].methods.append(key.uppercased())
                }
            } else if !line.hasPrefix(" "), !line.isEmpty, line != "paths:" {
                if !routes.isEmpty, !line.hasPrefix("paths") { break }
            }
        }
        self.routes = routes
    }

    /// The methods `path` has, empty when no route has this path.
    func methods(for path: String) -> [String] {
        route(for: path)?.methods ?? []
    }

    /// The route of the document `path` falls on.
    func route(for path: String) -> Route? {
        let parts = path.split(separator: "/")
        return routes.first { route in
            route.segments.count == parts.count
                && zip(route.segments, parts).allSatisfy { template, part in template.hasPrefix("{") || template == part }
        }
    }
}
