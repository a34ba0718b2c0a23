import Foundation
import RoadmapDomain
import RoadmapImport
import RoadmapStore

/// Every sentence the pages say that is not data, in Russian, from one catalogue keyed by
/// stable codes. The API keeps its English `detail` and stable problem `type`; a page
/// turns the same refusals into these words, so nothing English reaches a page.
enum PageText: String, CaseIterable, Sendable {
    // Forms and sign-in
    case staleForm = "form.stale"
    case unreadableForm = "form.unreadable"
    case signInStale = "sign-in.stale"
    case signInEmpty = "sign-in.empty"
    case signInRefused = "sign-in.refused"
    case signInThrottled = "sign-in.throttled"
    case signInLocked = "sign-in.locked"
    // Reports
    case reportDoneOnMissing = "report.done_on.missing"
    case reportDoneOnFuture = "report.done_on.future"
    case reportTextEmpty = "report.text.empty"
    case reportTextInvalid = "report.text.invalid"
    case reportEvidenceInvalid = "report.evidence.invalid"
    case reportNotNow = "report.conflict"
    case reportForbidden = "report.forbidden"
    case reportSent = "report.sent"
    case reportFilesUnreadable = "report.files.unreadable"
    // Extensions
    case extensionDueMissing = "extension.due_on.missing"
    case extensionDueTooEarly = "extension.due_on.early"
    case extensionReasonEmpty = "extension.reason.empty"
    case extensionNotNow = "extension.conflict"
    case extensionSent = "extension.sent"
    // The committee moves a deadline itself
    case moveDueMissing = "move.due_on.missing"
    case moveDueSame = "move.due_on.same"
    case moveReasonEmpty = "move.reason.empty"
    case moveNotNow = "move.conflict"
    case moveDone = "move.done"
    // Plans made and corrected in the browser
    case planForbidden = "plan.forbidden"
    case orderNumberEmpty = "order.number.empty"
    case orderDateInvalid = "order.date.invalid"
    case summaryDateInvalid = "summary.as_of.invalid"
    case stateDateInvalid = "order_state.date.invalid"
    case stateDateFuture = "order_state.date.future"
    case disciplinePeriodInvalid = "discipline.period.invalid"
    case orderIssuerMissing = "order.issuer_id.missing"
    case orderExists = "order.exists"
    case orderCreated = "order.created"
    case planTitleEmpty = "plan.title.empty"
    case planStale = "plan.stale"
    case planWithdrawn = "plan.withdrawn"
    case planSaved = "plan.saved"
    case actionHasHistory = "action.remove.history"
    case goalHasActions = "goal.remove.actions"
    case actionDeadlineInvalid = "action.deadline.invalid"
    case actionReasonRequired = "action.reason.required"
    case actionExecutorsInvalid = "action.executors.invalid"
    case listSaved = "list.saved"
    case listRemoved = "list.removed"
    case listNameEmpty = "list.name.empty"
    case listEmpty = "list.organizations.empty"
    case calendarIssued = "calendar.issued"
    case calendarRevoked = "calendar.revoked"
    case preferencesSaved = "notifications.saved"
    case emailInvalid = "email.invalid"
    case emailSaved = "email.saved"
    case emailRemoved = "email.removed"
    case outboxRetried = "outbox.retried"
    case userHeadNotExecutor = "user.head.role"
    case reminderSettingsInvalid = "reminders.settings.invalid"
    case reminderSettingsSaved = "reminders.settings.saved"
    case workdayDateInvalid = "workday.day.invalid"
    case workdayYearMissing = "workday.year.missing"
    case workdaySaved = "workday.saved"
    case workdayNoteInvalid = "workday.note.invalid"
    case workdaysLoaded = "workdays.loaded"
    case workdaysFileInvalid = "workdays.file.invalid"
    // Search
    case searchTooShort = "search.q.invalid"
    // Withdrawing and restoring an order or a plan
    case withdrawReasonEmpty = "withdraw.reason.empty"
    case withdrawNotNow = "withdraw.conflict"
    case withdrawForbidden = "withdraw.forbidden"
    case withdrawDone = "withdraw.done"
    case publishDone = "publication.done"
    case unpublishDone = "publication.removed"
    case reportPublicDone = "publication.report_public"
    case reportPrivateDone = "publication.report_private"
    case restoreNotNow = "restore.conflict"
    case restoreForbidden = "restore.forbidden"
    case restoreDone = "restore.done"
    // The review queue
    case reviewChoose = "review.choose"
    case reviewCommentRequired = "review.comment.required"
    case reviewAlreadyDecided = "review.decided"
    case reviewForbidden = "review.forbidden"
    case reviewAccepted = "review.accepted"
    case reviewReturned = "review.returned"
    case extensionChoose = "extension.choose"
    case extensionCommentRequired = "extension.comment.required"
    case extensionForbidden = "extension.forbidden"
    case extensionApproved = "extension.approved"
    case extensionRejected = "extension.rejected"
    // Import
    case importForbidden = "import.forbidden"
    case importNoFile = "import.file.missing"
    case importBadDate = "import.order_date.invalid"
    case importBadAcademicYear = "import.academic_year.invalid"
    case importFileNotReceived = "import.file.unreceived"
    case importChoiceMissing = "import.choice.organization.missing"
    case importChoiceUnknown = "import.choice.organization.unknown"
    case importChoiceAmbiguous = "import.choice.organization.ambiguous"
    case importChoicesRefused = "import.choice.refused"
    case importChoicePick = "import.choice.pick"
    // Administration
    case administrationForbidden = "admin.forbidden"
    case organizationNameEmpty = "organization.name.empty"
    case organizationKindMissing = "organization.kind.missing"
    case organizationExists = "organization.exists"
    case organizationAdded = "organization.added"
    case organizationSaved = "organization.saved"
    case organizationStale = "organization.stale"
    case organizationAliasInvalid = "organization.alias.invalid"
    case userUnlocked = "user.unlocked"
    case usersImportNoFile = "users.import.file.missing"
    case usersImportNoColumns = "users.import.columns"
    case usersImportRefused = "users.import.refused"
    case usersImportDone = "users.import.done"
    case usersImportUnknownOrganization = "users.import.organization.unknown"
    case usersImportAmbiguousOrganization = "users.import.organization.ambiguous"
    case usersImportBadLogin = "users.import.login.invalid"
    case usersImportLoginTwice = "users.import.login.twice"
    case usersImportBadEmail = "users.import.email.invalid"
    case usersImportBadName = "users.import.name.invalid"
    case usersImportLoginTaken = "users.import.login.taken"
    case mergeUnknown = "organization.merge.unknown"
    case mergeAmbiguous = "organization.merge.ambiguous"
    case mergeSame = "organization.merge.same"
    case mergeOverlap = "organization.merge.conflict"
    case mergeDone = "organization.merge.done"
    case userLoginInvalid = "user.login.invalid"
    case userRoleMissing = "user.role.missing"
    case userOrganizationMissing = "user.organization.missing"
    case userOrganizationUnknown = "user.organization.unknown"
    case userPasswordShort = "user.password.short"
    case userExists = "user.exists"
    case userAdded = "user.added"
    case userDisabled = "user.disabled"
    case userSelfDisable = "user.disable.self"
    // Text typed with characters the service refuses (control characters, bidi overrides)
    case textControlCharacters = "text.control"
    // Error pages, by problem type
    case notFound = "not-found"
    case forbidden
    case tooLarge = "too-large"
    case badRequest = "bad-request"
    case badParameter = "bad-parameter"
    case validation
    case conflict
    case stale
    case rateLimited = "rate-limited"
    case serviceUnavailable = "service-unavailable"
    case internalError = "internal-error"
    case methodNotAllowed = "method-not-allowed"
    case unsupportedMediaType = "unsupported-media-type"

