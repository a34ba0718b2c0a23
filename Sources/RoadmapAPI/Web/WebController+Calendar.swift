import Foundation
import Hummingbird
import RoadmapDomain
import RoadmapStore

/// Deadlines in calendars: a user gets a private feed address on `/calendar` (shown once,
/// replaced or stopped there); `/calendar/{secret}.ics` serves the feed without a session.
extension WebController {
    func addCalendarRoutes(to router: Router<AppRequestContext>) {
        router.get("/calendar") { request, _ in try await self.calendarPage(request) }
        router.post("/calendar") { request, _ in try await self.issueCalendar(request) }
        router.post("/calendar/revoke") { request, _ in try await self.revokeCalendar(request) }
        router.get("/calendar/{file}") { request, context in try await self.calendarFeed(request, file: context.parameters.get("file") ?? "") }
    }

    func calendarPage(_ request: Request, notice: String? = nil, address: String? = nil) async throws -> Response {
        guard let live = try await signedIn(request) else { return Self.redirect(to: "/login") }
        return try page(CalendarPage(user: await pageUser(live), csrf: live.csrfToken, notice: notice, address: address))
    }

    /// The site's address as the browser reached it, unless `--public-url` says otherwise.
    func siteAddress(_ request: Request) -> String {
        if let publicURL { return publicURL.absoluteString.hasSuffix("/") ? String(publicURL.absoluteString.dropLast()) : publicURL.absoluteString }
        return "http://" + (request.head.authority ?? "localhost")
    }

    func issueCalendar(_ request: Request) async throws -> Response {
        guard let (live, _) = try await checkedForm(ReasonForm.self, request) else { return Self.redirect(to: "/login") }
        let issued = try await calendars.issueOwn(actor: live.principal)
        return try await calendarPage(request, notice: PageText.calendarIssued.russian, address: "\(siteAddress(request))/calendar/\(issued.secret).ics")
    }

    func revokeCalendar(_ request: Request) async throws -> Response {
        guard let (live, _) = try await checkedForm(ReasonForm.self, request) else { return Self.redirect(to: "/login") }
        try await calendars.revokeOwn(actor: live.principal)
        return try await calendarPage(request, notice: PageText.calendarRevoked.russian)
    }

    /// The feed itself: `text/calendar`, never cached by a proxy; an unknown or stopped
    /// address is «not found», whatever it looks like.
    func calendarFeed(_ request: Request, file: String) async throws -> Response {
        guard file.hasSuffix(".ics"), let feed = try await calendars.feed(secret: String(file.dropLast(4)), publicURL: siteAddress(request)) else {
            throw Problem.notFound("No calendar at this address; it may have been replaced or stopped.")
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "private, no-store",
                      .contentDisposition: "inline; filename=\"roadmap.ics\""],
            body: .init(byteBuffer: ByteBuffer(string: feed.rendered(stamp: Date()))))
    }
}
