-- Analytics: stable, documented views for analysts (docs/analytics.md), and the read-only
-- role `roadmap_analyst` that may read them and nothing else.
--
-- The views are the contract: analysts' SQL names only `analytics.*`, so the tables behind
-- them may change as long as the views keep their columns. They name organisations and
-- person roles, never people: no user ids, logins or names, no signatory or controller of
-- an order, no executor text as written (it may name a person).
--
-- Views run with their owner's rights (never security_invoker), so the analyst needs no
-- grant on any table. For the same reason they call no functions of ours: a function in a
-- view runs with the caller's rights and would need its own grants.
--
-- "Today" is the committee's date (settings.committee_time_zone, Europe/Moscow unless set),
-- as the service decides overdue.

CREATE SCHEMA analytics;
COMMENT ON SCHEMA analytics IS 'Аналитика: стабильные представления для запросов аналитиков (docs/analytics.md). Только чтение; персональные данные пользователей не показываются.';

-- Period questions across all executors («что приходится на март 2019», «что пересекает
-- I квартал»): assignments_period_idx leads with executor_id, so without a school in the
-- query GiST would have to walk most of it. This one answers && / <@ / @> on period alone.
CREATE INDEX assignments_period_all_idx ON assignments USING gist (period);

-- ---------------------------------------------------------------------------------------
-- analytics.organizations
CREATE VIEW analytics.organizations AS
SELECT o.id            AS organization_id,
       o.name,
       o.short_name,
       o.kind,
       o.municipality,
       o.parent_id,
       p.name          AS parent_name,
       ARRAY(SELECT al.alias FROM organization_aliases al
              WHERE al.organization_id = o.id ORDER BY al.alias) AS aliases
  FROM organizations o
  LEFT JOIN organizations p ON p.id = o.parent_id;

COMMENT ON VIEW analytics.organizations IS 'Учреждения: комитет, муниципальные учреждения, школы, детские сады, партнёры — с вышестоящим учреждением и другими названиями.';
COMMENT ON COLUMN analytics.organizations.organization_id IS 'Идентификатор учреждения (uuid); по нему соединяются executor_id, issuer_id и другие поля *_id других представлений.';
COMMENT ON COLUMN analytics.organizations.name IS 'Полное наименование учреждения.';
COMMENT ON COLUMN analytics.organizations.short_name IS 'Краткое наименование («СОШ № 5»), если задано.';
COMMENT ON COLUMN analytics.organizations.kind IS 'Вид учреждения: committee (комитет), municipal_institution (муниципальное учреждение), school (школа), kindergarten (детский сад), partner (социальный партнёр), other (прочее).';
COMMENT ON COLUMN analytics.organizations.municipality IS 'Муниципальное образование, если указано.';
COMMENT ON COLUMN analytics.organizations.parent_id IS 'Идентификатор вышестоящего учреждения (NULL — нет).';
COMMENT ON COLUMN analytics.organizations.parent_name IS 'Полное наименование вышестоящего учреждения.';
COMMENT ON COLUMN analytics.organizations.aliases IS 'Другие названия учреждения в документах («СОШ №5», «школа № 5»), по алфавиту.';

-- ---------------------------------------------------------------------------------------
-- analytics.orders
CREATE VIEW analytics.orders AS
SELECT o.id          AS order_id,
       o.number      AS order_number,
       o.issued_on,
       'Приказ № ' || o.number || ' от ' || to_char(o.issued_on, 'DD.MM.YYYY') AS order_label,
       o.title,
       o.issuer_id,
       i.name        AS issuer_name,
       (SELECT count(*) FROM plans p WHERE p.order_id = o.id) AS plan_count
  FROM orders o
  JOIN organizations i ON i.id = o.issuer_id;

COMMENT ON VIEW analytics.orders IS 'Приказы: номер, дата, издавшее учреждение, заголовок. Подписант и контролирующее лицо не показываются (это люди).';
COMMENT ON COLUMN analytics.orders.order_id IS 'Идентификатор приказа (uuid).';
COMMENT ON COLUMN analytics.orders.order_number IS 'Номер приказа как в документе («770»). Приказ определяют номер, дата и издавшее учреждение вместе.';
COMMENT ON COLUMN analytics.orders.issued_on IS 'Дата приказа.';
COMMENT ON COLUMN analytics.orders.order_label IS 'Подпись для отчётов: «Приказ № 770 от 25.06.2018».';
COMMENT ON COLUMN analytics.orders.title IS 'Заголовок приказа («Об утверждении плана мероприятий…»); может быть пустой строкой.';
COMMENT ON COLUMN analytics.orders.issuer_id IS 'Идентификатор издавшего приказ учреждения.';
COMMENT ON COLUMN analytics.orders.issuer_name IS 'Наименование издавшего приказ учреждения.';
COMMENT ON COLUMN analytics.orders.plan_count IS 'Сколько планов мероприятий утверждено приказом.';

