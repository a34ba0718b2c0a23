-- Evidence as files: scans, photos, PDFs and office documents a school attaches to a report.
-- Kept in the database with the report they prove (backups and failover take them along),
-- with the SHA-256 of their content. The kind is read from the content by the service
-- (EvidenceFileType) before a row is written; the limits are the domain's (EvidenceLimits),
-- the CHECKs a last guard. Files are never changed or deleted: a report's evidence is part
-- of its history.
CREATE TABLE evidence_files (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- The order files were attached in, within a report.
    seq         bigint GENERATED ALWAYS AS IDENTITY,
    report_id   uuid NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    file_name   text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    media_type  text NOT NULL CHECK (media_type <> ''),
    size_bytes  integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 20 * 1024 * 1024),
    sha256      bytea NOT NULL CHECK (length(sha256) = 32),
    content     bytea NOT NULL,
    uploaded_by uuid REFERENCES users (id) ON DELETE RESTRICT,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT evidence_files_size_matches CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX evidence_files_report_idx ON evidence_files (report_id, seq);
-- PDFs, JPEGs and office files are compressed already: stored out of line as they are.
ALTER TABLE evidence_files ALTER COLUMN content SET STORAGE EXTERNAL;
COMMENT ON TABLE evidence_files IS 'Files a school attached to a report as evidence; never changed or deleted.';

CREATE FUNCTION evidence_files_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'evidence files are kept as attached: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER evidence_files_no_change BEFORE UPDATE OR DELETE ON evidence_files
    FOR EACH ROW EXECUTE FUNCTION evidence_files_are_kept();
