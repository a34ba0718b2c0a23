-- «Просрочено», defined once. DESIGN.md: an assignment is overdue when it is not done (nor
-- cancelled) and the last day of its deadline is before the as-of date; the due day itself
-- is not overdue; with no due day, never. The service's queries and the analysts' views
-- call this function, and a test holds it against the domain's
-- AssignmentStatus.isOverdue(dueDay:asOf:) for every status.
--
-- It lives in the analytics schema, which analysts may use, and PUBLIC may execute it (the
-- default), so the views keep working for them. Being a one-expression IMMUTABLE SQL
-- function, the planner inlines it, and the expression (never NULL, with no coalesce)
-- implies the predicate of assignments_open_due_idx: queries keep their indexes.
CREATE FUNCTION analytics.is_open(status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT status NOT IN ('done', 'cancelled') $$;
COMMENT ON FUNCTION analytics.is_open(text) IS 'Открыто ли исполнение: статус не done и не cancelled.';

CREATE FUNCTION analytics.is_overdue(status text, due_on date, as_of date) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT status NOT IN ('done', 'cancelled') AND due_on IS NOT NULL AND due_on < as_of $$;
COMMENT ON FUNCTION analytics.is_overdue(text, date, date) IS 'Просрочено ли исполнение на дату as_of: оно открыто (не done и не cancelled), а срок due_on раньше as_of; сам день срока ещё не просрочка; без срока — никогда.';

CREATE OR REPLACE VIEW analytics.assignments AS
SELECT s.id              AS assignment_id,
       pl.order_id,
       o.number          AS order_number,
       o.issued_on       AS order_issued_on,
       pl.id             AS plan_id,
       g.id              AS goal_id,
       s.action_id,
       g.position || '.' || a.position AS item_number,
       a.title           AS action_title,
       a.deadline_text,
       a.deadline_kind,
       s.executor_id,
       e.name            AS executor_name,
       e.short_name      AS executor_short_name,
       e.kind            AS executor_kind,
       e.parent_id       AS executor_parent_id,
       ae.responsibility,
       s.occurrence,
       s.period,
       lower(s.period)     AS first_day,
       upper(s.period) - 1 AS last_day,
       s.due_on,
       s.original_due_on,
       s.due_on - s.original_due_on AS days_moved,
       s.status,
       s.status_changed_at,
       (s.status_changed_at AT TIME ZONE c.tz)::date AS status_changed_on,
       c.today           AS as_of,
       analytics.is_overdue(s.status, s.due_on, c.today) AS overdue,
       CASE WHEN analytics.is_overdue(s.status, s.due_on, c.today) THEN c.today - s.due_on END AS days_overdue
  FROM assignments s
  JOIN actions a ON a.id = s.action_id
  JOIN goals g   ON g.id = a.goal_id
  JOIN plans pl  ON pl.id = g.plan_id
  JOIN organizations e ON e.id = s.executor_id
  LEFT JOIN orders o ON o.id = pl.order_id
  LEFT JOIN action_executors ae ON ae.action_id = s.action_id AND ae.organization_id = s.executor_id
  CROSS JOIN (SELECT z.tz, (now() AT TIME ZONE z.tz)::date AS today
                FROM (SELECT coalesce((SELECT st.value FROM settings st WHERE st.key = 'committee_time_zone'),
                                      'Europe/Moscow') AS tz) z) c;
