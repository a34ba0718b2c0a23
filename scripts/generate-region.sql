-- A region's worth of data for measuring (#16), deterministic from a seed: organisations in a
-- hierarchy (the committee, 18 district departments, centres, 1,000 schools and 500
-- kindergartens), 50 orders over three years with their plans, about a million assignments
-- with realistic deadlines (months, days, quarters, monthly and quarterly recurrences),
-- about 300,000 reports in every status, about ten million history events, and users.
--
-- Run by scripts/generate-region.sh on a migrated, empty database:
--   psql URL -v seed=1 -v scale=1 -v today=2026-11-30 -f scripts/generate-region.sql
-- scale 0.01 gives a small region of the same shape (for tests). Every value comes from
-- md5 of the seed and the row's number, so two runs with one seed write the same rows.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET maintenance_work_mem = '256MB';
SET synchronous_commit = off;
BEGIN;
SELECT set_config('roadmap.seed', :'seed', true), set_config('roadmap.scale', :'scale', true),
       set_config('roadmap.today', :'today', true);

DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM organizations) OR EXISTS (SELECT 1 FROM orders) THEN
        RAISE EXCEPTION 'the database already holds organisations or orders: generate into an empty, migrated database';
    END IF;
END $$;

-- A number in [0, 1) from the seed, a tag and a row number.
CREATE FUNCTION pg_temp.r(tag text, n bigint) RETURNS double precision LANGUAGE sql STABLE AS $$
    SELECT ('x' || substr(md5(current_setting('roadmap.seed') || ':' || tag || ':' || n), 1, 12))::bit(48)::bigint / 281474976710656.0
$$;
-- A uuid from the seed, a tag and a row number.
CREATE FUNCTION pg_temp.u(tag text, n bigint) RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT md5(current_setting('roadmap.seed') || ':' || tag || ':' || n)::uuid
$$;
-- How many of a thing at this scale (never fewer than `least`).
CREATE FUNCTION pg_temp.scaled(n integer, floor_n integer) RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT greatest(floor_n, round(n * current_setting('roadmap.scale')::numeric)::int)
$$;
CREATE FUNCTION pg_temp.today() RETURNS date LANGUAGE sql STABLE AS $$
    SELECT current_setting('roadmap.today')::date
$$;

-- Organisations -----------------------------------------------------------------------
CREATE TEMP TABLE districts (n int PRIMARY KEY, name text, id uuid);
INSERT INTO districts
SELECT n, d, pg_temp.u('district', n)
FROM unnest(ARRAY['Адмиралтейского', 'Василеостровского', 'Выборгского', 'Калининского', 'Кировского',
                  'Колпинского', 'Красногвардейского', 'Красносельского', 'Кронштадтского', 'Курортного',
                  'Московского', 'Невского', 'Петроградского', 'Петродворцового', 'Приморского',
                  'Пушкинского', 'Фрунзенского', 'Центрального']) WITH ORDINALITY AS x(d, n)
WHERE n <= pg_temp.scaled(18, 2);

INSERT INTO organizations (id, name, short_name, kind, parent_id, municipality, normalized_name)
VALUES (pg_temp.u('committee', 0), 'Комитет по образованию', 'Комитет', 'committee', NULL, NULL, 'комитет по образованию');
INSERT INTO organizations (id, name, short_name, kind, parent_id, municipality, normalized_name)
SELECT id, 'Отдел образования администрации ' || name || ' района', 'ОО ' || name || ' р-на', 'committee',
       pg_temp.u('committee', 0), name || ' район', lower('отдел образования администрации ' || name || ' района')
FROM districts;

-- Executors: schools, kindergartens and centres, spread over the districts.
CREATE TEMP TABLE units (n int PRIMARY KEY, id uuid, kind text, district int, name text);
INSERT INTO units
SELECT n, pg_temp.u('unit', n),
       CASE WHEN n <= pg_temp.scaled(1000, 12) THEN 'school'
            WHEN n <= pg_temp.scaled(1500, 18) THEN 'kindergarten'
            ELSE 'municipal_institution' END,
       1 + (n * 7919) % (SELECT count(*) FROM districts), NULL