    var russian: String {
        switch self {
        case .staleForm: "Форма устарела или отправлена не с нашей страницы. Обновите страницу и повторите."
        case .unreadableForm: "Форма не прочитана: отправьте её ещё раз со страницы."
        case .signInStale: "Форма устарела. Войдите ещё раз."
        case .signInEmpty: "Введите имя пользователя и пароль."
        case .signInRefused: "Неверное имя пользователя или пароль."
        case .signInThrottled: "Слишком много неудачных попыток входа с этого адреса; попробуйте позже."
        case .signInLocked: "Слишком много неудачных попыток входа. Учётная запись заблокирована; попробуйте позже."
        case .reportDoneOnMissing: "Укажите дату выполнения."
        case .reportDoneOnFuture: "Дата выполнения не может быть позже сегодняшней."
        case .reportTextEmpty: "Опишите, что сделано."
        case .reportTextInvalid: "В тексте есть управляющие символы; уберите их."
        case .reportEvidenceInvalid: "Ссылка на подтверждение должна начинаться с http:// или https://."
        case .reportNotNow: "Отчёт сейчас отправить нельзя: он уже на проверке или мероприятие закрыто."
        case .reportForbidden: "Отправлять отчёт может только исполнитель."
        case .reportSent: "Отчёт отправлен на проверку."
        case .reportFilesUnreadable: "Форму с файлами не удалось прочитать. Отчёт не отправлен: заполните форму и выберите файлы снова."
        case .extensionDueMissing: "Укажите новый срок."
        case .extensionDueTooEarly: "Новый срок должен быть позже нынешнего."
        case .extensionReasonEmpty: "Объясните, почему нужен перенос срока."
        case .extensionNotNow: "Запрос на перенос срока уже ждёт решения, или мероприятие закрыто."
        case .extensionSent: "Запрос на перенос срока отправлен в комитет."
        case .moveDueMissing: "Укажите новый срок."
        case .moveDueSame: "Исполнение уже назначено на этот день."
        case .moveReasonEmpty: "Укажите причину переноса."
        case .moveNotNow: "Срок этого исполнения сейчас нельзя перенести: оно выполнено, отменено или без срока."
        case .moveDone: "Срок перенесён."
        case .planForbidden: "Приказы и планы меняют только сотрудники комитета."
        case .orderNumberEmpty: "Укажите номер приказа."
        case .orderDateInvalid: "Укажите дату приказа."
        case .summaryDateInvalid: "Дата не распознана: укажите день в виде ДД.ММ.ГГГГ. Показана сводка на сегодня."
        case .stateDateInvalid: "Дата не распознана: укажите день в виде ДД.ММ.ГГГГ. Показано состояние на начало месяца."
        case .stateDateFuture: "Этот день ещё не закончился: показано состояние на сегодня."
        case .disciplinePeriodInvalid: "Период не распознан: укажите две даты, первая не позже второй. Показан период с начала года по сегодня."
        case .orderIssuerMissing: "Выберите, кто издал приказ."
        case .orderExists: "Приказ с таким номером и датой у этого учреждения уже есть."
        case .orderCreated: "Приказ создан. Добавьте цели, задачи и мероприятия."
        case .planTitleEmpty: "Заполните название."
        case .planStale: "Пока вы правили, это изменил кто-то другой. Показано, что сохранено сейчас; внесите правку снова."
        case .planWithdrawn: "Приказ или план отозван: менять его нельзя, пока администратор его не восстановит."
        case .planSaved: "Изменения сохранены."
        case .actionHasHistory: "По мероприятию уже есть отчёты или запросы на перенос: его нельзя удалить. Снимите исполнителей — их открытые исполнения отменятся, сделанное сохранится."
        case .goalHasActions: "У цели есть мероприятия: сначала удалите их."
        case .actionDeadlineInvalid: "Срок не удалось прочитать. Напишите, например, «Март 2019», «до 01.09.2019» или «ежеквартально»."
        case .actionReasonRequired: "Новый срок переносит открытые исполнения: укажите причину."
        case .actionExecutorsInvalid: "Среди исполнителей есть неизвестная организация; обновите страницу и выберите снова."
        case .listSaved: "Список сохранён"
        case .listRemoved: "Список удалён. Мероприятия, назначенные через него, сохранили своих исполнителей."
        case .listNameEmpty: "Назовите список."
        case .listEmpty: "Впишите хотя бы одну организацию, по одной в строке."
        case .calendarIssued: "Новый адрес календаря готов; прежний, если был, больше не работает."
        case .calendarRevoked: "Календарь отключён: по прежнему адресу сроков больше нет."
        case .preferencesSaved: "Сохранено: уведомления будут приходить так, как вы выбрали."
        case .emailInvalid: "Это не похоже на адрес электронной почты: нужен вид имя@домен.ru."
        case .emailSaved: "Адрес сохранён: уведомления будут приходить на него."
        case .emailRemoved: "Адрес удалён: письма не отправляются, уведомления видны на этой странице."
        case .outboxRetried: "Недоставленные письма снова в очереди:"
        case .userHeadNotExecutor: "Руководителем организации может быть только её исполнитель."
        case .reminderSettingsInvalid: "Не сохранено: дни до срока — от 1 до 90, не больше пяти чисел через запятую; просроченное — каждые 1–30 дней; эскалация — после 1–365 дней."
        case .reminderSettingsSaved: "Сохранено: следующий ежедневный проход напомнит по новым правилам."
        case .workdayDateInvalid: "Укажите дату в виде ГГГГ-ММ-ДД."
        case .workdayYearMissing: "Для этого года календарь не загружен: сначала загрузите год."
        case .workdaySaved: "Сохранено:"
        case .workdayNoteInvalid: "В основании есть служебные символы; напишите его обычным текстом."
        case .workdaysLoaded: "Загружено:"
        case .workdaysFileInvalid: "Файл не загружен: каждая строка — ГГГГ-ММ-ДД;off|work;примечание"
        case .searchTooShort: "Введите от 2 до 200 букв или цифр: слова из названия мероприятия, приказа или организации."
        case .withdrawReasonEmpty: "Укажите причину: почему приказ или план отзывается."
        case .withdrawNotNow: "Уже отозван. Обновите страницу."
        case .withdrawForbidden: "Отзывать приказы и планы могут только сотрудники комитета."
        case .withdrawDone: "Отозвано: больше не видно в списках, счётчиках и у школ. История сохранена; администратор может восстановить."
        case .restoreNotNow: "Восстановить нельзя: уже действует, или отозван весь приказ — восстановите приказ."
        case .restoreForbidden: "Восстанавливать отозванное может только администратор."
        case .restoreDone: "Восстановлено: снова видно в списках, счётчиках и у школ."
        case .publishDone: "Ход исполнения опубликован: открытая страница и открытые данные доступны всем без входа."
        case .unpublishDone: "Ход исполнения снят с публикации: открытая страница больше не открывается."
        case .reportPublicDone: "Текст отчёта будет показан на открытой странице приказа."
        case .reportPrivateDone: "Текст отчёта больше не показывается на открытой странице."
        case .reviewChoose: "Выберите: принять или вернуть."
        case .reviewCommentRequired: "Чтобы вернуть отчёт, напишите комментарий: что доработать."
        case .reviewAlreadyDecided: "Этот отчёт уже рассмотрен или изменился. Список обновлён."
        case .reviewForbidden: "Отчёты рассматривают только координаторы комитета."
        case .reviewAccepted: "Отчёт принят."
        case .reviewReturned: "Отчёт возвращён на доработку."
        case .extensionChoose: "Выберите: перенести срок или отказать."
        case .extensionCommentRequired: "Чтобы отказать, напишите комментарий: почему срок не переносится."
        case .extensionForbidden: "Переносить сроки может только координатор комитета."
        case .extensionApproved: "Срок перенесён."
        case .extensionRejected: "В переносе срока отказано."
        case .importForbidden: "Планы загружают только координаторы комитета."
        case .importNoFile: "Выберите файл плана (.docx, .xlsx, .pdf, .doc, .xls, .odt, .ods, .rtf, .csv, .tsv или .txt)."
        case .importBadDate: "Дата приказа не распознана."
        case .importBadAcademicYear:
            "Учебный год не распознан: укажите год его начала (2024 — это 2024/2025) или оба года, «2024/2025», с \(AcademicYear.supported.lowerBound) по \(AcademicYear.supported.upperBound) год."
        case .importFileNotReceived: "Файл не получен. Выберите файл и отправьте форму ещё раз."
        case .importChoiceMissing: "Укажите, какая это организация, или выберите другой вариант."
        case .importChoiceUnknown: "Такой организации нет: проверьте название или выберите «новая организация»."
        case .importChoiceAmbiguous: "Под это название подходят несколько организаций: уточните название."
        case .importChoicesRefused: "Импорт не выполнен: исправьте отмеченные поля."
        case .importChoicePick: "Название подходит к нескольким организациям: выберите одну из них или другой вариант."
        case .administrationForbidden: "Организациями и пользователями управляют сотрудники комитета."
        case .organizationNameEmpty: "Укажите название организации."
        case .organizationKindMissing: "Выберите вид организации."
        case .organizationExists: "Такая организация уже есть."
        case .organizationAdded: "Организация добавлена."
        case .organizationSaved: "Изменения сохранены."
        case .organizationStale: "Пока вы правили, организацию изменил кто-то другой. Показано, что сохранено сейчас; внесите правку снова."
        case .organizationAliasInvalid: "В каждом другом названии должны быть буквы или цифры."
        case .mergeUnknown: "Такой организации нет: укажите название, другое название или код из списка."
        case .mergeAmbiguous: "Под это название подходят несколько организаций: укажите код из списка."
        case .mergeSame: "Это одна и та же организация."
        case .mergeOverlap: "Объединить нельзя: у обеих одно и то же место в плане. Сначала уладьте его:"
        case .mergeDone: "Организации объединены; прежнее название стало другим названием оставленной:"
        case .userLoginInvalid: "Имя пользователя: от 1 до 64 латинских букв, цифр и знаков . _ @ -"
        case .userRoleMissing: "Выберите роль."
        case .userOrganizationMissing: "Исполнителю нужна организация: укажите её код."
        case .userOrganizationUnknown: "Организация с таким кодом не найдена. Скопируйте код из списка организаций."
        case .userPasswordShort: "Пароль должен быть не короче 10 знаков и не длиннее 72 байт."
        case .userExists: "Пользователь с таким именем уже есть."
        case .userAdded: "Пользователь добавлен."
        case .userDisabled: "Пользователь отключён; его сеансы и токены больше не действуют."
        case .userUnlocked: "блокировка снята, пользователь может войти."
        case .usersImportNoFile: "Выберите файл CSV со столбцами organization, login, email, full_name."
        case .usersImportNoColumns: "В первой строке файла должны быть названия столбцов, среди них organization (или «организация») и login (или «логин»)."
        case .usersImportRefused: "Пользователи не добавлены: исправьте строки файла."
        case .usersImportDone: "Пользователи добавлены. Пароли показаны один раз: передайте их и не храните копию."
        case .usersImportUnknownOrganization: "нет такой организации"
        case .usersImportAmbiguousOrganization: "подходит к нескольким организациям — укажите код"
        case .usersImportBadLogin: "имя пользователя: от 1 до 64 латинских букв, цифр и знаков . _ @ -"
        case .usersImportLoginTwice: "имя пользователя повторяется в файле"
        case .usersImportBadEmail: "это не адрес электронной почты"
        case .usersImportBadName: "в ФИО недопустимые символы"
        case .usersImportLoginTaken: "пользователь с таким именем уже есть"
        case .userSelfDisable: "Нельзя отключить собственную учётную запись."
        case .textControlCharacters: "В тексте есть управляющие символы или знаки смены направления письма; уберите их."
        case .notFound: "Такой страницы или записи нет, или у вас нет к ней доступа."
        case .forbidden: "У вас нет прав на это действие."
        case .tooLarge: "Отправлено слишком много данных: файл или текст больше допустимого."
        case .badRequest, .badParameter: "Запрос не понят. Вернитесь на предыдущую страницу и повторите."
        case .validation: "Данные не приняты: проверьте поля формы."
        case .conflict: "Действие сейчас невозможно: запись изменилась или уже обработана. Обновите страницу."
        case .stale: "Запись изменил кто-то другой. Обновите страницу и повторите."
        case .rateLimited: "Слишком много запросов. Подождите немного и повторите."
        case .serviceUnavailable: "Сервис временно недоступен: база данных не отвечает. Повторите через минуту."
        case .internalError: "Что-то пошло не так на нашей стороне. Сообщите номер запроса администратору."
        case .methodNotAllowed: "Так к этой странице обратиться нельзя."
        case .unsupportedMediaType: "Данные отправлены в неподдерживаемом виде."
        }
    }

