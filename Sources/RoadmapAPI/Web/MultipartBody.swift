#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// The parts of a `multipart/form-data` body (RFC 7578, RFC 2046 §5.1.1): each part's
/// header lines and its content, located by searching for the delimiter with `memchr`.
/// MultipartKit's parser looks at the content byte by byte through a closure: 17 s for a
/// 30 MB file in a debug build, far from free in a release one; a report's evidence may be
/// 50 MB. Here only the delimiters are searched and the header lines read; the content is a
/// slice of the request's buffer, not a copy.
struct MultipartBody {
    struct Part {
        /// Header names in lower case, values trimmed.
        let headers: [String: String]
        let content: ByteBuffer
    }

    enum Failure: Error, Equatable {
        case malformed
    }

    let parts: [Part]

    init(boundary: String, body: ByteBuffer) throws(Failure) {
        let delimiter = Array("--\(boundary)".utf8)
        let bytes = body.readableBytesView
        // The first delimiter opens the body (after a preamble, if any, ending in CRLF).
        guard var cursor = Self.find(delimiter, in: body, from: 0) else { throw .malformed }
        var parts: [Part] = []
        while true {
            var index = cursor + delimiter.count
            // The close delimiter ends the parts; what follows it (the epilogue) is ignored.
            if Self.matches(Array("--".utf8), in: body, at: index) { break }
            // Transport padding, then CRLF, before the part's headers.
            while index < bytes.count, bytes[bytes.startIndex + index] == 0x20 || bytes[bytes.startIndex + index] == 0x09 { index += 1 }
            guard Self.matches([0x0D, 0x0A], in: body, at: index) else { throw .malformed }
            let partStart = index + 2
            guard let next = Self.delimiterLine(delimiter, in: body, from: partStart) else { throw .malformed }
            let headerEnd: Int
            let contentStart: Int
            if Self.matches([0x0D, 0x0A], in: body, at: partStart) {
                headerEnd = partStart
                contentStart = partStart + 2
            } else if let blank = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: partStart), blank < next {
                headerEnd = blank
                contentStart = blank + 4
            } else {
                throw .malformed
            }
            guard let headerSlice = body.getSlice(at: body.readerIndex + partStart, length: headerEnd - partStart),
                  let content = body.getSlice(at: body.readerIndex + contentStart, length: next - contentStart) else { throw .malformed }
            var headers: [String: String] = [:]
            let text = String(decoding: headerSlice.readableBytesView, as: UTF8.self)
            for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
                guard let colon = line.firstIndex(of: ":") else { throw .malformed }
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            parts.append(Part(headers: headers, content: content))
            cursor = next + 2
        }
        self.parts = parts
    }

    /// The next CRLF + delimiter that is a delimiter line: followed by «--» (the close
    /// delimiter) or by optional padding and CRLF. The same text followed by anything else
    /// is content.
    static func delimiterLine(_ delimiter: [UInt8], in buffer: ByteBuffer, from offset: Int) -> Int? {
        var position = offset
        while let found = find([0x0D, 0x0A] + delimiter, in: buffer, from: position) {
            var after = found + 2 + delimiter.count
            if matches(Array("--".utf8), in: buffer, at: after) { return found }
            while let byte = buffer.getInteger(at: buffer.readerIndex + after, as: UInt8.self), byte == 0x20 || byte == 0x09 { after += 1 }
            if matches([0x0D, 0x0A], in: buffer, at: after) { return found }
            position = found + 1
        }
        return nil
    }

    /// Where `needle` first occurs in `buffer`'s readable bytes at or after `offset`.
    static func find(_ needle: [UInt8], in buffer: ByteBuffer, from offset: Int) -> Int? {
        guard offset <= buffer.readableBytes else { return nil }
        return buffer.withUnsafeReadableBytes { haystack -> Int? in
            guard let base = haystack.baseAddress else { return nil }
            return needle.withUnsafeBytes { pattern -> Int? in
                guard let first = needle.first, let patternBase = pattern.baseAddress else { return nil }
                var position = offset
                // memchr to each candidate first byte, memcmp for the rest: C speed in any build.
                while position + needle.count <= haystack.count {
                    guard let hit = memchr(base + position, Int32(first), haystack.count - position - needle.count + 1) else { return nil }
                    let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if memcmp(base + at, patternBase, needle.count) == 0 { return at }
                    position = at + 1
                }
                return nil
            }
        }
    }

    static func matches(_ expected: [UInt8], in buffer: ByteBuffer, at offset: Int) -> Bool {
        guard offset + expected.count <= buffer.readableBytes else { return false }
        return buffer.getBytes(at: buffer.readerIndex + offset, length: expected.count) == expected
    }
}