-- ---------------------------------------------------------------------------------------
-- analytics.plan_items: one row per planned action, with its plan, order, goal and tasks.
CREATE VIEW analytics.plan_items AS
SELECT a.id              AS action_id,
       pl.order_id,
       o.number          AS order_number,
       o.issued_on       AS order_issued_on,
       pl.id             AS plan_id,
       pl.title          AS plan_title,
       pl.position       AS plan_position,
       pl.period         AS plan_period,
       pl.academic_year,
       pl.owner_id       AS plan_owner_id,
       ow.name           AS plan_owner_name,
       pl.source_name    AS plan_source_name,
       g.id              AS goal_id,
       g.position        AS goal_position,
       g.title           AS goal_title,
       a.position        AS action_position,
       g.position || '.' || a.position AS item_number,
       a.title           AS action_title,
       a.expected_result,
       a.venue,
       coalesce(t.tasks, '{}'::text[]) AS tasks,
       coalesce(array_to_string(t.tasks, '; '), '') AS tasks_text,
       a.deadline_text,
       a.deadline_kind,
       a.deadline_period,
       a.deadline_parsed,
       coalesce(ex.executors, '') AS executors,
       coalesce(pa.partners, '')  AS partners
  FROM actions a
  JOIN goals g  ON g.id = a.goal_id
  JOIN plans pl ON pl.id = g.plan_id
  LEFT JOIN orders o         ON o.id = pl.order_id
  LEFT JOIN organizations ow ON ow.id = pl.owner_id
  LEFT JOIN LATERAL (
        SELECT array_agg(tk.title ORDER BY tk.position) AS tasks
          FROM action_tasks at
          JOIN tasks tk ON tk.id = at.task_id
         WHERE at.action_id = a.id) t ON true
  LEFT JOIN LATERAL (
        SELECT string_agg(coalesce(eo.short_name, eo.name, ae.person_role), '; '
                          ORDER BY ae.responsibility DESC, ae.position) AS executors
          FROM action_executors ae
          LEFT JOIN organizations eo ON eo.id = ae.organization_id
         WHERE ae.action_id = a.id) ex ON true
  LEFT JOIN LATERAL (
        SELECT string_agg(coalesce(po.short_name, po.name), '; ' ORDER BY po.name) AS partners
          FROM action_partners ap
          JOIN organizations po ON po.id = ap.organization_id
         WHERE ap.action_id = a.id) pa ON true;

COMMENT ON VIEW analytics.plan_items IS 'Пункты планов: каждое планируемое мероприятие с целью, задачами, планом и приказом. Одна строка — одно мероприятие.';
COMMENT ON COLUMN analytics.plan_items.action_id IS 'Идентификатор мероприятия (uuid).';
COMMENT ON COLUMN analytics.plan_items.order_id IS 'Идентификатор приказа, утвердившего план; NULL для собственного плана учреждения.';
COMMENT ON COLUMN analytics.plan_items.order_number IS 'Номер приказа («770»); NULL, если плана нет в приказе.';
COMMENT ON COLUMN analytics.plan_items.order_issued_on IS 'Дата приказа.';
COMMENT ON COLUMN analytics.plan_items.plan_id IS 'Идентификатор плана мероприятий.';
COMMENT ON COLUMN analytics.plan_items.plan_title IS 'Название плана («План мероприятий („дорожная карта“)…»); может быть пустым.';
COMMENT ON COLUMN analytics.plan_items.plan_position IS 'Порядковый номер плана в приказе (приказ может утверждать несколько планов).';
COMMENT ON COLUMN analytics.plan_items.plan_period IS 'Период, на который составлен план (daterange [первый день, последний день + 1)); NULL, если не указан.';
COMMENT ON COLUMN analytics.plan_items.academic_year IS 'Учебный год плана: 2022 означает 2022–2023 учебный год; NULL, если план не на учебный год.';
COMMENT ON COLUMN analytics.plan_items.plan_owner_id IS 'Идентификатор учреждения — владельца плана (для собственных планов учреждений).';
COMMENT ON COLUMN analytics.plan_items.plan_owner_name IS 'Наименование учреждения — владельца плана.';
COMMENT ON COLUMN analytics.plan_items.plan_source_name IS 'Имя исходного документа, из которого загружен план, если он без приказа и владельца.';
COMMENT ON COLUMN analytics.plan_items.goal_id IS 'Идентификатор цели.';
COMMENT ON COLUMN analytics.plan_items.goal_position IS 'Номер цели в плане.';
COMMENT ON COLUMN analytics.plan_items.goal_title IS 'Формулировка цели.';
COMMENT ON COLUMN analytics.plan_items.action_position IS 'Номер мероприятия внутри цели.';
COMMENT ON COLUMN analytics.plan_items.item_number IS 'Номер пункта «цель.мероприятие» («2.3»).';
COMMENT ON COLUMN analytics.plan_items.action_title IS 'Наименование мероприятия (планируемого действия).';
COMMENT ON COLUMN analytics.plan_items.expected_result IS 'Ожидаемый результат.';
COMMENT ON COLUMN analytics.plan_items.venue IS 'Место проведения.';
COMMENT ON COLUMN analytics.plan_items.tasks IS 'Задачи, которым служит мероприятие, по порядку (массив; пустой, если не указаны).';
COMMENT ON COLUMN analytics.plan_items.tasks_text IS 'Те же задачи одной строкой через «; ».';
COMMENT ON COLUMN analytics.plan_items.deadline_text IS 'Срок реализации дословно, как в документе («Сентябрь 2018 – апрель 2019»).';
COMMENT ON COLUMN analytics.plan_items.deadline_kind IS 'Вид срока (day, month, quarter, due_date, recurring, no_due_date, unparsed и др.; см. analytics.deadlines.kind).';
COMMENT ON COLUMN analytics.plan_items.deadline_period IS 'Период срока: daterange [первый день, последний день + 1); NULL — без срока или не распознан.';
COMMENT ON COLUMN analytics.plan_items.deadline_parsed IS 'true — срок распознан; false — текст срока должен прочитать человек.';
COMMENT ON COLUMN analytics.plan_items.executors IS 'Ответственные исполнители через «; »: сначала ответственные, затем соисполнители; учреждения (краткое наименование) или должности («классный руководитель»), но не фамилии.';
COMMENT ON COLUMN analytics.plan_items.partners IS 'Социальные партнёры мероприятия через «; ».';