    /// The link from an action on the order page to all its assignments: «Все 500 исполнителей →»,
    /// or «Все 6000 назначений (500 исполнителей) →» when the action recurs.
    static func allAssignments(_ total: Int, organizations: Int) -> String {
        let assignments = "\(total) " + RussianPlural.form(total, one: "назначение", few: "назначения", many: "назначений")
        let executors = "\(organizations) " + RussianPlural.form(organizations, one: "исполнитель", few: "исполнителя", many: "исполнителей")
        if total == organizations { return "Все \(executors) →" }
        return organizations == 0 ? "Все \(assignments) →" : "Все \(assignments) (\(executors)) →"
    }

    /// The heading of an error page for `status`.
    static func heading(status: Int) -> String {
        switch status {
        case 400: "Запрос не понят"
        case 403: "Доступ запрещён"
        case 404: "Не найдено"
        case 405: "Действие недоступно"
        case 409: "Действие невозможно"
        case 412: "Запись изменилась"
        case 413: "Слишком большой объём"
        case 415: "Неподдерживаемые данные"
        case 422: "Данные не приняты"
        case 429: "Слишком много запросов"
        case 503: "Сервис временно недоступен"
        default: status >= 500 ? "Ошибка сервера" : "Запрос не выполнен"
        }
    }

