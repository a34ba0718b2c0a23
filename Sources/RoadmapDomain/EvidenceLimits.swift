/// How much evidence one report may carry: 20 MB a file, 50 MB a report, 20 files.
public struct EvidenceLimits: Sendable, Hashable {
    public var fileBytes: Int
    public var reportBytes: Int
    public var files: Int

    public init(fileBytes: Int = 20 * 1024 * 1024, reportBytes: Int = 50 * 1024 * 1024, files: Int = 20) {
        self.fileBytes = fileBytes
        self.reportBytes = reportBytes
        self.files = files
    }

    /// Why a set of files is too much or too little.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case empty(String)
        case fileTooLarge(name: String, bytes: Int, limit: Int)
        case reportTooLarge(bytes: Int, limit: Int)
        case tooManyFiles(count: Int, limit: Int)

        public var description: String {
            switch self {
            case .empty(let name): "«\(name)» is empty"
            case .fileTooLarge(let name, let bytes, let limit):
                "«\(name)» is \(EvidenceLimits.megabytes(bytes)); a file may be at most \(EvidenceLimits.megabytes(limit))"
            case .reportTooLarge(let bytes, let limit):
                "the files come to \(EvidenceLimits.megabytes(bytes)); a report may carry at most \(EvidenceLimits.megabytes(limit))"
            case .tooManyFiles(let count, let limit): "\(count) files; a report may carry at most \(limit)"
            }
        }
    }

    /// Checks files named `names` of `sizes` bytes, added to `alreadyAttached` bytes in
    /// `attachedCount` files the report has.
    public func check(_ files: [(name: String, bytes: Int)], alreadyAttached: Int = 0, attachedCount: Int = 0) throws(Refusal) {
        if attachedCount + files.count > self.files { throw .tooManyFiles(count: attachedCount + files.count, limit: self.files) }
        for file in files {
            if file.bytes == 0 { throw .empty(file.name) }
            if file.bytes > fileBytes { throw .fileTooLarge(name: file.name, bytes: file.bytes, limit: fileBytes) }
        }
        let total = alreadyAttached + files.reduce(0) { $0 + $1.bytes }
        if total > reportBytes { throw .reportTooLarge(bytes: total, limit: reportBytes) }
    }

    /// «20 MB», «1.5 MB», «300 KB».
    public static func megabytes(_ bytes: Int) -> String {
        if bytes < 1024 * 1024 { return "\(max(1, (bytes + 1023) / 1024)) KB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
