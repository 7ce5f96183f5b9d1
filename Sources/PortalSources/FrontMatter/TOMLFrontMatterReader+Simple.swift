import Foundation
import PortalText

/// Most TOML front matter is `key = value` lines (basic or literal strings, booleans,
/// whole numbers, dates, one-line lists of those) and perhaps a `[table]` of the same.
/// Those are read here line by line, giving the nodes `readParsed` gives; anything
/// else (escapes, comments after a value, dotted or quoted keys, floats, inline tables,
/// values over several lines, repeated keys) returns nil and goes through `TOMLParser`,
/// so its errors and its rules stay the only ones.
extension TOMLFrontMatterReader {
    package static func readSimple(_ text: String, lineOffset: Int, timeZone: TimeZone) -> [FrontMatterNode.Entry]? {
        var text = text
        return text.withUTF8 { bytes -> [FrontMatterNode.Entry]? in
            // Controls (tabs and CRs too), C1 controls, line separators and byte-order marks.
            guard !FrontMatterLines.holdsSpecialCharacters(bytes) else { return nil }
            var reader = SimpleTOML(timeZone: timeZone)
            let simple = FrontMatterLines.eachLine(of: bytes) { line, number in reader.read(line, number: number + lineOffset) }
            return simple ? reader.entries() : nil
        }
    }
}

/// The state of a quick read: top-level entries, then the tables opened by headers.
private struct SimpleTOML {
    package struct Table {
        package var key: String
        package var line: Int
        package var column: Int
        package var entries: [FrontMatterNode.Entry] = []
        package var keys = Set<String>()
    }

    package let timeZone: TimeZone
    package var top: [FrontMatterNode.Entry] = []
    package var topKeys = Set<String>()
    package var tables: [Table] = []

    package init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// Reads one line; false when it is not simple.
    package mutating func read(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
        var index = 0
        skipSpaces(line, &index)
        guard index < line.count, line[index] != UInt8(ascii: "#") else { return true }
        if line[index] == UInt8(ascii: "[") {
            // `[name]`: a table of simple pairs, named by a bare key used nowhere else.
            let column = index + 1
            index += 1
            guard let key = bareKey(line, &index), index < line.count, line[index] == UInt8(ascii: "]") else { return false }
            index += 1
            skipSpaces(line, &index)
            guard index == line.count, topKeys.insert(key).inserted else { return false }
            tables.append(Table(key: key, line: number, column: column))
            return true
        }
        guard let key = bareKey(line, &index) else { return false }
        skipSpaces(line, &index)
        guard index < line.count, line[index] == UInt8(ascii: "=") else { return false }
        index += 1
        skipSpaces(line, &index)
        // Only ASCII stands before the value: its byte offset gives its column.
        guard let node = value(line, &index, line: number, column: index + 1) else { return false }
        skipSpaces(line, &index)
        guard index == line.count else { return false }
        if tables.isEmpty {
            guard topKeys.insert(key).inserted else { return false }
            top.append(FrontMatterNode.Entry(key: key, node: node))
        } else {
            guard tables[tables.count - 1].keys.insert(key).inserted else { return false }
            tables[tables.count - 1].entries.append(FrontMatterNode.Entry(key: key, node: node))
        }
        return true
    }

    /// The entries as `readParsed` orders them: by key, at every level.
    package func entries() -> [FrontMatterNode.Entry] {
        var all = top
        for table in tables {
            let sorted = table.entries.sorted { $0.key < $1.key }
            all.append(FrontMatterNode.Entry(key: table.key, node: FrontMatterNode(.table(sorted), line: table.line, column: table.column)))
        }
        return all.sorted { $0.key < $1.key }
    }

    private func skipSpaces(_ line: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < line.count, line[index] == 0x20 { index += 1 }
    }