-- ---------------------------------------------------------------------------------------
-- analytics.deadlines: one row per action, its deadline as written and as read.
CREATE VIEW analytics.deadlines AS
SELECT a.id              AS action_id,
       pl.order_id,
       o.number          AS order_number,
       o.issued_on       AS order_issued_on,
       pl.id             AS plan_id,
       pl.title          AS plan_title,
       pl.period         AS plan_period,
       pl.academic_year,
       g.id              AS goal_id,
       g.position || '.' || a.position AS item_number,
       a.title           AS action_title,
       a.deadline_text,
       a.deadline_kind   AS kind,
       a.deadline_period AS period,
       lower(a.deadline_period)     AS first_day,
       upper(a.deadline_period) - 1 AS last_day,
       upper(a.deadline_period) - lower(a.deadline_period) AS days,
       a.deadline_recurrence AS recurrence,
       a.deadline_parsed     AS parsed,
       a.deadline_period IS NOT NULL AS has_due_date
  FROM actions a
  JOIN goals g  ON g.id = a.goal_id
  JOIN plans pl ON pl.id = g.plan_id
  LEFT JOIN orders o ON o.id = pl.order_id;

COMMENT ON VIEW analytics.deadlines IS 'Сроки реализации мероприятий: текст как в документе, вид, распознанный период (первый и последний день), периодичность и признак распознанности. Одна строка — одно мероприятие.';
COMMENT ON COLUMN analytics.deadlines.action_id IS 'Идентификатор мероприятия.';
COMMENT ON COLUMN analytics.deadlines.order_id IS 'Идентификатор приказа; NULL для собственного плана учреждения.';
COMMENT ON COLUMN analytics.deadlines.order_number IS 'Номер приказа («770»).';
COMMENT ON COLUMN analytics.deadlines.order_issued_on IS 'Дата приказа.';
COMMENT ON COLUMN analytics.deadlines.plan_id IS 'Идентификатор плана.';
COMMENT ON COLUMN analytics.deadlines.plan_title IS 'Название плана.';
COMMENT ON COLUMN analytics.deadlines.plan_period IS 'Период плана: в нём читаются месяцы без года («Сентябрь»).';
COMMENT ON COLUMN analytics.deadlines.academic_year IS 'Учебный год плана (2022 = 2022–2023), если есть.';
COMMENT ON COLUMN analytics.deadlines.goal_id IS 'Идентификатор цели.';
COMMENT ON COLUMN analytics.deadlines.item_number IS 'Номер пункта «цель.мероприятие».';
COMMENT ON COLUMN analytics.deadlines.action_title IS 'Наименование мероприятия.';
COMMENT ON COLUMN analytics.deadlines.deadline_text IS 'Срок реализации дословно, как в документе («Март 2019», «ежеквартально», «по мере необходимости»).';
COMMENT ON COLUMN analytics.deadlines.kind IS 'Вид срока: day (день), day_range (дни), due_date (до даты), month, month_range, quarter, half_year, year, year_range, academic_year, season (лето и т. п.), range (смешанный интервал), list (перечень периодов), recurring (периодический), whole_period (весь период плана), no_due_date (без срока, никогда не просрочен), unparsed (не распознан).';
COMMENT ON COLUMN analytics.deadlines.period IS 'Период срока: daterange в каноническом виде [первый день, последний день + 1); для «до даты» — один день; NULL — без срока или не распознан.';
COMMENT ON COLUMN analytics.deadlines.first_day IS 'Первый день периода срока (lower(period)).';
COMMENT ON COLUMN analytics.deadlines.last_day IS 'Последний день периода срока включительно (upper(period) - 1).';
COMMENT ON COLUMN analytics.deadlines.days IS 'Длина периода срока в днях.';
COMMENT ON COLUMN analytics.deadlines.recurrence IS 'Периодичность для периодических сроков: weekly, monthly, quarterly, twice_a_year, annually; иначе NULL.';
COMMENT ON COLUMN analytics.deadlines.parsed IS 'true — срок распознан; false — служба не смогла прочитать текст, его должен посмотреть человек (период не угадывается).';
COMMENT ON COLUMN analytics.deadlines.has_due_date IS 'true — у срока есть период (и, значит, дата исполнения); false — «по мере необходимости» или не распознан.';

