-- Open work per executor due before a month, kept (#16). The committee's dashboard and its
-- «Мои сроки» list the schools with the most overdue work. They added up every school's open
-- work month by month from executor_open_months: on the region 46,992 rows, a sequential scan
-- (24 to 42 ms), and one more row per school for every month of history. Here each school's
-- open work due before one month (the kept month, moved to the current month by the first
-- change of open work in a new month) is one row; a page adds or takes off only the months
-- between the kept month and the asked day's own month, and counts that month's days as before.

CREATE TABLE executor_open_before (
    executor_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    n           integer NOT NULL CHECK (n >= 0)
);
COMMENT ON TABLE executor_open_before IS 'Сколько открытых назначений у исполнителя со сроком раньше месяца из executor_open_before_month; ведётся триггерами assignments, проверяется executor_open_before_differences().';

-- The one kept month (its first day).
CREATE TABLE executor_open_before_month (
    single boolean PRIMARY KEY DEFAULT true CHECK (single),
    month  date NOT NULL CHECK (extract(day FROM month) = 1)
);
COMMENT ON TABLE executor_open_before_month IS 'Месяц, до которого executor_open_before считает открытые назначения (первое число); одна строка.';

-- The months between the kept month and the asked one, read by month.
CREATE INDEX executor_open_months_month_idx ON executor_open_months (month) INCLUDE (executor_id, n);

-- 0021's function keeps adding the executors' months under a name of its own; the trigger's
-- call (executor_months_apply) now also keeps executor_open_before. Each call first moves the kept month
-- to the current one when it is behind, unless another transaction is applying changes under
-- the kept month at that moment (its lock is taken then, so the move never waits, and a later
-- call moves it); a change read under REPEATABLE READ never moves it, since its snapshot may
-- miss changes committed meanwhile. Then the kept month is locked for share, so a move waits
-- for no one and no change is counted under a month it does not belong to. Rows are locked in
-- key order: the executors' months, then their rows here.
ALTER FUNCTION executor_months_apply(jsonb) RENAME TO executor_open_months_add;

CREATE FUNCTION executor_months_apply(deltas jsonb) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    kept date;
    target date := date_trunc('month', current_date::timestamp)::date;
BEGIN
    SELECT month INTO kept FROM executor_open_before_month;
    IF kept < target AND current_setting('transaction_isolation') = 'read committed' THEN
        PERFORM 1 FROM executor_open_before_month FOR UPDATE SKIP LOCKED;
        IF FOUND THEN
            SELECT month INTO kept FROM executor_open_before_month;
            IF kept < target THEN
                INSERT INTO executor_open_before AS b (executor_id, n)
                SELECT m.executor_id, sum(m.n)::int FROM executor_open_months m
                WHERE m.month >= kept AND m.month < target GROUP BY 1 HAVING sum(m.n) <> 0 ORDER BY 1
                ON CONFLICT (executor_id) DO UPDATE SET n = b.n + excluded.n;
                UPDATE executor_open_before_month SET month = target;
            END IF;
        END IF;
    END IF;
    SELECT month INTO kept FROM executor_open_before_month FOR SHARE;

    PERFORM executor_open_months_add(deltas);

    IF kept IS NULL THEN
        RETURN;
    END IF;
    WITH d AS (
        SELECT (e->>0)::uuid AS executor_id, sum((e->>2)::int)::int AS n
        FROM jsonb_array_elements(deltas) e WHERE (e->>1)::date < kept
        GROUP BY 1 HAVING sum((e->>2)::int) <> 0),
    locked AS (
        SELECT r.executor_id FROM executor_open_before r JOIN d USING (executor_id)
        ORDER BY 1 FOR UPDATE OF r),
    changed AS (
        UPDATE executor_open_before r SET n = r.n + d.n FROM d JOIN locked l USING (executor_id)
        WHERE r.executor_id = d.executor_id
        RETURNING r.executor_id)
    INSERT INTO executor_open_before AS r (executor_id, n)
    SELECT d.executor_id, d.n FROM d
    WHERE NOT EXISTS (SELECT 1 FROM changed c WHERE c.executor_id = d.executor_id)
    ORDER BY 1
    ON CONFLICT (executor_id) DO UPDATE SET n = r.n + excluded.n;
END
$$;

INSERT INTO executor_open_before_month (month) VALUES (date_trunc('month', current_date::timestamp)::date);
INSERT INTO executor_open_before (executor_id, n)
SELECT m.executor_id, sum(m.n)::int FROM executor_open_months m
WHERE m.month < (SELECT month FROM executor_open_before_month) GROUP BY 1 HAVING sum(m.n) > 0 ORDER BY 1;

-- The check (`roadmapctl db check-rollups`): every executor whose kept count differs from a
-- count of its open assignments due before the kept month made from scratch.
CREATE FUNCTION executor_open_before_differences()
    RETURNS TABLE (executor_id uuid, month date, kept integer, counted integer)
    LANGUAGE sql STABLE
    AS $$
    WITH k AS (SELECT month FROM executor_open_before_month),
    counted AS (
        SELECT s.executor_id, count(*)::int AS n FROM assignments s, k
        WHERE analytics.is_open(s.status) AND s.due_on < k.month GROUP BY 1),
    kept AS (
        SELECT b.executor_id, b.n FROM executor_open_before b WHERE b.n <> 0)
    SELECT coalesce(kept.executor_id, counted.executor_id), (SELECT month FROM k), coalesce(kept.n, 0), coalesce(counted.n, 0)
    FROM kept FULL JOIN counted ON counted.executor_id = kept.executor_id
    WHERE coalesce(kept.n, 0) <> coalesce(counted.n, 0)
$$;
COMMENT ON FUNCTION executor_open_before_differences() IS 'Расхождения между executor_open_before и подсчётом открытых назначений со сроком раньше хранимого месяца заново; пусто, когда счётчики верны.';
