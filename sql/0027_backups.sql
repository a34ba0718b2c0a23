-- The backups taken (#18): `roadmapctl backup` writes a row once pg_dump's file is complete
-- and readable, so the service can say how old the last one is (the metric
-- roadmap_last_backup_timestamp_seconds, and an alert when it is more than a day old).
CREATE TABLE backups (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file        text NOT NULL CHECK (btrim(file) <> ''),
    size_bytes  bigint NOT NULL CHECK (size_bytes > 0),
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL DEFAULT now(),
    CHECK (finished_at >= started_at)
);
CREATE INDEX backups_finished_idx ON backups (finished_at);
COMMENT ON TABLE backups IS 'Backups taken with roadmapctl backup (pg_dump, custom format); the newest tells the age of the last backup.';
