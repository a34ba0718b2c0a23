-- Counts kept per month of the due day, for goals and plans (#16). The order page heads each
-- goal with its counts and draws the order's months; both were added up from the counts kept
-- per status and due DAY, and the region's largest order keeps 2,146 such rows for its plan and
-- 1,605 for one goal, read again for every page (2 ms and 0.7 ms of a 20 ms page). What is
-- overdue depends on the day asked about, but only within that day's month: a month before it
-- has all its open work overdue, a month after it none. So the counts are also kept per month
-- (81 rows for that plan, and for that goal), and only the asked day's own month is read by day.

CREATE TABLE goal_month_rollups (
    goal_id uuid NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    status  text NOT NULL,
    -- The first day of the due day's month; NULL for assignments with no due day.
    month   date CHECK (month = date_trunc('month', month::timestamp)::date),
    n       integer NOT NULL CHECK (n >= 0),
    CONSTRAINT goal_month_rollups_key UNIQUE NULLS NOT DISTINCT (goal_id, status, month)
);
COMMENT ON TABLE goal_month_rollups IS 'Сколько назначений цели в каждом статусе со сроком в каждом месяце (month — первое число, NULL — без срока); ведётся триггерами assignments, проверяется goal_month_rollup_differences().';

CREATE TABLE plan_month_rollups (
    plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    status  text NOT NULL,
    month   date CHECK (month = date_trunc('month', month::timestamp)::date),
    n       integer NOT NULL CHECK (n >= 0),
    CONSTRAINT plan_month_rollups_key UNIQUE NULLS NOT DISTINCT (plan_id, status, month)
);
COMMENT ON TABLE plan_month_rollups IS 'Сколько назначений плана в каждом статусе со сроком в каждом месяце (month — первое число, NULL — без срока); ведётся триггерами assignments, проверяется plan_month_rollup_differences().';

-- Adds `deltas` ([goal_id, status, month, n] each) to the goals' monthly counts, locking each
-- key through the index in key order, as 0029's functions do.
CREATE FUNCTION goal_month_rollups_apply(deltas jsonb) RETURNS void
    LANGUAGE sql
    AS $$
    WITH d AS (
        SELECT (e->>0)::uuid AS goal_id, e->>1 AS status, (e->>2)::date AS month, (e->>3)::int AS n
        FROM jsonb_array_elements(deltas) e),
    locked AS (
        SELECT r.goal_id, r.status, r.month FROM (SELECT * FROM d ORDER BY 1, 2, 3) d
        CROSS JOIN LATERAL (SELECT r.goal_id, r.status, r.month FROM goal_month_rollups r
                            WHERE r.goal_id = d.goal_id AND r.status = d.status AND r.month IS NOT DISTINCT FROM d.month
                            FOR UPDATE) r),
    changed AS (
        UPDATE goal_month_rollups r SET n = r.n + d.n FROM d, locked l
        WHERE r.goal_id = d.goal_id AND r.status = d.status AND r.month IS NOT DISTINCT FROM d.month
          AND l.goal_id = d.goal_id AND l.status = d.status AND l.month IS NOT DISTINCT FROM d.month
        RETURNING r.goal_id, r.status, r.month)
    INSERT INTO goal_month_rollups AS r (goal_id, status, month, n)
    SELECT d.goal_id, d.status, d.month, d.n FROM d
    WHERE NOT EXISTS (SELECT 1 FROM changed c
                      WHERE c.goal_id = d.goal_id AND c.status = d.status AND c.month IS NOT DISTINCT FROM d.month)
    ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT goal_month_rollups_key DO UPDATE SET n = r.n + excluded.n
$$;

CREATE FUNCTION plan_month_rollups_apply(deltas jsonb) RETURNS void
    LANGUAGE sql
    AS $$
    WITH d AS (
        SELECT (e->>0)::uuid AS plan_id, e->>1 AS status, (e->>2)::date AS month, (e->>3)::int AS n
        FROM jsonb_array_elements(deltas) e),
    locked AS (
        SELECT r.plan_id, r.status, r.month FROM (SELECT * FROM d ORDER BY 1, 2, 3) d
        CROSS JOIN LATERAL (SELECT r.plan_id, r.status, r.month FROM plan_month_rollups r
                            WHERE r.plan_id = d.plan_id AND r.status = d.status AND r.month IS NOT DISTINCT FROM d.month
                            FOR UPDATE) r),
    changed AS (
        UPDATE plan_month_rollups r SET n = r.n + d.n FROM d, locked l
        WHERE r.plan_id = d.plan_id AND r.status = d.status AND r.month IS NOT DISTINCT FROM d.month
          AND l.plan_id = d.plan_id AND l.status = d.status AND l.month IS NOT DISTINCT FROM d.month
        RETURNING r.plan_id, r.status, r.month)
    INSERT INTO plan_month_rollups AS r (plan_id, status, month, n)
    SELECT d.plan_id, d.status, d.month, d.n FROM d
    WHERE NOT EXISTS (SELECT 1 FROM changed c
                      WHERE c.plan_id = d.plan_id AND c.status = d.status AND c.month IS NOT DISTINCT FROM d.month)
    ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT plan_month_rollups_key DO UPDATE SET n = r.n + excluded.n
$$;

-- Per-day deltas ([key, status, due_on, n] each) added up per month: [key, status, month, n].
CREATE FUNCTION rollup_deltas_by_month(deltas jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT jsonb_agg(jsonb_build_array(key, status, month, n) ORDER BY key, status, month)
    FROM (SELECT (e->>0)::uuid AS key, e->>1 AS status, date_trunc('month', (e->>2)::date::timestamp)::date AS month,
                 sum((e->>3)::int)::int AS n
          FROM jsonb_array_elements(deltas) e
          GROUP BY 1, 2, 3 HAVING sum((e->>3)::int) <> 0) x
$$;

-- 0029's function, with each goal's and each plan's monthly counts after its daily ones. Rows
-- are locked in one order (action counts, earliest open day, goal, goal month, plan, plan
-- month, executor month), so two statements never wait on each other crosswise.
CREATE OR REPLACE FUNCTION assignments_keep_rollups() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    deltas jsonb;
    goals jsonb;
    plans jsonb;
    months jsonb;
    by_month jsonb;
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
            by_month := rollup_deltas_by_month(goals);
            IF by_month IS NOT NULL THEN
                PERFORM goal_month_rollups_apply(by_month);
            END IF;
            SELECT jsonb_agg(jsonb_build_array(plan_id, status, due_on, n)) INTO plans
            FROM (SELECT g.plan_id, d.status, d.due_on, sum(d.n)::int AS n
                  FROM (SELECT (e->>0)::uuid AS goal_id, e->>1 AS status, (e->>2)::date AS due_on, (e->>3)::int AS n
                        FROM jsonb_array_elements(goals) e) d
                  JOIN goals g ON g.id = d.goal_id
                  GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0) x;
            IF plans IS NOT NULL THEN
                PERFORM plan_rollups_apply(plans);
                by_month := rollup_deltas_by_month(plans);
                IF by_month IS NOT NULL THEN
                    PERFORM plan_month_rollups_apply(by_month);
                END IF;
            END IF;
        END IF;
    END IF;
    IF months IS NOT NULL THEN
        PERFORM executor_months_apply(months);
    END IF;
    RETURN NULL;
END
$$;

INSERT INTO goal_month_rollups (goal_id, status, month, n)
SELECT goal_id, status, date_trunc('month', due_on::timestamp)::date, sum(n)::int FROM goal_rollups
WHERE n > 0 GROUP BY 1, 2, 3;
INSERT INTO plan_month_rollups (plan_id, status, month, n)
SELECT plan_id, status, date_trunc('month', due_on::timestamp)::date, sum(n)::int FROM plan_rollups
WHERE n > 0 GROUP BY 1, 2, 3;

-- The checks (`roadmapctl db check-rollups`): every goal's or plan's kept monthly count that
-- differs from a count of its assignments made from scratch.
CREATE FUNCTION goal_month_rollup_differences()
    RETURNS TABLE (goal_id uuid, status text, month date, kept integer, counted integer)
    LANGUAGE sql STABLE
    AS $$
    WITH counted AS (
        SELECT a.goal_id, s.status, date_trunc('month', s.due_on::timestamp)::date AS month, count(*)::int AS n
        FROM assignments s JOIN actions a ON a.id = s.action_id GROUP BY 1, 2, 3),
    kept AS (
        SELECT r.goal_id, r.status, r.month, r.n FROM goal_month_rollups r WHERE r.n <> 0)
    SELECT coalesce(k.goal_id, c.goal_id), coalesce(k.status, c.status), coalesce(k.month, c.month),
           coalesce(k.n, 0), coalesce(c.n, 0)
    FROM kept k
    FULL JOIN counted c
      ON c.goal_id = k.goal_id AND c.status = k.status
     AND coalesce(c.month, 'infinity') = coalesce(k.month, 'infinity')
    WHERE coalesce(k.n, 0) <> coalesce(c.n, 0)
$$;
COMMENT ON FUNCTION goal_month_rollup_differences() IS 'Расхождения между goal_month_rollups и подсчётом назначений заново; пусто, когда счётчики верны.';

CREATE FUNCTION plan_month_rollup_differences()
    RETURNS TABLE (plan_id uuid, status text, month date, kept integer, counted integer)
    LANGUAGE sql STABLE
    AS $$
    WITH counted AS (
        SELECT g.plan_id, s.status, date_trunc('month', s.due_on::timestamp)::date AS month, count(*)::int AS n
        FROM assignments s JOIN actions a ON a.id = s.action_id JOIN goals g ON g.id = a.goal_id GROUP BY 1, 2, 3),
    kept AS (
        SELECT r.plan_id, r.status, r.month, r.n FROM plan_month_rollups r WHERE r.n <> 0)
    SELECT coalesce(k.plan_id, c.plan_id), coalesce(k.status, c.status), coalesce(k.month, c.month),
           coalesce(k.n, 0), coalesce(c.n, 0)
    FROM kept k
    FULL JOIN counted c
      ON c.plan_id = k.plan_id AND c.status = k.status
     AND coalesce(c.month, 'infinity') = coalesce(k.month, 'infinity')
    WHERE coalesce(k.n, 0) <> coalesce(c.n, 0)
$$;
COMMENT ON FUNCTION plan_month_rollup_differences() IS 'Расхождения между plan_month_rollups и подсчётом назначений заново; пусто, когда счётчики верны.';
