import CPostgres

/// The queries one connection has prepared, by their text and parameter types, and the
/// names PostgreSQL knows them by. Names are unique on the connection; the set is bounded,
/// and emptied (with `DEALLOCATE ALL`) if the service ever asks more distinct queries.
struct PreparedStatements {
    /// More than the service's distinct queries; a connection holds each plan once.
    static let capacity = 300

    private var names: [Key: String] = [:]
    private var counter = 0

    private struct Key: Hashable {
        let text: String
        let types: [Oid]
    }

    func name(of text: String, types: [Oid]) -> String? {
        names[Key(text: text, types: types)]
    }

    var isFull: Bool { names.count >= Self.capacity }

    mutating func nextName() -> String {
        counter += 1
        return "roadmap_\(counter)"
    }

    mutating func remember(_ text: String, types: [Oid], as name: String) {
        names[Key(text: text, types: types)] = name
    }

    mutating func forget(_ text: String, types: [Oid]) {
        names[Key(text: text, types: types)] = nil
    }

    mutating func removeAll() {
        names.removeAll()
    }

    /// The prepared statement is gone or its plan no longer fits the tables (a migration ran
    /// under a live connection): prepare it again.
    static func isStale(_ error: PostgresError) -> Bool {
        error.sqlState?.rawValue == "26000"
            || (error.sqlState?.rawValue == "0A000" && error.message.contains("cached plan must not change result type"))
    }
}
