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
        if let problem = TOMLAssertionCheck.problem(in: text) {
            return .failure(FrontMatterProblem(
                message: "invalid TOML front matter: \(problem.message)",
                line: problem.line + lineOffset,
                column: problem.column
            ))
        }
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
        let places = TOMLKeyLocator(text: text)
        let fallback = (line: lineOffset + 1, column: 1)
        let converter = Converter(timeZone: timeZone)
        // toml++ keeps keys in a sorted map, so source order is lost: sort for determinism.
        let entries = table.keys.sorted().compactMap { key -> FrontMatterNode.Entry? in
            guard let value = table[key] else { return nil }
            let place = places.valuePosition(of: [key]).map { (line: $0.line + lineOffset, column: $0.column) } ?? fallback
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
}
