-- The production calendar (производственный календарь): in a year listed in
-- working_calendar_years, Monday to Friday are worked and Saturday and Sunday are off, except
-- the days of working_calendar_days (holidays off, transferred Saturdays worked). Reminders
-- count working days and are not sent on a day off. A year not listed has no days off known.
-- Administrators edit it (the admin page, `roadmapctl calendar load|set`).
CREATE TABLE working_calendar_years (
    year      integer PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200),
    source    text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE working_calendar_days (
    day    date PRIMARY KEY,
    worked boolean NOT NULL,
    note   text
);
COMMENT ON TABLE working_calendar_days IS 'Days that differ from Monday–Friday in a loaded year: holidays (worked = false) and transferred working Saturdays (worked = true).';

-- 2026, as approved by Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе
-- выходных дней в 2026 году»: the weekday holidays and transfers (no working Saturdays).
INSERT INTO working_calendar_years (year, source) VALUES (2026, 'Постановление Правительства РФ от 24.09.2025 № 1466');
INSERT INTO working_calendar_days (day, worked, note) VALUES
    ('2026-01-01', false, 'Новогодние каникулы'),
    ('2026-01-02', false, 'Новогодние каникулы'),
    ('2026-01-05', false, 'Новогодние каникулы'),
    ('2026-01-06', false, 'Новогодние каникулы'),
    ('2026-01-07', false, 'Рождество Христово'),
    ('2026-01-08', false, 'Новогодние каникулы'),
    ('2026-01-09', false, 'Перенос с субботы 3 января'),
    ('2026-02-23', false, 'День защитника Отечества'),
    ('2026-03-09', false, 'Перенос с воскресенья 8 марта'),
    ('2026-05-01', false, 'Праздник Весны и Труда'),
    ('2026-05-11', false, 'Перенос с субботы 9 мая'),
    ('2026-06-12', false, 'День России'),
    ('2026-11-04', false, 'День народного единства'),
    ('2026-12-31', false, 'Перенос с воскресенья 4 января');

-- Edits of the calendar are kept in history like any other change.
ALTER TABLE events DROP CONSTRAINT events_entity_type_check;
ALTER TABLE events ADD CONSTRAINT events_entity_type_check
    CHECK (entity_type IN ('organization', 'user', 'order', 'plan', 'goal', 'task', 'action', 'assignment', 'report',
                           'extension', 'agreement', 'import', 'calendar'));
