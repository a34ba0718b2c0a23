-- Assignments' references to their action and their executor, checked once per statement
-- instead of once per row (#16).
--
-- A foreign key checks each new row with a query of its own: for an import of 500,000
-- assignments, a million lookups, 2.8 s of 18 s on the region. The import used to take the
-- two keys off and put them back, which checked every row of the table in one join; but
-- dropping a key locks the table against readers until the import commits, and on the region
-- every page that reads assignments waited 20 s for a 24-second import (the check itself read
-- all 1.5 million rows, not the 500,000 new ones). The triggers below check what a statement
-- wrote, all of it in one join, and lock nothing but the rows they reference.
--
-- They keep what the keys guaranteed, with the keys' names and SQLSTATE (23503), so callers see
-- the same errors:
--   * a row written with an action or an executor that does not exist is refused;
--   * the referenced actions and organisations are locked FOR KEY SHARE, as a key's check
--     locks them, so none can be deleted until the writer commits; a row deleted meanwhile
--     is not locked and is reported missing;
--   * an action or an organisation with assignments cannot be deleted (ON DELETE RESTRICT)
--     nor its id changed. The deleting statement's check reads assignments after the row
--     locks it waited for, so it sees what the writer committed: under READ COMMITTED, the
--     isolation of every transaction of the service. Under REPEATABLE READ or SERIALIZABLE a
--     transaction's snapshot could miss rows committed after it began, so a delete of
--     actions or organisations there is refused outright.
ALTER TABLE assignments DROP CONSTRAINT assignments_action_id_fkey;
ALTER TABLE assignments DROP CONSTRAINT assignments_executor_id_fkey;

CREATE FUNCTION assignment_reference_missing(key text, value uuid, referenced text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'insert or update on table "assignments" violates foreign key constraint "assignments_%_fkey"', key
        USING ERRCODE = 'foreign_key_violation', TABLE = 'assignments', CONSTRAINT = 'assignments_' || key || '_fkey',
              DETAIL = format('Key (%s)=(%s) is not present in table "%s".', key, value, referenced);
END;
$$;

-- After INSERT (and COPY): every action and executor the statement's rows name, once each,
-- locked in key order.
CREATE FUNCTION assignments_check_references() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    key text;
    referenced text;
    missing uuid;
BEGIN
    FOR key, referenced IN VALUES ('action_id', 'actions'), ('executor_id', 'organizations') LOOP
        EXECUTE format($q$
            WITH wanted AS MATERIALIZED (SELECT DISTINCT %1$I AS id FROM new_rows),
                 locked AS MATERIALIZED (SELECT t.id FROM %2$I t WHERE t.id IN (SELECT id FROM wanted) ORDER BY t.id FOR KEY SHARE OF t)
            SELECT w.id FROM wanted w WHERE w.id NOT IN (SELECT id FROM locked) LIMIT 1
            $q$, key, referenced) INTO missing;
        IF missing IS NOT NULL THEN
            PERFORM assignment_reference_missing(key, missing, referenced);
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER assignments_check_references_insert AFTER INSERT ON assignments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assignments_check_references();

-- After an UPDATE that moves a row to another action or executor (a merge of two records of
-- one school): row by row, as such updates are few; a change of status never runs it.
CREATE FUNCTION assignments_check_reference() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.action_id IS DISTINCT FROM OLD.action_id
       AND NOT EXISTS (SELECT 1 FROM actions a WHERE a.id = NEW.action_id FOR KEY SHARE) THEN
        PERFORM assignment_reference_missing('action_id', NEW.action_id, 'actions');
    END IF;
    IF NEW.executor_id IS DISTINCT FROM OLD.executor_id
       AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = NEW.executor_id FOR KEY SHARE) THEN
        PERFORM assignment_reference_missing('executor_id', NEW.executor_id, 'organizations');
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER assignments_references_update AFTER UPDATE OF action_id, executor_id ON assignments
    FOR EACH ROW WHEN (NEW.action_id IS DISTINCT FROM OLD.action_id OR NEW.executor_id IS DISTINCT FROM OLD.executor_id)
    EXECUTE FUNCTION assignments_check_reference();

-- After a DELETE of actions or organisations: none of them may still have assignments.
-- TG_ARGV[0] is the column of assignments that refers to the table.
CREATE FUNCTION assignments_keep_referenced() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    key text := TG_ARGV[0];
    referenced uuid;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN
        RETURN NULL;
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'rows of "%" can be deleted only under READ COMMITTED', TG_TABLE_NAME
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'Run the statement in a READ COMMITTED transaction: its check of "assignments" must see rows committed after the transaction began.';
    END IF;
    EXECUTE format('SELECT s.%1$I FROM assignments s WHERE s.%1$I IN (SELECT id FROM old_rows) LIMIT 1', key) INTO referenced;
    IF referenced IS NOT NULL THEN
        RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "assignments_%_fkey" on table "assignments"', TG_TABLE_NAME, key
            USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = 'assignments_' || key || '_fkey',
                  DETAIL = format('Key (id)=(%s) is still referenced from table "assignments".', referenced);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER actions_assignments_delete AFTER DELETE ON actions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assignments_keep_referenced('action_id');
CREATE TRIGGER organizations_assignments_delete AFTER DELETE ON organizations
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assignments_keep_referenced('executor_id');

-- Ids are never changed by the service; one that is changed by hand must not leave
-- assignments behind. Row by row, and only when the id does change.
CREATE FUNCTION assignments_keep_referenced_id() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    key text := TG_ARGV[0];
    referenced boolean;
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM assignments s WHERE s.%I = $1)', key) INTO referenced USING OLD.id;
    IF referenced THEN
        RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "assignments_%_fkey" on table "assignments"', TG_TABLE_NAME, key
            USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = 'assignments_' || key || '_fkey',
                  DETAIL = format('Key (id)=(%s) is still referenced from table "assignments".', OLD.id);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER actions_assignments_id AFTER UPDATE OF id ON actions
    FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id) EXECUTE FUNCTION assignments_keep_referenced_id('action_id');
CREATE TRIGGER organizations_assignments_id AFTER UPDATE OF id ON organizations
    FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id) EXECUTE FUNCTION assignments_keep_referenced_id('executor_id');
