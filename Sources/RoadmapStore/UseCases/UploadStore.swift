import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Documents uploaded on the web import page, kept from the dry-run preview until the
/// user confirms. Each belongs to the user who uploaded it; nobody else can use it.
public struct UploadStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// An uploaded document and what the form said about its order.
    public struct Upload: Sendable {
        public let id: UUID
        public let fileName: String
        public let content: Data
        public let options: [String: String]
    }

    /// Keeps a document for `owner`; uploads older than a day are dropped on the way.
    public func save(fileName: String, content: Data, options: [String: String], owner: Principal) async throws -> UUID {
        let json = String(decoding: try JSONEncoder().encode(options), as: UTF8.self)
        return try await database.transaction { connection in
            try connection.execute("DELETE FROM web_uploads WHERE created_at < now() - interval '1 day'")
            guard let row = try connection.query("""
                INSERT INTO web_uploads (user_id, file_name, content, options)
                VALUES (\(owner.userID), \(fileName), \(content), \(json)::jsonb) RETURNING id
                """).first else { throw PostgresError(.unexpected, message: "INSERT … RETURNING returned no id") }
            return try row.decode(UUID.self, "id")
        }
    }

    /// The upload `id` of `owner`; not found for anyone else's.
    public func get(_ id: UUID, owner: Principal) async throws -> Upload {
        try await database.withConnection { connection in
            guard let row = try connection.query("""
                SELECT id, file_name, content, options::text AS options FROM web_uploads
                WHERE id = \(id) AND user_id = \(owner.userID) AND created_at > now() - interval '1 day'
                """).first else { throw UseCaseError.notFound(entity: "upload", id: id.lowercased) }
            let options = try JSONDecoder().decode([String: String].self, from: Data(try row.decode(String.self, "options").utf8))
            return Upload(id: try row.decode(UUID.self, "id"), fileName: try row.decode(String.self, "file_name"),
                          content: try row.decode(Data.self, "content"), options: options)
        }
    }

    public func delete(_ id: UUID, owner: Principal) async throws {
        try await database.withConnection { connection in
            _ = try connection.execute("DELETE FROM web_uploads WHERE id = \(id) AND user_id = \(owner.userID)")
        }
    }
}
