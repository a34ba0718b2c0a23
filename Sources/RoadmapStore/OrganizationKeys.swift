import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The normalised names stored beside organisations and their aliases, kept equal to what
/// `OrganizationName` computes today. Names are matched by these keys (imports, `--executor`,
/// duplicate checks), so a key written by older rules, or by hand in SQL, would make an
/// organisation unfindable by its own name. `migrate` and the demo loader refresh them.
enum OrganizationKeys {
    /// How many stored keys were out of date and rewritten.
    struct Refresh: Sendable, Equatable {
        var names = 0
        var aliases = 0
    }

    /// Rewrites every key that differs from the current rules, in one transaction. Blocking:
    /// run it on a pool thread.
    @discardableResult
    static func refresh(on connection: PostgresConnection) throws -> Refresh {
        var refresh = Refresh()
        try connection.transaction { tx in
            for row in try tx.query("SELECT id, name, normalized_name FROM organizations FOR UPDATE").rows {
                let key = OrganizationName(try row.decode(String.self, "name")).key
                guard !key.isEmpty, key != (try row.decode(String.self, "normalized_name")) else { continue }
                try tx.execute("UPDATE organizations SET normalized_name = \(key) WHERE id = \(try row.decode(UUID.self, "id"))")
                refresh.names += 1
            }
            let aliases = try tx.query("""
                SELECT organization_id, alias, normalized_alias FROM organization_aliases FOR UPDATE
                """).rows
            for row in aliases {
                let key = OrganizationName(try row.decode(String.self, "alias")).key
                let stored = try row.decode(String.self, "normalized_alias")
                guard !key.isEmpty, key != stored else { continue }
                let organization = try row.decode(UUID.self, "organization_id")
                // Two spellings of one alias («СОШ № 5», «СОШ №5») now share a key: one is kept.
                let moved = try tx.execute("""
                    UPDATE organization_aliases SET normalized_alias = \(key)
                    WHERE organization_id = \(organization) AND normalized_alias = \(stored)
                      AND NOT EXISTS (SELECT 1 FROM organization_aliases b
                                      WHERE b.organization_id = \(organization) AND b.normalized_alias = \(key))
                    """)
                if moved == 0 {
                    try tx.execute("DELETE FROM organization_aliases WHERE organization_id = \(organization) AND normalized_alias = \(stored)")
                }
                refresh.aliases += 1
            }
        }
        return refresh
    }
}
