/// A regex built once and shared by every thread. A regex literal is parsed again each time
/// it is evaluated: reading a plan spent a third of its time parsing the same few patterns.
/// `Regex` is not `Sendable` because its output type may not be; one whose captures are
/// substrings holds nothing mutable once built (its compiled program is stored atomically on
/// first use, `Regex.Program.loweredProgram` in swift-experimental-string-processing).
struct SharedRegex<Output>: @unchecked Sendable {
    let regex: Regex<Output>

    init(_ regex: Regex<Output>) {
        self.regex = regex
    }
}
