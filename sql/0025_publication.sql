-- An order's public progress page (#17), opt-in per order by the committee's staff: the plan,
-- each action's progress and the organisations' status, with no person's name, and no
-- report's text unless the committee marked that report public. Open data (CSV, JSON) at
-- the same address.
ALTER TABLE orders ADD COLUMN published_at timestamptz;
COMMENT ON COLUMN orders.published_at IS 'Since when the order''s progress is on its public page; NULL while it is not.';
CREATE INDEX orders_published_idx ON orders (published_at) WHERE published_at IS NOT NULL;

ALTER TABLE reports ADD COLUMN public boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN reports.public IS 'The committee marked the text of this accepted report for the public page.';
ALTER TABLE reports ADD CONSTRAINT reports_public_when_accepted CHECK (NOT public OR status = 'accepted');
