-- An order's history includes the goals, tasks and actions removed from its plan (#17). Their
-- rows are gone, so the history finds them by the plan their «removed» event names
-- (data->>'plan_id', written since this migration); this index keeps that lookup to the
-- few removal events instead of the whole log.
CREATE INDEX events_removed_plan_idx ON events ((data->>'plan_id')) WHERE event = 'removed';