    /// The words for a problem `type`, or a general sentence for its status.
    static func problem(type: String, status: Int) -> String {
        if let known = PageText(rawValue: type) { return known.russian }
        return status >= 500 ? PageText.internalError.russian : PageText.badRequest.russian
    }

    // MARK: The importer, in Russian

    /// Where in a document, as a person reads it: «строка 12», «ячейка B7».
    static func place(_ location: SourceLocation?) -> String {
        guard let location else { return "" }
        var parts: [String] = []
        if let page = location.page { parts.append("страница \(page)") }
        if let cell = location.cell { parts.append("ячейка \(cell)") }
        if let line = location.line { parts.append("строка \(line)") }
        if let row = location.row, location.cell == nil { parts.append("строка таблицы \(row)") }
        if let column = location.column, location.cell == nil { parts.append("столбец \(column)") }
        return parts.joined(separator: ", ")
    }

    /// Why a deadline that was understood has no days, and what gives them: a month without a
    /// year is read once the plan's academic year is given (the import page has the field).
    static func russian(deadline text: String, keptAsText reason: DeadlineError) -> String {
        switch reason {
        case .missingYear:
            "срок «\(text)» сохранён как текст: год не указан ни в сроке, ни в файле. Укажите учебный год плана или впишите год в срок."
        case .missingPeriod:
            "срок «\(text)» сохранён как текст: он охватывает весь период плана или повторяется в нём, а период в файле не указан. Укажите учебный год плана."
        case .needsOtherContext:
            "срок «\(text)» сохранён как текст: он говорит об учебном годе, а план — о календарном (или наоборот). Проверьте его."
        case .notInContext(_, let phrase, _):
            "срок «\(text)» сохранён как текст: «\(phrase)» не попадает в период плана. Впишите год в срок."
        case .ambiguousInContext(_, let phrase, _, let candidates):
            "срок «\(text)» сохранён как текст: «\(phrase)» попадает в период плана не один раз (\(candidates.count) \(RussianPlural.form(candidates.count, one: "раз", few: "раза", many: "раз"))). Впишите год в срок."
        case .timeWithoutDay:
            "срок «\(text)» сохранён как текст: это время без дня, а план не ограничен одним днём. Впишите дату."
        case .invalidContext:
            "срок «\(text)» не распознан и сохранён как текст; проверьте его."
        }
    }

