-- A user's e-mail address, as an administrator gives it (the users CSV): where a school's
-- staff are reached. Personal data: analytics views never show it.
ALTER TABLE users ADD COLUMN email text
    CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'));
COMMENT ON COLUMN users.email IS 'The user''s e-mail address as an administrator gave it; NULL when none was given.';
