-- Which organisations execute something in each plan, kept current (#16). The matrix of an
-- order (schools × actions) lists its schools by name a page at a time, and the order
-- page's executor filter looks them up by name; both asked action_executors, half a million
-- rows for the region's largest order, for the few dozen schools a page shows. Here a plan
-- has one row per organisation, with the number of its actions, changed by the statement
-- that changes action_executors, in the same transaction.
CREATE TABLE plan_executors (
    plan_id         uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL,
    actions         integer NOT NULL CHECK (actions >= 0),
    PRIMARY KEY (plan_id, organization_id)
);
CREATE INDEX plan_executors_organization_idx ON plan_executors (organization_id, plan_id) WHERE actions > 0;
COMMENT ON TABLE plan_executors IS 'Сколько мероприятий плана исполняет каждая организация; ведётся триггерами action_executors, проверяется plan_executor_differences().';

-- Applies a statement's changes, summed per plan and organisation: existing rows are
-- changed in key order (so two transactions lock shared rows in the same order), then new
-- keys are added (a proposed row is checked before ON CONFLICT, so a decrement must never be
-- proposed as a new row). A count can never go below zero.
CREATE FUNCTION plan_executors_apply(deltas jsonb) RETURNS void
    LANGUAGE sql
    AS $$
    WITH d AS (
        SELECT (e->>0)::uuid AS plan_id, (e->>1)::uuid AS organization_id, (e->>2)::int AS n
        FROM jsonb_array_elements(deltas) e),
    locked AS (
        SELECT p.plan_id, p.organization_id FROM plan_executors p JOIN d USING (plan_id, organization_id)
        ORDER BY 1, 2 FOR UPDATE OF p),
    changed AS (
        UPDATE plan_executors p SET actions = p.actions + d.n FROM d, locked l
        WHERE p.plan_id = d.plan_id AND p.organization_id = d.organization_id
          AND l.plan_id = d.plan_id AND l.organization_id = d.organization_id
        RETURNING p.plan_id, p.organization_id)
    INSERT INTO plan_executors AS p (plan_id, organization_id, actions)
    SELECT d.plan_id, d.organization_id, d.n FROM d
    WHERE NOT EXISTS (SELECT 1 FROM changed c WHERE c.plan_id = d.plan_id AND c.organization_id = d.organization_id)
    ORDER BY 1, 2
    ON CONFLICT (plan_id, organization_id) DO UPDATE SET actions = p.actions + excluded.actions
$$;

CREATE FUNCTION action_executors_keep_plans() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    deltas jsonb;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT jsonb_agg(jsonb_build_array(plan_id, organization_id, n)) INTO deltas
        FROM (SELECT g.plan_id, r.organization_id, count(*)::int AS n
              FROM new_rows r JOIN actions a ON a.id = r.action_id JOIN goals g ON g.id = a.goal_id
              WHERE r.organization_id IS NOT NULL GROUP BY 1, 2) d;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT jsonb_agg(jsonb_build_array(plan_id, organization_id, -n)) INTO deltas
        FROM (SELECT g.plan_id, r.organization_id, count(*)::int AS n
              FROM old_rows r JOIN actions a ON a.id = r.action_id JOIN goals g ON g.id = a.goal_id
              WHERE r.organization_id IS NOT NULL GROUP BY 1, 2) d;
    ELSE
        SELECT jsonb_agg(jsonb_build_array(plan_id, organization_id, n)) INTO deltas
        FROM (SELECT g.plan_id, u.organization_id, sum(u.n)::int AS n
              FROM (SELECT action_id, organization_id, 1 AS n FROM new_rows WHERE organization_id IS NOT NULL
                    UNION ALL
                    SELECT action_id, organization_id, -1 AS n FROM old_rows WHERE organization_id IS NOT NULL) u
              JOIN actions a ON a.id = u.action_id JOIN goals g ON g.id = a.goal_id
              GROUP BY 1, 2 HAVING sum(u.n) <> 0) d;
    END IF;
    IF deltas IS NOT NULL THEN
        PERFORM plan_executors_apply(deltas);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER action_executors_plans_insert AFTER INSERT ON action_executors
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_executors_keep_plans();
CREATE TRIGGER action_executors_plans_update AFTER UPDATE ON action_executors
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_executors_keep_plans();
CREATE TRIGGER action_executors_plans_delete AFTER DELETE ON action_executors
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION action_executors_keep_plans();

-- An action's executors would go by cascade after the action itself, when its plan can no
-- longer be found from them; they go first, while it still can.
CREATE FUNCTION actions_remove_executors_first() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM action_executors WHERE action_id = OLD.id;
    RETURN OLD;
END
$$;
CREATE TRIGGER actions_remove_executors_first BEFORE DELETE ON actions
    FOR EACH ROW EXECUTE FUNCTION actions_remove_executors_first();

INSERT INTO plan_executors (plan_id, organization_id, actions)
SELECT g.plan_id, e.organization_id, count(*)::int
FROM action_executors e JOIN actions a ON a.id = e.action_id JOIN goals g ON g.id = a.goal_id
WHERE e.organization_id IS NOT NULL GROUP BY 1, 2;

-- The check (`roadmapctl db check-rollups` runs it with the others).
CREATE FUNCTION plan_executor_differences()
    RETURNS TABLE (plan_id uuid, organization_id uuid, kept integer, counted integer)
    LANGUAGE sql STABLE
    AS $$
    WITH counted AS (
        SELECT g.plan_id, e.organization_id, count(*)::int AS n
        FROM action_executors e JOIN actions a ON a.id = e.action_id JOIN goals g ON g.id = a.goal_id
        WHERE e.organization_id IS NOT NULL GROUP BY 1, 2),
    kept AS (
        SELECT p.plan_id, p.organization_id, p.actions AS n FROM plan_executors p WHERE p.actions > 0)
    SELECT coalesce(k.plan_id, c.plan_id), coalesce(k.organization_id, c.organization_id), coalesce(k.n, 0), coalesce(c.n, 0)
    FROM kept k FULL JOIN counted c ON c.plan_id = k.plan_id AND c.organization_id = k.organization_id
    WHERE coalesce(k.n, 0) <> coalesce(c.n, 0)
$$;
