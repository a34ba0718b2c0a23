import Foundation
import RoadmapDomain
import RoadmapStore

/// Turns a message of the outbox into the e-mail its reader gets: the body with the page's
/// address made absolute, a footer with the one-click unsubscribe and the settings page, an
/// HTML twin of the text, and the headers mail programs use to offer «отписаться»
/// (List-Unsubscribe, List-Unsubscribe-Post, RFC 8058). Its Message-ID is the message's id,
/// so a message delivered twice is recognisably the same.
public struct NotificationLetter: Sendable {
    /// The service's address for links («https://roadmap.example»), no trailing slash.
    public let publicURL: String
    public let fromAddress: String
    public let fromName: String

    public init(publicURL: String, fromAddress: String, fromName: String = "Дорожная карта") {
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.fromAddress = fromAddress
        self.fromName = fromName
    }

    public func message(for letter: OutboxDelivery.Letter) -> MailMessage {
        let unsubscribe = "\(publicURL)/unsubscribe/\(letter.unsubscribeToken)"
        let settings = "\(publicURL)/notifications"
        var text = letter.text.replacingOccurrences(of: "→ /", with: "→ \(publicURL)/")
        if let path = letter.linkPath { text += "\n\nОткрыть: \(publicURL)\(path)" }
        text += "\n\n-- \nЭто письмо отправлено автоматически системой «Дорожная карта».\n"
            + "Больше не получать такие письма: \(unsubscribe)\nНастроить уведомления: \(settings)\n"
        let host = URL(string: publicURL)?.host ?? "roadmap.local"
        return MailMessage(
            fromAddress: fromAddress, fromName: fromName, to: letter.recipient, subject: letter.subject, text: text,
            html: html(letter, unsubscribe: unsubscribe, settings: settings),
            messageID: "<\(letter.id.lowercased)@\(host)>",
            headers: [
                .init("List-Unsubscribe", "<\(unsubscribe)>"),
                .init("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                .init("X-Roadmap-Kind", letter.kind.rawValue),
            ])
    }

    func html(_ letter: OutboxDelivery.Letter, unsubscribe: String, settings: String) -> String {
        let paragraphs = letter.text.components(separatedBy: "\n\n").map { paragraph in
            "<p>" + paragraph.split(separator: "\n", omittingEmptySubsequences: false).map { linked(String($0)) }.joined(separator: "<br>") + "</p>"
        }
        var body = paragraphs.joined(separator: "\n")
        if let path = letter.linkPath {
            body += "\n<p><a href=\"\(Self.escape(publicURL + path))\">Открыть в «Дорожной карте»</a></p>"
        }
        body += """

            <hr><p style="color:#666;font-size:90%">Это письмо отправлено автоматически системой «Дорожная карта».<br>
            <a href="\(Self.escape(unsubscribe))">Больше не получать такие письма</a> · <a href="\(Self.escape(settings))">Настроить уведомления</a></p>
            """
        return """
            <!DOCTYPE html>
            <html lang="ru"><head><meta charset="utf-8"><title>\(Self.escape(letter.subject))</title></head>
            <body style="font-family:sans-serif;line-height:1.4">
            \(body)
            </body></html>
            """
    }

    /// A line with a path of the service («→ /assignments/…», as digests list them) links to it.
    func linked(_ line: String) -> String {
        guard let arrow = line.range(of: "→ /") else { return Self.escape(line) }
        let path = String(line[line.index(before: arrow.upperBound)...])
        return Self.escape(String(line[..<arrow.lowerBound])) + "<a href=\"\(Self.escape(publicURL + path))\">\(Self.escape(publicURL + path))</a>"
    }

    static func escape(_ text: String) -> String { MarkupText.escaped(text) }
}
