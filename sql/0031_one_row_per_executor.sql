-- One row per school and action (#16). An organisation that executes an action has its
-- assignments: the row of its first occurrence now carries what `action_executors` kept for
-- it (its place in the list, lead or co-executor, the name as the document wrote it), and
-- `listed` says whether the action still names it (an executor removed from the plan keeps
-- its assignments, cancelled, and its reports). The table keeps only persons and posts
-- («классный руководитель»), under the name `action_persons`, and `action_executors` becomes
-- a view of both with the columns it always had, so analysts' questions and every reader are
-- unchanged. A plan of 1,000 actions for 500 schools wrote 500,000 executor rows and their
-- five indexes beside its 500,000 assignments; it now writes the assignments alone.

ALTER TABLE assignments
    ADD COLUMN listed boolean NOT NULL DEFAULT true,
    ADD COLUMN responsibility text NOT NULL DEFAULT 'lead' CHECK (responsibility IN ('lead', 'co')),
    ADD COLUMN executor_position integer NOT NULL DEFAULT 1 CHECK (executor_position > 0),
    ADD COLUMN source_text text;
COMMENT ON COLUMN assignments.listed IS 'Учреждение названо исполнителем мероприятия (значимо в первом повторении); false — исключено из плана, назначения отменены.';
COMMENT ON COLUMN assignments.responsibility IS 'lead — ответственный исполнитель, co — соисполнитель (значимо в первом повторении).';
COMMENT ON COLUMN assignments.executor_position IS 'Место учреждения в списке исполнителей мероприятия (значимо в первом повторении).';
COMMENT ON COLUMN assignments.source_text IS 'Исполнитель, как он написан в документе (значимо в первом повторении).';

-- The kept counts are rebuilt below from the rows as they will be: their triggers go first.
DROP TRIGGER action_executors_counts_insert ON action_executors;
DROP TRIGGER action_executors_counts_update ON action_executors;
DROP TRIGGER action_executors_counts_delete ON action_executors;
DROP TRIGGER action_executors_plans_insert ON action_executors;
DROP TRIGGER action_executors_plans_update ON action_executors;
DROP TRIGGER action_executors_plans_delete ON action_executors;
DROP TRIGGER actions_remove_executors_first ON actions;
DROP FUNCTION actions_remove_executors_first();
DROP FUNCTION action_executors_keep_plans();
DROP FUNCTION action_executors_keep_counts();

-- What each organisation's executor row said moves onto its first assignment. Every
-- organisation an action names has one (the importer and the plan editor give each an
-- assignment per occurrence, one when the deadline has no date); an assignment whose
-- organisation the action no longer names was cancelled when it was removed.
ALTER TABLE assignments DISABLE TRIGGER USER;
UPDATE assignments a SET responsibility = e.responsibility, executor_position = e.position, source_text = e.source_text
FROM action_executors e
WHERE e.organization_id IS NOT NULL AND e.action_id = a.action_id AND e.organization_id = a.executor_id AND a.occurrence = 1
  AND (e.responsibility, e.position, e.source_text) IS DISTINCT FROM ('lead', 1, NULL::text);
UPDATE assignments a SET listed = false
WHERE NOT EXISTS (SELECT 1 FROM action_executors e WHERE e.action_id = a.action_id AND e.organization_id = a.executor_id);
ALTER TABLE assignments ENABLE TRIGGER USER;
-- An executor row with no assignment would be lost: it gets one, with no due day, as the plan
-- editor gives an action whose deadline has no date.
INSERT INTO assignments (action_id, executor_id, occurrence, responsibility, executor_position, source_text)
SELECT e.action_id, e.organization_id, 1, e.responsibility, e.position, e.source_text
FROM action_executors e
WHERE e.organization_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.action_id = e.action_id AND a.executor_id = e.organization_id AND a.occurrence = 1);

-- The views that read the table are made again over the view, as they were: their text,
-- comments and grants are kept, then they are dropped, deepest first.
CREATE TEMP TABLE kept_views ON COMMIT DROP AS
WITH RECURSIVE deps AS (
    SELECT DISTINCT v.oid, 1 AS depth
    FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
    WHERE d.refobjid = 'action_executors'::regclass AND v.oid <> 'action_executors'::regclass
    UNION
    SELECT v.oid, deps.depth + 1
    FROM deps JOIN pg_depend d ON d.refobjid = deps.oid JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
    WHERE v.oid <> deps.oid)
SELECT format('%I.%I', n.nspname, c.relname) AS name, max(deps.depth) AS depth,
       pg_get_viewdef(c.oid) AS definition, obj_description(c.oid, 'pg_class') AS comment, c.relacl AS acl,
       (SELECT coalesce(jsonb_object_agg(a.attname, d.description), '{}')
        FROM pg_attribute a JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
        WHERE a.attrelid = c.oid) AS column_comments
