import Foundation
@testable import RoadmapStore
import Testing

@Suite("Time-ordered ids for bulk rows")
struct TimeOrderedIDsTests {
    @Test func eachIdSortsAfterTheOneBeforeAsPostgreSQLComparesThem() {
        var ids = TimeOrderedIDs(now: Date(timeIntervalSince1970: 1_700_000_000))
        let made = (0..<5_000).map { _ in ids.next() }
        // PostgreSQL orders uuid values by their bytes, which is the order of the text.
        let texts = made.map { $0.uuidString.lowercased() }
        #expect(texts == texts.sorted())
        #expect(Set(texts).count == texts.count)
    }

    @Test func theyAreVersion7WithTheRFCVariantAndTheTimestampInFront() {
        var ids = TimeOrderedIDs(now: Date(timeIntervalSince1970: 1_700_000_000.123))
        let id = ids.next().uuid
        #expect(id.6 >> 4 == 7)
        #expect(id.8 >> 6 == 0b10)
        let milliseconds = [id.0, id.1, id.2, id.3, id.4, id.5].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(milliseconds == 1_700_000_000_123)
    }

    @Test func twoImportsStartedTogetherGetDifferentIds() {
        let now = Date()
        var first = TimeOrderedIDs(now: now)
        var second = TimeOrderedIDs(now: now)
        #expect(first.next() != second.next())
    }

    /// The generator of the ids' random tails is SplitMix64 as published: its first outputs
    /// for the seed 0.
    @Test func theTailsGeneratorIsSplitMix64() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
