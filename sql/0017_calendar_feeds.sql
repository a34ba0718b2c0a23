-- Deadlines in calendars: a private iCalendar feed per user or per organisation at a secret
-- URL. Only a SHA-256 of the secret is kept; a feed is revoked, never reused.
CREATE TABLE calendar_feeds (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    token_hash      bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    user_id         uuid REFERENCES users (id) ON DELETE CASCADE,
    organization_id uuid REFERENCES organizations (id) ON DELETE RESTRICT,
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz,
    last_used_at    timestamptz,
    CONSTRAINT calendar_feeds_one_owner CHECK ((user_id IS NULL) <> (organization_id IS NULL))
);
CREATE INDEX calendar_feeds_user_idx ON calendar_feeds (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX calendar_feeds_organization_idx ON calendar_feeds (organization_id) WHERE organization_id IS NOT NULL;
