-- Withdrawal: an order or a plan imported by mistake is taken back. It stays in the tables
-- and in the history (events `withdrawn` / `restored`, with who and why), but lists, counts,
-- schools' pages and the analysts' views leave it out, until an administrator restores it.
-- Withdrawing an order withdraws each of its plans, so every query filters on the plan alone.
ALTER TABLE orders ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE plans ADD COLUMN withdrawn_at timestamptz;
COMMENT ON COLUMN orders.withdrawn_at IS 'When the order was withdrawn (hidden, kept in history); NULL while it is in force.';
COMMENT ON COLUMN plans.withdrawn_at IS 'When the plan (or its order) was withdrawn; NULL while it is in force.';

-- The analysts' views leave withdrawn orders and plans out, as the service's pages do.
CREATE OR REPLACE VIEW analytics.orders AS
SELECT o.id          AS order_id,
       o.number      AS order_number,
       o.issued_on,
       'Приказ № ' || o.number || ' от ' || to_char(o.issued_on, 'DD.MM.YYYY') AS order_label,
       o.title,
       o.issuer_id,
       i.name        AS issuer_name,
       (SELECT count(*) FROM plans p WHERE p.order_id = o.id) AS plan_count
  FROM orders o
  JOIN organizations i ON i.id = o.issuer_id
 WHERE o.withdrawn_at IS NULL;

CREATE OR REPLACE VIEW analytics.plan_items AS
SELECT a.id              AS action_id,
       pl.order_id,
       o.number          AS order_number,
       o.issued_on       AS order_issued_on,
       pl.id             AS plan_id,
       pl.title          AS plan_title,
       pl.position       AS plan_position,
       pl.period         AS plan_period,
       pl.academic_year,
       pl.owner_id       AS plan_owner_id,
       ow.name           AS plan_owner_name,
       pl.source_name    AS plan_source_name,
       g.id              AS goal_id,
       g.position        AS goal_position,
       g.title           AS goal_title,
       a.position        AS action_position,
       g.position || '.' || a.position AS item_number,
       a.title           AS action_title,
       a.expected_result,
       a.venue,
       coalesce(t.tasks, '{}'::text[]) AS tasks,
       coalesce(array_to_string(t.tasks, '; '), '') AS tasks_text,
       a.deadline_text,
       a.deadline_kind,
       a.deadline_period,
       a.deadline_parsed,
       coalesce(ex.executors, '') AS executors,
       coalesce(pa.partners, '')  AS partners
  FROM actions a
  JOIN goals g  ON g.id = a.goal_id
  JOIN plans pl ON pl.id = g.plan_id
  LEFT JOIN orders o         ON o.id = pl.order_id
  LEFT JOIN organizations ow ON ow.id = pl.owner_id
  LEFT JOIN LATERAL (
        SELECT array_agg(tk.title ORDER BY tk.position) AS tasks
          FROM action_tasks at
          JOIN tasks tk ON tk.id = at.task_id
         WHERE at.action_id = a.id) t ON true
  LEFT JOIN LATERAL (
        SELECT string_agg(coalesce(eo.short_name, eo.name, ae.person_role), '; '
                          ORDER BY ae.responsibility DESC, ae.position) AS executors
          FROM action_executors ae
          LEFT JOIN organizations eo ON eo.id = ae.organization_id
         WHERE ae.action_id = a.id) ex ON true
  LEFT JOIN LATERAL (
        SELECT string_agg(coalesce(po.short_name, po.name), '; ' ORDER BY po.name) AS partners
          FROM action_partners ap
          JOIN organizations po ON po.id = ap.organization_id
         WHERE ap.action_id = a.id) pa ON true
 WHERE pl.withdrawn_at IS NULL;

CREATE OR REPLACE VIEW analytics.deadlines AS
SELECT a.id              AS action_id,
       pl.order_id,
       o.number          AS order_number,
       o.issued_on       AS order_issued_on,
       pl.id             AS plan_id,
       pl.title          AS plan_title,
       pl.period         AS plan_period,
       pl.academic_year,
       g.id              AS goal_id,
       g.position || '.' || a.position AS item_number,
       a.title           AS action_title,
       a.deadline_text,
       a.deadline_kind   AS kind,
       a.deadline_period AS period,
       lower(a.deadline_period)     AS first_day,
       upper(a.deadline_period) - 1 AS last_day,
       upper(a.deadline_period) - lower(a.deadline_period) AS days,
       a.deadline_recurrence AS recurrence,
       a.deadline_parsed     AS parsed,
       a.deadline_period IS NOT NULL AS has_due_date
  FROM actions a
  JOIN goals g  ON g.id = a.goal_id
  JOIN plans pl ON pl.id = g.plan_id
  LEFT JOIN orders o ON o.id = pl.order_id
 WHERE pl.withdrawn_at IS NULL;

