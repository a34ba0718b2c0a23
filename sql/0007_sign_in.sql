-- Sign-in that strangers cannot turn against a user.
--
-- A pre-session binds the sign-in form's CSRF token to the server: the form's cookie names
-- a row here, and a sign-in is accepted only with that row's token, once.
CREATE TABLE web_sign_in_challenges (
    token_hash   bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    csrf_token   text NOT NULL CHECK (length(csrf_token) >= 32),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    CONSTRAINT web_sign_in_challenges_expire_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX web_sign_in_challenges_expires_idx ON web_sign_in_challenges (expires_at);
COMMENT ON TABLE web_sign_in_challenges IS 'Pre-sessions of the sign-in form: a cookie''s hash and the form token it must come back with; used once.';

-- Failed sign-ins are counted per account and client address: five in a row from one
-- address lock the account for that address only, so a stranger who keeps guessing locks
-- himself out, never the user signing in from elsewhere.
CREATE TABLE sign_in_failures (
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    address      text NOT NULL CHECK (length(address) BETWEEN 1 AND 64),
    failures     integer NOT NULL CHECK (failures > 0),
    locked_until timestamptz,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, address)
);
CREATE INDEX sign_in_failures_updated_idx ON sign_in_failures (updated_at);
COMMENT ON TABLE sign_in_failures IS 'Failed sign-ins in a row per account and client address, and the lock they caused.';

-- The per-account counters they replace.
ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;
