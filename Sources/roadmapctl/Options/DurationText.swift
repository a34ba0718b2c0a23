import ArgumentParser
import Foundation
import RoadmapStore

/// Durations as people type them: «90d», «12h», «30m».
enum DurationText {
    static func seconds(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let value = Int(text.dropLast()), value > 0, value <= 100_000 else { return nil }
        switch unit {
        case "d": return TimeInterval(value) * 86_400
        case "h": return TimeInterval(value) * 3_600
        case "m": return TimeInterval(value) * 60
        default: return nil
        }
    }
}
