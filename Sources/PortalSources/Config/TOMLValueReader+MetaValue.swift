import Foundation

extension TOMLValueReader {
    /// Converts any TOML value to a `MetaValue`, tables in source order.
    /// Dates without an offset are read in `timeZone`.
    package func metaValue(_ node: TOMLNode, at path: [String], timeZone: TimeZone) -> MetaValue {
        switch node.value {
        case let .string(value): return .string(value)
        case let .integer(value): return .int(value)
        case let .float(value): return .double(value)
        case let .boolean(value): return .bool(value)
        case let .localDate(date):
            let components = DateComponents(year: date.year, month: date.month, day: date.day)
            return Self.date(components, timeZone: timeZone).map { .date($0, hasTime: false) } ?? .string(date.description)
        case let .localTime(time):
            return .string(time.description)
        case let .localDateTime(date, time):
            return dateTime(date, time, zone: timeZone)
        case let .offsetDateTime(date, time, offsetMinutes):
            return dateTime(date, time, zone: TimeZone(secondsFromGMT: offsetMinutes * 60) ?? timeZone)
        case let .array(array):
            return .array(array.items.map { metaValue($0, at: path, timeZone: timeZone) })
        case let .table(table):
            return .table(keysInSourceOrder(table, at: path).compactMap { key in
                table[key].map { (key: key, value: metaValue($0, at: path + [key], timeZone: timeZone)) }
            })
        }
    }

    private func dateTime(_ date: TOMLLocalDate, _ time: TOMLLocalTime, zone: TimeZone) -> MetaValue {
        let components = DateComponents(
            year: date.year, month: date.month, day: date.day,
            hour: time.hour, minute: time.minute, second: time.second, nanosecond: time.nanosecond
        )
        return Self.date(components, timeZone: zone).map { .date($0, hasTime: true) } ?? .string("\(date)T\(time)")
    }

    package static func date(_ components: DateComponents, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: components)
    }
}
