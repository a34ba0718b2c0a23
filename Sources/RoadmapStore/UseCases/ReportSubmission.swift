import Foundation
import RoadmapDomain

/// A report as an executor submits it.
public struct ReportSubmission: Sendable, Hashable, Codable {
    public var doneOn: CalendarDate
    public var text: String
    public var evidenceURLs: [String]

    public init(doneOn: CalendarDate, text: String, evidenceURLs: [String] = []) {
        self.doneOn = doneOn
        self.text = text
        self.evidenceURLs = evidenceURLs
    }

    enum CodingKeys: String, CodingKey {
        case text
        case doneOn = "done_on"
        case evidenceURLs = "evidence_urls"
    }

    /// Checks the fields: text present, done-on not in the future, evidence as http(s) links.
    func validated(today: CalendarDate) throws(UseCaseError) -> ReportSubmission {
        var result = self
        result.text = try TypedText.field(text, "text")
        guard !result.text.isEmpty else { throw .invalid(field: "text", reason: "must not be empty") }
        guard doneOn <= today else {
            throw .invalid(field: "done_on", reason: "\(doneOn.iso) is in the future (today is \(today.iso))")
        }
        result.evidenceURLs = evidenceURLs.map { $0.trimmingCharacters(in: .whitespaces) }
        for (index, link) in result.evidenceURLs.enumerated() {
            guard let url = URL(string: link), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  url.host?.isEmpty == false else {
                throw .invalid(field: "evidence_urls[\(index)]", reason: "«\(link)» is not an http(s) link")
            }
        }
        return result
    }
}