FROM generate_series(1, pg_temp.scaled(1981, 24)) n;
UPDATE units u SET name = CASE u.kind
        WHEN 'school' THEN 'ГБОУ средняя общеобразовательная школа № ' || u.n || ' ' || d.name || ' района'
        WHEN 'kindergarten' THEN 'ГБДОУ детский сад № ' || u.n || ' ' || d.name || ' района'
        ELSE (ARRAY['Информационно-методический центр', 'Дом детского творчества', 'Центр психолого-педагогической помощи',
                    'Центр дополнительного образования'])[1 + u.n % 4] || ' № ' || u.n || ' ' || d.name || ' района' END
FROM districts d WHERE d.n = u.district;
INSERT INTO organizations (id, name, short_name, kind, parent_id, municipality, normalized_name)
SELECT u.id, u.name,
       CASE u.kind WHEN 'school' THEN 'СОШ № ' || u.n WHEN 'kindergarten' THEN 'ДС № ' || u.n END,
       u.kind, d.id, d.name || ' район', lower(u.name)
FROM units u JOIN districts d ON d.n = u.district ORDER BY u.n;

-- Users: an administrator, coordinators, viewers, and one person per executor organisation.
INSERT INTO users (id, login, display_name, role, organization_id, email)
VALUES (pg_temp.u('user', 0), 'region-admin', 'Администратор системы', 'admin', pg_temp.u('committee', 0), NULL);
INSERT INTO users (id, login, display_name, role, organization_id, email, is_head)
SELECT pg_temp.u('coordinator', n), 'coord' || lpad(n::text, 2, '0'),
       (ARRAY['Иванова', 'Петрова', 'Сидорова', 'Кузнецова', 'Смирнова'])[1 + n % 5] || ' ' || chr(1040 + n % 30) || '.' || chr(1040 + (n * 7) % 30) || '.',
       'coordinator', pg_temp.u('committee', 0), 'coord' || n || '@komitet.example', n = 1
FROM generate_series(1, pg_temp.scaled(20, 2)) n;
INSERT INTO users (id, login, display_name, role, organization_id)
SELECT pg_temp.u('viewer', n), 'viewer' || n, 'Наблюдатель ' || n, 'viewer', pg_temp.u('committee', 0)
FROM generate_series(1, 5) n;
INSERT INTO users (id, login, display_name, role, organization_id, email)
SELECT pg_temp.u('executor', u.n), 'org' || lpad(u.n::text, 4, '0'), 'Ответственный ' || u.n, 'executor', u.id,
       CASE WHEN pg_temp.r('email', u.n) < 0.8 THEN 'org' || u.n || '@edu.example' END
FROM units u;

-- Orders, plans, goals, tasks ----------------------------------------------------------
-- 50 orders over three years, one every three weeks; order 1 is the big one: 1,000 actions,
-- each for the same 500 schools.
CREATE TEMP TABLE gen_orders (n int PRIMARY KEY, id uuid, plan_id uuid, issued_on date, goals int, actions_per_goal int, big boolean);
INSERT INTO gen_orders
SELECT n, pg_temp.u('order', n), pg_temp.u('plan', n),
       pg_temp.today() - 1050 + (n - 1) * 21,
       3 + (pg_temp.r('goals', n) * 4)::int,
       CASE WHEN n = 1 THEN pg_temp.scaled(200, 6) ELSE 6 + (pg_temp.r('apg', n) * 14)::int END,
       n = 1
FROM generate_series(1, pg_temp.scaled(50, 3)) n;
UPDATE gen_orders SET goals = 5 WHERE big;

