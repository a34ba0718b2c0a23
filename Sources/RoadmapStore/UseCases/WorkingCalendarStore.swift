import Foundation
import RoadmapDomain
import RoadmapPostgres

/// The production calendar as the committee keeps it: the years loaded and their days that
/// differ from Monday–Friday. Anyone reads it; an administrator loads a year from a file
/// (`YYYY-MM-DD;off|work;note` a line) or sets one day.
public struct WorkingCalendarStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct Day: Sendable, Hashable {
        public let day: CalendarDate
        public let worked: Bool
        public let note: String?
    }

    public struct Year: Sendable, Hashable {
        public let year: Int
        public let source: String
        public let days: [Day]
    }

    /// The calendar for the years `from`…`to` (the daily pass needs about four).
    static func calendar(years: ClosedRange<Int>, on connection: PostgresConnection) throws -> WorkingCalendar {
        let loaded = Set(try connection.query("""
            SELECT year FROM working_calendar_years WHERE year BETWEEN \(years.lowerBound) AND \(years.upperBound)
            """).rows.map { try $0.decode(Int.self, "year") })
        guard !loaded.isEmpty else { return .none }
        var exceptions: [CalendarDate: Bool] = [:]
        for row in try connection.query("""
            SELECT day, worked FROM working_calendar_days
            WHERE day >= make_date(\(years.lowerBound)::int, 1, 1) AND day < make_date(\(years.upperBound + 1)::int, 1, 1)
            """).rows {
            exceptions[try row.decode(CalendarDate.self, "day")] = try row.decode(Bool.self, "worked")
        }
        return WorkingCalendar(years: loaded, exceptions: exceptions)
    }

    /// The calendar around a day: three years back (overdue work is chased that long) and one ahead.
    static func calendar(around day: CalendarDate, on connection: PostgresConnection) throws -> WorkingCalendar {
        try calendar(years: (day.year - 3)...(day.year + 1), on: connection)
    }

    /// Every loaded year with its days, newest first.
    public func years() async throws -> [Year] {
        try await database.withConnection { connection in
            let days = Dictionary(grouping: try connection.query("SELECT day, worked, note FROM working_calendar_days ORDER BY day").rows.map {
                Day(day: try $0.decode(CalendarDate.self, "day"), worked: try $0.decode(Bool.self, "worked"), note: try $0.decode(String?.self, "note"))
            }, by: \.day.year)
            return try connection.query("SELECT year, source FROM working_calendar_years ORDER BY year DESC").rows.map { row in
                let year = try row.decode(Int.self, "year")
                return Year(year: year, source: try row.decode(String.self, "source"), days: days[year] ?? [])
            }
        }
    }

    /// Loads the years a calendar file covers, replacing what was kept for them. A bad line
    /// refuses the whole file.
    @discardableResult
    public func load(_ text: String, source: String, actor: Principal) async throws -> [Int] {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageCalendar))
        let days: [(day: CalendarDate, worked: Bool, note: String?)]
        do {
            days = try WorkingCalendar.parse(text)
        } catch {
            throw UseCaseError.invalid(field: "file", reason: error.description)
        }
        let years = Set(days.map(\.day.year)).sorted()
        guard !years.isEmpty else { throw UseCaseError.invalid(field: "file", reason: "the file lists no days") }
        guard years.allSatisfy({ (1990...2200).contains($0) }) else { throw UseCaseError.invalid(field: "file", reason: "years must be 1990–2200") }
        let source: String = try TypedText.field(source, "source")
        return try await database.transaction { connection in
            for year in years {
                try connection.execute("""
                    DELETE FROM working_calendar_days WHERE day >= make_date(\(year)::int, 1, 1) AND day < make_date(\(year + 1)::int, 1, 1)
                    """)
                try connection.execute("""
                    INSERT INTO working_calendar_years (year, source) VALUES (\(year), \(source))
                    ON CONFLICT (year) DO UPDATE SET source = excluded.source, loaded_at = now()
                    """)
            }
            for entry in days {
                try connection.execute("""
                    INSERT INTO working_calendar_days (day, worked, note) VALUES (\(entry.day), \(entry.worked), \(entry.note))
                    ON CONFLICT (day) DO UPDATE SET worked = excluded.worked, note = excluded.note
                    """)
            }
            try EventLog.record(connection, actor: actor, entityType: "calendar", entityID: UUID(), event: "loaded",
                                reason: source, data: ["years": years.map(String.init).joined(separator: ","), "days": String(days.count)])
            return years
        }
    }

    /// Makes one day of a loaded year a day off (`worked` false), a working day (true), or
    /// as Monday–Friday says (nil).
    public func setDay(_ day: CalendarDate, worked: Bool?, note: String?, actor: Principal) async throws {
        try OrganizationStore.require(AccessPolicy(actor).may(.manageCalendar))
        let note = try TypedText.field(note, "note").flatMap { $0.isEmpty ? nil : $0 }
        try await database.transaction { connection in
            guard try connection.query("SELECT 1 FROM working_calendar_years WHERE year = \(day.year)").first != nil else {
                throw UseCaseError.invalid(field: "day", reason: "no calendar is loaded for \(day.year); load that year first")
            }
            if let worked {
                try connection.execute("""
                    INSERT INTO working_calendar_days (day, worked, note) VALUES (\(day), \(worked), \(note))
                    ON CONFLICT (day) DO UPDATE SET worked = excluded.worked, note = excluded.note
                    """)
            } else {
                try connection.execute("DELETE FROM working_calendar_days WHERE day = \(day)")
            }
            try EventLog.record(connection, actor: actor, entityType: "calendar", entityID: UUID(), event: "day_set",
                                reason: note, data: ["day": day.iso, "worked": worked.map { String($0) } ?? "weekday rule"])
        }
    }
}
