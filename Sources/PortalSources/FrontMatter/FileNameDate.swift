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
        guard leadingDay(of: name) != nil else { return name }
        let rest = name.utf8.dropFirst(10)
        guard let separator = rest.first, separator == UInt8(ascii: "-") || separator == UInt8(ascii: "_") else {
            return name
        }
        let remainder = String(decoding: rest.dropFirst(), as: UTF8.self)
        return remainder.isEmpty ? name : remainder
    }

    /// A valid `YYYY-MM-DD` at the start of `name`, followed by its end or a non-digit.
    package static func leadingDay(of name: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(name.utf8.prefix(11))
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func value(_ range: Range<Int>) -> Int? {
            var result = 0
            for index in range {
                guard bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
                result = result * 10 + Int(bytes[index] - 0x30)
            }
            return result
        }
        guard let year = value(0..<4), let month = value(5..<7), let day = value(8..<10) else { return nil }
        if bytes.count == 11, bytes[10] >= 0x30, bytes[10] <= 0x39 { return nil }
        guard FrontMatterDate.isValidDay(year: year, month: month, day: day) else { return nil }
        return (year, month, day)
    }

    private static func number(_ text: String, digits: Int) -> Int? {
        guard text.utf8.count == digits, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}