FROM deps JOIN pg_class c ON c.oid = deps.oid JOIN pg_namespace n ON n.oid = c.relnamespace
GROUP BY c.oid, n.nspname, c.relname;

DO $$
DECLARE
    v record;
BEGIN
    FOR v IN SELECT name FROM kept_views ORDER BY depth DESC LOOP
        EXECUTE format('DROP VIEW %s', v.name);
    END LOOP;
END
$$;

-- The persons stay in the table, renamed.
DELETE FROM action_executors WHERE organization_id IS NOT NULL;
DROP INDEX action_executors_org_key;
DROP INDEX action_executors_organization_idx;
ALTER TABLE action_executors DROP CONSTRAINT action_executors_one_kind;
ALTER TABLE action_executors DROP COLUMN organization_id;
ALTER TABLE action_executors ALTER COLUMN person_role SET NOT NULL;
ALTER TABLE action_executors RENAME TO action_persons;
ALTER INDEX action_executors_pkey RENAME TO action_persons_pkey;
ALTER INDEX action_executors_role_key RENAME TO action_persons_role_key;
ALTER INDEX action_executors_action_position_idx RENAME TO action_persons_action_position_idx;
ALTER TABLE action_persons RENAME CONSTRAINT action_executors_action_id_fkey TO action_persons_action_id_fkey;
ALTER TRIGGER action_executors_counts_truncate ON action_persons RENAME TO action_persons_counts_truncate;
COMMENT ON TABLE action_persons IS 'Ответственные лица и должности мероприятия («классный руководитель»), не учреждения: учреждения-исполнители — это назначения (assignments) первого повторения с listed.';

CREATE VIEW action_executors AS
SELECT a.id, a.action_id, a.responsibility, a.executor_id AS organization_id, NULL::text AS person_role,
       a.source_text, a.executor_position AS position, a.created_at
FROM assignments a
WHERE a.occurrence = 1 AND a.listed
UNION ALL
SELECT p.id, p.action_id, p.responsibility, NULL::uuid, p.person_role, p.source_text, p.position, p.created_at
FROM action_persons p;
COMMENT ON VIEW action_executors IS 'Исполнители мероприятий: учреждения (назначения первого повторения, названные в плане) и лица (action_persons).';

DO $$
DECLARE
    v record;
    c record;
BEGIN
    FOR v IN SELECT * FROM kept_views ORDER BY depth LOOP
        EXECUTE format('CREATE VIEW %s AS %s', v.name, v.definition);
        IF v.comment IS NOT NULL THEN
            EXECUTE format('COMMENT ON VIEW %s IS %L', v.name, v.comment);
        END IF;
        FOR c IN SELECT key, value FROM jsonb_each_text(v.column_comments) LOOP
            EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', v.name, c.key, c.value);
        END LOOP;
        FOR c IN SELECT (aclexplode(v.acl)).* LOOP
            IF c.grantee <> c.grantor AND c.privilege_type = 'SELECT' THEN
                EXECUTE format('GRANT SELECT ON %s TO %I', v.name, pg_get_userbyid(c.grantee));
            END IF;
        END LOOP;
    END LOOP;
END
$$;

-- Counts kept per action: organisations from the first assignments the plan names, persons
-- from their table; each changed by the statement that changes its rows.
CREATE FUNCTION action_persons_keep_counts() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE action_executor_counts c SET persons = c.persons - d.n
        FROM (SELECT action_id, count(*)::int AS n FROM old_rows GROUP BY 1 ORDER BY 1) d
        WHERE c.action_id = d.action_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO action_executor_counts AS c (action_id, organizations, persons)
        SELECT action_id, 0, count(*)::int FROM new_rows GROUP BY 1 ORDER BY 1
        ON CONFLICT (action_id) DO UPDATE SET persons = c.persons + excluded.persons;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER action_persons_counts_insert AFTER INSERT ON action_persons
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_persons_keep_counts();
CREATE TRIGGER action_persons_counts_update AFTER UPDATE ON action_persons
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_persons_keep_counts();
CREATE TRIGGER action_persons_counts_delete AFTER DELETE ON action_persons
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION action_persons_keep_counts();

