-- Roadmap: the whole domain of DESIGN.md.
-- Runs on stock PostgreSQL 12+ with contrib only (pgcrypto for gen_random_uuid on 12,
-- btree_gist for the GiST index that mixes an organisation id with a deadline range).
-- Sized for a region on one server: 2,000 organisations, 1 million assignments,
-- 10 million history events.

CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Organisations: the committee, municipal institutions, schools, kindergartens, partners.
CREATE TABLE organizations (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name            text NOT NULL CHECK (btrim(name) <> ''),
    short_name      text CHECK (short_name IS NULL OR btrim(short_name) <> ''),
    kind            text NOT NULL CHECK (kind IN ('committee', 'municipal_institution', 'school',
                                                  'kindergarten', 'partner', 'other')),
    parent_id       uuid REFERENCES organizations (id) ON DELETE RESTRICT,
    municipality    text,
    -- The name normalised by the domain (case, quotes, №, ё), for matching free text.
    normalized_name text NOT NULL CHECK (normalized_name <> ''),
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organizations_not_own_parent CHECK (parent_id IS DISTINCT FROM id)
);
CREATE INDEX organizations_normalized_name_idx ON organizations (normalized_name);
CREATE INDEX organizations_kind_idx ON organizations (kind);
CREATE INDEX organizations_parent_idx ON organizations (parent_id) WHERE parent_id IS NOT NULL;

-- Other names an organisation goes by in documents («СОШ №5»).
CREATE TABLE organization_aliases (
    organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    alias            text NOT NULL CHECK (btrim(alias) <> ''),
    normalized_alias text NOT NULL CHECK (normalized_alias <> ''),
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, normalized_alias)
);
CREATE INDEX organization_aliases_normalized_idx ON organization_aliases (normalized_alias);

