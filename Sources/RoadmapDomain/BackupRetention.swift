import Foundation

/// Which daily backups a folder keeps: the newest `keep` of the files this service named
/// (`roadmap-YYYYMMDD-HHMMSSZ.dump`, UTC); any other file is never touched.
public enum BackupRetention {
    public static let prefix = "roadmap-"
    public static let suffix = ".dump"

    /// The name of a backup taken at `moment`.
    public static func fileName(at moment: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(prefix)\(c.year ?? 0)\(two(c.month))\(two(c.day))-\(two(c.hour))\(two(c.minute))\(two(c.second))Z\(suffix)"
    }

    /// Whether `name` is a backup this service named.
    public static func isBackup(_ name: String) -> Bool {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return false }
        let stamp = name.dropFirst(prefix.count).dropLast(suffix.count)
        return stamp.count == 16 && stamp.enumerated().allSatisfy { index, character in
            switch index {
            case 8: character == "-"
            case 15: character == "Z"
            default: character.isASCII && character.isNumber
            }
        }
    }

    /// The backups among `names` to delete so that the newest `keep` remain.
    public static func toDelete(_ names: [String], keep: Int) -> [String] {
        let backups = names.filter(isBackup).sorted(by: >)
        return Array(backups.dropFirst(max(keep, 1)))
    }
}
