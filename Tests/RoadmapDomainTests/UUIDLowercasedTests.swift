import Foundation
import RoadmapDomain
import Testing

@Suite("Ids written in lower case")
struct UUIDLowercasedTests {
    @Test func writesWhatFoundationWritesInLowerCase() throws {
        let known = try #require(UUID(uuidString: "D8309CDE-12E6-BB6A-5B6E-903600994ECA"))
        #expect(known.lowercased == "d8309cde-12e6-bb6a-5b6e-903600994eca")
        #expect(try #require(UUID(uuidString: "00000000-0000-0000-0000-000000000000")).lowercased == "00000000-0000-0000-0000-000000000000")
        #expect(try #require(UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")).lowercased == "ffffffff-ffff-ffff-ffff-ffffffffffff")
        for _ in 0..<1_000 {
            let id = UUID()
            #expect(id.lowercased == id.uuidString.lowercased())
            #expect(UUID(uuidString: id.lowercased) == id)
        }
    }
}
