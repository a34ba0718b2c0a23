-- Sections («разделы») of a plan table: a heading row spanning the table («I. Нормативно-
-- правовое обеспечение») groups the actions under it. It is a grouping of its own, not a
-- goal, and is kept on each action as written; actions keep their order by position.
ALTER TABLE actions ADD COLUMN section text CHECK (section IS NULL OR length(section) BETWEEN 1 AND 500);
COMMENT ON COLUMN actions.section IS 'The section heading of the plan table the action stands under, as written; NULL when the table has none.';