CREATE OR REPLACE VIEW analytics.executors AS
SELECT ae.action_id,
       pl.order_id,
       o.number          AS order_number,
       o.issued_on       AS order_issued_on,
       pl.id             AS plan_id,
       g.position || '.' || a.position AS item_number,
       a.title           AS action_title,
       ae.position       AS executor_position,
       ae.responsibility,
       CASE WHEN ae.organization_id IS NOT NULL THEN 'organization' ELSE 'person_role' END AS executor_type,
       ae.organization_id,
       eo.name           AS organization_name,
       eo.short_name     AS organization_short_name,
       eo.kind           AS organization_kind,
       ae.person_role,
       coalesce(eo.short_name, eo.name, ae.person_role) AS executor
  FROM action_executors ae
  JOIN actions a ON a.id = ae.action_id
  JOIN goals g   ON g.id = a.goal_id
  JOIN plans pl  ON pl.id = g.plan_id
  LEFT JOIN orders o         ON o.id = pl.order_id
  LEFT JOIN organizations eo ON eo.id = ae.organization_id
 WHERE pl.withdrawn_at IS NULL;

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
                                      'Europe/Moscow') AS tz) z) c
 WHERE pl.withdrawn_at IS NULL;

CREATE OR REPLACE VIEW analytics.reports AS
SELECT r.id              AS report_id,
       r.assignment_id,
       pl.order_id,
       o.number          AS order_number,
       o.issued_on       AS order_issued_on,
       s.action_id,
       g.position || '.' || a.position AS item_number,
       a.title           AS action_title,
       s.executor_id,
       e.name            AS executor_name,
       e.short_name      AS executor_short_name,
       e.kind            AS executor_kind,
       s.occurrence,
       s.due_on,
       r.done_on,
       r.done_on - s.due_on AS days_after_due,
       r.text,
       r.evidence_urls,
       cardinality(r.evidence_urls) AS evidence_count,
       r.status,
       r.created_at      AS submitted_at,
       (r.created_at AT TIME ZONE c.tz)::date  AS submitted_on,
       r.reviewed_at,
       (r.reviewed_at AT TIME ZONE c.tz)::date AS reviewed_on,
       r.review_comment,
       (r.reviewed_at AT TIME ZONE c.tz)::date - (r.created_at AT TIME ZONE c.tz)::date AS days_to_review,
       CASE WHEN r.status = 'submitted'
            THEN c.today - (r.created_at AT TIME ZONE c.tz)::date END AS days_waiting,
       NOT EXISTS (SELECT 1 FROM reports later
                    WHERE later.assignment_id = r.assignment_id
                      AND (later.created_at, later.id) > (r.created_at, r.id)) AS latest,
       c.today           AS as_of
  FROM reports r
  JOIN assignments s   ON s.id = r.assignment_id
  JOIN actions a       ON a.id = s.action_id
  JOIN goals g         ON g.id = a.goal_id
  JOIN plans pl        ON pl.id = g.plan_id
  JOIN organizations e ON e.id = s.executor_id
  LEFT JOIN orders o   ON o.id = pl.order_id
  CROSS JOIN (SELECT z.tz, (now() AT TIME ZONE z.tz)::date AS today
                FROM (SELECT coalesce((SELECT st.value FROM settings st WHERE st.key = 'committee_time_zone'),
                                      'Europe/Moscow') AS tz) z) c
 WHERE pl.withdrawn_at IS NULL;

CREATE OR REPLACE VIEW analytics.extensions AS
SELECT x.id              AS extension_id,
       x.assignment_id,
       pl.order_id,
       o.number          AS order_number,
       o.issued_on       AS order_issued_on,
       s.action_id,
       g.position || '.' || a.position AS item_number,
       a.title           AS action_title,
       s.executor_id,
       e.name            AS executor_name,
       e.short_name      AS executor_short_name,
       e.kind            AS executor_kind,
       s.occurrence,
       s.original_due_on,
       x.previous_due_on,
       x.requested_due_on,
       x.requested_due_on - x.previous_due_on AS days_moved,
       x.reason,
       x.status,
       x.created_at      AS requested_at,
       (x.created_at AT TIME ZONE c.tz)::date AS requested_on,
       x.decided_at,
       (x.decided_at AT TIME ZONE c.tz)::date AS decided_on,
       (x.decided_at AT TIME ZONE c.tz)::date - (x.created_at AT TIME ZONE c.tz)::date AS days_to_decide,
       x.decision_comment
  FROM deadline_extensions x
  JOIN assignments s   ON s.id = x.assignment_id
  JOIN actions a       ON a.id = s.action_id
  JOIN goals g         ON g.id = a.goal_id
  JOIN plans pl        ON pl.id = g.plan_id
  JOIN organizations e ON e.id = s.executor_id
  LEFT JOIN orders o   ON o.id = pl.order_id
  CROSS JOIN (SELECT coalesce((SELECT st.value FROM settings st WHERE st.key = 'committee_time_zone'),
                              'Europe/Moscow') AS tz) c
 WHERE pl.withdrawn_at IS NULL;
