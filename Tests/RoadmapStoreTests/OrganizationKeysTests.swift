import Foundation
import RoadmapDomain
import RoadmapPostgres
import RoadmapStore
import RoadmapTestSupport
import Testing

/// Organisations are found by their normalised names, so the stored ones must be what the one
/// function (`OrganizationName`) computes: the demo's, and those older rules left behind.
@Suite("Normalised organisation names")
struct OrganizationKeysTests {
    let installation = Principal.installation(commandLine: "test")

    @Test func theDemoSchoolIsFoundByTheNamesPeopleWrite() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            try await DemoData.loadOrganizations(into: lease.database)
            let organizations = OrganizationStore(database: lease.database)
            for reference in ["СОШ № 5", "СОШ №5", "МАОУ СОШ № 5 имени Ю.А. Гагарина", "Комитет образования"] {
                _ = try await organizations.resolve(reference, scope: installation)
            }
            let school = try await organizations.resolve("СОШ № 5", scope: installation)
            #expect(school.name == "МАОУ СОШ № 5 имени Ю.А.Гагарина")
            // An exact duplicate of a demo organisation is refused.
            await #expect(throws: UseCaseError.self) {
                _ = try await organizations.create(OrganizationChange(name: "МАОУ СОШ №5 имени Ю.А.Гагарина", kind: "school"), actor: installation)
            }
            // Loading the demo again leaves one key per alias.
            try await DemoData.loadOrganizations(into: lease.database)
            let aliases = try await lease.pool.withConnection { (connection) throws in
                try connection.query("SELECT count(*)::int AS n FROM organization_aliases").first?.decode(Int.self, "n")
            }
            #expect(aliases == 2)
        }
    }

    @Test func migrateRewritesKeysOlderRulesLeftBehind() async throws {
        try await TestDatabase.withDatabase { (lease) async throws in
            let organizations = OrganizationStore(database: lease.database)
            let school = try await organizations.create(OrganizationChange(name: "МБОУ «Гимназия № 7»", kind: "school"), actor: installation)
            try await lease.pool.withConnection { (connection) throws in
                // Keys as an older build wrote them, and two spellings of one alias.
                _ = try connection.execute("UPDATE organizations SET normalized_name = 'мбоу гимназия №7' WHERE id = \(school.id)")
                _ = try connection.execute("""
                    INSERT INTO organization_aliases (organization_id, alias, normalized_alias) VALUES
                      (\(school.id), 'Гимназия № 7', 'гимназия № 7'), (\(school.id), 'Гимназия №7', 'гимназия №7')
                    """)
            }
            await #expect(throws: UseCaseError.self) { _ = try await organizations.resolve("Гимназия № 7", scope: installation) }

            let outcome = try await SchemaStore(database: lease.database).migrate()
            #expect(outcome.keysRewritten == 3)
            #expect(try await organizations.resolve("Гимназия № 7", scope: installation).id == school.id)
            #expect(try await organizations.resolve("МБОУ Гимназия №7", scope: installation).id == school.id)
            let stored = try await lease.pool.withConnection { (connection) throws in
                (try connection.query("SELECT normalized_name FROM organizations WHERE id = \(school.id)").first?.decode(String.self, "normalized_name"),
                 try connection.query("SELECT normalized_alias FROM organization_aliases WHERE organization_id = \(school.id)").rows
                    .map { try $0.decode(String.self, "normalized_alias") })
            }
            #expect(stored.0 == OrganizationName("МБОУ «Гимназия № 7»").key)
            #expect(stored.1 == [OrganizationName("Гимназия № 7").key])
            // Nothing is left to rewrite.
            #expect(try await SchemaStore(database: lease.database).migrate().keysRewritten == 0)
        }
    }
}
