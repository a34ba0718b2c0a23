import Foundation
import ZIPFoundation

/// The ZIP container of a .docx or .xlsx, opened under `ReadLimits`: the entry count and
/// the declared uncompressed sizes are checked on opening, and the bytes actually inflated
/// are counted while a part is extracted, because a zip bomb can declare any size it likes.
final class OfficeArchive {
    let file: String
    let limits: ReadLimits
    private let archive: Archive
    private let entries: [String: Entry]
    /// Bytes inflated so far, over every part read.
    private var inflated = 0

    init(data: Data, file: String, limits: ReadLimits) throws(DocumentReadError) {
        self.file = file
        self.limits = limits
        guard data.count <= limits.maxFileSize else {
            throw .tooLarge(file: file, limit: ReadLimits.describe(bytes: limits.maxFileSize))
        }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .unreadable(
                file: file,
                reason: "it is a password-protected or old binary (.doc/.xls) Office file; "
                    + "remove the password or save it as .docx/.xlsx")
        }
        guard data.count >= 4, data.prefix(2) == Data("PK".utf8) else {
            throw .unreadable(file: file, reason: "it is not an Office Open XML file (no ZIP signature)")
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .unreadable(file: file, reason: "the ZIP archive is damaged or truncated (\(error))")
        }
        var entries: [String: Entry] = [:]
        var declared: UInt64 = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.maxArchiveEntries else {
                throw .limitExceeded(
                    file: file, location: nil,
                    limit: "the archive holds more than \(limits.maxArchiveEntries) entries")
            }
            declared += entry.uncompressedSize
            guard declared <= UInt64(limits.maxUncompressedSize) else {
                throw .tooLarge(
                    file: file,
                    limit: "\(ReadLimits.describe(bytes: limits.maxUncompressedSize)) uncompressed; "
                        + "the archive declares more (entry \(entry.path))")
            }
            entries[entry.path] = entry
        }
        guard count > 0 else {
            throw .unreadable(file: file, reason: "the ZIP archive is damaged or truncated (no entries)")
        }
        self.archive = archive
        self.entries = entries
    }

    /// Whether the archive has a part at `path` («word/document.xml»).
    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The bytes of the part at `path`, or nil when there is none. Throws as soon as the
    /// inflated bytes pass the limit, whatever the entry declared.
    func part(_ path: String) throws(DocumentReadError) -> Data? {
        guard let entry = entries[path] else { return nil }
        guard entry.type == .file else {
            throw .malformed(file: file, location: nil, reason: "\(path) is not a file in the archive")
        }
        let budget = limits.maxUncompressedSize - inflated
        var bytes = Data()
        var overflow = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= budget else {
                    overflow = true
                    throw CancellationError()
                }
                bytes.append(chunk)
            }
        } catch {
            if overflow {
                throw .tooLarge(
                    file: file,
                    limit: "\(ReadLimits.describe(bytes: limits.maxUncompressedSize)) uncompressed; "
                        + "\(path) inflates to more")
            }
            throw .unreadable(file: file, reason: "the part \(path) is damaged (\(error))")
        }
        inflated += bytes.count
        return bytes
    }

    /// Like `part(_:)`, for a part the format cannot do without.
    func requiredPart(_ path: String, what: String) throws(DocumentReadError) -> Data {
        guard let data = try part(path) else {
            throw .unreadable(file: file, reason: "it has no \(path) (\(what))")
        }
        return data
    }
}
