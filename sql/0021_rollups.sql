-- Roll-ups kept current (#16). An order of 1,000 actions for 500 schools holds half a
-- million assignments; counting them for each page view cost seconds. action_rollups holds,
-- per action, how many assignments have each status and due day, and is changed by the
-- statement that changes the assignments, in the same transaction. Overdue is never stored
-- (it depends on the as-of date), but the due day is kept with each count, so any as-of
-- date's roll-up is read from these rows alone: overdue = open rows due before it.
--
-- Orders, plans, goals and tasks add up their actions' rows, a few per action, so an order's
-- count costs its actions and not its assignments. There is deliberately no per-order row:
-- every report of an order would wait on it.
CREATE TABLE action_rollups (
    action_id uuid NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    status    text NOT NULL,
    due_on    date,
    n         integer NOT NULL CHECK (n >= 0),
    CONSTRAINT action_rollups_key UNIQUE NULLS NOT DISTINCT (action_id, status, due_on)
);
COMMENT ON TABLE action_rollups IS 'Сколько назначений мероприятия в каждом статусе с каждым сроком; ведётся триггерами assignments, проверяется rollup_differences().';

-- Applies what one statement did to assignments: the deltas are summed per key, existing
-- rows are changed in key order (so two transactions lock shared rows in the same order) and
-- keys seen for the first time are added. A count can never go below zero: a delta that
-- would is refused by the CHECK and fails the statement.
CREATE FUNCTION rollups_apply(deltas jsonb) RETURNS void
    LANGUAGE sql
    AS $$
    WITH d AS (
        SELECT (e->>0)::uuid AS action_id, e->>1 AS status, (e->>2)::date AS due_on, (e->>3)::int AS n
        FROM jsonb_array_elements(deltas) e),
    locked AS (
        SELECT r.action_id, r.status, r.due_on FROM action_rollups r JOIN d
          ON r.action_id = d.action_id AND r.status = d.status AND r.due_on IS NOT DISTINCT FROM d.due_on
        ORDER BY 1, 2, 3 FOR UPDATE OF r),
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

-- The same counts per plan, for lists of orders: 50 orders add up a few thousand rows here
-- instead of every action's. Every status change of a plan's assignments due on one day
-- touches one row here; the row is locked only from the trigger to the commit, so schools
-- reporting at once on one deadline wait for each other for milliseconds.
CREATE TABLE plan_rollups (
    plan_id uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    status  text NOT NULL,
    due_on  date,
    n       integer NOT NULL CHECK (n >= 0),
    CONSTRAINT plan_rollups_key UNIQUE NULLS NOT DISTINCT (plan_id, status, due_on)
);
COMMENT ON TABLE plan_rollups IS 'Сколько назначений плана в каждом статусе с каждым сроком; ведётся триггерами assignments.';

CREATE FUNCTION plan_rollups_apply(deltas jsonb) RETURNS void
    LANGUAGE sql
    AS $$
    WITH d AS (
        SELECT (e->>0)::uuid AS plan_id, e->>1 AS status, (e->>2)::date AS due_on, (e->>3)::int AS n
        FROM jsonb_array_elements(deltas) e),
    locked AS (
        SELECT r.plan_id, r.status, r.due_on FROM plan_rollups r JOIN d
          ON r.plan_id = d.plan_id AND r.status = d.status AND r.due_on IS NOT DISTINCT FROM d.due_on
        ORDER BY 1, 2, 3 FOR UPDATE OF r),
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

-- Open work per executor and month of its due day, kept the same way: «which schools have the
-- most overdue work» adds up whole months before the current one from here and counts only
-- the current month's days from the assignments, instead of scanning all open work.
CREATE TABLE executor_open_months (
    executor_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    month       date NOT NULL CHECK (extract(day FROM month) = 1),
    n           integer NOT NULL CHECK (n >= 0),
    PRIMARY KEY (executor_id, month)
);
COMMENT ON TABLE executor_open_months IS 'Сколько открытых (не выполненных и не отменённых) назначений у исполнителя со сроком в каждом месяце; ведётся триггерами assignments.';

CREATE FUNCTION executor_months_apply(deltas jsonb) RETURNS void
    LANGUAGE sql
    AS $$
    WITH d AS (
        SELECT (e->>0)::uuid AS executor_id, (e->>1)::date AS month, (e->>2)::int AS n
        FROM jsonb_array_elements(deltas) e),
    locked AS (
        SELECT r.executor_id, r.month FROM executor_open_months r JOIN d USING (executor_id, month)
        ORDER BY 1, 2 FOR UPDATE OF r),
    changed AS (
        UPDATE executor_open_months r SET n = r.n + d.n FROM d JOIN locked l USING (executor_id, month)
        WHERE r.executor_id = d.executor_id AND r.month = d.month
        RETURNING r.executor_id, r.month)
    INSERT INTO executor_open_months AS r (executor_id, month, n)
    SELECT d.executor_id, d.month, d.n FROM d
    WHERE NOT EXISTS (SELECT 1 FROM changed c WHERE c.executor_id = d.executor_id AND c.month = d.month)
    ORDER BY 1, 2
    ON CONFLICT (executor_id, month) DO UPDATE SET n = r.n + excluded.n
$$;

CREATE FUNCTION assignments_keep_rollups() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    deltas jsonb;
    plans jsonb;
    months jsonb;
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
        SELECT jsonb_agg(jsonb_build_array(plan_id, status, due_on, n)) INTO plans
        FROM (SELECT g.plan_id, d.status, d.due_on, sum(d.n)::int AS n
              FROM (SELECT (e->>0)::uuid AS action_id, e->>1 AS status, (e->>2)::date AS due_on, (e->>3)::int AS n
                    FROM jsonb_array_elements(deltas) e) d
              JOIN actions a ON a.id = d.action_id JOIN goals g ON g.id = a.goal_id
              GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0) x;
        IF plans IS NOT NULL THEN
            PERFORM plan_rollups_apply(plans);
        END IF;
    END IF;
    IF months IS NOT NULL THEN
        PERFORM executor_months_apply(months);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER assignments_rollups_insert AFTER INSERT ON assignments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assignments_keep_rollups();
CREATE TRIGGER assignments_rollups_update AFTER UPDATE ON assignments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assignments_keep_rollups();
CREATE TRIGGER assignments_rollups_delete AFTER DELETE ON assignments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assignments_keep_rollups();
-- TRUNCATE has no transition table: it would leave the counts behind, so it is refused.
CREATE FUNCTION counted_tables_refuse_truncate() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION '% cannot be truncated: the counts kept from it would stay behind; delete the rows instead', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER assignments_rollups_truncate BEFORE TRUNCATE ON assignments
    FOR EACH STATEMENT EXECUTE FUNCTION counted_tables_refuse_truncate();

INSERT INTO action_rollups (action_id, status, due_on, n)
SELECT action_id, status, due_on, count(*)::int FROM assignments GROUP BY 1, 2, 3;
INSERT INTO executor_open_months (executor_id, month, n)
SELECT executor_id, date_trunc('month', due_on)::date, count(*)::int FROM assignments
WHERE analytics.is_open(status) AND due_on IS NOT NULL GROUP BY 1, 2;
INSERT INTO plan_rollups (plan_id, status, due_on, n)
SELECT plan_id, status, due_on, sum(n)::int FROM action_rollups r JOIN actions a ON a.id = r.action_id JOIN goals g ON g.id = a.goal_id
GROUP BY 1, 2, 3;

-- The check: every key whose kept count differs from a count made from scratch. Empty when
-- the roll-ups are right (`roadmapctl db check-rollups`).
CREATE FUNCTION rollup_differences()
    RETURNS TABLE (action_id uuid, status text, due_on date, kept integer, counted integer)
    LANGUAGE sql STABLE
    AS $$
    WITH counted AS (
        SELECT s.action_id, s.status, s.due_on, count(*)::int AS n FROM assignments s GROUP BY 1, 2, 3),
    kept AS (
        SELECT r.action_id, r.status, r.due_on, r.n FROM action_rollups r WHERE r.n <> 0)
    SELECT coalesce(k.action_id, c.action_id), coalesce(k.status, c.status), coalesce(k.due_on, c.due_on),
           coalesce(k.n, 0), coalesce(c.n, 0)
    FROM kept k
    FULL JOIN counted c
      ON c.action_id = k.action_id AND c.status = k.status
     AND coalesce(c.due_on, 'infinity') = coalesce(k.due_on, 'infinity')
    WHERE coalesce(k.n, 0) <> coalesce(c.n, 0)
$$;

COMMENT ON FUNCTION rollup_differences() IS 'Расхождения между action_rollups и подсчётом назначений заново; пусто, когда счётчики верны.';

-- How many organisations and persons execute each action, kept the same way: the plan's
-- tree shows the first executors and the count, not 500 names per action.
CREATE TABLE action_executor_counts (
    action_id     uuid PRIMARY KEY REFERENCES actions (id) ON DELETE CASCADE,
    organizations integer NOT NULL CHECK (organizations >= 0),
    persons       integer NOT NULL CHECK (persons >= 0)
);
COMMENT ON TABLE action_executor_counts IS 'Сколько организаций и лиц исполняют мероприятие; ведётся триггерами action_executors.';

CREATE FUNCTION action_executors_keep_counts() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE action_executor_counts c SET organizations = c.organizations - d.organizations, persons = c.persons - d.persons
        FROM (SELECT action_id, count(organization_id)::int AS organizations, count(person_role)::int AS persons
              FROM old_rows GROUP BY 1 ORDER BY 1) d
        WHERE c.action_id = d.action_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO action_executor_counts AS c (action_id, organizations, persons)
        SELECT action_id, count(organization_id)::int, count(person_role)::int FROM new_rows GROUP BY 1 ORDER BY 1
        ON CONFLICT (action_id) DO UPDATE SET organizations = c.organizations + excluded.organizations,
                                              persons = c.persons + excluded.persons;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER action_executors_counts_insert AFTER INSERT ON action_executors
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_executors_keep_counts();
CREATE TRIGGER action_executors_counts_update AFTER UPDATE ON action_executors
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_executors_keep_counts();
CREATE TRIGGER action_executors_counts_delete AFTER DELETE ON action_executors
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION action_executors_keep_counts();
CREATE TRIGGER action_executors_counts_truncate BEFORE TRUNCATE ON action_executors
    FOR EACH STATEMENT EXECUTE FUNCTION counted_tables_refuse_truncate();

INSERT INTO action_executor_counts (action_id, organizations, persons)
SELECT action_id, count(organization_id)::int, count(person_role)::int FROM action_executors GROUP BY 1;

-- The check of the executor counts (`roadmapctl db check-rollups` runs both).
CREATE FUNCTION executor_count_differences()
    RETURNS TABLE (action_id uuid, kept_organizations integer, counted_organizations integer,
                   kept_persons integer, counted_persons integer)
    LANGUAGE sql STABLE
    AS $$
    WITH counted AS (
        SELECT e.action_id, count(e.organization_id)::int AS organizations, count(e.person_role)::int AS persons
        FROM action_executors e GROUP BY 1),
    kept AS (
        SELECT c.action_id, c.organizations, c.persons FROM action_executor_counts c WHERE c.organizations + c.persons > 0)
    SELECT coalesce(k.action_id, c.action_id), coalesce(k.organizations, 0), coalesce(c.organizations, 0),
           coalesce(k.persons, 0), coalesce(c.persons, 0)
    FROM kept k FULL JOIN counted c ON c.action_id = k.action_id
    WHERE coalesce(k.organizations, 0) <> coalesce(c.organizations, 0) OR coalesce(k.persons, 0) <> coalesce(c.persons, 0)
$$;

-- The first executors of each action, in the order the plan names them.
CREATE INDEX action_executors_action_position_idx ON action_executors (action_id, position, id);

CREATE FUNCTION plan_rollup_differences()
    RETURNS TABLE (plan_id uuid, status text, due_on date, kept integer, counted integer)
    LANGUAGE sql STABLE
    AS $$
    WITH counted AS (
        SELECT g.plan_id, s.status, s.due_on, count(*)::int AS n
        FROM assignments s JOIN actions a ON a.id = s.action_id JOIN goals g ON g.id = a.goal_id GROUP BY 1, 2, 3),
    kept AS (
        SELECT r.plan_id, r.status, r.due_on, r.n FROM plan_rollups r WHERE r.n <> 0)
    SELECT coalesce(k.plan_id, c.plan_id), coalesce(k.status, c.status), coalesce(k.due_on, c.due_on),
           coalesce(k.n, 0), coalesce(c.n, 0)
    FROM kept k
    FULL JOIN counted c
      ON c.plan_id = k.plan_id AND c.status = k.status
     AND coalesce(c.due_on, 'infinity') = coalesce(k.due_on, 'infinity')
    WHERE coalesce(k.n, 0) <> coalesce(c.n, 0)
$$;

CREATE FUNCTION executor_month_differences()
    RETURNS TABLE (executor_id uuid, month date, kept integer, counted integer)
    LANGUAGE sql STABLE
    AS $$
    WITH counted AS (
        SELECT s.executor_id, date_trunc('month', s.due_on)::date AS month, count(*)::int AS n FROM assignments s
        WHERE analytics.is_open(s.status) AND s.due_on IS NOT NULL GROUP BY 1, 2),
    kept AS (
        SELECT m.executor_id, m.month, m.n FROM executor_open_months m WHERE m.n <> 0)
    SELECT coalesce(k.executor_id, c.executor_id), coalesce(k.month, c.month), coalesce(k.n, 0), coalesce(c.n, 0)
    FROM kept k FULL JOIN counted c ON c.executor_id = k.executor_id AND c.month = k.month
    WHERE coalesce(k.n, 0) <> coalesce(c.n, 0)
$$;

-- «Late first» for one action: its open assignments by due day (then id, as the page orders
-- them), the first three read without reading the rest.
CREATE INDEX assignments_action_open_due_idx ON assignments (action_id, due_on, id) WHERE status NOT IN ('done', 'cancelled');

-- Deleting an action's assignments (the plan editor, a re-import) looked up each one's
-- notifications by a scan of the whole outbox.
CREATE INDEX notifications_assignment_idx ON notifications (assignment_id) WHERE assignment_id IS NOT NULL;

-- The committee's list of all assignments by deadline (GET /v1/assignments) read the whole
-- table to sort it; in this order it stops after one page.
CREATE INDEX assignments_due_id_idx ON assignments (due_on, id);

-- An order's page for one month reads the counts due in it across the plan's actions.
CREATE INDEX action_rollups_due_idx ON action_rollups (due_on);
