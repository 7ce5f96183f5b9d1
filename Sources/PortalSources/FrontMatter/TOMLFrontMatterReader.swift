import Foundation
import TOMLKit

/// Reads `+++` front matter into front-matter nodes: flat TOML quickly, the rest with TOMLKit.
package enum TOMLFrontMatterReader {
    /// `lineOffset` is added to TOML line numbers to give file lines (the opening fence's line).
    package static func read(_ text: String, lineOffset: Int, timeZone: TimeZone) -> Result<[FrontMatterNode.Entry], FrontMatterProblem> {
        if let entries = readSimple(text, lineOffset: lineOffset, timeZone: timeZone) { return .success(entries) }
        return readParsed(text, lineOffset: lineOffset, timeZone: timeZone)
    }

    /// Reads any TOML through TOMLKit (toml++).
    package static func readParsed(_ text: String, lineOffset: Int, timeZone: TimeZone) -> Result<[FrontMatterNode.Entry], FrontMatterProblem> {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return .failure(FrontMatterProblem(
                message: "invalid TOML front matter: \(error.description)",
                line: error.source.begin.line + lineOffset,
                column: error.source.begin.column
            ))
        } catch {
            return .failure(FrontMatterProblem(message: "invalid TOML front matter: \(error)", line: lineOffset + 1, column: 1))
        }
        let places = topLevelKeyPlaces(in: text)
        let fallback = (line: lineOffset + 1, column: 1)
        let converter = Converter(timeZone: timeZone)
        // toml++ keeps keys in a sorted map, so source order is lost: sort for determinism.
        let entries = table.keys.sorted().compactMap { key -> FrontMatterNode.Entry? in
            guard let value = table[key] else { return nil }
            let place = places[key].map { (line: $0.line + lineOffset, column: $0.column) } ?? fallback
            return FrontMatterNode.Entry(key: key, node: converter.node(value, line: place.line, column: place.column))
        }
        return .success(entries)
    }

    private struct Converter {
        package let timeZone: TimeZone

        /// Nested values take the place of their top-level key: TOMLKit keeps no positions.
        package func node(_ value: TOMLValueConvertible, line: Int, column: Int) -> FrontMatterNode {
            func make(_ kind: FrontMatterNode.Kind) -> FrontMatterNode { FrontMatterNode(kind, line: line, column: column) }
            switch value.type {
            case .string: return make(.value(.string(value.string ?? "")))
            case .int: return value.int.map { make(.value(.int($0))) } ?? make(.null)
            case .double: return value.double.map { make(.value(.double($0))) } ?? make(.null)
            case .bool: return value.bool.map { make(.value(.bool($0))) } ?? make(.null)
            case .date:
                guard let day = value.date else { return make(.null) }
                if let date = FrontMatterDate.make(year: day.year, month: day.month, day: day.day, timeZone: timeZone) {
                    return make(.value(.date(date, hasTime: false)))
                }
                return make(.value(.string(day.debugDescription)))
            case .dateTime:
                guard let stamp = value.dateTime else { return make(.null) }
                let date = FrontMatterDate.make(
                    year: stamp.date.year, month: stamp.date.month, day: stamp.date.day,
                    hour: stamp.time.hour, minute: stamp.time.minute, second: stamp.time.second,
                    nanosecond: stamp.time.nanoSecond, offsetSeconds: stamp.offset.map { $0.offset * 60 },
                    timeZone: timeZone
                )
                return make(date.map { .value(.date($0, hasTime: true)) } ?? .value(.string(stamp.debugDescription)))
            case .time:
                guard let time = value.time else { return make(.null) }
                return make(.value(.string(time.debugDescription)))
            case .array:
                guard let array = value.array else { return make(.null) }
                return make(.list(array.map { node($0, line: line, column: column) }))
            case .table:
                guard let table = value.table else { return make(.null) }
                let entries = table.keys.sorted().compactMap { key -> FrontMatterNode.Entry? in
                    table[key].map { FrontMatterNode.Entry(key: key, node: node($0, line: line, column: column)) }
                }
                return make(.table(entries))
            }
        }
    }

    /// Where each top-level key's value starts (1-based, relative to the TOML text),
    /// found by a line scan up to the first table header; `[table]` keys point at their header.
    package static func topLevelKeyPlaces(in text: String) -> [String: (line: Int, column: Int)] {
        var places: [String: (line: Int, column: Int)] = [:]
        var inTopLevel = true
        for (index, rawLine) in text.splitUTF8("\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(rawLine.utf8)
            var position = 0
            while position < line.count, line[position] == 0x20 || line[position] == 0x09 { position += 1 }
            guard position < line.count else { continue }
            if line[position] == UInt8(ascii: "[") {
                inTopLevel = false
                var start = position + 1
                if start < line.count, line[start] == UInt8(ascii: "[") { start += 1 }
                if let (key, _) = scanKey(line, from: start), places[key] == nil {
                    places[key] = (index + 1, columnOf(position, in: line))
                }
                continue
            }
            guard inTopLevel, let (key, end) = scanKey(line, from: position) else { continue }
            var cursor = end
            while cursor < line.count, line[cursor] == 0x20 || line[cursor] == 0x09 { cursor += 1 }
            guard cursor < line.count, line[cursor] == UInt8(ascii: "=") || line[cursor] == UInt8(ascii: ".") else { continue }
            if line[cursor] == UInt8(ascii: "=") {
                cursor += 1
                while cursor < line.count, line[cursor] == 0x20 || line[cursor] == 0x09 { cursor += 1 }
            }
            if places[key] == nil { places[key] = (index + 1, columnOf(cursor, in: line)) }
        }
        return places
    }

    /// A bare or quoted key starting at `start`, and the offset after it.
    private static func scanKey(_ line: [UInt8], from start: Int) -> (String, Int)? {
        guard start < line.count else { return nil }
        let first = line[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var end = start + 1
            while end < line.count, line[end] != first { end += 1 }
            guard end < line.count else { return nil }
            return (String(decoding: line[(start + 1)..<end], as: UTF8.self), end + 1)
        }
        var end = start
        while end < line.count, isBareKeyByte(line[end]) { end += 1 }
        guard end > start else { return nil }
        return (String(decoding: line[start..<end], as: UTF8.self), end)
    }

    package static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// 1-based column of a byte offset, counted in code points.
    private static func columnOf(_ offset: Int, in line: [UInt8]) -> Int {
        1 + line[..<min(offset, line.count)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
