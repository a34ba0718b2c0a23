import Foundation
import RoadmapDomain

/// What a coordinator says an executor name of a document means, when the import would
/// otherwise create an organisation for it.
public enum ExecutorChoice: Sendable, Equatable {
    /// A known organisation, by its id or by a name or alias as typed («СОШ № 5»): the import
    /// finds it (refusing a text that fits none or several), and the document's name becomes
    /// its alias, so later documents find it too.
    case organization(String)
    /// A person or a post («Члены рабочей группы»): kept on the action, not an organisation.
    case person
    /// An organisation of its own, created although the name fits several known ones
    /// (`AmbiguousName`): a coordinator says it is none of them.
    case newOrganization

    /// `choices` keyed by normalised name, so every spelling of a name in the document
    /// («СОШ №5», «сош № 5») takes the choice made for one of them.
    static func byName(_ choices: [String: ExecutorChoice]) -> [String: ExecutorChoice] {
        Dictionary(choices.map { (OrganizationName($0.key).key, $0.value) }) { first, _ in first }
    }
}

/// A choice the import could not follow: the organisation typed for `name` is none it knows
/// (`candidates` empty) or fits several (`candidates` their names).
public struct RefusedChoice: Error, Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let reference: String
    public let candidates: [String]

    public init(name: String, reference: String, candidates: [String]) {
        self.name = name
        self.reference = reference
        self.candidates = candidates
    }

    public var description: String {
        candidates.isEmpty
            ? "«\(name)»: no organisation is «\(reference)»"
            : "«\(name)»: «\(reference)» fits several organisations (\(candidates.prefix(5).map { "«\($0)»" }.joined(separator: ", ")))"
    }
}