-- ---------------------------------------------------------------------------------------
-- analytics.executors: action × responsible executor (an organisation or a person role).
CREATE VIEW analytics.executors AS
SELECT ae.action_id,
       pl.order_id,
       o.number          AS order_number,
       o.issued_on       AS order_issued_on,
       pl.id             AS plan_id,
       g.position || '.' || a.position AS item_number,
       a.title           AS action_title,
       ae.position       AS executor_position,
       ae.responsibility,
       CASE WHEN ae.organization_id IS NOT NULL THEN 'organization' ELSE 'person_role' END AS executor_type,
       ae.organization_id,
       eo.name           AS organization_name,
       eo.short_name     AS organization_short_name,
       eo.kind           AS organization_kind,
       ae.person_role,
       coalesce(eo.short_name, eo.name, ae.person_role) AS executor
  FROM action_executors ae
  JOIN actions a ON a.id = ae.action_id
  JOIN goals g   ON g.id = a.goal_id
  JOIN plans pl  ON pl.id = g.plan_id
  LEFT JOIN orders o         ON o.id = pl.order_id
  LEFT JOIN organizations eo ON eo.id = ae.organization_id;

COMMENT ON VIEW analytics.executors IS 'Ответственные исполнители мероприятий: учреждение или должность («классный руководитель»). Одна строка — мероприятие × исполнитель. Фамилии людей не показываются.';
COMMENT ON COLUMN analytics.executors.action_id IS 'Идентификатор мероприятия.';
COMMENT ON COLUMN analytics.executors.order_id IS 'Идентификатор приказа; NULL для собственного плана учреждения.';
COMMENT ON COLUMN analytics.executors.order_number IS 'Номер приказа.';
COMMENT ON COLUMN analytics.executors.order_issued_on IS 'Дата приказа.';
COMMENT ON COLUMN analytics.executors.plan_id IS 'Идентификатор плана.';
COMMENT ON COLUMN analytics.executors.item_number IS 'Номер пункта «цель.мероприятие».';
COMMENT ON COLUMN analytics.executors.action_title IS 'Наименование мероприятия.';
COMMENT ON COLUMN analytics.executors.executor_position IS 'Порядок исполнителя в графе «Ответственные» документа.';
COMMENT ON COLUMN analytics.executors.responsibility IS 'lead — ответственный исполнитель, co — соисполнитель.';
COMMENT ON COLUMN analytics.executors.executor_type IS 'organization — исполнитель-учреждение, person_role — исполнитель-должность.';
COMMENT ON COLUMN analytics.executors.organization_id IS 'Идентификатор учреждения-исполнителя; NULL для должности.';
COMMENT ON COLUMN analytics.executors.organization_name IS 'Полное наименование учреждения-исполнителя.';
COMMENT ON COLUMN analytics.executors.organization_short_name IS 'Краткое наименование учреждения-исполнителя.';
COMMENT ON COLUMN analytics.executors.organization_kind IS 'Вид учреждения-исполнителя (school, kindergarten, …).';
COMMENT ON COLUMN analytics.executors.person_role IS 'Должность-исполнитель («классный руководитель», «заместитель директора по ВР»); NULL для учреждения.';
COMMENT ON COLUMN analytics.executors.executor IS 'Исполнитель одной строкой: краткое или полное наименование учреждения либо должность.';

-- ---------------------------------------------------------------------------------------
-- analytics.assignments: one action × one executor organisation × one occurrence.
CREATE VIEW analytics.assignments AS
SELECT s.id              AS assignment_id,
       pl.order_id,
       o.number          AS order_number,
       o.issued_on       AS order_issued_on,
       pl.id             AS plan_id,
       g.id              AS goal_id,
       s.action_id,
       g.position || '.' || a.position AS item_number,
       a.title           AS action_title,
       a.deadline_text,
       a.deadline_kind,
       s.executor_id,
       e.name            AS executor_name,
       e.short_name      AS executor_short_name,
       e.kind            AS executor_kind,
       e.parent_id       AS executor_parent_id,
       ae.responsibility,
       s.occurrence,
       s.period,
       lower(s.period)     AS first_day,
       upper(s.period) - 1 AS last_day,
       s.due_on,
       s.original_due_on,
       s.due_on - s.original_due_on AS days_moved,
       s.status,
       s.status_changed_at,
       (s.status_changed_at AT TIME ZONE c.tz)::date AS status_changed_on,
       c.today           AS as_of,
       coalesce(s.status NOT IN ('done', 'cancelled') AND s.due_on < c.today, false) AS overdue,
       CASE WHEN s.status NOT IN ('done', 'cancelled') AND s.due_on < c.today
            THEN c.today - s.due_on END AS days_overdue
  FROM assignments s
  JOIN actions a ON a.id = s.action_id
  JOIN goals g   ON g.id = a.goal_id
  JOIN plans pl  ON pl.id = g.plan_id
  JOIN organizations e ON e.id = s.executor_id
  LEFT JOIN orders o ON o.id = pl.order_id
  LEFT JOIN action_executors ae ON ae.action_id = s.action_id AND ae.organization_id = s.executor_id
  CROSS JOIN (SELECT z.tz, (now() AT TIME ZONE z.tz)::date AS today
                FROM (SELECT coalesce((SELECT st.value FROM settings st WHERE st.key = 'committee_time_zone'),
                                      'Europe/Moscow') AS tz) z) c;

