import Foundation

extension UUID {
    /// Lower-case hex with dashes, as PostgreSQL prints ids and as every URL, form and JSON
    /// document of the service writes them. Written directly: `uuidString.lowercased()` goes
    /// through `sprintf` and Unicode case mapping, and a page of a region's order writes
    /// hundreds of ids (a bulk import, a million).
    public var lowercased: String {
        let hex: StaticString = "0123456789abcdef"
        return withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                hex.withUTF8Buffer { digits in
                    var index = 0
                    for (position, byte) in bytes.enumerated() {
                        if position == 4 || position == 6 || position == 8 || position == 10 {
                            out[index] = UInt8(ascii: "-")
                            index += 1
                        }
                        out[index] = digits[Int(byte >> 4)]
                        out[index + 1] = digits[Int(byte & 0x0F)]
                        index += 2
                    }
                }
                return 36
            }
        }
    }
}
