/// A TOML 1.0 document as `TOMLParser` reads it: tables and arrays are reference
/// types while the parser builds them and are never changed afterwards.

/// A syntax or redefinition error, at the 1-based line and column (in Unicode
/// scalars) where the reader found it.
package struct TOMLError: Error, Equatable, Sendable, CustomStringConvertible {
    package var message: String
    package var line: Int
    package var column: Int

    package init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    package var description: String { "\(line):\(column): \(message)" }
}

/// `1979-05-27`: a day as written, already checked to exist.
package struct TOMLLocalDate: Equatable, Hashable, Sendable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int

    package var description: String {
        String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year) + "-" + Self.two(month) + "-" + Self.two(day)
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// `07:32:00.999`: a time of day; `nanosecond` keeps at most nine digits of the fraction.
package struct TOMLLocalTime: Equatable, Hashable, Sendable, CustomStringConvertible {
    package var hour: Int
    package var minute: Int
    package var second: Int
    package var nanosecond: Int = 0

    package var description: String {
        TOMLLocalDate.two(hour) + ":" + TOMLLocalDate.two(minute) + ":" + TOMLLocalDate.two(second)
    }
}

package enum TOMLValue {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// An instant: the wall-clock time and its offset from UTC in minutes.
    case offsetDateTime(TOMLLocalDate, TOMLLocalTime, offsetMinutes: Int)
    case localDateTime(TOMLLocalDate, TOMLLocalTime)
    case localDate(TOMLLocalDate)
    case localTime(TOMLLocalTime)
    case array(TOMLArray)
    case table(TOMLTable)
}

/// A value and the place its text starts (for a table, its header or first key).
package struct TOMLNode {
    package var value: TOMLValue
    package var line: Int
    package var column: Int

    package init(_ value: TOMLValue, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    package var string: String? {
        if case let .string(value) = value { return value }
        return nil
    }

    package var int: Int? {
        if case let .integer(value) = value { return value }
        return nil
    }

    package var double: Double? {
        if case let .float(value) = value { return value }
        return nil
    }

    package var bool: Bool? {
        if case let .boolean(value) = value { return value }
        return nil
    }

    package var table: TOMLTable? {
        if case let .table(value) = value { return value }
        return nil
    }

    package var array: [TOMLNode]? {
        if case let .array(value) = value { return value.items }
        return nil
    }

    /// "a string", "an integer", ... for messages.
    package var typeDescription: String {
        switch value {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a number"
        case .boolean: return "a boolean"
        case .offsetDateTime, .localDateTime: return "a date-time"
        case .localDate: return "a date"
        case .localTime: return "a time"
        case let .array(array): return array.isTableArray ? "an array of tables" : "an array"
        case .table: return "a table"
        }
    }
}

/// A table's entries in the order they were written.
package final class TOMLTable: @unchecked Sendable {
    /// How a table came to be, which decides what may still add to it.
    package enum Origin {
        /// Named by `[a.b]` or `[[a]]`.
        case header
        /// Created as the parent of a header (`a` of `[a.b]`); a later `[a]` may still define it.
        case implicit
        /// Created by a dotted key (`a.b = 1`).
        case dotted
        /// `{ ... }`, closed once written.
        case inline
    }

    package private(set) var keys: [String] = []
    private var entries: [String: TOMLNode] = [:]
    package internal(set) var origin: Origin

    package init(origin: Origin) {
        self.origin = origin
    }

    package subscript(key: String) -> TOMLNode? { entries[key] }

    package var count: Int { keys.count }
    package var isEmpty: Bool { keys.isEmpty }

    /// Entries in source order.
    package var orderedEntries: [(key: String, node: TOMLNode)] {
        keys.compactMap { key in entries[key].map { (key, $0) } }
    }

    func insert(_ key: String, _ node: TOMLNode) {
        if entries.updateValue(node, forKey: key) == nil { keys.append(key) }
    }

    /// Closes an inline table and every table written inside it.
    func close() {
        origin = .inline
        for key in keys {
            if case let .table(table)? = entries[key]?.value { table.close() }
        }
    }
}

/// An array; `isTableArray` for one made by `[[name]]` headers, the only kind that grows.
package final class TOMLArray: @unchecked Sendable {
    package internal(set) var items: [TOMLNode]
    package let isTableArray: Bool

    init(items: [TOMLNode] = [], isTableArray: Bool) {
        self.items = items
        self.isTableArray = isTableArray
    }
}
