import Foundation
import RoadmapDomain

/// An organisation's name as a document writes it that fits several known organisations
/// equally well («Методическая служба колледжа» beside two services of a college): never
/// guessed; a person chooses one of `candidates` (or a new organisation, or a person).
public struct AmbiguousName: Sendable, Equatable, Encodable, CustomStringConvertible {
    public struct Candidate: Sendable, Hashable, Encodable {
        /// Nil for an organisation this same file creates (its id is not kept by a dry run):
        /// choose it by its name, which the document also writes.
        public let id: UUID?
        public let name: String

        public init(id: UUID?, name: String) {
            self.id = id
            self.name = name
        }

        /// What a choice names it by: its id, or the document's own name for it.
        public var reference: String { id?.lowercased ?? name }

        enum CodingKeys: String, CodingKey { case id, name }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if let id { try container.encode(id.lowercased, forKey: .id) } else { try container.encodeNil(forKey: .id) }
            try container.encode(name, forKey: .name)
        }
    }

    /// As written in the document.
    public let name: String
    public let candidates: [Candidate]

    public init(name: String, candidates: [Candidate]) {
        self.name = name
        self.candidates = candidates
    }

    public var description: String {
        "«\(name)» fits several organisations equally well ("
            + candidates.map { "«\($0.name)» \($0.id?.lowercased ?? "(new in this file)")" }.joined(separator: ", ") + ")"
    }
}
