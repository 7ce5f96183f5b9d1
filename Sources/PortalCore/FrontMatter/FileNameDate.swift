import Foundation

/// Dates written in file and folder names: `2022-09-15-slug.md`, `2022-04-21.md`, `2022/09/15/x.md`.
public enum FileNameDate {
    /// The date a content path carries (in its file name, else its folders), midnight in `timeZone`.
    public static func date(inContentPath contentPath: String, timeZone: TimeZone) -> Date? {
        nil // STUB
    }

    /// The name with a leading `YYYY-MM-DD-` removed; the whole name when nothing would be left.
    public static func stripDatePrefix(_ name: String) -> String {
        name // STUB
    }
}
