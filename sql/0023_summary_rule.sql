-- «Сводка об исполнении» (#17): how an assignment stands as of a day, defined once for the
-- analysts as the domain defines it (ExecutionOutcome; a test holds the two together).
-- Done by a day means an accepted report whose work day (done_on) is on or before it,
-- however late the committee accepted it: a seminar held on 25.10.2018 and accepted in May
-- 2019 is done on 1 April 2019. The earlier recipe judged by the day of acceptance
-- (status_changed_on) and counted it overdue.
CREATE FUNCTION analytics.outcome(status text, due_on date, done_on date, as_of date) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT CASE
        WHEN status = 'cancelled' THEN 'cancelled'
        WHEN status = 'done' AND done_on IS NOT NULL AND done_on <= as_of
            THEN CASE WHEN due_on IS NULL OR done_on <= due_on THEN 'done_on_time' ELSE 'done_late' END
        WHEN due_on IS NOT NULL AND due_on < as_of THEN 'overdue'
        ELSE 'not_yet_due'
    END
$$;
COMMENT ON FUNCTION analytics.outcome(text, date, date, date) IS 'Исполнение на дату as_of: done_on_time (выполнено в срок), done_late (с нарушением срока), overdue (не выполнено, срок истёк), not_yet_due (срок не наступил), cancelled. Выполненным на дату считается назначение с принятым отчётом, дата исполнения (done_on) которого не позже as_of.';

-- analytics.assignments gains the work day of the accepted report and the outcome today;
-- call analytics.outcome(status, due_on, done_on, DATE ''…'') for any other day.
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
       CASE WHEN analytics.is_overdue(s.status, s.due_on, c.today) THEN c.today - s.due_on END AS days_overdue,
       accepted.done_on,
       analytics.outcome(s.status, s.due_on, accepted.done_on, c.today) AS outcome
  FROM assignments s
  JOIN actions a ON a.id = s.action_id
  JOIN goals g   ON g.id = a.goal_id
  JOIN plans pl  ON pl.id = g.plan_id
  JOIN organizations e ON e.id = s.executor_id
  LEFT JOIN orders o ON o.id = pl.order_id
  LEFT JOIN action_executors ae ON ae.action_id = s.action_id AND ae.organization_id = s.executor_id
  LEFT JOIN LATERAL (SELECT r.done_on FROM reports r WHERE r.assignment_id = s.id AND r.status = 'accepted'
                     ORDER BY r.reviewed_at DESC, r.created_at DESC LIMIT 1) accepted ON TRUE
  CROSS JOIN (SELECT z.tz, (now() AT TIME ZONE z.tz)::date AS today
                FROM (SELECT coalesce((SELECT st.value FROM settings st WHERE st.key = 'committee_time_zone'),
                                      'Europe/Moscow') AS tz) z) c
 WHERE pl.withdrawn_at IS NULL;

COMMENT ON COLUMN analytics.assignments.done_on IS 'Дата исполнения по принятому отчёту (NULL — принятого отчёта нет).';
COMMENT ON COLUMN analytics.assignments.outcome IS 'Исполнение на сегодня: analytics.outcome(status, due_on, done_on, as_of).';
