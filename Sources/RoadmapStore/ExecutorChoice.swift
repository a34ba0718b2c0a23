import Foundation
import RoadmapDomain

/// What a coordinator says an executor name of a document means, when the import would
/// otherwise create an organisation for it.
public enum ExecutorChoice: Sendable, Equatable {
    /// This known organisation: the name becomes its alias, so later documents find it too.
    case organization(UUID)
    /// A person or a post («Члены рабочей группы»): kept on the action, not an organisation.
    case person

    /// `choices` keyed by normalised name, so every spelling of a name in the document
    /// («СОШ №5», «сош № 5») takes the choice made for one of them.
    static func byName(_ choices: [String: ExecutorChoice]) -> [String: ExecutorChoice] {
        Dictionary(choices.map { (OrganizationName($0.key).key, $0.value) }) { first, _ in first }
    }
}
