-- Two more counts kept for the order page (#16): per goal, and each action's earliest open due day.

-- Roll-ups per goal (#16). The order page heads each goal of its page with the goal's counts;
-- they were added up from every action of the goal, and a goal of the region's largest order
-- has 200 actions and 6,000 rows of action_rollups, read again for every page (2.6 ms; 8.7 ms
-- under «только просроченные», where PostgreSQL chose to scan them all). Kept like the plan's,
-- a goal's counts are a few rows per status and due day. An action never changes its goal, so
-- an action's rows always count under the goal they were added to.
CREATE TABLE goal_rollups (
    goal_id uuid NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    status  text NOT NULL,
    due_on  date,
    n       integer NOT NULL CHECK (n >= 0),
    CONSTRAINT goal_rollups_key UNIQUE NULLS NOT DISTINCT (goal_id, status, due_on)
);
COMMENT ON TABLE goal_rollups IS 'Сколько назначений цели в каждом статусе с каждым сроком; ведётся триггерами assignments, проверяется goal_rollup_differences().';

CREATE FUNCTION goal_rollups_apply(deltas jsonb) RETURNS void
    LANGUAGE sql
    AS $$
    WITH d AS (
        SELECT (e->>0)::uuid AS goal_id, e->>1 AS status, (e->>2)::date AS due_on, (e->>3)::int AS n
        FROM jsonb_array_elements(deltas) e),
    -- Each key locked through the index, in key order. Joined as a whole, the deltas (which
    -- PostgreSQL takes for 100 rows) were hashed against a scan of the whole table.
    locked AS (
        SELECT r.goal_id, r.status, r.due_on FROM (SELECT * FROM d ORDER BY 1, 2, 3) d
        CROSS JOIN LATERAL (SELECT r.goal_id, r.status, r.due_on FROM goal_rollups r
                            WHERE r.goal_id = d.goal_id AND r.status = d.status AND r.due_on IS NOT DISTINCT FROM d.due_on
                            FOR UPDATE) r),
    changed AS (
        UPDATE goal_rollups r SET n = r.n + d.n FROM d, locked l
        WHERE r.goal_id = d.goal_id AND r.status = d.status AND r.due_on IS NOT DISTINCT FROM d.due_on
          AND l.goal_id = d.goal_id AND l.status = d.status AND l.due_on IS NOT DISTINCT FROM d.due_on
        RETURNING r.goal_id, r.status, r.due_on)
    INSERT INTO goal_rollups AS r (goal_id, status, due_on, n)
    SELECT d.goal_id, d.status, d.due_on, d.n FROM d
    WHERE NOT EXISTS (SELECT 1 FROM changed c
                      WHERE c.goal_id = d.goal_id AND c.status = d.status AND c.due_on IS NOT DISTINCT FROM d.due_on)
    ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT goal_rollups_key DO UPDATE SET n = r.n + excluded.n
$$;


-- 0021's functions for the actions' and the plans' counts, locking the same way: a school's
-- report locked two rows of plan_rollups after scanning all of its 28,000 (3.4 ms).
CREATE OR REPLACE FUNCTION plan_rollups_apply(deltas jsonb) RETURNS void
    LANGUAGE sql
    AS $$
    WITH d AS (
        SELECT (e->>0)::uuid AS plan_id, e->>1 AS status, (e->>2)::date AS due_on, (e->>3)::int AS n
        FROM jsonb_array_elements(deltas) e),
    locked AS (
        SELECT r.plan_id, r.status, r.due_on FROM (SELECT * FROM d ORDER BY 1, 2, 3) d
        CROSS JOIN LATERAL (SELECT r.plan_id, r.status, r.due_on FROM plan_rollups r
                            WHERE r.plan_id = d.plan_id AND r.status = d.status AND r.due_on IS NOT DISTINCT FROM d.due_on
                            FOR UPDATE) r),
    changed AS (
        UPDATE plan_rollups r SET n = r.n + d.n FROM d, locked l
        WHERE r.plan_id = d.plan_id AND r.status = d.status AND r.due_on IS NOT DISTINCT FROM d.due_on
          AND l.plan_id = d.plan_id AND l.status = d.status AND l.due_on IS NOT DISTINCT FROM d.due_on
        RETURNING r.plan_id, r.status, r.due_on)
    INSERT INTO plan_rollups AS r (plan_id, status, due_on, n)
    SELECT d.plan_id, d.status, d.due_on, d.n FROM d
    WHERE NOT EXISTS (SELECT 1 FROM changed c
                      WHERE c.plan_id = d.plan_id AND c.status = d.status AND c.due_on IS NOT DISTINCT FROM d.due_on)
    ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT plan_rollups_key DO UPDATE SET n = r.n + excluded.n
$$;

CREATE OR REPLACE FUNCTION rollups_apply(deltas jsonb) RETURNS void
    LANGUAGE sql
    AS $$
    WITH d AS (
        SELECT (e->>0)::uuid AS action_id, e->>1 AS status, (e->>2)::date AS due_on, (e->>3)::int AS n
        FROM jsonb_array_elements(deltas) e),
    locked AS (
        SELECT r.action_id, r.status, r.due_on FROM (SELECT * FROM d ORDER BY 1, 2, 3) d
        CROSS JOIN LATERAL (SELECT r.action_id, r.status, r.due_on FROM action_rollups r
                            WHERE r.action_id = d.action_id AND r.status = d.status AND r.due_on IS NOT DISTINCT FROM d.due_on
                            FOR UPDATE) r),
    changed AS (
        UPDATE action_rollups r SET n = r.n + d.n FROM d, locked l
        WHERE r.action_id = d.action_id AND r.status = d.status AND r.due_on IS NOT DISTINCT FROM d.due_on
          AND l.action_id = d.action_id AND l.status = d.status AND l.due_on IS NOT DISTINCT FROM d.due_on
        RETURNING r.action_id, r.status, r.due_on)
    INSERT INTO action_rollups AS r (action_id, status, due_on, n)
    SELECT d.action_id, d.status, d.due_on, d.n FROM d
    WHERE NOT EXISTS (SELECT 1 FROM changed c
                      WHERE c.action_id = d.action_id AND c.status = d.status AND c.due_on IS NOT DISTINCT FROM d.due_on)
    ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT action_rollups_key DO UPDATE SET n = r.n + excluded.n
$$;

-- The earliest open due day of each action (#16). «Только просроченные» on the order page
-- keeps the actions with overdue work, and says how many: for the region's largest order that
-- asked the index of open work once for each of 1,000 actions (5 ms). An action has overdue
-- work as of a day exactly when its earliest open due day is before it, so the question
-- becomes a read of one small row per action, by goal.
CREATE TABLE action_earliest_open (
    action_id uuid PRIMARY KEY REFERENCES actions (id) ON DELETE CASCADE,
    goal_id   uuid NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    -- The earliest due day among the action's assignments neither done nor cancelled; NULL
    -- when it has none with a due day.
    due_on    date
);
CREATE INDEX action_earliest_open_goal_idx ON action_earliest_open (goal_id, due_on);
COMMENT ON TABLE action_earliest_open IS 'Самый ранний срок среди открытых назначений мероприятия (NULL — таких нет); ведётся триггерами assignments, проверяется earliest_open_differences().';

-- Sets the earliest open due day of the actions `actions` from their kept counts (which the
-- caller has just changed). A minimum cannot be changed by a delta as a count can, so each
-- row is locked first, in a statement of its own: a transaction that changed the same
-- action's counts has then committed, and the minimum, read by the next statement, sees it.
CREATE FUNCTION action_earliest_open_refresh(actions uuid[]) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO action_earliest_open (action_id, goal_id)
    SELECT a.id, a.goal_id FROM actions a WHERE a.id = ANY(actions) ORDER BY 1
    ON CONFLICT (action_id) DO NOTHING;
    PERFORM 1 FROM action_earliest_open e WHERE e.action_id = ANY(actions) ORDER BY e.action_id FOR UPDATE;
    UPDATE action_earliest_open e SET due_on = m.due_on
    FROM (SELECT t.id, (SELECT min(r.due_on) FROM action_rollups r
                        WHERE r.action_id = t.id AND analytics.is_open(r.status) AND r.n > 0) AS due_on
          FROM unnest(actions) AS t(id)) m
    WHERE e.action_id = m.id AND e.due_on IS DISTINCT FROM m.due_on;
END
$$;

-- 0021's function, with the earliest open due day refreshed after the actions' counts, then
-- the goals' counts, and the plans' added up from the goals' (a join with goals instead of
-- actions). Rows are locked in one order (action counts, earliest open day, goal, plan,
-- executor month), so two statements never wait on each other crosswise.
CREATE OR REPLACE FUNCTION assignments_keep_rollups() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    deltas jsonb;
    goals jsonb;
    plans jsonb;
    months jsonb;
    touched uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT jsonb_agg(jsonb_build_array(action_id, status, due_on, n)) INTO deltas
        FROM (SELECT action_id, status, due_on, count(*)::int AS n FROM new_rows GROUP BY 1, 2, 3) d;
        SELECT jsonb_agg(jsonb_build_array(executor_id, month, n)) INTO months
        FROM (SELECT executor_id, date_trunc('month', due_on)::date AS month, count(*)::int AS n FROM new_rows
              WHERE analytics.is_open(status) AND due_on IS NOT NULL GROUP BY 1, 2) d;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT jsonb_agg(jsonb_build_array(action_id, status, due_on, -n)) INTO deltas
        FROM (SELECT action_id, status, due_on, count(*)::int AS n FROM old_rows GROUP BY 1, 2, 3) d;
        SELECT jsonb_agg(jsonb_build_array(executor_id, month, -n)) INTO months
        FROM (SELECT executor_id, date_trunc('month', due_on)::date AS month, count(*)::int AS n FROM old_rows
              WHERE analytics.is_open(status) AND due_on IS NOT NULL GROUP BY 1, 2) d;
    ELSE
        -- Most updates touch neither the status nor the due day; they cancel out here.
        SELECT jsonb_agg(jsonb_build_array(action_id, status, due_on, n)) INTO deltas
        FROM (SELECT action_id, status, due_on, sum(n)::int AS n FROM (
                  SELECT action_id, status, due_on, 1 AS n FROM new_rows
                  UNION ALL
                  SELECT action_id, status, due_on, -1 AS n FROM old_rows) u
              GROUP BY 1, 2, 3 HAVING sum(n) <> 0) d;
        SELECT jsonb_agg(jsonb_build_array(executor_id, month, n)) INTO months
        FROM (SELECT executor_id, month, sum(n)::int AS n FROM (
                  SELECT executor_id, date_trunc('month', due_on)::date AS month, 1 AS n FROM new_rows
                  WHERE analytics.is_open(status) AND due_on IS NOT NULL
                  UNION ALL
                  SELECT executor_id, date_trunc('month', due_on)::date AS month, -1 AS n FROM old_rows
                  WHERE analytics.is_open(status) AND due_on IS NOT NULL) u
              GROUP BY 1, 2 HAVING sum(n) <> 0) d;
    END IF;
    IF deltas IS NOT NULL THEN
        PERFORM rollups_apply(deltas);
        -- Only a change to open work can move an action's earliest open due day.
        SELECT array_agg(DISTINCT (e->>0)::uuid ORDER BY (e->>0)::uuid) INTO touched
        FROM jsonb_array_elements(deltas) e
        WHERE analytics.is_open(e->>1) AND e->>2 IS NOT NULL;
        IF touched IS NOT NULL THEN
            PERFORM action_earliest_open_refresh(touched);
        END IF;
        SELECT jsonb_agg(jsonb_build_array(goal_id, status, due_on, n)) INTO goals
        FROM (SELECT a.goal_id, d.status, d.due_on, sum(d.n)::int AS n
              FROM (SELECT (e->>0)::uuid AS action_id, e->>1 AS status, (e->>2)::date AS due_on, (e->>3)::int AS n
                    FROM jsonb_array_elements(deltas) e) d
              JOIN actions a ON a.id = d.action_id
              GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0) x;
        IF goals IS NOT NULL THEN
            PERFORM goal_rollups_apply(goals);
            SELECT jsonb_agg(jsonb_build_array(plan_id, status, due_on, n)) INTO plans
            FROM (SELECT g.plan_id, d.status, d.due_on, sum(d.n)::int AS n
                  FROM (SELECT (e->>0)::uuid AS goal_id, e->>1 AS status, (e->>2)::date AS due_on, (e->>3)::int AS n
                        FROM jsonb_array_elements(goals) e) d
                  JOIN goals g ON g.id = d.goal_id
                  GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0) x;
            IF plans IS NOT NULL THEN
                PERFORM plan_rollups_apply(plans);
            END IF;
        END IF;
    END IF;
    IF months IS NOT NULL THEN
        PERFORM executor_months_apply(months);
    END IF;
    RETURN NULL;
END
$$;

INSERT INTO goal_rollups (goal_id, status, due_on, n)
SELECT a.goal_id, r.status, r.due_on, sum(r.n)::int FROM action_rollups r JOIN actions a ON a.id = r.action_id
WHERE r.n > 0 GROUP BY 1, 2, 3;

-- The check (`roadmapctl db check-rollups`): every goal's kept count that differs from a
-- count made from scratch.
CREATE FUNCTION goal_rollup_differences()
    RETURNS TABLE (goal_id uuid, status text, due_on date, kept integer, counted integer)
    LANGUAGE sql STABLE
    AS $$
    WITH counted AS (
        SELECT a.goal_id, s.status, s.due_on, count(*)::int AS n
        FROM assignments s JOIN actions a ON a.id = s.action_id GROUP BY 1, 2, 3),
    kept AS (
        SELECT r.goal_id, r.status, r.due_on, r.n FROM goal_rollups r WHERE r.n <> 0)
    SELECT coalesce(k.goal_id, c.goal_id), coalesce(k.status, c.status), coalesce(k.due_on, c.due_on),
           coalesce(k.n, 0), coalesce(c.n, 0)
    FROM kept k
    FULL JOIN counted c
      ON c.goal_id = k.goal_id AND c.status = k.status
     AND coalesce(c.due_on, 'infinity') = coalesce(k.due_on, 'infinity')
    WHERE coalesce(k.n, 0) <> coalesce(c.n, 0)
$$;
COMMENT ON FUNCTION goal_rollup_differences() IS 'Расхождения между goal_rollups и подсчётом назначений заново; пусто, когда счётчики верны.';

INSERT INTO action_earliest_open (action_id, goal_id, due_on)
SELECT a.id, a.goal_id, min(r.due_on) FILTER (WHERE analytics.is_open(r.status) AND r.n > 0)
FROM actions a JOIN action_rollups r ON r.action_id = a.id
GROUP BY 1, 2;

-- The check (`roadmapctl db check-rollups`): every action whose kept earliest open due day
-- differs from the one read from its assignments. An action with no row and no open work
-- with a due day is right.
CREATE FUNCTION earliest_open_differences()
    RETURNS TABLE (action_id uuid, kept date, counted date)
    LANGUAGE sql STABLE
    AS $$
    WITH counted AS (
        SELECT s.action_id, min(s.due_on) AS due_on FROM assignments s
        WHERE analytics.is_open(s.status) AND s.due_on IS NOT NULL GROUP BY 1)
    SELECT coalesce(k.action_id, c.action_id), k.due_on, c.due_on
    FROM action_earliest_open k
    FULL JOIN counted c ON c.action_id = k.action_id
    WHERE k.due_on IS DISTINCT FROM c.due_on
$$;
COMMENT ON FUNCTION earliest_open_differences() IS 'Расхождения между action_earliest_open и назначениями; пусто, когда сроки верны.';

-- An order's page for one month counts its actions' work due in that month from action_rollups
-- by due day: the count is carried in the index, so the month's rows are read from it alone
-- instead of from 300 pages of the table.
DROP INDEX action_rollups_due_idx;
CREATE INDEX action_rollups_due_idx ON action_rollups (due_on) INCLUDE (action_id, status, n);