    static func russian(_ warning: ImportWarning) -> String {
        let place = [warning.file.map { "«\($0)»" }, Optional(Self.place(warning.location)).flatMap { $0.isEmpty ? nil : $0 }]
            .compactMap { $0 }.joined(separator: ", ")
        let prefix = place.isEmpty ? "" : place + ": "
        switch warning.kind {
        case .rowWithoutAction: return prefix + "строка без мероприятия пропущена."
        case .rowWithoutPartner: return prefix + "строка без социального партнёра пропущена."
        case .deadlineKeptAsText(let text, let reason): return prefix + Self.russian(deadline: text, keptAsText: reason)
        case .noDeadline: return prefix + "срок не указан: у мероприятия не будет даты исполнения."
        case .deadlineUnreadable(let text): return prefix + "срок «\(text)» не распознан и сохранён как текст; проверьте его."
        case .deadlineElsewhere(let text):
            return prefix + "срок «\(text)» в плане не указан: его даст другой график, согласование или назначение. Даты исполнения не будет, пока её не назначат."
        case .recurrenceWithoutPeriod(let text):
            return prefix + "«\(text)» повторяется, но период плана неизвестен: укажите учебный год, чтобы создать повторения."
        case .agreementsWithoutOwner: return prefix + "в документе отмечены договоры, но не указано, чей это план."
        case .removedActionKept(let title):
            return "Мероприятия «\(title)» больше нет в документе; по нему есть отчёты, поэтому оно сохранено, а открытые назначения отменены."
        case .probableMatch(let name, let organization):
            return "«\(name)» сопоставлено с «\(organization)» (вероятное совпадение); добавьте псевдоним, чтобы подтвердить."
        case .groupWithoutMembers(let name, let group):
            let kinds = switch group {
            case .schools: "школы"
            case .kindergartens: "детские сады"
            case .schoolsAndKindergartens: "школы и детские сады"
            }
            return "«\(name)» — это все \(kinds), но в справочнике их пока нет: имя сохранено как написано, назначений нет. "
                + "Добавьте учреждения и загрузите план ещё раз."
        case .columnsInferred(let inference):
            let shape = switch inference {
            case .numberedList: "нумерованный список"
            case .labelledItems: "абзацы мероприятий, за каждым строки «Срок:» и «Отв.:»"
            case .headerlessTable: "таблица без шапки"
            case .datedList: "список, пункты которого начинаются с даты или времени"
            case .alternatingLines: "строки сроков и мероприятий поочерёдно"
            }
            return prefix + "в документе нет шапки таблицы: он прочитан как \(shape), мероприятия, сроки и исполнители определены по тексту. "
                + "Проверьте их перед загрузкой."
        case .withoutExecutors(let count):
            return prefix + "у \(count) \(RussianPlural.form(count, one: "мероприятия", few: "мероприятий", many: "мероприятий")) не указан исполнитель: "
                + "назначений по ним не будет, пока вы не назначите исполнителей в редакторе плана."
        }
    }

