import RoadmapDomain

/// One cell of an exported table: text, a whole number, or a date (a real date cell in
/// .xlsx, dd.mm.yyyy in .csv).
public enum ExportCell: Equatable, Sendable {
    case text(String)
    case number(Int)
    case date(CalendarDate)
    case empty
}
