import Foundation
import RoadmapDomain
import RoadmapPostgres

/// Two records of one organisation made one: «ЦСОД» created by an import beside «МКУ «Центр
/// сопровождения образовательной деятельности»», or a school added twice. Everything of the
/// one removed moves to the one kept: its assignments, the actions and partnerships it is
/// named in, its users, orders, plans, children and aliases; its history (append-only) is read
/// with the kept one's from then on (`EventStore`); its names become
/// aliases of the one kept, so documents naming it still match. Where the two hold the same
/// place (both assigned the same action, both issuing the same order, an agreement between
/// them) the merge is refused with what to settle first, and nothing changes.
public struct OrganizationMerge: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Merges `removedID` into `keptID`; returns the one kept.
    public func merge(_ removedID: UUID, into keptID: UUID, actor: Principal) async throws -> OrganizationRecord {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageOrganizations))
        guard removedID != keptID else {
            throw UseCaseError.invalid(field: "merge_id", reason: "an organisation cannot be merged into itself")
        }
        return try await database.transaction { connection in
            // Locked in id order, so two merges of the same pair wait for each other.
            for id in [keptID, removedID].sorted(by: { $0.uuidString < $1.uuidString }) {
                _ = try OrganizationStore.lock(id, on: connection)
            }
            let kept = try OrganizationStore.get(keptID, on: connection)
            let removed = try OrganizationStore.get(removedID, on: connection)
            try Self.refuseOverlaps(removed, kept, on: connection)

            try connection.execute("""
                DELETE FROM action_partners r USING action_partners k
                WHERE r.organization_id = \(removedID) AND k.organization_id = \(keptID) AND k.action_id = r.action_id
                """)
            try connection.execute("UPDATE action_partners SET organization_id = \(keptID) WHERE organization_id = \(removedID)")
            // Its assignments, and with the first of each its place among an action's executors
            // (an action that names both was refused above).
            try connection.execute("UPDATE assignments SET executor_id = \(keptID), updated_at = now() WHERE executor_id = \(removedID)")
            try connection.execute("UPDATE users SET organization_id = \(keptID) WHERE organization_id = \(removedID)")
            try connection.execute("""
                INSERT INTO organization_list_members (list_id, organization_id)
                SELECT list_id, \(keptID) FROM organization_list_members WHERE organization_id = \(removedID) ON CONFLICT DO NOTHING
                """)
            try connection.execute("DELETE FROM organization_list_members WHERE organization_id = \(removedID)")
            try connection.execute("UPDATE calendar_feeds SET organization_id = \(keptID) WHERE organization_id = \(removedID)")
            try connection.execute("UPDATE orders SET issuer_id = \(keptID) WHERE issuer_id = \(removedID)")
            try connection.execute("UPDATE plans SET owner_id = \(keptID) WHERE owner_id = \(removedID)")
            try connection.execute("UPDATE agreements SET organization_id = \(keptID) WHERE organization_id = \(removedID)")
            try connection.execute("UPDATE agreements SET partner_id = \(keptID) WHERE partner_id = \(removedID)")
            try connection.execute("UPDATE organizations SET parent_id = \(removed.parentID) WHERE id = \(keptID) AND parent_id = \(removedID)")
            try connection.execute("UPDATE organizations SET parent_id = \(keptID) WHERE parent_id = \(removedID)")
            // Its aliases and names become the kept one's aliases; spellings the kept one has are kept once.
            try connection.execute("""
                UPDATE organization_aliases r SET organization_id = \(keptID)
                WHERE r.organization_id = \(removedID)
                  AND NOT EXISTS (SELECT 1 FROM organization_aliases k WHERE k.organization_id = \(keptID) AND k.normalized_alias = r.normalized_alias)
                """)
            try connection.execute("DELETE FROM organizations WHERE id = \(removedID)")
            let keptKey = OrganizationName(kept.name).key
            let names = [removed.name] + (removed.shortName.map { [$0] } ?? [])
            try OrganizationStore.setAliases(names.filter { OrganizationName($0).key != keptKey }, of: keptID, on: connection)
            try EventLog.record(connection, actor: actor, entityType: "organization", entityID: keptID, event: "merged",
                                data: ["merged_id": removedID.lowercased, "merged_name": removed.name])
            return try OrganizationStore.get(keptID, on: connection)
        }
    }

    /// Places both hold: the merge would leave one of them twice, or an agreement with itself.
    static func refuseOverlaps(_ removed: OrganizationRecord, _ kept: OrganizationRecord, on connection: PostgresConnection) throws {
        let both = try connection.query("""
            SELECT DISTINCT x.title FROM assignments r
            JOIN assignments k ON k.action_id = r.action_id AND k.occurrence = r.occurrence AND k.executor_id = \(kept.id)
            JOIN actions x ON x.id = r.action_id
            WHERE r.executor_id = \(removed.id) ORDER BY x.title LIMIT 5
            """).rows.map { try $0.decode(String.self, "title") }
        if !both.isEmpty {
            throw UseCaseError.conflict(
                "Both «\(removed.name)» and «\(kept.name)» are assigned \(both.map { "«\($0)»" }.joined(separator: ", ")); "
                    + "cancel one of the two assignments of each first.")
        }
        if try connection.query("""
            SELECT 1 FROM orders r JOIN orders k ON k.number = r.number AND k.issued_on = r.issued_on AND k.issuer_id = \(kept.id)
            WHERE r.issuer_id = \(removed.id) LIMIT 1
            """).first != nil {
            throw UseCaseError.conflict("Both issued an order with the same number and date; settle the orders first.")
        }
        if try connection.query("""
            SELECT 1 FROM plans r JOIN plans k ON k.owner_id = \(kept.id) AND k.title = r.title
                AND coalesce(k.academic_year, 0) = coalesce(r.academic_year, 0) AND k.order_id IS NULL
            WHERE r.owner_id = \(removed.id) AND r.order_id IS NULL LIMIT 1
            """).first != nil {
            throw UseCaseError.conflict("Both own a plan of the same title and year; settle the plans first.")
        }
        if try connection.query("""
            SELECT 1 FROM agreements WHERE (organization_id = \(removed.id) AND partner_id = \(kept.id))
                OR (organization_id = \(kept.id) AND partner_id = \(removed.id)) LIMIT 1
            """).first != nil {
            throw UseCaseError.conflict("The two have an agreement with each other; remove it first.")
        }
    }
}
