import Foundation

/// An e-mail as RFC 5322 and MIME want it: headers with Russian text as UTF-8 encoded
/// words, a plain-text part and an HTML part (multipart/alternative), each base64, lines
/// ended by CRLF. Headers the caller adds (List-Unsubscribe, …) go out as given, ASCII only.
public struct MailMessage: Sendable, Hashable {
    public var fromAddress: String
    public var fromName: String?
    public var to: String
    public var subject: String
    public var text: String
    public var html: String?
    /// «<id@host>»: the same message delivered twice carries the same id.
    public var messageID: String
    public var date: Date
    public var headers: [Header]

    public struct Header: Sendable, Hashable {
        public let name: String
        public let value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(fromAddress: String, fromName: String? = nil, to: String, subject: String, text: String, html: String? = nil,
                messageID: String, date: Date = Date(), headers: [Header] = []) {
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageID = messageID
        self.date = date
        self.headers = headers
    }

    /// The message as the DATA command carries it (before dot-stuffing), CRLF line ends.
    public func rendered(boundary: String = "=_roadmap_" + UUID().uuidString.lowercased()) -> String {
        var lines: [String] = []
        let from = fromName.map { "\(Self.encodedWords($0)) <\(fromAddress)>" } ?? fromAddress
        lines.append("From: \(from)")
        lines.append("To: \(to)")
        lines.append("Subject: \(Self.encodedWords(subject))")
        lines.append("Date: \(Self.rfc5322Date(date))")
        lines.append("Message-ID: \(messageID)")
        lines.append("MIME-Version: 1.0")
        lines.append("Auto-Submitted: auto-generated")
        for header in headers where !header.value.contains(where: \.isNewline) && !header.name.contains(where: \.isNewline) {
            lines.append("\(header.name): \(header.value)")
        }
        if let html {
            lines.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("--\(boundary)")
            lines += Self.part(type: "text/plain", text)
            lines.append("--\(boundary)")
            lines += Self.part(type: "text/html", html)
            lines.append("--\(boundary)--")
        } else {
            lines += Self.part(type: "text/plain", text)
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func part(type: String, _ content: String) -> [String] {
        let normalized = content.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        return ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", ""]
            + Data(normalized.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
                .components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// ASCII text as it is; anything else as UTF-8 base64 encoded words (RFC 2047) of at most
    /// 75 characters each, never splitting a character, folded onto continuation lines.
    static func encodedWords(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII && !$0.isNewline }) && text.utf8.count <= 900 { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text where !character.isNewline {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