    /// Why a report's files were refused, beside the file field: the report was not sent.
    static func russian(evidence refusal: EvidenceRefusal) -> String {
        let reason: String
        switch refusal {
        case .badName: reason = "В имени файла есть управляющие символы, или оно длиннее 255 знаков."
        case .file(_, let name, .extensionNotAccepted):
            reason = "«\(name)»: такие файлы не принимаются. Прикладывайте PDF, фото и сканы (JPEG, PNG, GIF, WebP, TIFF, HEIC) или документы (Word, Excel, PowerPoint, OpenDocument, RTF)."
        case .file(_, let name, .unknownContent):
            reason = "«\(name)»: внутри не PDF, не изображение и не документ, как бы файл ни назывался. Такой файл не принимается."
        case .file(_, let name, .contentDoesNotMatchName(let content, _)):
            reason = "«\(name)»: внутри файл \(content.rawValue.uppercased()), а имя говорит другое. Переименуйте его в .\(content.extensions.sorted().first ?? content.rawValue)."
        case .limits(.empty(let name)): reason = "«\(name)» пустой."
        case .limits(.fileTooLarge(let name, let bytes, let limit)):
            reason = "«\(name)» — \(WebController.russianSize(bytes)); файл может быть не больше \(WebController.russianSize(limit))."
        case .limits(.reportTooLarge(let bytes, let limit)):
            reason = "Файлы вместе — \(WebController.russianSize(bytes)); к отчёту можно приложить не больше \(WebController.russianSize(limit))."
        case .limits(.tooManyFiles(let count, let limit)):
            reason = "Выбрано файлов: \(count); к отчёту можно приложить не больше \(limit)."
        }
        return reason + " Отчёт не отправлен: выберите файлы снова."
    }

