import Foundation
import TOMLKit

extension TOMLValueReader {
    /// Converts any TOML value to a `MetaValue`, tables in source order.
    /// Dates without an offset are read in `timeZone` (TOMLKit would use the machine's zone).
    package func metaValue(_ value: TOMLValueConvertible, at path: [String], timeZone: TimeZone) -> MetaValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .int(value.int ?? 0)
        case .double: return .double(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .date:
            guard let date = value.date else { return .string("") }
            let components = DateComponents(year: date.year, month: date.month, day: date.day)
            return Self.date(components, timeZone: timeZone).map { .date($0, hasTime: false) } ?? .string(date.debugDescription)
        case .time:
            guard let time = value.time else { return .string("") }
            return .string(String(format: "%02d:%02d:%02d", time.hour, time.minute, time.second))
        case .dateTime:
            guard let dateTime = value.dateTime else { return .string("") }
            let components = DateComponents(
                year: dateTime.date.year, month: dateTime.date.month, day: dateTime.date.day,
                hour: dateTime.time.hour, minute: dateTime.time.minute, second: dateTime.time.second,
                nanosecond: dateTime.time.nanoSecond
            )
            let zone = dateTime.offset.flatMap { TimeZone(secondsFromGMT: $0.offset * 60) } ?? timeZone
            return Self.date(components, timeZone: zone).map { .date($0, hasTime: true) } ?? .string(dateTime.debugDescription)
        case .array:
            guard let array = value.array else { return .array([]) }
            return .array(array.map { metaValue($0, at: path, timeZone: timeZone) })
        case .table:
            guard let table = value.table else { return .table([]) }
            return .table(keysInSourceOrder(table, at: path).compactMap { key in
                table[key].map { (key: key, value: metaValue($0, at: path + [key], timeZone: timeZone)) }
            })
        }
    }

    package static func date(_ components: DateComponents, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: components)
    }
}