-- People who sign in: committee staff, school staff, viewers. Names are personal data:
-- analytics views never show them.
CREATE TABLE users (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    login           text NOT NULL CHECK (login ~ '^[A-Za-z0-9._@-]{1,64}$'),
    display_name    text,
    role            text NOT NULL CHECK (role IN ('admin', 'coordinator', 'executor', 'viewer')),
    organization_id uuid REFERENCES organizations (id) ON DELETE RESTRICT,
    -- A slow salted hash (crypt() with bcrypt from pgcrypto); never the password itself.
    password_hash   text,
    failed_logins   integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until    timestamptz,
    disabled_at     timestamptz,
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_executor_has_organization CHECK (role <> 'executor' OR organization_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_login_key ON users (lower(login));

-- API tokens: only a SHA-256 hash of the token is kept; the token is shown once.
CREATE TABLE api_tokens (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    -- The first characters of the token, so a person can tell tokens apart in a list.
    prefix       text NOT NULL,
    name         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    CONSTRAINT api_tokens_expiry_after_creation CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Orders («приказ»): number + date + issuing organisation identify one.
CREATE TABLE orders (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    issuer_id   uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    number      text NOT NULL CHECK (btrim(number) <> ''),
    issued_on   date NOT NULL,
    title       text NOT NULL DEFAULT '',
    signatory   text,
    -- Who controls execution («контроль … оставляю за собой» = the signatory).
    controller  text,
    version     integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_issuer_number_date_key UNIQUE (issuer_id, number, issued_on)
);
CREATE INDEX orders_issued_on_idx ON orders (issued_on);

-- Plans («план мероприятий», «дорожная карта»): approved by an order, or a school's own plan.
CREATE TABLE plans (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id      uuid REFERENCES orders (id) ON DELETE RESTRICT,
    owner_id      uuid REFERENCES organizations (id) ON DELETE RESTRICT,
    title         text NOT NULL DEFAULT '',
    -- The period the plan covers; months without a year are read inside it.
    period        daterange CHECK (period IS NULL OR (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period))),
    -- 2022 for the 2022–2023 academic year, when the plan is written for one.
    academic_year integer CHECK (academic_year IS NULL OR academic_year BETWEEN 1990 AND 2200),
    position      integer NOT NULL DEFAULT 1 CHECK (position > 0),
    source_name   text,
    version       integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT plans_belong_somewhere CHECK (order_id IS NOT NULL OR owner_id IS NOT NULL)
);
CREATE INDEX plans_order_idx ON plans (order_id);
CREATE INDEX plans_owner_idx ON plans (owner_id);

CREATE TABLE goals (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    plan_id    uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position   integer NOT NULL CHECK (position > 0),
    title      text NOT NULL CHECK (btrim(title) <> ''),
    version    integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT goals_plan_position_key UNIQUE (plan_id, position)
);

CREATE TABLE tasks (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    goal_id         uuid NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position        integer NOT NULL CHECK (position > 0),
    title           text NOT NULL CHECK (btrim(title) <> ''),
    expected_result text,
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tasks_goal_position_key UNIQUE (goal_id, position)
);

-- Planned actions («мероприятие»), each with its deadline as written and as parsed.
CREATE TABLE actions (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    goal_id             uuid NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position            integer NOT NULL CHECK (position > 0),
    title               text NOT NULL CHECK (btrim(title) <> ''),
    expected_result     text,
    venue               text,
    -- The deadline exactly as users wrote it («Сентябрь 2018 – апрель 2019»).
    deadline_text       text NOT NULL DEFAULT '',
    deadline_kind       text NOT NULL DEFAULT 'unparsed',
    -- First day to last day; NULL when there is no due date («по мере необходимости»)
    -- or the text could not be read (then deadline_parsed is false and a person must look).
    deadline_period     daterange CHECK (deadline_period IS NULL OR (NOT isempty(deadline_period)
                                         AND NOT lower_inf(deadline_period) AND NOT upper_inf(deadline_period))),
    deadline_recurrence text CHECK (deadline_recurrence IN ('weekly', 'monthly', 'quarterly', 'twice_a_year', 'annually')),
    deadline_parsed     boolean NOT NULL DEFAULT false,
    version             integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT actions_goal_position_key UNIQUE (goal_id, position),
    CONSTRAINT actions_unparsed_has_no_period CHECK (deadline_parsed OR deadline_period IS NULL)
);
CREATE INDEX actions_deadline_period_idx ON actions USING gist (deadline_period);
CREATE INDEX actions_unparsed_idx ON actions (goal_id) WHERE NOT deadline_parsed;

-- Which tasks an action serves (an action may serve several tasks of its goal).
CREATE TABLE action_tasks (
    action_id uuid NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    task_id   uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, task_id)
);
CREATE INDEX action_tasks_task_idx ON action_tasks (task_id);

-- Responsible executors: an organisation, or a person role («классный руководитель»).
CREATE TABLE action_executors (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    action_id       uuid NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    responsibility  text NOT NULL DEFAULT 'lead' CHECK (responsibility IN ('lead', 'co')),
    organization_id uuid REFERENCES organizations (id) ON DELETE RESTRICT,
    person_role     text CHECK (person_role IS NULL OR btrim(person_role) <> ''),
    -- The executor as written in the document.
    source_text     text,
    position        integer NOT NULL DEFAULT 1 CHECK (position > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT action_executors_one_kind CHECK ((organization_id IS NULL) <> (person_role IS NULL))
);
CREATE UNIQUE INDEX action_executors_org_key ON action_executors (action_id, organization_id) WHERE organization_id IS NOT NULL;
CREATE UNIQUE INDEX action_executors_role_key ON action_executors (action_id, lower(person_role)) WHERE person_role IS NOT NULL;
CREATE INDEX action_executors_organization_idx ON action_executors (organization_id) WHERE organization_id IS NOT NULL;

-- Social partners of an action (organisations of kind 'partner' usually).
CREATE TABLE action_partners (
    action_id       uuid NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    forms           text,
    effect          text,
    PRIMARY KEY (action_id, organization_id)
);

-- Agreements («договор») between an organisation and its partner.
CREATE TABLE agreements (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    partner_id      uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    number          text,
    signed_on       date,
    valid_during    daterange CHECK (valid_during IS NULL OR NOT isempty(valid_during)),
    subject         text,
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT agreements_distinct_parties CHECK (organization_id <> partner_id)
);
CREATE INDEX agreements_partner_idx ON agreements (partner_id);
CREATE INDEX agreements_organization_idx ON agreements (organization_id);

-- Assignments: one action × one executor organisation × one occurrence. The unit that
-- has a status. Overdue is never stored: it is derived from due_on and an as-of date.
CREATE TABLE assignments (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    action_id         uuid NOT NULL REFERENCES actions (id) ON DELETE RESTRICT,
    executor_id       uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    -- 1 for a one-off deadline; 1..n for the occurrences of a recurring one.
    occurrence        integer NOT NULL DEFAULT 1 CHECK (occurrence > 0),
    -- The occurrence's planned period; NULL when the deadline has no due date.
    period            daterange CHECK (period IS NULL OR (NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period))),
    -- The day it is due now (moved by approved extensions) and the day first planned.
    due_on            date,
    original_due_on   date,
    status            text NOT NULL DEFAULT 'planned'
                      CHECK (status IN ('planned', 'in_progress', 'reported', 'done', 'returned', 'cancelled')),
    status_changed_at timestamptz NOT NULL DEFAULT now(),
    version           integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT assignments_action_executor_occurrence_key UNIQUE (action_id, executor_id, occurrence),
    CONSTRAINT assignments_due_with_period CHECK ((period IS NULL) = (due_on IS NULL)),
    CONSTRAINT assignments_original_due CHECK ((due_on IS NULL) = (original_due_on IS NULL))
);
-- Per school, by deadline («Мои сроки»).
CREATE INDEX assignments_executor_due_idx ON assignments (executor_id, due_on);
-- Open work by deadline: the overdue and due-soon queries scan only this.
CREATE INDEX assignments_open_due_idx ON assignments (due_on) WHERE status NOT IN ('done', 'cancelled');
CREATE INDEX assignments_status_idx ON assignments (status, due_on);
-- Period questions («what falls in March 2019»), per school or for all.
CREATE INDEX assignments_period_idx ON assignments USING gist (executor_id, period);

-- Reports («отчёт об исполнении»): submitted by the executor, accepted or returned.
CREATE TABLE reports (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    assignment_id   uuid NOT NULL REFERENCES assignments (id) ON DELETE RESTRICT,
    submitted_by    uuid REFERENCES users (id) ON DELETE RESTRICT,
    done_on         date NOT NULL,
    text            text NOT NULL CHECK (btrim(text) <> ''),
    evidence_urls   text[] NOT NULL DEFAULT '{}',
    status          text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'returned')),
    reviewed_by     uuid REFERENCES users (id) ON DELETE RESTRICT,
    reviewed_at     timestamptz,
    review_comment  text,
    version         integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reports_returned_with_comment CHECK (status <> 'returned' OR btrim(coalesce(review_comment, '')) <> ''),
    CONSTRAINT reports_reviewed_together CHECK ((status = 'submitted') = (reviewed_at IS NULL))
);
CREATE INDEX reports_assignment_idx ON reports (assignment_id, created_at);
CREATE INDEX reports_waiting_idx ON reports (created_at) WHERE status = 'submitted';

