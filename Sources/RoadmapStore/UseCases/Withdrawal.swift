import RoadmapPostgres

/// The one rule of withdrawal, as SQL: a withdrawn order withdraws its plans, and whatever
/// hangs off a withdrawn plan (goals, actions, assignments, reports, extensions) is left out
/// of lists, counts and schools' pages. Queries that join `plans` test the plan; queries
/// over assignments alone use `assignmentInForce`.
enum Withdrawal {
    /// The plan aliased `plan` is in force.
    static func planInForce(_ plan: String = "p") -> SQL {
        SQL(unescaped: "\(plan).withdrawn_at IS NULL")
    }

    /// The assignment aliased `assignment` belongs to a plan in force.
    static func assignmentInForce(_ assignment: String = "s") -> SQL {
        SQL(unescaped: """
            NOT EXISTS (SELECT 1 FROM actions wa JOIN goals wg ON wg.id = wa.goal_id JOIN plans wp ON wp.id = wg.plan_id
                        WHERE wa.id = \(assignment).action_id AND wp.withdrawn_at IS NOT NULL)
            """)
    }

    /// The action aliased `action` belongs to a plan in force.
    static func actionInForce(_ action: String = "ac") -> SQL {
        SQL(unescaped: """
            NOT EXISTS (SELECT 1 FROM goals wg JOIN plans wp ON wp.id = wg.plan_id
                        WHERE wg.id = \(action).goal_id AND wp.withdrawn_at IS NOT NULL)
            """)
    }
}

extension Withdrawal {
    /// Refuses a change under a withdrawn plan: `filter` selects it over `p` (plans), `g`
    /// (goals) or `ac` (actions), e.g. `g.id = …`.
    static func refuseChange(under filter: SQL, on connection: PostgresConnection) throws {
        let withdrawn = try connection.query("""
            SELECT 1 FROM plans p LEFT JOIN goals g ON g.plan_id = p.id LEFT JOIN actions ac ON ac.goal_id = g.id
            WHERE \(filter) AND p.withdrawn_at IS NOT NULL LIMIT 1
            """).first != nil
        if withdrawn {
            throw UseCaseError.conflict("The plan is withdrawn; an administrator may restore it before it changes.")
        }
    }
}
