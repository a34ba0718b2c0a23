-- Documents uploaded on the import page, kept between the dry-run preview and the
-- confirmation (a form without JavaScript cannot send the file twice). Deleted when the
-- import is confirmed; anything older than a day is deleted with the next upload.
CREATE TABLE web_uploads (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name   text NOT NULL CHECK (btrim(file_name) <> ''),
    content     bytea NOT NULL,
    -- The order's number, date and issuer typed on the form, if any.
    options     jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX web_uploads_created_idx ON web_uploads (created_at);