INSERT INTO orders (id, issuer_id, number, issued_on, title, signatory, controller)
SELECT o.id, CASE WHEN o.n % 3 = 0 THEN (SELECT id FROM districts WHERE n = 1 + o.n % (SELECT count(*) FROM districts)) ELSE pg_temp.u('committee', 0) END,
       (100 + o.n * 7) || '-р', o.issued_on,
       'Об утверждении плана мероприятий («дорожной карты») ' ||
       (ARRAY['по повышению качества образования', 'по подготовке к государственной итоговой аттестации',
              'по развитию функциональной грамотности', 'по профилактике безнадзорности',
              'по введению обновлённых ФГОС', 'по развитию инклюзивного образования',
              'по организации летнего отдыха', 'по цифровой трансформации образования'])[1 + o.n % 8] ||
       ' на ' || extract(year FROM o.issued_on) || '–' || (extract(year FROM o.issued_on) + 1) || ' годы',
       'Председатель комитета', CASE WHEN o.n % 2 = 0 THEN 'Заместитель председателя комитета' END
FROM gen_orders o;
INSERT INTO plans (id, order_id, title, period, position, source_name)
SELECT o.plan_id, o.id, 'План мероприятий («дорожная карта»)', daterange(o.issued_on, (o.issued_on + interval '1 year')::date), 1,
       'generated-' || o.n || '.docx'
FROM gen_orders o;

CREATE TEMP TABLE gen_goals (id uuid PRIMARY KEY, order_n int, position int, plan_id uuid, issued_on date, big boolean, actions int);
INSERT INTO gen_goals
SELECT pg_temp.u('goal', o.n * 100 + g), o.n, g, o.plan_id, o.issued_on, o.big, o.actions_per_goal
FROM gen_orders o, generate_series(1, o.goals) g;
INSERT INTO goals (id, plan_id, position, title)
SELECT id, plan_id, position,
       (ARRAY['Обеспечение нормативно-правовой базы', 'Повышение квалификации педагогов', 'Мониторинг и оценка качества',
              'Работа с родителями', 'Организационно-методическое сопровождение', 'Развитие материально-технической базы'])[1 + (position - 1) % 6]
FROM gen_goals;
INSERT INTO tasks (id, goal_id, position, title, expected_result)
SELECT pg_temp.u('task', g.order_n * 1000 + g.position * 10 + t), g.id, t,
       'Задача ' || g.position || '.' || t || ': ' || (ARRAY['обеспечить', 'организовать', 'провести анализ'])[t],
       CASE WHEN t = 1 THEN 'Доля учреждений, выполнивших мероприятия, — 100 %' END
FROM gen_goals g, generate_series(1, 2) t;

-- Actions with their deadlines ----------------------------------------------------------
CREATE TEMP TABLE gen_actions (
    id uuid PRIMARY KEY, goal_id uuid, order_n int, goal_position int, position int, issued_on date,
    big boolean, shape text, start_month date, day date, executors text, district int);
INSERT INTO gen_actions
SELECT pg_temp.u('action', key), g.id, g.order_n, g.position, a, g.issued_on, g.big,
       -- The big order's actions are one-off, so its 1,000 actions make half a million assignments.
       CASE WHEN r < 0.42 THEN 'month' WHEN r < 0.57 THEN 'day' WHEN r < 0.72 THEN 'quarter'
            WHEN r < 0.80 AND NOT g.big THEN 'monthly' WHEN r < 0.88 AND NOT g.big THEN 'quarterly'
            WHEN r < 0.97 THEN 'due_date' ELSE 'no_due_date' END,
       date_trunc('month', g.issued_on + (30 + pg_temp.r('when', key) * 300)::int)::date,
       g.issued_on + (20 + pg_temp.r('day', key) * 330)::int,
       CASE WHEN g.big THEN 'big'
            WHEN e < 0.03 THEN 'all' WHEN e < 0.45 THEN 'district' WHEN e < 0.75 THEN 'some' ELSE 'centre' END,
       1 + (pg_temp.r('district', key) * (SELECT count(*) FROM districts))::int % (SELECT count(*) FROM districts)
FROM gen_goals g, generate_series(1, g.actions) a,
     LATERAL (SELECT g.order_n * 100000 + g.position * 1000 + a AS key) k,
     LATERAL (SELECT pg_temp.r('shape', k.key) AS r, pg_temp.r('who', k.key) AS e) x;

INSERT INTO actions (id, goal_id, position, title, expected_result, deadline_text, deadline_kind, deadline_period,
                     deadline_recurrence, deadline_parsed)
