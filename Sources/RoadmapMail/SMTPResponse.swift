import NIOCore

/// One reply of an SMTP server: its code and its lines («250-SIZE …», «250 OK»).
struct SMTPResponse: Sendable, Hashable {
    let code: Int
    let lines: [String]

    var text: String { lines.joined(separator: " ") }
    var isPositive: Bool { (200...399).contains(code) }
}

/// Reads replies off the wire: lines up to CRLF, a reply ending at the line whose fourth
/// character is a space. A line longer than 64 KiB is a protocol error.
struct SMTPResponseDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPResponse
    private var lines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 65_536 { throw SMTPError.protocolViolation("a reply line longer than 64 KiB") }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex + 1
        guard let raw = buffer.readString(length: length) else { return .needMoreData }
        let line = raw.trimmingCharacters(in: ["\r", "\n"])
        let characters = Array(line)
        guard characters.count >= 3, let code = Int(String(characters[0..<3])), (200...599).contains(code) else {
            throw SMTPError.protocolViolation("«\(line.prefix(80))» is not a reply")
        }
        let continues = characters.count > 3 && characters[3] == "-"
        lines.append(characters.count > 4 ? String(characters[4...]) : "")
        if !continues {
            context.fireChannelRead(wrapInboundOut(SMTPResponse(code: code, lines: lines)))
            lines = []
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
