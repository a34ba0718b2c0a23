import RoadmapDomain

/// Why files were not accepted as a report's evidence. Nothing was written: not the files,
/// and not the report they came with.
public enum EvidenceRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// One file's name or content (`index` counts from 0 in the order sent).
    case file(index: Int, name: String, EvidenceFileType.Refusal)
    /// A file name with control characters, or longer than 255 characters.
    case badName(index: Int)
    /// Too many, too large, or empty.
    case limits(EvidenceLimits.Refusal)

    public var description: String {
        switch self {
        case .file(_, _, let refusal): "\(refusal)"
        case .badName(let index): "file \(index + 1): the name must be 1–255 characters without control characters"
        case .limits(let refusal): "\(refusal)"
        }
    }
}
