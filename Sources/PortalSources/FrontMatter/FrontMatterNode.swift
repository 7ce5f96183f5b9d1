import Foundation

/// A front-matter value as read from TOML or YAML, before normalisation, with
/// the place in the file where it was written (for messages).
package struct FrontMatterNode {
    package enum Kind {
        /// YAML scalar text; `plain` is false when quoted, a block scalar or tagged `!!str`.
        case scalar(String, plain: Bool)
        /// A value whose type the format already fixed (TOML values).
        case value(MetaValue)
        case null
        case list([FrontMatterNode])
        case table([Entry])
    }

    package struct Entry {
        package var key: String
        package var node: FrontMatterNode
        /// The key's line where it is not the value's (a YAML block list starts on the next one).
        package var keyLine: Int? = nil
    }

    package var kind: Kind
    /// 1-based line and column in the source file.
    package var line: Int
    package var column: Int
    /// A TOML local date or date-time as written (`2022-01-11T19:30:00`): the wall clock
    /// a meeting's zone reads, which the date value (made in the site's zone) loses.
    package var wallClock: String? = nil

    package init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// Null, blank text, an empty list or table, or a list of only empty values.
    package var isEmpty: Bool {
        switch kind {
        case .null: return true
        case let .scalar(text, _): return text.allSatisfy(\.isWhitespace)
        case let .value(.string(text)): return text.allSatisfy(\.isWhitespace)
        case .value: return false
        case let .list(items): return items.allSatisfy(\.isEmpty)
        case let .table(entries): return entries.isEmpty
        }
    }

    /// Text of a scalar, trimmed; nil for lists, tables, dates and null.
    package var text: String? {
        switch kind {
        case let .scalar(text, _): return text.trimmingWhitespace
        case let .value(value): return value.stringValue?.trimmingWhitespace
        case .null, .list, .table: return nil
        }
    }

    /// The entry of a table whose key matches case-insensitively.
    package func entry(_ key: String) -> FrontMatterNode? {
        guard case let .table(entries) = kind else { return nil }
        return entries.first { $0.key.caseInsensitiveEquals(key) }?.node
    }
}
