import Foundation

/// A file a school sends as evidence, as it came: its name and its bytes.
public struct EvidenceUpload: Sendable, Hashable {
    public let fileName: String
    public let content: Data

    public init(fileName: String, content: Data) {
        self.fileName = fileName
        self.content = content
    }
}
