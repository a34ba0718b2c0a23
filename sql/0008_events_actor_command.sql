-- The installation's administrator: a roadmapctl command run on the installation's own
-- database without naming a user (before any user exists, say) is recorded by its command
-- line, with no user behind it.
ALTER TABLE events ADD COLUMN actor_command text
    CHECK (actor_command IS NULL OR (actor_id IS NULL AND length(actor_command) BETWEEN 1 AND 2000));
COMMENT ON COLUMN events.actor_command IS 'The command line of roadmapctl when the installation''s administrator acted (no user); NULL for users.';