COMMENT ON VIEW analytics.assignments IS 'Исполнение по учреждениям: мероприятие × учреждение-исполнитель × повторение (для периодических сроков). Единица, у которой есть статус. Просрочка вычисляется на сегодня по часовому поясу комитета.';
COMMENT ON COLUMN analytics.assignments.assignment_id IS 'Идентификатор исполнения (uuid).';
COMMENT ON COLUMN analytics.assignments.order_id IS 'Идентификатор приказа; NULL для собственного плана учреждения.';
COMMENT ON COLUMN analytics.assignments.order_number IS 'Номер приказа («770»).';
COMMENT ON COLUMN analytics.assignments.order_issued_on IS 'Дата приказа.';
COMMENT ON COLUMN analytics.assignments.plan_id IS 'Идентификатор плана.';
COMMENT ON COLUMN analytics.assignments.goal_id IS 'Идентификатор цели.';
COMMENT ON COLUMN analytics.assignments.action_id IS 'Идентификатор мероприятия.';
COMMENT ON COLUMN analytics.assignments.item_number IS 'Номер пункта «цель.мероприятие».';
COMMENT ON COLUMN analytics.assignments.action_title IS 'Наименование мероприятия.';
COMMENT ON COLUMN analytics.assignments.deadline_text IS 'Срок реализации мероприятия дословно.';
COMMENT ON COLUMN analytics.assignments.deadline_kind IS 'Вид срока мероприятия (см. analytics.deadlines.kind).';
COMMENT ON COLUMN analytics.assignments.executor_id IS 'Идентификатор учреждения-исполнителя.';
COMMENT ON COLUMN analytics.assignments.executor_name IS 'Полное наименование учреждения-исполнителя.';
COMMENT ON COLUMN analytics.assignments.executor_short_name IS 'Краткое наименование учреждения-исполнителя.';
COMMENT ON COLUMN analytics.assignments.executor_kind IS 'Вид учреждения-исполнителя: school, kindergarten, municipal_institution, …';
COMMENT ON COLUMN analytics.assignments.executor_parent_id IS 'Идентификатор вышестоящего учреждения исполнителя.';
COMMENT ON COLUMN analytics.assignments.responsibility IS 'lead — ответственный исполнитель, co — соисполнитель; NULL, если учреждение не названо в графе исполнителей мероприятия.';
COMMENT ON COLUMN analytics.assignments.occurrence IS 'Номер повторения: 1 для разового срока, 1..n для периодического.';
COMMENT ON COLUMN analytics.assignments.period IS 'Плановый период этого повторения: daterange [первый день, последний день + 1); NULL — без срока.';
COMMENT ON COLUMN analytics.assignments.first_day IS 'Первый день планового периода.';
COMMENT ON COLUMN analytics.assignments.last_day IS 'Последний день планового периода включительно.';
COMMENT ON COLUMN analytics.assignments.due_on IS 'Дата исполнения сейчас (с учётом одобренных переносов срока); просрочка считается по ней. NULL — без срока, никогда не просрочено.';
COMMENT ON COLUMN analytics.assignments.original_due_on IS 'Дата исполнения по первоначальному плану, до переносов.';
COMMENT ON COLUMN analytics.assignments.days_moved IS 'На сколько дней срок перенесён всего: due_on - original_due_on (0 — не переносился).';
COMMENT ON COLUMN analytics.assignments.status IS 'Статус: planned (запланировано), in_progress (выполняется), reported (отчёт подан), done (исполнено, снято с контроля), returned (отчёт возвращён на доработку), cancelled (отменено).';
COMMENT ON COLUMN analytics.assignments.status_changed_at IS 'Момент последней смены статуса.';
COMMENT ON COLUMN analytics.assignments.status_changed_on IS 'День последней смены статуса по часовому поясу комитета.';
COMMENT ON COLUMN analytics.assignments.as_of IS 'Сегодняшняя дата по часовому поясу комитета (settings.committee_time_zone): на неё вычислены overdue и days_overdue.';
COMMENT ON COLUMN analytics.assignments.overdue IS 'Просрочено на сегодня: статус не done и не cancelled, а due_on раньше сегодняшней даты (сам день срока ещё не просрочка).';
COMMENT ON COLUMN analytics.assignments.days_overdue IS 'Сколько дней просрочено на сегодня (as_of - due_on); NULL, если не просрочено.';

-- ---------------------------------------------------------------------------------------
-- analytics.reports: reports on assignments, without who submitted or reviewed them.
CREATE VIEW analytics.reports AS
SELECT r.id              AS report_id,
       r.assignment_id,
       pl.order_id,
       o.number          AS order_number,
       o.issued_on       AS order_issued_on,
       s.action_id,
       g.position || '.' || a.position AS item_number,
       a.title           AS action_title,
       s.executor_id,
       e.name            AS executor_name,
       e.short_name      AS executor_short_name,
       e.kind            AS executor_kind,
       s.occurrence,
       s.due_on,
       r.done_on,
       r.done_on - s.due_on AS days_after_due,
       r.text,
       r.evidence_urls,
       cardinality(r.evidence_urls) AS evidence_count,
       r.status,
       r.created_at      AS submitted_at,
       (r.created_at AT TIME ZONE c.tz)::date  AS submitted_on,
       r.reviewed_at,
       (r.reviewed_at AT TIME ZONE c.tz)::date AS reviewed_on,
       r.review_comment,
       (r.reviewed_at AT TIME ZONE c.tz)::date - (r.created_at AT TIME ZONE c.tz)::date AS days_to_review,
       CASE WHEN r.status = 'submitted'
            THEN c.today - (r.created_at AT TIME ZONE c.tz)::date END AS days_waiting,
       NOT EXISTS (SELECT 1 FROM reports later
                    WHERE later.assignment_id = r.assignment_id
                      AND (later.created_at, later.id) > (r.created_at, r.id)) AS latest,
       c.today           AS as_of
  FROM reports r
  JOIN assignments s   ON s.id = r.assignment_id
  JOIN actions a       ON a.id = s.action_id
  JOIN goals g         ON g.id = a.goal_id
  JOIN plans pl        ON pl.id = g.plan_id
  JOIN organizations e ON e.id = s.executor_id
  LEFT JOIN orders o   ON o.id = pl.order_id
  CROSS JOIN (SELECT z.tz, (now() AT TIME ZONE z.tz)::date AS today
                FROM (SELECT coalesce((SELECT st.value FROM settings st WHERE st.key = 'committee_time_zone'),
                                      'Europe/Moscow') AS tz) z) c;

