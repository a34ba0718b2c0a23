-- The GiST index on (executor_id, period) cost a region-sized import more than any other
-- index (4 of the 11 seconds spent on indexes for 500,000 assignments). Its questions are
-- served as well by assignments_executor_due_idx (a school's own rows are few) and, across
-- all schools, by assignments_period_all_idx.
DROP INDEX IF EXISTS assignments_period_idx;
