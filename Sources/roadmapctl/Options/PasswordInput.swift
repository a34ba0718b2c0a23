import ArgumentParser
import Foundation
import RoadmapStore

/// A password from standard input: the first line, without its line break.
enum PasswordInput {
    static func read() throws -> String {
        guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
            throw CommandError("no password on standard input")
        }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}
