import Foundation

/// A front-matter or configuration value, independent of TOML or YAML.
public enum MetaValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    /// A date or date-time; `hasTime` is false for bare dates (`2021-12-23`).
    case date(Date, hasTime: Bool)
    case array([MetaValue])
    /// Keys keep their original spelling; `Array` keeps their source order.
    case table([(key: String, value: MetaValue)])

    public static func == (lhs: MetaValue, rhs: MetaValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case let (.date(a, ta), .date(b, tb)): return a == b && ta == tb
        case let (.array(a), .array(b)): return a == b
        case let (.table(a), .table(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case let .string(s): hasher.combine(0); hasher.combine(s)
        case let .int(i): hasher.combine(1); hasher.combine(i)
        case let .double(d): hasher.combine(2); hasher.combine(d)
        case let .bool(b): hasher.combine(3); hasher.combine(b)
        case let .date(d, t): hasher.combine(4); hasher.combine(d); hasher.combine(t)
        case let .array(a): hasher.combine(5); hasher.combine(a)
        case let .table(t):
            hasher.combine(6)
            for entry in t { hasher.combine(entry.key); hasher.combine(entry.value) }
        }
    }

    /// The value of `key` in a table, compared case-insensitively.
    public subscript(key: String) -> MetaValue? {
        guard case let .table(entries) = self else { return nil }
        let lowered = key.lowercased()
        return entries.first { $0.key.lowercased() == lowered }?.value
    }

    /// Text of a scalar (numbers and booleans as written in TOML/YAML); nil for arrays and tables.
    public var stringValue: String? {
        switch self {
        case let .string(s): return s
        case let .int(i): return String(i)
        case let .double(d): return String(d)
        case let .bool(b): return b ? "true" : "false"
        case .date, .array, .table: return nil
        }
    }
}

extension MetaValue {
    /// A string or a whole number: a term a taxonomy reads.
    public var isName: Bool {
        switch self {
        case .string, .int: return true
        default: return false
        }
    }

    /// A name or a list of names: what a taxonomy reads whole.
    public var isNameOrNames: Bool {
        if case let .array(items) = self { return items.allSatisfy(\.isName) }
        return isName
    }

    /// What a value is, in a message: "a table", "true", "a date".
    public var kindDescription: String {
        switch self {
        case .string: return "a string"
        case .int: return "a whole number"
        case .double: return "a number with a fraction"
        case let .bool(flag): return flag ? "true" : "false"
        case .date: return "a date"
        case .array: return "a list"
        case .table: return "a table"
        }
    }
}
