import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapStore

/// The production calendar on `/admin/workdays`: administrators set a day or load a year.
extension WebController {
    func addWorkdaysRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/workdays") { request, _ in try await self.workdaysPage(request) }
        router.post("/admin/workdays/day") { request, _ in try await self.setWorkday(request) }
        router.post("/admin/workdays/load") { request, _ in try await self.loadWorkdays(request) }
    }

    struct WorkdayForm: Decodable, CSRFCarrying {
        var csrf: String?
        var day: String?
        var kind: String?
        var note: String?
    }

    struct WorkdaysFileForm: Decodable, CSRFCarrying {
        var csrf: String?
        var source: String?
        var text: String?
    }

    static let weekdays = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]

    func workdaysPage(_ request: Request, notice: String? = nil, error: String? = nil, day: String = "", note: String = "",
                      fileText: String = "", source: String = "") async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        guard AccessPolicy(live.principal).may(.manageCalendar) == .allowed else {
            throw Problem.forbidden("Only an administrator edits the production calendar.").onPage(.administrationForbidden)
        }
        let years = try await workdays.years().map { year in
            WorkdaysPage.Year(year: year.year, source: year.source, days: year.days.map {
                WorkdaysPage.Day(day: $0.day.russian, weekday: Self.weekdays[WorkingCalendar.weekday($0.day) - 1],
                                 kind: $0.worked ? "рабочий" : "выходной", note: $0.note ?? "")
            })
        }
        return try page(WorkdaysPage(user: await pageUser(live), csrf: live.csrfToken, notice: notice, error: error, years: years,
                                     hasYears: !years.isEmpty, day: day, note: note, fileText: fileText, source: source),
                        status: error == nil ? .ok : .unprocessableContent)
    }

    func setWorkday(_ request: Request) async throws -> Response {
        guard let (live, form) = try await checkedForm(WorkdayForm.self, request) else { return Self.redirect(to: "/login") }
        let typed = form.day ?? ""
        guard let day = CalendarDate(iso: typed) else {
            return try await workdaysPage(request, error: PageText.workdayDateInvalid.russian, day: typed, note: form.note ?? "")
        }
        let worked: Bool? = switch form.kind {
        case "work": true
        case "weekday": nil
        default: false
        }
        do {
            try await workdays.setDay(day, worked: worked, note: form.note, actor: live.principal)
        } catch UseCaseError.invalid(field: let field, _) {
            // No calendar for that year, or a note with characters a text may not hold.
            let message = field == "day" ? PageText.workdayYearMissing : PageText.workdayNoteInvalid
            return try await workdaysPage(request, error: message.russian, day: typed, note: form.note ?? "")
        }
        return try await workdaysPage(request, notice: "\(PageText.workdaySaved.russian) \(day.russian)")
    }

    func loadWorkdays(_ request: Request) async throws -> Response {
        guard let (live, form) = try await checkedForm(WorkdaysFileForm.self, request) else { return Self.redirect(to: "/login") }
        do {
            let years = try await workdays.load(form.text ?? "", source: form.source ?? "страница администрирования", actor: live.principal)
            return try await workdaysPage(request, notice: "\(PageText.workdaysLoaded.russian) \(years.map(String.init).joined(separator: ", "))")
        } catch UseCaseError.invalid(_, let reason) {
            return try await workdaysPage(request, error: "\(PageText.workdaysFileInvalid.russian) (\(reason))", fileText: form.text ?? "",
                                          source: form.source ?? "")
        }
    }
}
