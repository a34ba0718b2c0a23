/// How much of a file the import readers accept before refusing it. A hostile upload
/// (a zip bomb, a sheet of a million rows, a cell of a megabyte) must cost the server a
/// bounded amount of memory and time, and a real road map never comes near these numbers.
public struct ReadLimits: Sendable, Equatable {
    /// The largest file accepted, in bytes, as uploaded (compressed for .docx/.xlsx).
    public var maxFileSize: Int
    /// The most bytes an archive (.docx, .xlsx) may expand to: the declared sizes of all
    /// its entries, and the bytes actually inflated from the parts read (declared sizes lie).
    public var maxUncompressedSize: Int
    /// The most entries an archive may hold.
    public var maxArchiveEntries: Int
    /// The most rows of a table (table rows of a .docx, rows of a sheet, records of a .csv).
    public var maxRows: Int
    /// The most columns of a table.
    public var maxColumns: Int
    /// The most characters in one cell or paragraph.
    public var maxCellLength: Int

    public init(
        maxFileSize: Int = 20 * 1024 * 1024,
        maxUncompressedSize: Int = 100 * 1024 * 1024,
        maxArchiveEntries: Int = 2_000,
        maxRows: Int = 20_000,
        maxColumns: Int = 256,
        maxCellLength: Int = 10_000
    ) {
        self.maxFileSize = maxFileSize
        self.maxUncompressedSize = maxUncompressedSize
        self.maxArchiveEntries = maxArchiveEntries
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCellLength = maxCellLength
    }

    /// The limits of the service: 20 MiB files, 100 MiB uncompressed, 2,000 archive entries,
    /// 20,000 rows, 256 columns, 10,000 characters a cell.
    public static let standard = ReadLimits()

    /// «20 MiB», «2000 KiB», «512 bytes»: a size in the words of an error message.
    static func describe(bytes: Int) -> String {
        if bytes >= 1024 * 1024, bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MiB" }
        if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }
}
