import Foundation

/// A configuration value read from TOML, YAML, JSON or a JavaScript object literal,
/// in one shape so the importers need not know which format a file was in.
package indirect enum ImportValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([ImportValue])
    case table(ImportTable)
    /// A value that has no place here (a date, a JavaScript expression), as its text.
    case other(String)

    package var string: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    package var int: Int? {
        switch self {
        case let .integer(value): return value
        case let .float(value) where value == value.rounded() && abs(value) < 1e15: return Int(value)
        default: return nil
        }
    }

    package var bool: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    package var table: ImportTable? {
        if case let .table(value) = self { return value }
        return nil
    }

    package var array: [ImportValue]? {
        if case let .array(value) = self { return value }
        return nil
    }

    /// Short text for notes: strings as written, tables and arrays by size.
    package var summary: String {
        switch self {
        case let .string(value): return value
        case let .integer(value): return String(value)
        case let .float(value): return String(value)
        case let .bool(value): return value ? "true" : "false"
        case let .array(items): return "\(items.count) item\(items.count == 1 ? "" : "s")"
        case let .table(table): return "\(table.count) key\(table.count == 1 ? "" : "s")"
        case let .other(text): return text
        }
    }
}

/// Keys and values in the order they were written. Look-ups prefer the exact key and
/// fall back to one that differs only in case (Hugo's keys are case-insensitive).
package struct ImportTable: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var key: String
        package var value: ImportValue
    }

    package private(set) var entries: [Entry] = []

    package init(_ entries: [(String, ImportValue)] = []) {
        for (key, value) in entries { self[key] = value }
    }

    package var count: Int { entries.count }
    package var isEmpty: Bool { entries.isEmpty }
    package var keys: [String] { entries.map(\.key) }

    private func index(of key: String) -> Int? {
        if let exact = entries.firstIndex(where: { $0.key == key }) { return exact }
        let lowered = key.lowercased()
        return entries.firstIndex { $0.key.lowercased() == lowered }
    }

    /// The key as the file writes it, for a key matched without regard to case.
    package func writtenKey(_ key: String) -> String? {
        index(of: key).map { entries[$0].key }
    }

    package subscript(key: String) -> ImportValue? {
        get { index(of: key).map { entries[$0].value } }
        set {
            if let position = index(of: key) {
                if let newValue { entries[position].value = newValue } else { entries.remove(at: position) }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    package func value(at path: [String]) -> ImportValue? {
        guard let first = path.first else { return .table(self) }
        guard let value = self[first] else { return nil }
        if path.count == 1 { return value }
        return value.table?.value(at: Array(path.dropFirst()))
    }

    package func string(_ path: String...) -> String? { value(at: path)?.string }
    package func int(_ path: String...) -> Int? { value(at: path)?.int }
    package func bool(_ path: String...) -> Bool? { value(at: path)?.bool }
    package func table(_ path: String...) -> ImportTable? { value(at: path)?.table }

    /// Adds `other` on top of this table: tables merge key by key, any other value replaces.
    package mutating func merge(_ other: ImportTable) {
        for entry in other.entries {
            if case let .table(mine)? = self[entry.key], case let .table(theirs) = entry.value {
                var merged = mine
                merged.merge(theirs)
                self[entry.key] = .table(merged)
            } else {
                self[entry.key] = entry.value
            }
        }
    }

    /// `value` placed at `path`, making tables on the way.
    package mutating func merge(_ value: ImportValue, at path: [String]) {
        guard let first = path.first else {
            if let table = value.table { merge(table) }
            return
        }
        if path.count == 1 {
            if case let .table(mine)? = self[first], case let .table(theirs) = value {
                var merged = mine
                merged.merge(theirs)
                self[first] = .table(merged)
            } else {
                self[first] = value
            }
            return
        }
        var inner = self[first]?.table ?? ImportTable()
        inner.merge(value, at: Array(path.dropFirst()))
        self[first] = .table(inner)
    }
}