SELECT a.id, a.goal_id, a.position,
       (ARRAY['Провести семинар для заместителей директоров', 'Организовать мониторинг', 'Разработать локальные акты',
              'Провести родительские собрания', 'Обеспечить участие в диагностической работе', 'Представить отчёт в комитет',
              'Организовать курсы повышения квалификации', 'Провести методический день', 'Обновить раздел сайта',
              'Провести самообследование'])[1 + (a.position + a.goal_position) % 10] || ' (' || a.goal_position || '.' || a.position || ')',
       CASE WHEN a.position % 3 = 0 THEN 'Информация размещена на сайте' END,
       CASE a.shape
           WHEN 'month' THEN (ARRAY['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь',
                                    'октябрь', 'ноябрь', 'декабрь'])[extract(month FROM a.start_month)::int] || ' ' || extract(year FROM a.start_month)
           WHEN 'day' THEN to_char(a.day, 'DD.MM.YYYY')
           WHEN 'due_date' THEN 'до ' || to_char(a.day, 'DD.MM.YYYY')
           WHEN 'quarter' THEN (ARRAY['I', 'II', 'III', 'IV'])[extract(quarter FROM a.start_month)::int] || ' квартал ' || extract(year FROM a.start_month)
           WHEN 'monthly' THEN 'ежемесячно'
           WHEN 'quarterly' THEN 'ежеквартально'
           ELSE 'по мере необходимости' END,
       CASE a.shape WHEN 'monthly' THEN 'recurring' WHEN 'quarterly' THEN 'recurring' ELSE a.shape END,
       CASE a.shape
           WHEN 'month' THEN daterange(a.start_month, (a.start_month + interval '1 month')::date)
           WHEN 'day' THEN daterange(a.day, a.day + 1)
           WHEN 'due_date' THEN daterange(a.issued_on, a.day + 1)
           WHEN 'quarter' THEN daterange(date_trunc('quarter', a.start_month)::date, (date_trunc('quarter', a.start_month) + interval '3 months')::date)
           WHEN 'no_due_date' THEN NULL
           ELSE daterange(a.issued_on, (a.issued_on + interval '1 year')::date) END,
       CASE a.shape WHEN 'monthly' THEN 'monthly' WHEN 'quarterly' THEN 'quarterly' END,
       true
FROM gen_actions a;
INSERT INTO action_tasks (action_id, task_id)
SELECT a.id, pg_temp.u('task', a.order_n * 1000 + a.goal_position * 10 + 1 + a.position % 2) FROM gen_actions a;

-- Each occurrence of an action: its period.
CREATE TEMP TABLE gen_occurrences (action_id uuid, occurrence int, period daterange);
INSERT INTO gen_occurrences
SELECT a.id, 1, ac.deadline_period FROM gen_actions a JOIN actions ac ON ac.id = a.id
WHERE a.shape NOT IN ('monthly', 'quarterly')
UNION ALL
SELECT a.id, m, daterange((date_trunc('month', a.issued_on) + (m || ' months')::interval)::date,
                          (date_trunc('month', a.issued_on) + ((m + 1) || ' months')::interval)::date)
FROM gen_actions a, generate_series(1, 12) m WHERE a.shape = 'monthly'
UNION ALL
SELECT a.id, q, daterange((date_trunc('quarter', a.issued_on) + (q * 3 || ' months')::interval)::date,
                          (date_trunc('quarter', a.issued_on) + ((q + 1) * 3 || ' months')::interval)::date)
FROM gen_actions a, generate_series(1, 4) q WHERE a.shape = 'quarterly';

-- Who executes each action: 500 schools (the big order), every school and kindergarten, those
-- of one district, twenty schools, or one centre.
CREATE TEMP TABLE gen_executors (action_id uuid, executor_id uuid, position int);
INSERT INTO gen_executors
SELECT a.id, u.id, row_number() OVER (PARTITION BY a.id ORDER BY u.n)::int
FROM gen_actions a JOIN units u ON
     CASE a.executors
         WHEN 'big' THEN u.kind = 'school' AND u.n <= pg_temp.scaled(500, 10)
         WHEN 'all' THEN u.kind IN ('school', 'kindergarten')
         WHEN 'district' THEN u.kind IN ('school', 'kindergarten') AND u.district = a.district
         WHEN 'some' THEN u.kind = 'school' AND (u.n + a.position * 13) % greatest(1, pg_temp.scaled(1000, 12) / 20) = 0
         ELSE u.kind = 'municipal_institution' AND u.district = a.district AND u.n % 4 = 0 END;
