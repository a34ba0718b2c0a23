-- Saved lists of organisations («школы-участники проекта», «пилотные детские сады»): a
-- coordinator assigns an action to a whole list at once, as to «все школы». A list is kept
-- by name; its members are organisations, moved with them when two are merged.
CREATE TABLE organization_lists (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organization_lists_name_key UNIQUE (name)
);

CREATE TABLE organization_list_members (
    list_id         uuid NOT NULL REFERENCES organization_lists (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    PRIMARY KEY (list_id, organization_id)
);
CREATE INDEX organization_list_members_organization_idx ON organization_list_members (organization_id);
COMMENT ON TABLE organization_lists IS 'Saved lists of organisations, assigned to an action at once.';
