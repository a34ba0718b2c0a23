/// Where the header of a plan table is and what each of its columns holds; the kind of plan the
/// table is (planned actions, or social partners).
public struct PlanTableLayout: Hashable, Sendable {
    /// The shape of the table.
    public enum Kind: Hashable, Sendable {
        /// Planned actions with deadlines and executors («дорожная карта», a monthly plan).
        case actions
        /// Social partners, one per row or block, with forms of interaction and effects.
        case partners
    }

    public let kind: Kind
    /// The index of the header row in the table's rows.
    public let headerRow: Int
    /// Column index → what it holds; unrecognised columns are absent.
    public let columns: [Int: PlanColumn]

    public init(kind: Kind, headerRow: Int, columns: [Int: PlanColumn]) {
        self.kind = kind
        self.headerRow = headerRow
        self.columns = columns
    }

    /// Finds the header among the first rows: the first row naming an action column, or a
    /// partner column, together with at least one other known column. Nil: not a plan table.
    public init?(table: SourceTable) {
        for (index, row) in table.rows.prefix(4).enumerated() {
            var columns: [Int: PlanColumn] = [:]
            for (column, cell) in row.enumerated() {
                guard let kind = PlanColumn(header: cell.text), !columns.values.contains(kind) else { continue }
                columns[column] = kind
            }
            guard columns.count >= 2 else { continue }
            let kinds = Set(columns.values)
            if kinds.contains(.action) {
                self.init(kind: .actions, headerRow: index, columns: columns)
                return
            }
            if kinds.contains(.partner) {
                self.init(kind: .partners, headerRow: index, columns: columns)
                return
            }
        }
        return nil
    }

    /// The column holding `kind`, if the table has one.
    public func index(of kind: PlanColumn) -> Int? {
        columns.first { $0.value == kind }?.key
    }
}
