/// Text saved as UTF-16 with a byte-order mark: what Excel writes for «Текст Юникод (*.txt)»
/// and Windows Notepad for «Юникод». Without the mark the bytes are not taken for UTF-16.
enum UTF16Text {
    /// The text, or nil when `bytes` do not start with a UTF-16 byte-order mark. Unpaired
    /// surrogates become U+FFFD; an odd last byte is dropped.
    static func decode(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) else { return nil }
        let littleEndian = bytes[0] == 0xFF
        let units = stride(from: 2, to: bytes.count - 1, by: 2).map { index in
            littleEndian
                ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
        }
        return String(decoding: units, as: UTF16.self)
    }
}
