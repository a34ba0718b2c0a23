-- Two indexes of assignments for the order page's filters (#16).
--
-- A school's work by due day carries its action and status. The order page asked for one
-- school counts the school's work in the order by action, month and status. Through
-- (executor_id, due_on) alone it read each of the school's assignments from the table: on the
-- region 1,305 rows over 1,155 pages, 7.5 ms under EXPLAIN ANALYZE. Carrying the action and
-- the status, the index answers it by itself (1.8 ms). A change of status was already never a
-- HOT update (three partial indexes test the status), so carrying it makes no update dearer;
-- the wider index costs a fresh import of 500,000 assignments about 0.3 s of 6.5.
DROP INDEX assignments_executor_due_idx;
CREATE INDEX assignments_executor_due_idx ON assignments (executor_id, due_on) INCLUDE (action_id, status);

-- Closed work by action and due day, the twin of assignments_action_open_due_idx: together
-- they find an action's work of any status due in a month. The order page for one month shows
-- every assignment of an action with few that month; it read all of the action's assignments
-- to keep the month's (8,910 read for 82 on the region's largest order, 2.2 ms; 0.4 ms through
-- the two). An import writes only planned work, none of it here, so it costs an import nothing.
CREATE INDEX assignments_action_closed_due_idx ON assignments (action_id, due_on, id)
    WHERE status IN ('done', 'cancelled');