    /// ASCII letters, digits, `_` and `-`, not followed by `.` (a dotted key).
    private func bareKey(_ line: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> String? {
        let start = index
        while index < line.count, TOMLKeyLocator.isBareKeyByte(line[index]) { index += 1 }
        guard index > start, index == line.count || line[index] != UInt8(ascii: ".") else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: line[start..<index]), as: UTF8.self)
    }

    private func value(_ line: UnsafeBufferPointer<UInt8>, _ index: inout Int, line number: Int, column: Int) -> FrontMatterNode? {
        guard index < line.count else { return nil }
        if line[index] == UInt8(ascii: "[") {
            index += 1
            var items: [FrontMatterNode] = []
            while true {
                skipSpaces(line, &index)
                guard index < line.count else { return nil }
                if line[index] == UInt8(ascii: "]") { break }
                let itemColumn = scalarColumn(line, index)
                guard line[index] != UInt8(ascii: "["), let item = scalar(line, &index) else { return nil }
                items.append(FrontMatterNode(.value(item), line: number, column: itemColumn))
                skipSpaces(line, &index)
                guard index < line.count else { return nil }
                if line[index] == UInt8(ascii: ",") { index += 1 } else if line[index] != UInt8(ascii: "]") { return nil }
            }
            index += 1
            return FrontMatterNode(.list(items), line: number, column: column)
        }
        return scalar(line, &index).map { FrontMatterNode(.value($0), line: number, column: column) }
    }

    /// A string without escapes, `true`, `false`, a whole number, a date or a date and time.
    private func scalar(_ line: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> MetaValue? {
        let first = line[index]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let start = index + 1
            var end = start
            while end < line.count, line[end] != first {
                // Escapes in basic strings are left to `TOMLParser`.
                if first == UInt8(ascii: "\""), line[end] == UInt8(ascii: "\\") { return nil }
                end += 1
            }
            // An empty string directly followed by a quote opens a multi-line string.
            guard end < line.count, !(end == start && end + 1 < line.count && line[end + 1] == first) else { return nil }
            index = end + 1
            return .string(String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self))
        }
        var end = index
        while end < line.count, line[end] != 0x20, line[end] != UInt8(ascii: ","), line[end] != UInt8(ascii: "]") { end += 1 }
        let token = UnsafeBufferPointer(rebasing: line[index..<end])
        // `2021-12-23 10:00:00`: a space between date and time is left to `TOMLParser`.
        if token.count == 10, end + 1 < line.count, line[end] == 0x20, isDigit(line[end + 1]) { return nil }
        guard let result = word(token) else { return nil }
        index = end
        return result
    }

    private func word(_ token: UnsafeBufferPointer<UInt8>) -> MetaValue? {
        if token.elementsEqual("true".utf8) { return .bool(true) }
        if token.elementsEqual("false".utf8) { return .bool(false) }
        if token.count >= 10, token[4] == UInt8(ascii: "-") { return date(token) }
        // Whole numbers: an optional minus, no leading zero, no `_`, `+` or other bases.
        var digits = token[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(isDigit),
              digits.count == 1 || digits.first != UInt8(ascii: "0") else { return nil }
        var number = 0
        for digit in digits { number = number * 10 + Int(digit - 0x30) }
        return .int(token.first == UInt8(ascii: "-") ? -number : number)
    }

    /// `YYYY-MM-DD`, or that with `THH:MM:SS` and an optional `Z` or `±HH:MM`; no fractions.
    private func date(_ token: UnsafeBufferPointer<UInt8>) -> MetaValue? {
        var scanner = ByteScanner(Array(token))
        guard let year = scanner.digits(4...4), scanner.skip("-"), let month = scanner.digits(2...2), scanner.skip("-"),
              let day = scanner.digits(2...2) else { return nil }
        if scanner.atEnd {
            return FrontMatterDate.make(year: year, month: month, day: day, timeZone: timeZone).map { .date($0, hasTime: false) }
        }
        guard scanner.skip("T"), let hour = scanner.digits(2...2), scanner.skip(":"), let minute = scanner.digits(2...2),
              scanner.skip(":"), let second = scanner.digits(2...2) else { return nil }
        var offset: Int?
        if scanner.skip("Z") {
            offset = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.digits(2...2), scanner.skip(":"), let minutes = scanner.digits(2...2),
                  hours <= 23, minutes <= 59 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard scanner.atEnd else { return nil }
        return FrontMatterDate.make(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                                    offsetSeconds: offset, timeZone: timeZone).map { .date($0, hasTime: true) }
    }

    /// 1-based column of `index` in `line`, in Unicode scalars.
    private func scalarColumn(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        var count = 1
        for position in 0..<index where line[position] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }
}
