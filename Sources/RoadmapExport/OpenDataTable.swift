import Foundation
import RoadmapDomain
import RoadmapStore

/// A published order as open data: one row per organisation's work on an action (CSV), or
/// the plan as a tree with totals (JSON). Column and key names are English and stable;
/// dates are ISO 8601. Nothing in it names a person: it is made from `PublicOrderRecord`.
public enum OpenDataTable {
    public static let header = ["order_number", "order_date", "goal", "action_number", "action", "deadline_text", "organization_id",
                                "organization", "occurrence", "due_on", "outcome", "done_on", "report_text"]

    public static func rows(_ record: PublicOrderRecord) -> [[ExportCell]] {
        var rows: [[ExportCell]] = []
        for goal in record.goals {
            for action in goal.actions {
                for line in action.lines {
                    rows.append([
                        .text(record.number), .text(record.date.iso), .text("\(goal.position). \(goal.title)"), .text(action.number),
                        .text(action.title), .text(action.deadlineText), .text(line.organizationID.lowercased),
                        .text(line.organizationName), .number(line.occurrence), line.dueOn.map { .text($0.iso) } ?? .empty,
                        .text(line.outcome.rawValue), line.doneOn.map { .text($0.iso) } ?? .empty,
                        line.publicReport.map { .text($0) } ?? .empty,
                    ])
                }
            }
        }
        return rows
    }

    public static func csv(_ record: PublicOrderRecord) -> Data {
        CSVExport.data(header: header, rows: rows(record))
    }

    public static func json(_ record: PublicOrderRecord) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Document(record))
    }

    struct Totals: Encodable {
        let total: Int
        let doneOnTime: Int
        let doneLate: Int
        let overdue: Int
        let notYetDue: Int
        let percentDone: Int

        init(_ tally: ExecutionTally) {
            total = tally.total
            doneOnTime = tally.count(.doneOnTime)
            doneLate = tally.count(.doneLate)
            overdue = tally.count(.overdue)
            notYetDue = tally.count(.notYetDue)
            percentDone = tally.percentDone
        }

        enum CodingKeys: String, CodingKey {
            case total, overdue
            case doneOnTime = "done_on_time"
            case doneLate = "done_late"
            case notYetDue = "not_yet_due"
            case percentDone = "percent_done"
        }
    }

    struct Line: Encodable {
        let organizationID: String
        let organization: String
        let occurrence: Int
        let dueOn: String?
        let outcome: String
        let doneOn: String?
        let reportText: String?

        enum CodingKeys: String, CodingKey {
            case organization, occurrence, outcome
            case organizationID = "organization_id"
            case dueOn = "due_on"
            case doneOn = "done_on"
            case reportText = "report_text"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(organizationID, forKey: .organizationID)
            try container.encode(organization, forKey: .organization)
            try container.encode(occurrence, forKey: .occurrence)
            try container.encode(dueOn, forKey: .dueOn)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(doneOn, forKey: .doneOn)
            try container.encode(reportText, forKey: .reportText)
        }
    }

    struct Action: Encodable {
        let number: String
        let title: String
        let expectedResult: String?
        let deadlineText: String
        let totals: Totals
        let organizations: [Line]

        enum CodingKeys: String, CodingKey {
            case number, title, totals, organizations
            case expectedResult = "expected_result"
            case deadlineText = "deadline_text"
        }
    }

    struct Goal: Encodable {
        let position: Int
        let title: String
        let totals: Totals
        let actions: [Action]
    }

    struct Organization: Encodable {
        let id: String
        let name: String
        let totals: Totals
    }

    struct Document: Encodable {
        let id: String
        let number: String
        let date: String
        let title: String
        let issuer: String
        let publishedAt: String
        let asOf: String
        let totals: Totals
        let goals: [Goal]
        let organizations: [Organization]

        enum CodingKeys: String, CodingKey {
            case id, number, date, title, issuer, totals, goals, organizations
            case publishedAt = "published_at"
            case asOf = "as_of"
        }

        init(_ record: PublicOrderRecord) {
            id = record.id.lowercased
            number = record.number
            date = record.date.iso
            title = record.title
            issuer = record.issuerName
            publishedAt = ISO8601DateFormatter().string(from: record.publishedAt)
            asOf = record.asOf.iso
            totals = Totals(record.tally)
            goals = record.goals.map { goal in
                Goal(position: goal.position, title: goal.title, totals: Totals(goal.tally), actions: goal.actions.map { action in
                    Action(number: action.number, title: action.title, expectedResult: action.expectedResult,
                           deadlineText: action.deadlineText, totals: Totals(action.tally),
                           organizations: action.lines.map { line in
                               Line(organizationID: line.organizationID.lowercased, organization: line.organizationName,
                                    occurrence: line.occurrence, dueOn: line.dueOn?.iso, outcome: line.outcome.rawValue,
                                    doneOn: line.doneOn?.iso, reportText: line.publicReport)
                           })
                })
            }
            organizations = record.organizations.map {
                Organization(id: $0.id.lowercased, name: $0.name, totals: Totals($0.tally))
            }
        }
    }
}
