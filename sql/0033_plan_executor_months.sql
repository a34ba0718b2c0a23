-- Open work kept per plan, executor and month of the due day (#16). The matrix of an order
-- shows, for each of the 50 schools on its page, the school's overdue work in the order. It was
-- counted from the index of open work by executor and due day: every past-due row of those
-- schools in every order, those of other orders dropped by their action (27,078 index entries
-- for one page of the region's largest order, 7.5 to 11.6 ms of the page). Work is overdue as of
-- a day only by the day within that day's own month (0032): the whole months before it are now
-- read from here, a row per school and month, and only the asked day's own month from the
-- assignments. «Только просроченные» keeps the schools the same way.

CREATE TABLE plan_executor_open_months (
    plan_id     uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    executor_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- The first day of the due day's month; open work with no due day is never overdue.
    month       date NOT NULL CHECK (extract(day FROM month) = 1),
    n           integer NOT NULL CHECK (n >= 0),
    PRIMARY KEY (plan_id, executor_id, month)
);
COMMENT ON TABLE plan_executor_open_months IS 'Сколько открытых (не выполненных и не отменённых) назначений плана у исполнителя со сроком в каждом месяце (month — первое число); ведётся триггерами assignments, проверяется plan_executor_month_differences().';

-- Adds `deltas` ([plan_id, executor_id, month, n] each) to the kept counts, locking each key
-- through the index in key order, as 0029's functions do.
CREATE FUNCTION plan_executor_months_apply(deltas jsonb) RETURNS void
    LANGUAGE sql
    AS $$
    WITH d AS (
        SELECT (e->>0)::uuid AS plan_id, (e->>1)::uuid AS executor_id, (e->>2)::date AS month, (e->>3)::int AS n
        FROM jsonb_array_elements(deltas) e),
    locked AS (
        SELECT r.plan_id, r.executor_id, r.month FROM (SELECT * FROM d ORDER BY 1, 2, 3) d
        CROSS JOIN LATERAL (SELECT r.plan_id, r.executor_id, r.month FROM plan_executor_open_months r
                            WHERE r.plan_id = d.plan_id AND r.executor_id = d.executor_id AND r.month = d.month
                            FOR UPDATE) r),
    changed AS (
        UPDATE plan_executor_open_months r SET n = r.n + d.n FROM d, locked l
        WHERE r.plan_id = d.plan_id AND r.executor_id = d.executor_id AND r.month = d.month
          AND l.plan_id = d.plan_id AND l.executor_id = d.executor_id AND l.month = d.month
        RETURNING r.plan_id, r.executor_id, r.month)
    INSERT INTO plan_executor_open_months AS r (plan_id, executor_id, month, n)
    SELECT d.plan_id, d.executor_id, d.month, d.n FROM d
    WHERE NOT EXISTS (SELECT 1 FROM changed c
                      WHERE c.plan_id = d.plan_id AND c.executor_id = d.executor_id AND c.month = d.month)
    ORDER BY 1, 2, 3
    ON CONFLICT (plan_id, executor_id, month) DO UPDATE SET n = r.n + excluded.n
$$;

-- 0032's function, the open work by month now counted per plan first: the executors' months
-- are added up from the plans' (one pass over the rows, joined with their actions' plans, the
-- month cut from the day as a time without zone: taken as a time with zone, it cost 0.1 s
-- more per 500,000 rows), and the plans' are applied last, after the executors'. Rows are locked in one order (action
-- counts, earliest open day, goal, goal month, plan, plan month, executor month, plan executor
-- month), so two statements never wait on each other crosswise.
CREATE OR REPLACE FUNCTION assignments_keep_rollups() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    deltas jsonb;
    goals jsonb;
    plans jsonb;
    months jsonb;
    plan_months jsonb;
    by_month jsonb;
    touched uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT jsonb_agg(jsonb_build_array(action_id, status, due_on, n)) INTO deltas
        FROM (SELECT action_id, status, due_on, count(*)::int AS n FROM new_rows GROUP BY 1, 2, 3) d;
        SELECT jsonb_agg(jsonb_build_array(plan_id, executor_id, month, n) ORDER BY plan_id, executor_id, month) INTO plan_months
        FROM (SELECT g.plan_id, r.executor_id, date_trunc('month', r.due_on::timestamp)::date AS month, count(*)::int AS n
              FROM new_rows r JOIN actions a ON a.id = r.action_id JOIN goals g ON g.id = a.goal_id
              WHERE analytics.is_open(r.status) AND r.due_on IS NOT NULL GROUP BY 1, 2, 3) d;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT jsonb_agg(jsonb_build_array(action_id, status, due_on, -n)) INTO deltas
        FROM (SELECT action_id, status, due_on, count(*)::int AS n FROM old_rows GROUP BY 1, 2, 3) d;
        SELECT jsonb_agg(jsonb_build_array(plan_id, executor_id, month, -n) ORDER BY plan_id, executor_id, month) INTO plan_months
        FROM (SELECT g.plan_id, r.executor_id, date_trunc('month', r.due_on::timestamp)::date AS month, count(*)::int AS n
              FROM old_rows r JOIN actions a ON a.id = r.action_id JOIN goals g ON g.id = a.goal_id
              WHERE analytics.is_open(r.status) AND r.due_on IS NOT NULL GROUP BY 1, 2, 3) d;
    ELSE
        -- Most updates touch neither the status nor the due day; they cancel out here.
        SELECT jsonb_agg(jsonb_build_array(action_id, status, due_on, n)) INTO deltas
        FROM (SELECT action_id, status, due_on, sum(n)::int AS n FROM (
                  SELECT action_id, status, due_on, 1 AS n FROM new_rows
                  UNION ALL
                  SELECT action_id, status, due_on, -1 AS n FROM old_rows) u
              GROUP BY 1, 2, 3 HAVING sum(n) <> 0) d;
        SELECT jsonb_agg(jsonb_build_array(plan_id, executor_id, month, n) ORDER BY plan_id, executor_id, month) INTO plan_months
        FROM (SELECT g.plan_id, u.executor_id, u.month, sum(u.n)::int AS n FROM (
                  SELECT action_id, executor_id, date_trunc('month', due_on::timestamp)::date AS month, 1 AS n FROM new_rows
                  WHERE analytics.is_open(status) AND due_on IS NOT NULL
                  UNION ALL
                  SELECT action_id, executor_id, date_trunc('month', due_on::timestamp)::date AS month, -1 AS n FROM old_rows
                  WHERE analytics.is_open(status) AND due_on IS NOT NULL) u
              JOIN actions a ON a.id = u.action_id JOIN goals g ON g.id = a.goal_id
              GROUP BY 1, 2, 3 HAVING sum(u.n) <> 0) d;
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
    IF plan_months IS NOT NULL THEN
        SELECT jsonb_agg(jsonb_build_array(executor_id, month, n)) INTO months
        FROM (SELECT (e->>1)::uuid AS executor_id, (e->>2)::date AS month, sum((e->>3)::int)::int AS n
              FROM jsonb_array_elements(plan_months) e GROUP BY 1, 2 HAVING sum((e->>3)::int) <> 0) d;
        IF months IS NOT NULL THEN
            PERFORM executor_months_apply(months);
        END IF;
        PERFORM plan_executor_months_apply(plan_months);
    END IF;
    RETURN NULL;
END
$$;

INSERT INTO plan_executor_open_months (plan_id, executor_id, month, n)
SELECT g.plan_id, s.executor_id, date_trunc('month', s.due_on::timestamp)::date, count(*)::int
FROM assignments s JOIN actions a ON a.id = s.action_id JOIN goals g ON g.id = a.goal_id
WHERE analytics.is_open(s.status) AND s.due_on IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

-- The check (`roadmapctl db check-rollups`): every kept count that differs from a count of the
-- open assignments made from scratch.
CREATE FUNCTION plan_executor_month_differences()
    RETURNS TABLE (plan_id uuid, executor_id uuid, month date, kept integer, counted integer)
    LANGUAGE sql STABLE
    AS $$
    WITH counted AS (
        SELECT g.plan_id, s.executor_id, date_trunc('month', s.due_on::timestamp)::date AS month, count(*)::int AS n
        FROM assignments s JOIN actions a ON a.id = s.action_id JOIN goals g ON g.id = a.goal_id
        WHERE analytics.is_open(s.status) AND s.due_on IS NOT NULL GROUP BY 1, 2, 3),
    kept AS (
        SELECT m.plan_id, m.executor_id, m.month, m.n FROM plan_executor_open_months m WHERE m.n <> 0)
    SELECT coalesce(k.plan_id, c.plan_id), coalesce(k.executor_id, c.executor_id), coalesce(k.month, c.month),
           coalesce(k.n, 0), coalesce(c.n, 0)
    FROM kept k FULL JOIN counted c ON c.plan_id = k.plan_id AND c.executor_id = k.executor_id AND c.month = k.month
    WHERE coalesce(k.n, 0) <> coalesce(c.n, 0)
$$;
COMMENT ON FUNCTION plan_executor_month_differences() IS 'Расхождения между plan_executor_open_months и подсчётом открытых назначений заново; пусто, когда счётчики верны.';
