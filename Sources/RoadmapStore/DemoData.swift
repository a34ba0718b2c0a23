import RoadmapPostgres

/// The demo data set (`sql/demo/`): order № 770 of the Tambov education committee and its
/// plan, so a newcomer sees something real at once. Loading it twice changes nothing.
public enum DemoData {
    /// Loads the demo organisations of `sql/demo/` in one transaction.
    public static func loadOrganizations(into database: Database) async throws {
        try await database.withConnection { try load(on: $0) }
    }

    /// Loads every demo script in one transaction, then gives the organisations the normalised
    /// names matching computes (the scripts carry placeholders). Blocking: run it on a pool thread.
    static func load(on connection: PostgresConnection) throws {
        try connection.transaction { tx in
            for script in EmbeddedSQL.demo {
                try tx.execute(script: script.text)
            }
        }
        try OrganizationKeys.refresh(on: connection)
    }

    /// The sample documents (`demo/*.txt`) the demo imports, as name and text.
    public static var documents: [(name: String, text: String)] { EmbeddedSQL.demoDocuments }

    /// Names of the demo scripts this build carries.
    public static var scripts: [String] { EmbeddedSQL.demo.map(\.name) }
}
