import Foundation

/// Dates written in file and folder names: `2022-09-15-slug.md`, `2022-04-21.md`, `2022/09/15/x.md`.
public enum FileNameDate {
    /// The date a content path carries (in its file name, else its folders), midnight in `timeZone`.
    public static func date(inContentPath contentPath: String, timeZone: TimeZone) -> Date? {
        let parts = contentPath.split(separator: "/").map(String.init)
        guard let fileName = parts.last else { return nil }
        let folders = parts.dropLast()
        // The file name, then the nearest folder name (page bundles: `2021-12-23-x/index.md`).
        var candidates = [fileName]
        candidates.append(contentsOf: folders.reversed())
        for name in candidates {
            if let day = leadingDay(of: name) {
                return FrontMatterDate.make(year: day.year, month: day.month, day: day.day, timeZone: timeZone)
            }
        }
        // Folders `YYYY/MM/DD/`, the deepest run first.
        let folderList = Array(folders)
        var index = folderList.count - 3
        while index >= 0 {
            if let year = number(folderList[index], digits: 4),
               let month = number(folderList[index + 1], digits: 2),
               let day = number(folderList[index + 2], digits: 2),
               let date = FrontMatterDate.make(year: year, month: month, day: day, timeZone: timeZone) {
                return date
            }
            index -= 1
        }
        return nil
    }

    /// The name with a leading `YYYY-MM-DD-` removed; the whole name when nothing would be left.
    public static func stripDatePrefix(_ name: String) -> String {
        datePrefix(of: name)?.rest ?? name
    }

    /// A leading date of a name and the text after it (`2022-09-15-weekly` -> 2022, 9, 15,
    /// "weekly"): month and day may have one digit (`2020-12-7-x`), as Docusaurus allows.
    /// Nil when the name has no date, or nothing but a date.
    public static func datePrefix(of name: String) -> (year: Int, month: Int, day: Int, rest: String)? {
        guard let day = leadingDay(of: name) else { return nil }
        let rest = name.utf8.dropFirst(day.length)
        guard let separator = rest.first, separator == UInt8(ascii: "-") || separator == UInt8(ascii: "_") else {
            return nil
        }
        let remainder = String(decoding: rest.dropFirst(), as: UTF8.self)
        return remainder.isEmpty ? nil : (day.year, day.month, day.day, remainder)
    }

    /// A valid `YYYY-M[M]-D[D]` at the start of `name`, followed by its end or a non-digit.
    package static func leadingDay(of name: String) -> (year: Int, month: Int, day: Int, length: Int)? {
        let bytes = Array(name.utf8.prefix(11))
        func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        func number(_ start: Int, upTo maximum: Int) -> (value: Int, end: Int)? {
            var index = start
            var value = 0
            while index < start + maximum, isDigit(index) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            return index == start ? nil : (value, index)
        }
        guard bytes.count >= 8, let year = number(0, upTo: 4), year.end == 4, bytes[4] == UInt8(ascii: "-"),
              let month = number(5, upTo: 2), month.end < bytes.count, bytes[month.end] == UInt8(ascii: "-"),
              let day = number(month.end + 1, upTo: 2), !isDigit(day.end) else { return nil }
        guard FrontMatterDate.isValidDay(year: year.value, month: month.value, day: day.value) else { return nil }
        return (year.value, month.value, day.value, day.end)
    }

    private static func number(_ text: String, digits: Int) -> Int? {
        guard text.utf8.count == digits, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}
