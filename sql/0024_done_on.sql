-- The work day of the accepted report, kept on the assignment (#17). «Сводка об исполнении»,
-- the discipline ranking, an organisation's page, progress by month and the analysts' view
-- all judge «done by a day» by it; each looked it up among the assignment's reports, once
-- per assignment, which cost 2.8 s for the progress of the region's largest order. It is
-- written in the transaction that accepts the report (ReportStore.review), and only an
-- assignment that is done has one.
ALTER TABLE assignments ADD COLUMN done_on date;
UPDATE assignments s SET done_on = r.done_on
FROM (SELECT DISTINCT ON (assignment_id) assignment_id, done_on FROM reports WHERE status = 'accepted'
      ORDER BY assignment_id, reviewed_at DESC, created_at DESC) r
WHERE r.assignment_id = s.id AND s.status = 'done';
ALTER TABLE assignments ADD CONSTRAINT assignments_done_on_when_done CHECK (done_on IS NULL OR status = 'done');
COMMENT ON COLUMN assignments.done_on IS 'Дата исполнения по принятому отчёту; есть только у выполненного назначения.';

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
       s.done_on,
       analytics.outcome(s.status, s.due_on, s.done_on, c.today) AS outcome
  FROM assignments s
  JOIN actions a ON a.id = s.action_id
  JOIN goals g   ON g.id = a.goal_id
  JOIN plans pl  ON pl.id = g.plan_id
  JOIN organizations e ON e.id = s.executor_id
  LEFT JOIN orders o ON o.id = pl.order_id
  LEFT JOIN action_executors ae ON ae.action_id = s.action_id AND ae.organization_id = s.executor_id
  CROSS JOIN (SELECT z.tz, (now() AT TIME ZONE z.tz)::date AS today
                FROM (SELECT coalesce((SELECT st.value FROM settings st WHERE st.key = 'committee_time_zone'),
                                      'Europe/Moscow') AS tz) z) c
 WHERE pl.withdrawn_at IS NULL;
