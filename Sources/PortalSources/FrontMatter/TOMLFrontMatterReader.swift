import Foundation

/// Reads `+++` front matter into front-matter nodes with `TOMLParser`.
package enum TOMLFrontMatterReader {
    /// `lineOffset` is added to TOML line numbers to give file lines (the opening fence's line).
    package static func read(_ text: String, lineOffset: Int, timeZone: TimeZone) -> Result<[FrontMatterNode.Entry], FrontMatterProblem> {
        readParsed(text, lineOffset: lineOffset, timeZone: timeZone)
    }

    /// Reads any TOML 1.0 document; each node keeps the line and column where its value starts.
    package static func readParsed(_ text: String, lineOffset: Int, timeZone: TimeZone) -> Result<[FrontMatterNode.Entry], FrontMatterProblem> {
        let table: TOMLTable
        do throws(TOMLError) {
            table = try TOMLParser.parse(text, firstLine: lineOffset + 1)
        } catch {
            return .failure(FrontMatterProblem(
                message: "invalid TOML front matter: \(error.message)",
                line: error.line,
                column: error.column
            ))
        }
        let converter = Converter(timeZone: timeZone)
        return .success(converter.entries(table))
    }

    private struct Converter {
        let timeZone: TimeZone

        /// Keys sorted at every level, so that parameters reach templates in one order.
        func entries(_ table: TOMLTable) -> [FrontMatterNode.Entry] {
            table.keys.sorted().compactMap { key -> FrontMatterNode.Entry? in
                table[key].map { FrontMatterNode.Entry(key: key, node: node($0)) }
            }
        }

        func node(_ value: TOMLNode) -> FrontMatterNode {
            func make(_ kind: FrontMatterNode.Kind) -> FrontMatterNode {
                FrontMatterNode(kind, line: value.line, column: value.column)
            }
            switch value.value {
            case let .string(text): return make(.value(.string(text)))
            case let .integer(number): return make(.value(.int(number)))
            case let .float(number): return make(.value(.double(number)))
            case let .boolean(flag): return make(.value(.bool(flag)))
            case let .localDate(day):
                if let date = FrontMatterDate.make(year: day.year, month: day.month, day: day.day, timeZone: timeZone) {
                    var node = make(.value(.date(date, hasTime: false)))
                    node.wallClock = day.description
                    return node
                }
                return make(.value(.string(day.description)))
            case let .localDateTime(day, time):
                var node = make(dateTime(day, time, offsetSeconds: nil))
                node.wallClock = "\(day)T\(time)"
                return node
            case let .offsetDateTime(day, time, offsetMinutes):
                return make(dateTime(day, time, offsetSeconds: offsetMinutes * 60))
            case let .localTime(time):
                return make(.value(.string(time.description)))
            case let .array(array):
                return make(.list(array.items.map(node)))
            case let .table(table):
                return make(.table(entries(table)))
            }
        }

        func dateTime(_ day: TOMLLocalDate, _ time: TOMLLocalTime, offsetSeconds: Int?) -> FrontMatterNode.Kind {
            let date = FrontMatterDate.make(
                year: day.year, month: day.month, day: day.day,
                hour: time.hour, minute: time.minute, second: time.second,
                nanosecond: time.nanosecond, offsetSeconds: offsetSeconds, timeZone: timeZone
            )
            return date.map { .value(.date($0, hasTime: true)) } ?? .value(.string("\(day)T\(time)"))
        }
    }
}
