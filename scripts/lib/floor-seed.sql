-- What the import's floor loads its rows under (scripts/lib/floor-rows.py): the committee,
-- :schools schools, one order, its plan, one goal and :actions actions, with the ids the
-- rows use. psql -v schools=N -v actions=N -f floor-seed.sql
\set ON_ERROR_STOP 1
INSERT INTO organizations (id, name, kind, normalized_name)
VALUES ('00000000-0000-4000-9000-000000000000', 'Комитет образования', 'committee', 'комитет образования');
INSERT INTO organizations (id, name, kind, normalized_name)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'МАОУ СОШ № ' || i, 'school', 'маоу сош № ' || i
FROM generate_series(1, :schools) i;
INSERT INTO orders (id, issuer_id, number, issued_on)
VALUES ('00000000-0000-4000-a000-000000000000', '00000000-0000-4000-9000-000000000000', 'F-1', '2019-01-10');
INSERT INTO plans (id, order_id, title) VALUES ('00000000-0000-4000-a000-000000000001', '00000000-0000-4000-a000-000000000000', 'План');
INSERT INTO goals (id, plan_id, position, title) VALUES ('00000000-0000-4000-a000-000000000002', '00000000-0000-4000-a000-000000000001', 1, 'Мероприятия плана');
INSERT INTO actions (id, goal_id, position, title, expected_result, deadline_text, deadline_kind, deadline_period, deadline_parsed)
SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid, '00000000-0000-4000-a000-000000000002', i,
       'Мероприятие ' || i, 'Результат ' || i, 'Март 2019', 'month', '[2019-03-01,2019-04-01)', true
FROM generate_series(1, :actions) i;
