-- Search by words. Actions and orders: full-text search with PostgreSQL's Russian
-- configuration («семинары» finds «семинар»), the words kept in a generated column with a
-- GIN index. Organisations: trigram similarity on their normalised names and aliases, so
-- «лицей 14» and a misspelt «гимназя» still find theirs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE actions ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', coalesce(title, '')), 'A')
    || setweight(to_tsvector('russian', coalesce(expected_result, '') || ' ' || coalesce(venue, '')), 'B')
    || setweight(to_tsvector('russian', coalesce(section, '')), 'C')
) STORED;
CREATE INDEX actions_search_idx ON actions USING gin (search);
COMMENT ON COLUMN actions.search IS 'Words of the title (A), expected result and venue (B) and section (C), Russian configuration, for search.';

ALTER TABLE orders ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', number), 'A') || setweight(to_tsvector('russian', coalesce(title, '')), 'A')
) STORED;
CREATE INDEX orders_search_idx ON orders USING gin (search);
COMMENT ON COLUMN orders.search IS 'The number and the words of the title, for search.';

CREATE INDEX organizations_normalized_name_trgm_idx ON organizations USING gin (normalized_name gin_trgm_ops);
CREATE INDEX organization_aliases_normalized_alias_trgm_idx ON organization_aliases USING gin (normalized_alias gin_trgm_ops);