-- Assignments added or deleted: those that are an action's listed executors change the
-- action's count of organisations and the plan's count of actions per organisation.
CREATE FUNCTION assignments_keep_executors() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    deltas jsonb;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO action_executor_counts AS c (action_id, organizations, persons)
        SELECT action_id, count(*)::int, 0 FROM new_rows WHERE occurrence = 1 AND listed GROUP BY 1 ORDER BY 1
        ON CONFLICT (action_id) DO UPDATE SET organizations = c.organizations + excluded.organizations;
        SELECT jsonb_agg(jsonb_build_array(plan_id, executor_id, n)) INTO deltas
        FROM (SELECT g.plan_id, r.executor_id, count(*)::int AS n
              FROM new_rows r JOIN actions a ON a.id = r.action_id JOIN goals g ON g.id = a.goal_id
              WHERE r.occurrence = 1 AND r.listed GROUP BY 1, 2) d;
    ELSE
        UPDATE action_executor_counts c SET organizations = c.organizations - d.n
        FROM (SELECT action_id, count(*)::int AS n FROM old_rows WHERE occurrence = 1 AND listed GROUP BY 1 ORDER BY 1) d
        WHERE c.action_id = d.action_id;
        SELECT jsonb_agg(jsonb_build_array(plan_id, executor_id, -n)) INTO deltas
        FROM (SELECT g.plan_id, r.executor_id, count(*)::int AS n
              FROM old_rows r JOIN actions a ON a.id = r.action_id JOIN goals g ON g.id = a.goal_id
              WHERE r.occurrence = 1 AND r.listed GROUP BY 1, 2) d;
    END IF;
    IF deltas IS NOT NULL THEN
        PERFORM plan_executors_apply(deltas);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER assignments_executors_insert AFTER INSERT ON assignments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assignments_keep_executors();
CREATE TRIGGER assignments_executors_delete AFTER DELETE ON assignments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assignments_keep_executors();

-- An executor removed from the action or put back, or merged into another organisation: the
-- statement's first assignments whose `listed` or organisation changed, summed per action and
-- per plan and organisation, so a re-import that drops 500 schools from 1,000 actions costs
-- one pass (a trigger per row took 1.5 ms a row). A change of status finds no such row.
CREATE FUNCTION assignments_keep_executors_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    changes jsonb;
    deltas jsonb;
BEGIN
    SELECT jsonb_agg(jsonb_build_object('action_id', action_id, 'executor_id', executor_id, 'n', n)) INTO changes
    FROM (SELECT u.action_id, u.executor_id, sum(u.n)::int AS n
          FROM (SELECT o.action_id, o.executor_id, -1 AS n FROM old_rows o JOIN new_rows r ON r.id = o.id
                WHERE o.occurrence = 1 AND o.listed AND (NOT r.listed OR r.executor_id <> o.executor_id)
                UNION ALL
                SELECT r.action_id, r.executor_id, 1 FROM old_rows o JOIN new_rows r ON r.id = o.id
                WHERE r.occurrence = 1 AND r.listed AND (NOT o.listed OR r.executor_id <> o.executor_id)) u
          GROUP BY 1, 2 HAVING sum(u.n) <> 0) c;
    IF changes IS NULL THEN
        RETURN NULL;
    END IF;
    UPDATE action_executor_counts c SET organizations = c.organizations + d.n
    FROM (SELECT action_id, sum(n)::int AS n FROM jsonb_to_recordset(changes) AS x(action_id uuid, executor_id uuid, n int)
          GROUP BY 1 HAVING sum(n) < 0 ORDER BY 1) d
    WHERE c.action_id = d.action_id;
    INSERT INTO action_executor_counts AS c (action_id, organizations, persons)
    SELECT action_id, sum(n)::int, 0 FROM jsonb_to_recordset(changes) AS x(action_id uuid, executor_id uuid, n int)
    GROUP BY 1 HAVING sum(n) > 0 ORDER BY 1
    ON CONFLICT (action_id) DO UPDATE SET organizations = c.organizations + excluded.organizations;
    SELECT jsonb_agg(jsonb_build_array(plan_id, executor_id, n)) INTO deltas
    FROM (SELECT g.plan_id, x.executor_id, sum(x.n)::int AS n
          FROM jsonb_to_recordset(changes) AS x(action_id uuid, executor_id uuid, n int)
          JOIN actions a ON a.id = x.action_id JOIN goals g ON g.id = a.goal_id
          GROUP BY 1, 2 HAVING sum(x.n) <> 0) d;
    IF deltas IS NOT NULL THEN
        PERFORM plan_executors_apply(deltas);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER assignments_executors_update AFTER UPDATE ON assignments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assignments_keep_executors_update();

-- Both counts from the rows as they are now.
DELETE FROM action_executor_counts;
INSERT INTO action_executor_counts (action_id, organizations, persons)
SELECT action_id, count(organization_id)::int, count(person_role)::int FROM action_executors GROUP BY 1;
DELETE FROM plan_executors;
INSERT INTO plan_executors (plan_id, organization_id, actions)
SELECT g.plan_id, e.organization_id, count(*)::int
FROM action_executors e JOIN actions a ON a.id = e.action_id JOIN goals g ON g.id = a.goal_id
WHERE e.organization_id IS NOT NULL GROUP BY 1, 2;
COMMENT ON TABLE action_executor_counts IS 'Сколько организаций и лиц исполняют мероприятие; ведётся триггерами assignments и action_persons.';
COMMENT ON TABLE plan_executors IS 'Сколько мероприятий плана исполняет каждая организация; ведётся триггерами assignments, проверяется plan_executor_differences().';
