import Foundation
import RoadmapDomain
import Testing

@testable import RoadmapImport

/// The importer measured on real plans it was not built on (`Fixtures/corpus`, gathered from
/// published documents with their sources and hand counts). Most copies stop after the first
/// rows of the table, so a cut-off last row may be counted as an action or not.
@Suite("The corpus of real plans")
struct CorpusTests {
    struct Expected: Decodable {
        let actions: Int
    }

    struct Meta: Decodable {
        let source: String
        let expected: Expected
        let partial_rows: Int?
    }

    /// Documents read with the right count today: none of them may fall back.
    static let readRight: Set<String> = ["001", "006", "007", "008", "011", "022", "024", "030", "035", "039", "040", "044"]

    static var folder: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "corpus", withExtension: nil, subdirectory: "Fixtures")).appendingPathComponent("docs")
        }
    }

    /// The number of actions the importer reads out of `name`.txt, or nil when it refuses it.
    static func actions(_ name: String) throws -> Int? {
        let data = try Data(contentsOf: try folder.appendingPathComponent("\(name).txt"))
        guard let document = try? DocumentReader.read(data: data, fileName: "\(name).txt"),
              let plan = try? PlanDocumentParser().parse(document) else { return nil }
        return plan.actionCount
    }

    @Test func everyDocumentHasItsSourceAndCount() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: try Self.folder.path).filter { $0.hasSuffix(".json") }
        #expect(names.count >= 35)
        for name in names {
            let meta = try JSONDecoder().decode(Meta.self, from: Data(contentsOf: try Self.folder.appendingPathComponent(name)))
            #expect(meta.source.hasPrefix("http"), "\(name)")
            #expect(meta.expected.actions > 0, "\(name)")
        }
    }

    @Test(arguments: readRight.sorted())
    func documentsReadRightStayRight(_ name: String) throws {
        let meta = try JSONDecoder().decode(Meta.self, from: Data(contentsOf: try Self.folder.appendingPathComponent("\(name).json")))
        let got = try #require(try Self.actions(name), "\(name) is refused")
        let range = meta.expected.actions...(meta.expected.actions + (meta.partial_rows ?? 0))
        #expect(range.contains(got), "\(name): \(got) actions, expected \(range)")
    }

    /// The corpus's deadline phrases, read in an academic year as a school plan gives it:
    /// 137 of 160 today. The rest are copies that ran columns together («Май 2013 2014 2015»),
    /// phrases with no date («по плану», «в течение месячника») or times of day only: kept as
    /// text and flagged, never guessed.
    @Test func theCorpusDeadlinePhrasesAreRead() throws {
        let url = try #require(Bundle.module.url(forResource: "corpus", withExtension: nil, subdirectory: "Fixtures"))
            .appendingPathComponent("deadline-phrases.txt")
        let phrases = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        #expect(phrases.count >= 150)
        var read = 0
        for phrase in phrases {
            let deadline: Deadline
            do {
                deadline = try Deadline.parse(phrase, in: .academicYear(startingIn: 2023))
            } catch {
                continue
            }
            if deadline.isParsed { read += 1 } else { #expect(deadline.text == phrase, "an unread phrase is kept as written") }
        }
        #expect(read >= 137, "\(read) of \(phrases.count) read")
    }
}
