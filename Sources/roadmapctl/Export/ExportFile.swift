import ArgumentParser
import Foundation

/// Where an export goes: a file (said on standard error) or standard output, which a binary
/// .xlsx may not be when it is a terminal.
enum ExportFile {
    static func checkBinary(_ binary: Bool, output: String?) throws {
        if binary, output == nil, isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("an .xlsx file is binary: give --output FILE (or redirect standard output)")
        }
    }

    /// Writes `data` to `output` atomically and says `what` was written, or writes it to
    /// standard output.
    static func write(_ data: Data, to output: String?, what: String) throws {
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandError("cannot write \(output): \(error.localizedDescription)")
        }
        FileHandle.standardError.write(Data("Wrote \(what) to \(output).\n".utf8))
    }
}