COMMENT ON VIEW analytics.reports IS 'Отчёты об исполнении: что и когда сделано, подтверждения, решение комитета. Кто подал и кто проверил, не показывается — только учреждение-исполнитель.';
COMMENT ON COLUMN analytics.reports.report_id IS 'Идентификатор отчёта.';
COMMENT ON COLUMN analytics.reports.assignment_id IS 'Идентификатор исполнения, по которому подан отчёт (analytics.assignments).';
COMMENT ON COLUMN analytics.reports.order_id IS 'Идентификатор приказа; NULL для собственного плана учреждения.';
COMMENT ON COLUMN analytics.reports.order_number IS 'Номер приказа.';
COMMENT ON COLUMN analytics.reports.order_issued_on IS 'Дата приказа.';
COMMENT ON COLUMN analytics.reports.action_id IS 'Идентификатор мероприятия.';
COMMENT ON COLUMN analytics.reports.item_number IS 'Номер пункта «цель.мероприятие».';
COMMENT ON COLUMN analytics.reports.action_title IS 'Наименование мероприятия.';
COMMENT ON COLUMN analytics.reports.executor_id IS 'Идентификатор учреждения-исполнителя.';
COMMENT ON COLUMN analytics.reports.executor_name IS 'Полное наименование учреждения-исполнителя.';
COMMENT ON COLUMN analytics.reports.executor_short_name IS 'Краткое наименование учреждения-исполнителя.';
COMMENT ON COLUMN analytics.reports.executor_kind IS 'Вид учреждения-исполнителя.';
COMMENT ON COLUMN analytics.reports.occurrence IS 'Номер повторения исполнения.';
COMMENT ON COLUMN analytics.reports.due_on IS 'Текущая дата исполнения по исполнению (с учётом переносов).';
COMMENT ON COLUMN analytics.reports.done_on IS 'Дата, когда мероприятие выполнено, по отчёту.';
COMMENT ON COLUMN analytics.reports.days_after_due IS 'done_on - due_on: больше нуля — выполнено позже срока, меньше — раньше; NULL, если срока нет.';
COMMENT ON COLUMN analytics.reports.text IS 'Текст отчёта.';
COMMENT ON COLUMN analytics.reports.evidence_urls IS 'Ссылки на подтверждения (публикации, документы).';
COMMENT ON COLUMN analytics.reports.evidence_count IS 'Сколько ссылок на подтверждения.';
COMMENT ON COLUMN analytics.reports.status IS 'Статус отчёта: submitted (подан, ждёт проверки), accepted (принят, снято с контроля), returned (возвращён на доработку).';
COMMENT ON COLUMN analytics.reports.submitted_at IS 'Момент подачи отчёта.';
COMMENT ON COLUMN analytics.reports.submitted_on IS 'День подачи отчёта по часовому поясу комитета.';
COMMENT ON COLUMN analytics.reports.reviewed_at IS 'Момент проверки отчёта комитетом; NULL — ещё не проверен.';
COMMENT ON COLUMN analytics.reports.reviewed_on IS 'День проверки по часовому поясу комитета.';
COMMENT ON COLUMN analytics.reports.review_comment IS 'Комментарий комитета при проверке (обязателен при возврате).';
COMMENT ON COLUMN analytics.reports.days_to_review IS 'Сколько дней прошло от подачи до проверки; NULL — ещё не проверен.';
COMMENT ON COLUMN analytics.reports.days_waiting IS 'Сколько дней отчёт ждёт проверки на сегодня; NULL, если уже проверен.';
COMMENT ON COLUMN analytics.reports.latest IS 'true — последний по времени отчёт по этому исполнению (более ранние были возвращены или заменены).';
COMMENT ON COLUMN analytics.reports.as_of IS 'Сегодняшняя дата по часовому поясу комитета: на неё вычислено days_waiting.';

