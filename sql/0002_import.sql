-- Imports: a plan may come from a document that names no order and no owner (a school's
-- own plan pasted without its letterhead); the importer keeps its source name instead.
ALTER TABLE plans DROP CONSTRAINT plans_belong_somewhere;
ALTER TABLE plans ADD CONSTRAINT plans_identified CHECK (order_id IS NOT NULL OR owner_id IS NOT NULL OR source_name IS NOT NULL);

-- One plan per order position, so a second import of the same order finds its plan.
CREATE UNIQUE INDEX plans_order_position_key ON plans (order_id, position) WHERE order_id IS NOT NULL;
-- A plan with no order is found again by its title and academic year.
CREATE UNIQUE INDEX plans_unordered_key ON plans (coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid), title, coalesce(academic_year, 0))
    WHERE order_id IS NULL;
