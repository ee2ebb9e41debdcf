import Foundation

/// Where a run's results CSV goes when `--results` is not given: next to the roster, named after
/// it and the time, so that two runs never overwrite each other.
public enum ResultsLocation {
    public static func defaultPath(forRoster rosterPath: String, date: Date = Date()) -> String {
        let roster = URL(fileURLWithPath: rosterPath)
        let stem = roster.deletingPathExtension().lastPathComponent
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return roster.deletingLastPathComponent()
            .appendingPathComponent("results-\(stem)-\(formatter.string(from: date)).csv").path
    }
}
