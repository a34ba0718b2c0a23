import Foundation
import Synchronization

/// Regular expressions given as pattern strings, each compiled once for the process: the
/// plan reader asks the same few dozen patterns of every cell, and compiling them again each
/// time was a fifth of its work.
enum PatternCache {
    private static let compiled = Mutex<[String: NSRegularExpression]>([:])

    /// The compiled `pattern`; nil when it does not compile (a programming error the tests
    /// catch: every pattern is a literal of this module).
    static func expression(_ pattern: String) -> NSRegularExpression? {
        if let known = compiled.withLock({ $0[pattern] }) { return known }
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        compiled.withLock { $0[pattern] = expression }
        return expression
    }
}

extension String {
    /// `self` with every match of `pattern` replaced by `template` («$1» for a group), as
    /// `replacingOccurrences(of:with:options: .regularExpression)` does.
    func replacingMatches(of pattern: String, with template: String) -> String {
        guard let expression = PatternCache.expression(pattern) else { return self }
        return expression.stringByReplacingMatches(
            in: self, range: NSRange(startIndex..., in: self), withTemplate: template)
    }

    /// The range of the first match of `pattern`, as `range(of:options: .regularExpression)`.
    func rangeOfMatch(_ pattern: String) -> Range<String.Index>? {
        guard let expression = PatternCache.expression(pattern),
              let match = expression.firstMatch(in: self, range: NSRange(startIndex..., in: self)) else { return nil }
        return Range(match.range, in: self)
    }
}