    /// Why a file was refused, for the import page.
    static func russian(importFailure error: any Error, file: String) -> String {
        switch error {
        case let error as DocumentReadError:
            return switch error {
            case .empty: "Файл «\(file)» пуст."
            case .unreadable, .malformed: "Файл «\(file)» не прочитан: он повреждён или это не документ этого формата."
            case .unsupportedEncoding: "Файл «\(file)» в неизвестной кодировке: сохраните его в UTF-8 или Windows-1251."
            case .tooLarge(_, let limit): "Файл «\(file)» слишком большой (предел — \(limit))."
            case .limitExceeded(_, let location, _):
                "В файле «\(file)» слишком много строк, ячеек или текста\(location.map { " (\(Self.place($0)))" } ?? "")."
            case .forbiddenContent: "Файл «\(file)» отклонён: в нём недопустимое содержимое (шифрование, внешние ссылки)."
            case .unsupportedFormat: "Формат файла «\(file)» не поддерживается: загрузите .docx, .xlsx, .pdf, .doc, .xls, .odt, .ods, .rtf, .csv, .tsv или .txt."
            case .encrypted: "Файл «\(file)» защищён паролем: сохраните копию без пароля и загрузите её."
            case .noTextLayer:
                "В PDF-файле «\(file)» нет текста — похоже, это скан. Загрузите исходный документ (.docx, .doc, .odt) или PDF, сохранённый из него."
            case .toolMissing(_, let tool, _, let alternative):
                "Для чтения файла «\(file)» нужна программа \(tool), а она не установлена на сервере. Сохраните файл как \(alternative) или обратитесь к администратору."
            case .timedOut(_, _, let seconds): "Файл «\(file)» не удалось прочитать за \(seconds) с: он слишком сложный или повреждён."
            }
        case let error as PlanParseError:
            return switch error {
            case .noPlanTable: "В файле «\(file)» не найден план: нет таблицы с мероприятиями, сроками и исполнителями."
            case .noActions(_, let location):
                "В файле «\(file)» найден заголовок плана (\(Self.place(location))), но под ним нет ни одного мероприятия."
            case .layoutLost(_, let headings):
                "В файле «\(file)» есть заголовки плана (\(headings.map { "«\($0)»" }.joined(separator: ", "))), но строки таблицы не различить: "
                    + "копия потеряла разметку таблицы (так бывает с текстом, скопированным из PDF или с веб-страницы). Загрузите исходный документ (.docx, .pdf и т. п.)."
            }
        case let error as ImportError:
            return switch error {
            case .orderIncomplete: "В файле «\(file)» нет реквизитов приказа: укажите номер, дату и кто издал."
            case .unknownOrganizations(let names):
                "Исполнители не найдены среди организаций: \(names.map { "«\($0)»" }.joined(separator: ", "))."
            case .ambiguousOrganizations(let names):
                names.map { name in
                    "«\(name.name)» подходит к нескольким организациям (\(name.candidates.map { "«\($0.name)»" }.joined(separator: ", ")))"
                }.joined(separator: "; ")
                    + ": выберите для каждого названия, какая это организация; если это одна организация, объедините их (Администрирование → «Объединить организации»)."
            case .choicesRefused(let refused):
                "Не найдены организации, выбранные для исполнителей: \(refused.map { "«\($0.name)» → «\($0.reference)»" }.joined(separator: ", "))."
            case .withdrawn: "План из файла «\(file)» был отозван. Чтобы загрузить его снова, администратор сначала восстанавливает его (Администрирование → «Отозванные»)."
            case .academicYearUnsupported: PageText.importBadAcademicYear.russian
            }
        default:
            return "Импорт файла «\(file)» не выполнен."
        }
    }
}
