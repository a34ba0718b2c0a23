import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapImport
import RoadmapStore

/// The import page: upload a plan document, see what a dry run would create, confirm.
/// The document is kept in `web_uploads` between the two steps, so the confirmation
/// needs no JavaScript and no second upload.
extension WebController {
    func addImportRoutes(to router: Router<AppRequestContext>) {
        router.get("/import") { request, _ in try await self.importPage(request) }
        router.post("/import") { request, _ in try await self.uploadPlan(request) }
        router.post("/import/{id}/confirm") { request, context in try await self.confirmImport(request, id: context.parameters.get("id") ?? "") }
    }

    func importPage(_ request: Request, error: String? = nil, status: HTTPResponse.Status = .ok,
                    fields: [String: String] = [:], dateError: String? = nil, academicYearError: String? = nil) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        try Self.requireImport(live)
        return try page(ImportPage(
            user: await pageUser(live), csrf: live.csrfToken, error: error, number: fields["order_number"] ?? "",
            date: fields["order_date"] ?? "", dateError: dateError, issuer: fields["issuer"] ?? "",
            academicYear: fields[Self.academicYearField] ?? "", academicYearError: academicYearError), status: status)
    }

    static func requireImport(_ live: SessionStore.Live) throws {
        if case .forbidden = AccessPolicy(live.principal).may(.managePlans) {
            throw Problem.forbidden("Only the committee's staff import plans.").onPage(.importForbidden)
        }
    }

    /// A `multipart/form-data` body read (BodyLimitMiddleware has bounded its size already)
    /// with its CSRF token checked: a forged or stale form is refused here.
    func checkedUpload(_ request: Request, live: SessionStore.Live) async throws -> Result<UploadedForm, UploadedForm.Failure> {
        var request = request
        let body = try await request.collectBody(upTo: .max)
        let form: UploadedForm
        do {
            form = try UploadedForm(contentType: request.headers[.contentType], body: body)
        } catch {
            return .failure(error)
        }
        guard let csrf = form.fields["csrf"], Self.same(csrf, live.csrfToken) else { throw Self.staleForm }
        return .success(form)
    }

    func uploadPlan(_ request: Request) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        try Self.requireImport(live)
        let form: UploadedForm
        switch try await checkedUpload(request, live: live) {
        case .success(let read): form = read
        case .failure(let error):
            return try await importPage(request, error: "\(PageText.importFileNotReceived.russian) (\(error))", status: .badRequest)
        }
        let fields = form.fields.filter { ["order_number", "order_date", "issuer", Self.academicYearField].contains($0.key) }
            .mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
        guard let file = form.files.first(where: { $0.fieldName == "document" }), !file.data.isEmpty else {
            return try await importPage(request, error: PageText.importNoFile.russian, status: .unprocessableContent, fields: fields)
        }
        let fileName = (file.fileName as NSString).lastPathComponent
        let dateError = fields["order_date"].flatMap { CalendarDate(iso: $0) == nil ? PageText.importBadDate.russian : nil }
        let yearError = fields[Self.academicYearField].flatMap { AcademicYear.startYear(of: $0) == nil ? PageText.importBadAcademicYear.russian : nil }
        if dateError != nil || yearError != nil {
            return try await importPage(request, status: .unprocessableContent, fields: fields, dateError: dateError, academicYearError: yearError)
        }
        let preview: ImportOutcome
        do {
            preview = try await runImport(data: file.data, fileName: fileName, fields: fields, dryRun: true, actor: live.principal)
        } catch let failure as ImportFailure {
            return try await importPage(request, error: failure.message, status: .unprocessableContent, fields: fields)
        }
        let uploadID = try await uploads.save(fileName: fileName.isEmpty ? "document" : fileName, content: file.data,
                                              options: fields, owner: live.principal)
        return try await previewPage(live, uploadID: uploadID, fileName: fileName, outcome: preview,
                                     choices: Self.choices(for: preview), typedYear: fields[Self.academicYearField])
    }

    /// The coordinator's answer for one name the import did not find.
    struct ChoiceInput: Sendable {
        var written: String
        /// «new», «person», «existing», «group» (every organisation of the kind the name says),
        /// «pick:ID» (one of `candidates`), or empty (nothing chosen yet).
        var kind: String
        var existing: String
        var error: PageText?
        /// The known organisations the name fits equally well, to pick one from.
        var candidates: [AmbiguousName.Candidate] = []
        /// Taken for a person or a post by how it reads: «new» must then be said to the
        /// import, which would otherwise keep it a person.
        var readAsPerson = false

        static let pickPrefix = "pick:"
        /// A kept candidate that this same file creates, named instead of an id.
        static let newCandidate = "new"
    }

    /// The names a coordinator should settle: each one the import would create (new by
    /// default), and each one it matched only probably (that organisation by default, so
    /// confirming makes the name its alias).
    static func choices(for outcome: ImportOutcome) -> [ChoiceInput] {
        let created = outcome.createdOrganizations.map { ChoiceInput(written: $0, kind: "new", existing: "", error: nil) }
        let probable = outcome.warnings.compactMap { warning -> ChoiceInput? in
            guard case .probableMatch(let name, let organization) = warning.kind else { return nil }
            return ChoiceInput(written: name, kind: "existing", existing: organization, error: nil)
        }
        // «ОО», «все ДОУ»: every school (kindergarten) by default; a school's own plan may mean one.
        let groups = outcome.groups.map { ChoiceInput(written: $0, kind: "group", existing: "", error: nil) }
        // A name that fits several: nothing chosen, the coordinator picks.
        let ambiguous = outcome.ambiguousOrganizations.map {
            ChoiceInput(written: $0.name, kind: "", existing: "", error: nil, candidates: $0.candidates)
        }
        // Persons and posts as the reader took them: a person by default, an organisation if so chosen.
        let persons = outcome.persons.map { ChoiceInput(written: $0, kind: "person", existing: "", error: nil, readAsPerson: true) }
        return ambiguous + created + probable + groups + persons
    }

    /// `typedYear`: the academic year field as the coordinator last typed it (nil: never typed,
    /// so the year read from the file, if any, fills it); `yearError`: why it was refused.
    func previewPage(_ live: SessionStore.Live, uploadID: UUID, fileName: String, outcome: ImportOutcome,
                     choices: [ChoiceInput], typedYear: String? = nil, yearError: String? = nil,
                     error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let pageChoices = Self.pageChoices(choices)
        let model = ImportPreviewPage(
            user: await pageUser(live), csrf: live.csrfToken, id: uploadID.lowercased, fileName: fileName,
            order: outcome.order.map {
                ImportPreviewPage.Order(number: $0.number, date: CalendarDate(iso: $0.date)?.russian ?? $0.date, issuer: $0.issuer)
            },
            goals: outcome.goals, tasks: outcome.tasks, actions: outcome.actions, assignments: outcome.assignmentsCreated,
            unparsed: outcome.deadlinesUnparsed, hasUnparsed: outcome.deadlinesUnparsed > 0, executorCount: outcome.executors.count,
            academicYearRead: outcome.academicYear.map(AcademicYear.label),
            academicYear: typedYear ?? outcome.academicYear.map(AcademicYear.label) ?? "", academicYearError: yearError,
            choices: pageChoices.filter { !$0.readAsPerson }, hasChoices: pageChoices.contains { !$0.readAsPerson },
            personChoices: pageChoices.filter(\.readAsPerson), hasPersonChoices: pageChoices.contains(where: \.readAsPerson),
            personCount: pageChoices.count { $0.readAsPerson },
            personsOpen: choices.contains { $0.readAsPerson && ($0.kind != "person" || $0.error != nil) },
            error: error,
            warnings: outcome.warnings.map(PageText.russian), hasWarnings: !outcome.warnings.isEmpty, unchanged: !outcome.changed,
            plan: Self.previewRows(outcome.preview), hasPlan: !(outcome.preview?.actions.isEmpty ?? true),
            moreActions: (outcome.preview?.moreActions ?? 0) > 0 ? "и ещё \(outcome.preview?.moreActions ?? 0) мероприятий" : "")
        return try page(model, status: status)
    }

    /// Each name to settle as the page shows it, numbered in the form's order.
    static func pageChoices(_ choices: [ChoiceInput]) -> [ImportPreviewPage.Choice] {
        choices.enumerated().map { index, choice in
                ImportPreviewPage.Choice(
                    index: index, written: choice.written, isGroup: choice.kind == "group", isNew: choice.kind == "new",
                    isPerson: choice.kind == "person",
                    isExisting: choice.kind == "existing", existing: choice.existing,
                    // Nothing picked is said beside the organisations to pick from, not on the text box.
                    fieldError: choice.error == .importChoicePick ? nil : choice.error?.russian,
                    pickError: choice.error == .importChoicePick ? choice.error?.russian : nil,
                    candidates: choice.candidates.enumerated().map { number, candidate in
                        ImportPreviewPage.Candidate(
                            choiceField: "c\(index)", value: ChoiceInput.pickPrefix + candidate.reference,
                            name: candidate.name + (candidate.id == nil ? " (тоже из этого файла)" : ""),
                            checked: choice.kind == ChoiceInput.pickPrefix + candidate.reference,
                            field: "a\(index)_\(number)", kept: "\(candidate.id?.lowercased ?? ChoiceInput.newCandidate) \(candidate.name)")
                    },
                    isAmbiguous: !choice.candidates.isEmpty, readAsPerson: choice.readAsPerson)
        }
    }

    /// The dry run's actions as the preview page lists them.
    static func previewRows(_ preview: ImportPreview?) -> [ImportPreviewPage.Row] {
        let headings = preview?.headings ?? []
        return (preview?.actions ?? []).enumerated().map { index, action in
            let heading = headings[index]
            let period = action.period.flatMap { text -> String? in
                let days = text.split(separator: ".").filter { !$0.isEmpty }.map(String.init)
                guard days.count == 2, let first = CalendarDate(iso: days[0]), let last = CalendarDate(iso: days[1]) else { return nil }
                return first == last ? first.russian : "\(first.russian) – \(last.russian)"
            }
            return ImportPreviewPage.Row(
                goalStart: heading.goal.map { ImportPreviewPage.Goal(title: $0.title, tasks: $0.tasks.enumerated().map { "\($0.offset + 1). \($0.element)" }) },
                tasksStart: heading.tasks?.joined(separator: "; "),
                sectionStart: heading.section, number: index + 1, title: action.title,
                deadline: action.deadline.isEmpty ? "не указан" : action.deadline,
                period: period ?? (action.deadlineRead ? "без срока" : "срок не распознан: сохранится текстом"),
                deadlineRead: action.deadlineRead,
                executors: action.executors.map { executor in
                    switch executor.match {
                    case .matched:
                        ImportPreviewPage.Executor(written: executor.written,
                                                   organization: executor.organization == executor.written ? nil : executor.organization,
                                                   tag: "найдено", tagClass: "tag-ok")
                    case .probable:
                        ImportPreviewPage.Executor(written: executor.written, organization: executor.organization, tag: "вероятно", tagClass: "tag-new")
                    case .new: ImportPreviewPage.Executor(written: executor.written, organization: nil, tag: "новая организация", tagClass: "tag-new")
                    case .ambiguous:
                        ImportPreviewPage.Executor(written: executor.written, organization: nil,
                                                   tag: "несколько организаций: выберите ниже", tagClass: "tag-new")
                    case .person: ImportPreviewPage.Executor(written: executor.written, organization: nil, tag: "лицо", tagClass: "tag-person")
                    case .group:
                        ImportPreviewPage.Executor(written: executor.written,
                                                   organization: executor.members ?? 0 > 0
                                                       ? "каждое такое учреждение справочника (\(executor.members ?? 0))"
                                                       : "таких учреждений в справочнике пока нет: сохранится как написано",
                                                   tag: "все учреждения", tagClass: "tag-ok")
                    }
                },
                more: action.moreExecutors > 0 ? "и ещё \(action.moreExecutors)" : "")
        }
    }

    /// A form that carries nothing but its CSRF token.
    struct ConfirmForm: Decodable, CSRFCarrying {
        var csrf: String?
    }

    /// The preview's form: the step asked for («preview» again with the choices, or «import»),
    /// and for each name the import did not find, `nN` (the name), `cN` (new, person,
    /// existing or «pick:ID») and `oN` (the known organisation, as typed); for a name that fits
    /// several, `aN_M` keeps each candidate («ID name») for the page shown again.
    func confirmImport(_ request: Request, id: String) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        let form = try await Self.form([String: String].self, request)
        guard let csrf = form["csrf"], Self.same(csrf, live.csrfToken) else { throw Self.staleForm }
        try Self.requireImport(live)
        guard let uploadID = UUID(uuidString: id) else { throw UseCaseError.notFound(entity: "upload", id: id) }
        let upload = try await uploads.get(uploadID, owner: live.principal)

        var inputs: [ChoiceInput] = []
        var chosen: [String: ExecutorChoice] = [:]
        // Bounded by the form's size: the names a plan of persons and posts lists run to hundreds.
        for index in 0..<2_000 {
            guard let written = form["n\(index)"], !written.isEmpty else { break }
            let candidates = (0..<50).lazy.map { form["a\(index)_\($0)"] }.prefix { $0 != nil }.compactMap { kept -> AmbiguousName.Candidate? in
                let parts = (kept ?? "").split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { return nil }
                if parts[0] == ChoiceInput.newCandidate { return AmbiguousName.Candidate(id: nil, name: parts[1]) }
                return UUID(uuidString: parts[0]).map { AmbiguousName.Candidate(id: $0, name: parts[1]) }
            }
            var input = ChoiceInput(written: written, kind: form["c\(index)"] ?? (candidates.isEmpty ? "new" : ""),
                                    existing: (form["o\(index)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines), error: nil,
                                    candidates: Array(candidates), readAsPerson: form["r\(index)"] == "person")
            switch input.kind {
            case "group": break
            case "person": chosen[written] = .person
            case "":
                input.error = .importChoicePick
            case let picked where picked.hasPrefix(ChoiceInput.pickPrefix):
                // Only one of the organisations offered; the import checks it is one it knows.
                let reference = String(picked.dropFirst(ChoiceInput.pickPrefix.count))
                if input.candidates.contains(where: { $0.reference == reference }) {
                    chosen[written] = .organization(reference)
                } else {
                    input.kind = ""
                    input.error = .importChoicePick
                }
            case "existing":
                if input.existing.isEmpty {
                    input.error = .importChoiceMissing
                } else {
                    chosen[written] = .organization(input.existing)
                }
            default:
                input.kind = "new"
                // A name that fits several known organisations is none of them: one of its own;
                // so is a name the reader took for a post, once it is said to be an organisation.
                if !input.candidates.isEmpty || input.readAsPerson { chosen[written] = .newOrganization }
            }
            inputs.append(input)
        }

        // The academic year as the preview's form has it now: typed again, emptied, or refused
        // (then the plan is shown as read with the year it had, and nothing is written).
        var fields = upload.options
        var typedYear = fields[Self.academicYearField]
        var yearError: String?
        if let typed = form[Self.academicYearField]?.trimmingCharacters(in: .whitespacesAndNewlines) {
            typedYear = typed
            if typed.isEmpty {
                fields[Self.academicYearField] = nil
            } else if AcademicYear.startYear(of: typed) == nil {
                yearError = PageText.importBadAcademicYear.russian
            } else {
                fields[Self.academicYearField] = typed
            }
        }

        var refused = inputs.contains { $0.error != nil } || yearError != nil
        var outcome: ImportOutcome
        do {
            do {
                outcome = try await runImport(data: upload.content, fileName: upload.fileName, fields: fields,
                                              dryRun: refused || form["step"] == "preview", actor: live.principal, choices: chosen)
            } catch ImportError.choicesRefused(let refusals) {
                // Each organisation typed that is none or several of the known ones: said beside
                // its field, and the plan shown with the choices that stand.
                for refusal in refusals {
                    chosen[refusal.name] = nil
                    if let index = inputs.firstIndex(where: { $0.written == refusal.name }) {
                        inputs[index].error = refusal.candidates.isEmpty ? .importChoiceUnknown : .importChoiceAmbiguous
                    }
                }
                refused = true
                outcome = try await runImport(data: upload.content, fileName: upload.fileName, fields: fields,
                                              dryRun: true, actor: live.principal, choices: chosen)
            }
        } catch let failure as ImportFailure {
            return try await importPage(request, error: failure.message, status: .unprocessableContent, fields: fields)
        }
        if outcome.dryRun {
            let choicesRefused = inputs.contains { $0.error != nil }
            return try await previewPage(live, uploadID: uploadID, fileName: upload.fileName, outcome: outcome, choices: inputs,
                                         typedYear: typedYear, yearError: yearError,
                                         error: choicesRefused ? PageText.importChoicesRefused.russian : yearError,
                                         status: refused ? .unprocessableContent : .ok)
        }
        try await uploads.delete(uploadID, owner: live.principal)
        if let summary = outcome.order {
            let order = try await orders.find("\(summary.number)/\(summary.date)", asOf: clock.today(), scope: live.principal)
            return Self.redirect(to: "/orders/\(order.id.lowercased)?imported=1")
        }
        return Self.redirect(to: "/dashboard")
    }

    /// A document the importer refused, in words for the page.
    struct ImportFailure: Error {
        let message: String
    }

    /// The form's field (and the upload's kept option) of the academic year, as typed.
    static let academicYearField = "academic_year"

    func runImport(data: Data, fileName: String, fields: [String: String], dryRun: Bool, actor: Principal,
                   choices: [String: ExecutorChoice] = [:]) async throws -> ImportOutcome {
        do {
            return try await imports.importDocument(
                data, fileName: fileName, academicYear: fields[Self.academicYearField].flatMap(AcademicYear.startYear(of:)),
                options: ImportOptions(
                    dryRun: dryRun, orderNumber: fields["order_number"], orderDate: fields["order_date"].flatMap(CalendarDate.init(iso:)),
                    issuer: fields["issuer"], executorChoices: choices),
                actor: actor)
        } catch let error as DocumentReadError {
            throw ImportFailure(message: PageText.russian(importFailure: error, file: fileName))
        } catch let error as PlanParseError {
            throw ImportFailure(message: PageText.russian(importFailure: error, file: fileName))
        } catch let error as ImportError {
            if case .choicesRefused = error { throw error }
            throw ImportFailure(message: PageText.russian(importFailure: error, file: fileName))
        }
    }
}