-- Deadline extensions («перенос срока»): requested with a reason, approved or rejected.
CREATE TABLE deadline_extensions (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    assignment_id     uuid NOT NULL REFERENCES assignments (id) ON DELETE RESTRICT,
    requested_by      uuid REFERENCES users (id) ON DELETE RESTRICT,
    previous_due_on   date,
    requested_due_on  date NOT NULL,
    reason            text NOT NULL CHECK (btrim(reason) <> ''),
    status            text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected')),
    decided_by        uuid REFERENCES users (id) ON DELETE RESTRICT,
    decided_at        timestamptz,
    decision_comment  text,
    version           integer NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deadline_extensions_decided_together CHECK ((status = 'requested') = (decided_at IS NULL))
);
CREATE INDEX deadline_extensions_assignment_idx ON deadline_extensions (assignment_id, created_at);
CREATE INDEX deadline_extensions_waiting_idx ON deadline_extensions (created_at) WHERE status = 'requested';

-- Idempotency keys of writes (POST with Idempotency-Key): a retry returns the first answer.
CREATE TABLE idempotency_keys (
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key            text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash   text NOT NULL,
    response_status integer,
    response_body  jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- History: every change, with who, when, what and why. Append-only, kept forever.
CREATE TABLE events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid REFERENCES users (id) ON DELETE RESTRICT,
    entity_type text NOT NULL CHECK (entity_type IN ('organization', 'user', 'order', 'plan', 'goal', 'task',
                                                     'action', 'assignment', 'report', 'extension', 'agreement', 'import')),
    entity_id   uuid NOT NULL,
    event       text NOT NULL CHECK (btrim(event) <> ''),
    reason      text,
    data        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX events_entity_idx ON events (entity_type, entity_id, id);
CREATE INDEX events_actor_idx ON events (actor_id, id) WHERE actor_id IS NOT NULL;
CREATE INDEX events_occurred_at_brin ON events USING brin (occurred_at);

CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only();

-- Service settings that SQL needs too (the committee's time zone for "overdue").
CREATE TABLE settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO settings (key, value) VALUES ('committee_time_zone', 'Europe/Moscow');
