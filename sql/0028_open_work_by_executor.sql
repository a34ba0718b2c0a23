-- Open work per executor by due day (#16). The matrix of an order counts, for each of the 50
-- schools on its page, the school's overdue work in that order; through the index of all its
-- assignments that meant a heap visit per past-due row (20,000 for one page of the region's
-- largest order, 140 ms). Here only open rows are indexed and the action is carried along, so
-- the count is read from the index alone; a school's «Мои сроки» reads its lists through it too.
CREATE INDEX assignments_executor_open_due_idx ON assignments (executor_id, due_on) INCLUDE (action_id)
    WHERE status NOT IN ('done', 'cancelled');