-- An organisation is an action's executor through its first assignment (its place in the
-- list is kept there, below).

-- Assignments and their state as of `today` -------------------------------------------
CREATE TEMP TABLE gen_assignments AS
SELECT md5(current_setting('roadmap.seed') || ':assignment:' || e.action_id || ':' || e.executor_id || ':' || o.occurrence)::uuid AS id,
       e.action_id, e.executor_id, o.occurrence, o.period, CASE WHEN o.occurrence = 1 THEN e.position ELSE 1 END AS executor_position,
       upper(o.period) - 1 AS due_on,
       ('x' || substr(md5(current_setting('roadmap.seed') || ':state:' || e.action_id || ':' || e.executor_id || ':' || o.occurrence), 1, 12))::bit(48)::bigint / 281474976710656.0 AS r
FROM gen_executors e JOIN gen_occurrences o ON o.action_id = e.action_id;
ALTER TABLE gen_assignments ADD COLUMN status text, ADD COLUMN cycles int, ADD COLUMN moved int;
UPDATE gen_assignments SET
    status = CASE
        WHEN due_on IS NULL THEN CASE WHEN r < 0.3 THEN 'done' WHEN r < 0.4 THEN 'in_progress' ELSE 'planned' END
        WHEN due_on < pg_temp.today() THEN
            CASE WHEN r < 0.55 THEN 'done' WHEN r < 0.61 THEN 'reported' WHEN r < 0.64 THEN 'returned'
                 WHEN r < 0.72 THEN 'in_progress' WHEN r < 0.75 THEN 'cancelled' ELSE 'planned' END
        ELSE CASE WHEN r < 0.05 THEN 'done' WHEN r < 0.10 THEN 'reported' WHEN r < 0.20 THEN 'in_progress' ELSE 'planned' END END,
    -- Reports returned before the last one, and deadlines moved.
    cycles = floor((r * 1000)::numeric % 1 * 4)::int,
    moved = CASE WHEN (r * 100)::numeric % 1 < 0.06 THEN 7 + floor((r * 10000)::numeric % 1 * 30)::int ELSE 0 END;

