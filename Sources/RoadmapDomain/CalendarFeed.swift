import Foundation

/// Deadlines as an iCalendar feed (RFC 5545) that Outlook, Thunderbird, Yandex and Google
/// Calendar subscribe to: one all-day event per open assignment on its due day, with the
/// action, its order and a link. Text is escaped and lines folded at 75 octets, as the RFC
/// requires, so a Cyrillic title never breaks a client.
public struct CalendarFeed: Sendable, Hashable {
    public struct Event: Sendable, Hashable {
        public let uid: String
        public let dueOn: CalendarDate
        public let summary: String
        public let description: String
        public let url: String?

        public init(uid: String, dueOn: CalendarDate, summary: String, description: String, url: String?) {
            self.uid = uid
            self.dueOn = dueOn
            self.summary = summary
            self.description = description
            self.url = url
        }
    }

    public let name: String
    public let events: [Event]

    public init(name: String, events: [Event]) {
        self.name = name
        self.events = events
    }

    /// The feed as `text/calendar`, CRLF line ends. `stamp` is when it was made (DTSTAMP).
    public func rendered(stamp: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let dtstamp = formatter.string(from: stamp)
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Roadmap//Дорожные карты//RU", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + Self.escaped(name), "X-WR-TIMEZONE:Europe/Moscow"]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + Self.escaped(event.uid), "DTSTAMP:" + dtstamp,
                      "DTSTART;VALUE=DATE:" + Self.compact(event.dueOn),
                      "DTEND;VALUE=DATE:" + Self.compact(event.dueOn.adding(days: 1) ?? event.dueOn),
                      "SUMMARY:" + Self.escaped(event.summary), "DESCRIPTION:" + Self.escaped(event.description),
                      "TRANSP:TRANSPARENT"]
            if let url = event.url { lines.append("URL:" + url) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ day: CalendarDate) -> String {
        day.iso.replacingOccurrences(of: "-", with: "")
    }

    /// TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11).
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            case "\r": continue
            default:
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, scalar.value < 0x20, scalar != "\t" { continue }
                result.append(character)
            }
        }
        return result
    }

    /// A content line folded at 75 octets, never inside a UTF-8 sequence (RFC 5545 §3.1).
    static func folded(_ line: String) -> String {
        var parts: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = parts.isEmpty ? 75 : 74
            if octets + size > limit {
                parts.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }
}
