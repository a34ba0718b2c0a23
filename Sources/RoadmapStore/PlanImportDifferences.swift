import Foundation
import RoadmapPostgres

/// What a corrected document changes in the executors and assignments of a plan already
/// imported, counted in two passes (one join of each table with what the document says)
/// before anything is written. Each statement that would change nothing is then left out:
/// importing the same 500,000 assignments again ran five statements of half a second each,
/// every one of them joining the whole plan to find no row.
///
/// A count of zero means the matching statement of `PlanImport` would touch no row: each
/// count is taken with that statement's own condition. Only zero is told apart: a name
/// staged twice for one action is counted twice, which changes no zero.
struct PlanImportDifferences {
    /// Organisations the document no longer names for an action (deleted).
    var executorsDropped = 0
    /// Organisations the document names for an action that had no such executor (inserted).
    var executorsAdded = 0
    /// Assignments the document adds (inserted).
    var assignmentsAdded = 0
    /// Assignments whose period or planned due day the document changes (updated).
    var assignmentsMoved = 0
    /// Open assignments the document no longer has (cancelled).
    var assignmentsDropped = 0

    /// Counts the differences between the plan's rows for `actions` and the staged
    /// `import_assignments` (an organisation's first one is its executor row).
    static func count(actions: [UUID], on connection: PostgresConnection) throws -> PlanImportDifferences {
        var differences = PlanImportDifferences()
        // A count that came back with no row would skip writes the document asks for: an error.
        guard let executors = try connection.query("""
            SELECT count(*) FILTER (WHERE i.action_id IS NULL)::int AS dropped,
                   count(*) FILTER (WHERE x.action_id IS NULL)::int AS added
            FROM (SELECT action_id, executor_id AS organization_id FROM assignments
                  WHERE action_id = ANY(\(actions)) AND occurrence = 1 AND listed) x
            FULL JOIN (SELECT action_id, executor_id AS organization_id FROM import_assignments WHERE occurrence = 1) i
              ON i.action_id = x.action_id AND i.organization_id = x.organization_id
            """).first, let assignments = try connection.query("""
            SELECT count(*) FILTER (WHERE a.action_id IS NULL)::int AS added,
                   count(*) FILTER (WHERE a.action_id IS NOT NULL AND i.action_id IS NOT NULL
                                    AND (a.period IS DISTINCT FROM i.period OR a.original_due_on IS DISTINCT FROM i.due_on))::int AS moved,
                   count(*) FILTER (WHERE i.action_id IS NULL AND a.status NOT IN ('done', 'cancelled'))::int AS dropped
            FROM (SELECT action_id, executor_id, occurrence, period, original_due_on, status FROM assignments
                  WHERE action_id = ANY(\(actions))) a
            FULL JOIN import_assignments i
              ON i.action_id = a.action_id AND i.executor_id = a.executor_id AND i.occurrence = a.occurrence
            """).first else {
            throw PostgresError(.unexpected, message: "counting a re-import's differences returned no row")
        }
        differences.executorsDropped = try executors.decode(Int.self, "dropped")
        differences.executorsAdded = try executors.decode(Int.self, "added")
        differences.assignmentsAdded = try assignments.decode(Int.self, "added")
        differences.assignmentsMoved = try assignments.decode(Int.self, "moved")
        differences.assignmentsDropped = try assignments.decode(Int.self, "dropped")
        return differences
    }
}
