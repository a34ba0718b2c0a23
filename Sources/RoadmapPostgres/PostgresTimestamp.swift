import Foundation
import RoadmapDomain

/// Reads and writes `timestamptz` text. Connections run with `DateStyle=ISO` and
/// `TimeZone=UTC`, so the server writes `2026-11-23 14:07:41.123456+00`.
enum PostgresTimestamp {
    static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        var whole = seconds.rounded(.down)
        var micros = Int(((seconds - whole) * 1_000_000).rounded())
        if micros == 1_000_000 {
            whole += 1
            micros = 0
        }
        let days = Int((whole / 86_400).rounded(.down))
        let secondOfDay = Int(whole) - days * 86_400
        guard let day = CalendarDate(daysSinceEpoch: days) else {
            // Outside years 1–9999: let the server reject it with its own message.
            return "\(seconds) seconds after 1970"
        }
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", day.year, day.month, day.day,
            secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, micros)
    }

    static func parse(_ text: String) -> Date? {
        // YYYY-MM-DD HH:MM:SS[.ffffff](+|-)HH[:MM[:SS]]
        let bytes = Array(text.utf8)
        guard bytes.count >= 22 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes[4] == 45, bytes[7] == 45, bytes[10] == 32 || bytes[10] == 84, bytes[13] == 58, bytes[16] == 58,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var scale = 0.1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        if index < bytes.count {
            let sign: Int
            switch bytes[index] {
            case 43: sign = 1
            case 45: sign = -1
            case 90: sign = 0
            default: return nil
            }
            if sign != 0 {
                guard let hours = number(index + 1..<index + 3) else { return nil }
                var minutes = 0
                if index + 3 < bytes.count, bytes[index + 3] == 58 {
                    guard let value = number(index + 4..<index + 6) else { return nil }
                    minutes = value
                }
                offset = sign * (hours * 3600 + minutes * 60)
            }
        }
        guard let days = CalendarDate(year: year, month: month, day: day)?.daysSinceEpoch else { return nil }
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
        return Date(timeIntervalSince1970: seconds)
    }
}

