import ArgumentParser
import Foundation
import RoadmapDomain
import RoadmapStore

/// Colour for terminals only: scripts and pipes get plain text.
enum Terminal {
    static let isColour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func red(_ text: String) -> String { isColour ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
    static func green(_ text: String) -> String { isColour ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
}