-- ---------------------------------------------------------------------------------------
-- analytics.extensions: deadline extensions, without who asked or decided.
CREATE VIEW analytics.extensions AS
SELECT x.id              AS extension_id,
       x.assignment_id,
       pl.order_id,
       o.number          AS order_number,
       o.issued_on       AS order_issued_on,
       s.action_id,
       g.position || '.' || a.position AS item_number,
       a.title           AS action_title,
       s.executor_id,
       e.name            AS executor_name,
       e.short_name      AS executor_short_name,
       e.kind            AS executor_kind,
       s.occurrence,
       s.original_due_on,
       x.previous_due_on,
       x.requested_due_on,
       x.requested_due_on - x.previous_due_on AS days_moved,
       x.reason,
       x.status,
       x.created_at      AS requested_at,
       (x.created_at AT TIME ZONE c.tz)::date AS requested_on,
       x.decided_at,
       (x.decided_at AT TIME ZONE c.tz)::date AS decided_on,
       (x.decided_at AT TIME ZONE c.tz)::date - (x.created_at AT TIME ZONE c.tz)::date AS days_to_decide,
       x.decision_comment
  FROM deadline_extensions x
  JOIN assignments s   ON s.id = x.assignment_id
  JOIN actions a       ON a.id = s.action_id
  JOIN goals g         ON g.id = a.goal_id
  JOIN plans pl        ON pl.id = g.plan_id
  JOIN organizations e ON e.id = s.executor_id
  LEFT JOIN orders o   ON o.id = pl.order_id
  CROSS JOIN (SELECT coalesce((SELECT st.value FROM settings st WHERE st.key = 'committee_time_zone'),
                              'Europe/Moscow') AS tz) c;

COMMENT ON VIEW analytics.extensions IS 'Переносы срока: запрошенная дата, причина, решение комитета и на сколько дней сдвинут срок. Кто запросил и кто решил, не показывается.';
COMMENT ON COLUMN analytics.extensions.extension_id IS 'Идентификатор запроса на перенос срока.';
COMMENT ON COLUMN analytics.extensions.assignment_id IS 'Идентификатор исполнения, срок которого переносится.';
COMMENT ON COLUMN analytics.extensions.order_id IS 'Идентификатор приказа; NULL для собственного плана учреждения.';
COMMENT ON COLUMN analytics.extensions.order_number IS 'Номер приказа.';
COMMENT ON COLUMN analytics.extensions.order_issued_on IS 'Дата приказа.';
COMMENT ON COLUMN analytics.extensions.action_id IS 'Идентификатор мероприятия.';
COMMENT ON COLUMN analytics.extensions.item_number IS 'Номер пункта «цель.мероприятие».';
COMMENT ON COLUMN analytics.extensions.action_title IS 'Наименование мероприятия.';
COMMENT ON COLUMN analytics.extensions.executor_id IS 'Идентификатор учреждения-исполнителя.';
COMMENT ON COLUMN analytics.extensions.executor_name IS 'Полное наименование учреждения-исполнителя.';
COMMENT ON COLUMN analytics.extensions.executor_short_name IS 'Краткое наименование учреждения-исполнителя.';
COMMENT ON COLUMN analytics.extensions.executor_kind IS 'Вид учреждения-исполнителя.';
COMMENT ON COLUMN analytics.extensions.occurrence IS 'Номер повторения исполнения.';
COMMENT ON COLUMN analytics.extensions.original_due_on IS 'Первоначальная дата исполнения, до всех переносов.';
COMMENT ON COLUMN analytics.extensions.previous_due_on IS 'Дата исполнения на момент запроса (до этого переноса).';
COMMENT ON COLUMN analytics.extensions.requested_due_on IS 'Запрошенная новая дата исполнения.';
COMMENT ON COLUMN analytics.extensions.days_moved IS 'На сколько дней переносится срок: requested_due_on - previous_due_on.';
COMMENT ON COLUMN analytics.extensions.reason IS 'Причина переноса, как её указал исполнитель.';
COMMENT ON COLUMN analytics.extensions.status IS 'Статус запроса: requested (ждёт решения), approved (одобрен, срок перенесён), rejected (отклонён).';
COMMENT ON COLUMN analytics.extensions.requested_at IS 'Момент запроса переноса.';
COMMENT ON COLUMN analytics.extensions.requested_on IS 'День запроса по часовому поясу комитета.';
COMMENT ON COLUMN analytics.extensions.decided_at IS 'Момент решения комитета; NULL — ещё не решено.';
COMMENT ON COLUMN analytics.extensions.decided_on IS 'День решения по часовому поясу комитета.';
COMMENT ON COLUMN analytics.extensions.days_to_decide IS 'Сколько дней прошло от запроса до решения; NULL — ещё не решено.';
COMMENT ON COLUMN analytics.extensions.decision_comment IS 'Комментарий комитета к решению.';

-- ---------------------------------------------------------------------------------------
-- analytics.calendar: every assignment that has a due date, put on the month it is due in.
CREATE VIEW analytics.calendar AS
SELECT date_trunc('month', s.due_on::timestamp)::date AS month,
       s.assignment_id,
       s.order_id,
       s.order_number,
       s.order_issued_on,
       s.action_id,
       s.item_number,
       s.action_title,
       s.deadline_text,
       s.executor_id,
       s.executor_name,
       s.executor_short_name,
       s.executor_kind,
       s.occurrence,
       s.first_day,
       s.last_day,
       s.due_on,
       s.original_due_on,
       s.status,
       s.overdue
  FROM analytics.assignments s
 WHERE s.due_on IS NOT NULL;