INSERT INTO assignments (id, action_id, executor_id, occurrence, period, due_on, original_due_on, executor_position, status, status_changed_at, done_on)
SELECT id, action_id, executor_id, occurrence, period, due_on + moved, due_on, executor_position, status,
       coalesce(least(due_on, pg_temp.today()), pg_temp.today() - 30)::timestamptz + interval '10 hours',
       -- The work day of its accepted report (the last cycle's below).
       CASE WHEN status = 'done' THEN least(coalesce(due_on, pg_temp.today() - 60) - 12 + cycles * 4 - floor(r * 6)::int, pg_temp.today()) END
FROM gen_assignments ORDER BY action_id, executor_id, occurrence;

-- Reports: the last one of each reported, returned or done assignment, and the returned
-- ones before it.
CREATE TEMP TABLE gen_reports AS
SELECT md5(a.id::text || ':report:' || c)::uuid AS id, a.id AS assignment_id, a.executor_id, c AS cycle, a.cycles,
       CASE WHEN c < a.cycles THEN 'returned' WHEN a.status = 'done' THEN 'accepted'
            WHEN a.status = 'returned' THEN 'returned' ELSE 'submitted' END AS status,
       coalesce(a.due_on, pg_temp.today() - 60) - 12 + c * 4 - floor(a.r * 6)::int AS done_on
FROM gen_assignments a, generate_series(0, a.cycles) c
WHERE a.status IN ('done', 'reported', 'returned') AND (c = a.cycles OR a.r < 0.05);
INSERT INTO reports (id, assignment_id, submitted_by, done_on, text, evidence_urls, status, reviewed_by, reviewed_at,
                     review_comment, created_at, updated_at)
SELECT g.id, g.assignment_id, pg_temp.u('executor', u.n), least(g.done_on, pg_temp.today()),
       'Мероприятие проведено. Приняли участие ' || (10 + g.cycle * 3) || ' педагогов.',
       ARRAY['https://school' || u.n || '.example/news/' || g.cycle],
       g.status,
       CASE WHEN g.status <> 'submitted' THEN pg_temp.u('coordinator', 1 + u.n % pg_temp.scaled(20, 2)) END,
       CASE WHEN g.status <> 'submitted' THEN least(g.done_on + 3, pg_temp.today())::timestamptz + interval '15 hours' END,
       CASE WHEN g.status = 'returned' THEN 'Приложите протокол и список участников' END,
       least(g.done_on + 1, pg_temp.today())::timestamptz + interval '11 hours',
       least(g.done_on + 3, pg_temp.today())::timestamptz + interval '15 hours'
FROM gen_reports g JOIN units u ON u.id = g.executor_id;

-- History ---------------------------------------------------------------------------------
-- Built without its indexes and indexed once at the end: ten million rows inserted into
-- three indexes one by one would take most of the run.
DROP INDEX events_entity_idx;
DROP INDEX events_actor_idx;
DROP INDEX events_occurred_at_brin;

INSERT INTO events (occurred_at, actor_id, entity_type, entity_id, event, reason, data)
SELECT o.issued_on::timestamptz + interval '9 hours', pg_temp.u('user', 0), 'order', o.id, 'created', 'import',
       jsonb_build_object('source', 'generated-' || o.n || '.docx')
FROM gen_orders o;

-- Per assignment: created at the order's import; taken into work; each report submitted and
-- returned or accepted, with the assignment's status following; a deadline moved.
INSERT INTO events (occurred_at, actor_id, entity_type, entity_id, event, reason, data)
SELECT ev.at, ev.actor, ev.entity_type, ev.entity_id, ev.event, ev.reason, ev.data
FROM (
    SELECT a.id, a.action_id, a.executor_id, a.status, a.due_on, a.moved, a.r FROM gen_assignments a
) a
JOIN gen_actions ga ON ga.id = a.action_id
JOIN units u ON u.id = a.executor_id
CROSS JOIN LATERAL (
    SELECT ga.issued_on::timestamptz + interval '9 hours' AS at, pg_temp.u('user', 0) AS actor, 'assignment' AS entity_type,
           a.id AS entity_id, 'created' AS event, 'import' AS reason, '{}'::jsonb AS data
    UNION ALL
    SELECT coalesce(a.due_on, pg_temp.today()) - 20 + interval '10 hours', pg_temp.u('executor', u.n), 'assignment', a.id,
           'started', NULL, '{"from": "planned", "to": "in_progress"}'::jsonb
    WHERE a.status NOT IN ('planned', 'cancelled')
    UNION ALL
    SELECT coalesce(a.due_on, pg_temp.today()) - 25 + interval '12 hours', pg_temp.u('coordinator', 1), 'assignment', a.id,
           'deadline_moved', 'Перенос по заявке учреждения', jsonb_build_object('from', a.due_on, 'to', a.due_on + a.moved)
    WHERE a.moved > 0
    UNION ALL
    SELECT coalesce(a.due_on, pg_temp.today()) + interval '12 hours', pg_temp.u('coordinator', 1), 'assignment', a.id,
           'cancelled', 'Мероприятие отменено', '{"to": "cancelled"}'::jsonb
    WHERE a.status = 'cancelled'
    UNION ALL
    -- The plan re-imported after corrections: the assignment's period or executor text changed.
    SELECT ga.issued_on::timestamptz + interval '9 hours' + k * interval '6 days', pg_temp.u('user', 0), 'assignment', a.id,
           'updated', 'import', jsonb_build_object('import', k + 1)
    FROM generate_series(1, floor((a.r * 1000000)::numeric % 1 * 5)::int) k
) ev;

INSERT INTO events (occurred_at, actor_id, entity_type, entity_id, event, reason, data)
SELECT ev.at, ev.actor, ev.entity_type, ev.entity_id, ev.event, ev.reason, ev.data
FROM gen_reports g
JOIN units u ON u.id = g.executor_id
CROSS JOIN LATERAL (
    SELECT least(g.done_on + 1, pg_temp.today())::timestamptz + interval '11 hours' AS at, pg_temp.u('executor', u.n) AS actor,
           'report' AS entity_type, g.id AS entity_id, 'submitted' AS event, NULL AS reason,
           jsonb_build_object('done_on', g.done_on) AS data
    UNION ALL
    SELECT least(g.done_on + 1, pg_temp.today())::timestamptz + interval '11 hours', pg_temp.u('executor', u.n),
           'assignment', g.assignment_id, 'reported', NULL, '{"to": "reported"}'::jsonb
    UNION ALL
    SELECT least(g.done_on + 3, pg_temp.today())::timestamptz + interval '15 hours', pg_temp.u('coordinator', 1 + u.n % pg_temp.scaled(20, 2)),
           'report', g.id, g.status, CASE WHEN g.status = 'returned' THEN 'Приложите протокол и список участников' END, '{}'::jsonb
    WHERE g.status <> 'submitted'
    UNION ALL
    SELECT least(g.done_on + 3, pg_temp.today())::timestamptz + interval '15 hours', pg_temp.u('coordinator', 1 + u.n % pg_temp.scaled(20, 2)),
           'assignment', g.assignment_id, CASE WHEN g.status = 'accepted' THEN 'done' ELSE 'returned' END, NULL,
           jsonb_build_object('to', CASE WHEN g.status = 'accepted' THEN 'done' ELSE 'returned' END)
    WHERE g.status <> 'submitted'
    UNION ALL
    SELECT least(g.done_on + 1, pg_temp.today())::timestamptz + interval '11 hours' + f * interval '1 minute', pg_temp.u('executor', u.n),
           'report', g.id, 'evidence_attached', NULL, jsonb_build_object('file', 'Фото_' || f || '.jpg')
    FROM generate_series(1, 1 + (g.done_on - date '2000-01-01') % 8) f
) ev;

-- Deadline extensions asked for: each moved deadline was approved; as many again were refused.
INSERT INTO events (occurred_at, actor_id, entity_type, entity_id, event, reason, data)
SELECT ev.at, ev.actor, 'extension', md5(a.id::text || ':extension')::uuid, ev.event, ev.reason, ev.data
FROM gen_assignments a
JOIN units u ON u.id = a.executor_id
CROSS JOIN LATERAL (
    SELECT coalesce(a.due_on, pg_temp.today()) - 30 + interval '10 hours' AS at, pg_temp.u('executor', u.n) AS actor,
           'requested' AS event, 'Перенос по уважительной причине' AS reason, jsonb_build_object('requested_due_on', a.due_on + 14) AS data
    UNION ALL
    SELECT coalesce(a.due_on, pg_temp.today()) - 25 + interval '12 hours', pg_temp.u('coordinator', 1),
           CASE WHEN a.moved > 0 THEN 'approved' ELSE 'rejected' END, NULL, '{}'::jsonb
) ev
WHERE a.due_on IS NOT NULL AND (a.moved > 0 OR (a.r * 100)::numeric % 1 BETWEEN 0.5 AND 0.56);

CREATE INDEX events_entity_idx ON events (entity_type, entity_id, id);
CREATE INDEX events_actor_idx ON events (actor_id, id) WHERE actor_id IS NOT NULL;
CREATE INDEX events_occurred_at_brin ON events USING brin (occurred_at);

SELECT (SELECT count(*) FROM organizations) AS organizations, (SELECT count(*) FROM users) AS users,
       (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM actions) AS actions,
       (SELECT count(*) FROM assignments) AS assignments, (SELECT count(*) FROM reports) AS reports,
       (SELECT count(*) FROM events) AS events;
COMMIT;
-- Vacuumed as autovacuum leaves a region that has stood a while: its visibility map set, so the
-- counts read from indexes alone (a school's open work) do not visit the heap as they would
-- in the minutes after a load.
VACUUM (ANALYZE);
