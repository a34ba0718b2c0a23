import Foundation
@testable import RoadmapMail
import Testing

@Suite("E-mail: the message as it goes on the wire")
struct MailMessageTests {
    @Test func russianHeadersAreEncodedWordsThatNeverSplitALetter() throws {
        let subject = "Срок через 7 дней: Фестиваль мастер-классов «Калейдоскоп педагогических идей» — ёлка"
        let encoded = MailMessage.encodedWords(subject)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1 && words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        let decoded = try words.map { word -> String in
            let payload = String(word.dropFirst(10).dropLast(2))
            let data = try #require(Data(base64Encoded: payload))
            return try #require(String(data: data, encoding: .utf8), "each word is whole UTF-8")
        }.joined()
        #expect(decoded == subject)
        #expect(MailMessage.encodedWords("Plain ASCII") == "Plain ASCII")
        #expect(!MailMessage.encodedWords("Строка\r\nBcc: x@example.ru").contains("\n"), "no header injection")
    }

    @Test func theMessageIsMultipartWithBothBodiesInBase64() throws {
        let message = MailMessage(fromAddress: "roadmap@komitet.example.ru", fromName: "Дорожная карта", to: "school5@example.ru",
                                  subject: "Отчёт возвращён", text: "Здравствуйте!\n.Точка в начале строки", html: "<p>Здравствуйте!</p>",
                                  messageID: "<1@roadmap.example>", date: Date(timeIntervalSince1970: 0),
                                  headers: [.init("List-Unsubscribe", "<https://roadmap.example/unsubscribe/x>"), .init("X-Bad", "a\r\nBcc: y")])
        let wire = message.rendered(boundary: "B")
        #expect(wire.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
        #expect(wire.contains("Content-Type: multipart/alternative; boundary=\"B\"\r\n"))
        #expect(wire.contains("List-Unsubscribe: <https://roadmap.example/unsubscribe/x>\r\n"))
        #expect(!wire.contains("\r\nBcc:") && !wire.contains("X-Bad"), "a header with a line break is dropped: \(wire)")
        #expect(wire.contains("From: =?UTF-8?B?"))
        #expect(!wire.split(separator: "\r\n").contains { $0.count > 998 })
        #expect(SMTPSession.dotStuffed("a\r\n.b\r\n..c") == "a\r\n..b\r\n...c")
    }

    @Test func theSMTPAddressIsReadAndBadOnesAreRefusedWithAReason() throws {
        let plain = try SMTPConfiguration(url: "smtp://roadmap@mail.komitet.example.ru", password: "secret")
        #expect(plain.host == "mail.komitet.example.ru" && plain.port == 587 && plain.username == "roadmap" && plain.security == .startTLS)
        let implicit = try SMTPConfiguration(url: "smtps://mail.example.ru", password: nil)
        #expect(implicit.port == 465 && implicit.security == .implicitTLS && implicit.username == nil)
        let relay = try SMTPConfiguration(url: "smtp://relay.local:25?starttls=off", password: nil)
        #expect(relay.security == .plainRelay && relay.port == 25)
        #expect(try SMTPConfiguration(url: "smtp://127.0.0.1:2525", password: nil).isLoopback)
        for (url, reason) in [("http://mail.example.ru", "must look like"), ("smtp://user:pw@mail.example.ru", "must not carry the password"),
                              ("smtp://user@mail.example.ru", "no password was given"), ("smtp://mail.example.ru?tls=maybe", "unknown setting"),
                              ("smtp://mail.example.ru/inbox", "has a path")] {
            #expect(throws: SMTPConfiguration.Refusal.self, "\(url)") { try SMTPConfiguration(url: url, password: nil) }
            do { _ = try SMTPConfiguration(url: url, password: nil) } catch { #expect(error.description.contains(reason), "\(url): \(error)") }
        }
    }
}