COMMENT ON VIEW analytics.calendar IS 'Календарь сроков: каждое исполнение с датой исполнения, отнесённое к месяцу этой даты. Исполнения без срока сюда не входят.';
COMMENT ON COLUMN analytics.calendar.month IS 'Месяц срока: первое число месяца, в который приходится due_on.';
COMMENT ON COLUMN analytics.calendar.assignment_id IS 'Идентификатор исполнения.';
COMMENT ON COLUMN analytics.calendar.order_id IS 'Идентификатор приказа; NULL для собственного плана учреждения.';
COMMENT ON COLUMN analytics.calendar.order_number IS 'Номер приказа.';
COMMENT ON COLUMN analytics.calendar.order_issued_on IS 'Дата приказа.';
COMMENT ON COLUMN analytics.calendar.action_id IS 'Идентификатор мероприятия.';
COMMENT ON COLUMN analytics.calendar.item_number IS 'Номер пункта «цель.мероприятие».';
COMMENT ON COLUMN analytics.calendar.action_title IS 'Наименование мероприятия.';
COMMENT ON COLUMN analytics.calendar.deadline_text IS 'Срок реализации мероприятия дословно.';
COMMENT ON COLUMN analytics.calendar.executor_id IS 'Идентификатор учреждения-исполнителя.';
COMMENT ON COLUMN analytics.calendar.executor_name IS 'Полное наименование учреждения-исполнителя.';
COMMENT ON COLUMN analytics.calendar.executor_short_name IS 'Краткое наименование учреждения-исполнителя.';
COMMENT ON COLUMN analytics.calendar.executor_kind IS 'Вид учреждения-исполнителя.';
COMMENT ON COLUMN analytics.calendar.occurrence IS 'Номер повторения исполнения.';
COMMENT ON COLUMN analytics.calendar.first_day IS 'Первый день планового периода исполнения.';
COMMENT ON COLUMN analytics.calendar.last_day IS 'Последний день планового периода исполнения включительно.';
COMMENT ON COLUMN analytics.calendar.due_on IS 'Текущая дата исполнения (с учётом переносов): по ней выбран месяц.';
COMMENT ON COLUMN analytics.calendar.original_due_on IS 'Первоначальная дата исполнения.';
COMMENT ON COLUMN analytics.calendar.status IS 'Статус исполнения (planned, in_progress, reported, done, returned, cancelled).';
COMMENT ON COLUMN analytics.calendar.overdue IS 'Просрочено на сегодня по часовому поясу комитета.';

-- ---------------------------------------------------------------------------------------
-- The analyst role. Roles belong to the cluster, not the database: another database of the
-- same cluster (a test database, a second installation) may have created it already, and
-- two migrations may race to create it. The service role may lack CREATEROLE (a plain
-- LOGIN role): then the migration still succeeds, warns, and an administrator creates the
-- role and repeats the grants below (docs/analytics.md, «If the role is missing»).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'roadmap_analyst') THEN
        BEGIN
            CREATE ROLE roadmap_analyst NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
            BEGIN
                COMMENT ON ROLE roadmap_analyst IS 'Roadmap: аналитик — только чтение представлений схемы analytics.';
            EXCEPTION WHEN insufficient_privilege THEN
                NULL;  -- a comment is a nicety; the role itself is what matters
            END;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                NULL;  -- another database's migration created it at the same moment
            WHEN insufficient_privilege THEN
                RAISE WARNING 'role roadmap_analyst does not exist and % may not create it; the analytics views are not granted to anyone',
                    current_user
                    USING HINT = 'As a superuser: CREATE ROLE roadmap_analyst NOLOGIN; then, in this database, run the grants of docs/analytics.md («If the role is missing»).';
        END;
    ELSIF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'roadmap_analyst'
                     AND (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb)) THEN
        RAISE WARNING 'role roadmap_analyst already exists with more than read rights (superuser, createrole, createdb or bypassrls): analysts get them too';
    END IF;

    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'roadmap_analyst') THEN
        GRANT USAGE ON SCHEMA analytics TO roadmap_analyst;
        GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO roadmap_analyst;
        -- Views that later migrations add here (created by the same role) are readable too.
        ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO roadmap_analyst;
    END IF;
END
$$;

-- Nobody else reads analytics through PUBLIC, and nobody but the owner creates in it.
REVOKE ALL ON SCHEMA analytics FROM PUBLIC;

-- The analyst must not create objects in schema public. PostgreSQL 15 no longer gives
-- PUBLIC CREATE there; 12–14 do, and no grant can be taken from one role while PUBLIC holds
-- it. So where PUBLIC still may create (older clusters), take it away, as PostgreSQL's own
-- secure schema usage pattern advises, after giving it explicitly to the database owner and
-- to the role running this migration, which create the service's tables. Only the schema's
-- owner (or a superuser) may do this; otherwise say what an administrator must do.
DO $$
DECLARE
    schema_owner oid;
    database_owner name;
BEGIN
    SELECT nspowner INTO schema_owner FROM pg_namespace WHERE nspname = 'public';
    IF schema_owner IS NULL OR NOT has_schema_privilege('public', 'public', 'CREATE') THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper)
       OR pg_has_role(current_user, schema_owner, 'USAGE') THEN
        SELECT pg_get_userbyid(datdba) INTO database_owner FROM pg_database WHERE datname = current_database();
        EXECUTE format('GRANT CREATE ON SCHEMA public TO %I', database_owner);
        IF current_user <> database_owner THEN
            EXECUTE format('GRANT CREATE ON SCHEMA public TO %I', current_user);
        END IF;
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    ELSE
        RAISE WARNING 'every role, roadmap_analyst included, may create objects in schema public, and % cannot change that', current_user
            USING HINT = format('As a superuser: GRANT CREATE ON SCHEMA public TO %I; REVOKE CREATE ON SCHEMA public FROM PUBLIC;', current_user);
    END IF;
END
$$;
