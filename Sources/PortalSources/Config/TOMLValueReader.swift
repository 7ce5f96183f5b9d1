import Foundation
import PortalText

/// Reads typed values out of a parsed TOML file, reporting each problem at
/// the line of the key it concerns.
package struct TOMLValueReader {
    /// File name used in messages, relative to the site root (`site.toml`).
    package let file: String
    package let locator: TOMLKeyLocator
    /// The parsed file: where the scan of `locator` does not reach (keys inside
    /// inline tables), a value's own position.
    package let root: TOMLTable?
    package var diagnostics: [Diagnostic] = []

    package init(file: String, text: String, root: TOMLTable? = nil) {
        self.file = file
        self.locator = TOMLKeyLocator(text: text)
        self.root = root
    }

    /// Parses `text`, or returns nil after recording an `invalid TOML` error.
    package static func parseTable(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> TOMLTable? {
        // toml++ reads a C string and silently stops at a NUL byte.
        if let nul = text.utf8.firstIndex(of: 0) {
            let prefix = text.utf8[..<nul]
            let line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            diagnostics.append(.error("invalid TOML: NUL byte in file", at: SourceLocation(path: file, line: line)))
            return nil
        }
        do throws(TOMLError) {
            return try TOMLParser.parse(text)
        } catch {
            diagnostics.append(.error("invalid TOML: \(error.message)", at: SourceLocation(path: file, line: error.line, column: error.column)))
        }
        return nil
    }

    /// Where the key of `path` is written; for a key inside an inline table, where its value starts.
    package func location(of path: [String]) -> SourceLocation {
        if locator.position(of: path) == nil, let root, let node = Self.node(at: path, in: root) {
            return SourceLocation(path: file, line: node.line, column: node.column)
        }
        return locator.location(of: path, in: file)
    }

    package static func node(at path: [String], in root: TOMLTable) -> TOMLNode? {
        var table: TOMLTable? = root
        var found: TOMLNode?
        for key in path {
            guard let next = table?[key] else { return nil }
            found = next
            table = next.table
        }
        return found
    }

    package static func displayName(_ path: [String]) -> String {
        path.joined(separator: ".")
    }

    package mutating func error(_ message: String, at path: [String]) {
        diagnostics.append(.error(message, at: location(of: path)))
    }

    package mutating func warning(_ message: String, at path: [String]) {
        diagnostics.append(.warning(message, at: location(of: path)))
    }

    /// Reports a value of the wrong type, naming the key.
    package mutating func typeMismatch(_ path: [String], expected: String, found value: TOMLNode) {
        error("'\(Self.displayName(path))' must be \(expected), not \(value.typeDescription)", at: path)
    }

    /// Warns about each key of `table` that is not in `known`; `path` names the table.
    package mutating func warnUnknownKeys(in table: TOMLTable, at path: [String], known: Set<String>) {
        for key in table.keys where !known.contains(key) {
            let keyPath = path + [key]
            var message = "unknown key '\(Self.displayName(keyPath))'"
            if let suggestion = Self.suggestion(for: key, known: known) {
                message += " (did you mean '\(suggestion)'?)"
            }
            warning(message, at: keyPath)
        }
    }

    /// A known key spelled differently, or the name of the key a Hugo user means.
    package static func suggestion(for key: String, known: Set<String>) -> String? {
        let lowered = key.lowercased()
        if let match = known.sorted().first(where: { $0.lowercased() == lowered }) { return match }
        let hugoNames = [
            "paginate": "pageSize", "pagination": "pageSize", "defaultcontentlanguage": "defaultLanguage",
            "languagename": "name", "languagecode": "locale", "timezone": "timeZone",
        ]
        if let match = hugoNames[lowered], known.contains(match) { return match }
        return NearMiss.closest(to: key, in: known.sorted())
    }

    // MARK: Typed getters: nil when absent or wrong (the latter reported).

    package mutating func string(_ table: TOMLTable, _ key: String, at path: [String]) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else {
            typeMismatch(path + [key], expected: "a string", found: value)
            return nil
        }
        return string
    }

    package mutating func bool(_ table: TOMLTable, _ key: String, at path: [String]) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else {
            typeMismatch(path + [key], expected: "true or false", found: value)
            return nil
        }
        return bool
    }

    /// An integer of at least `minimum`.
    package mutating func int(_ table: TOMLTable, _ key: String, at path: [String], minimum: Int) -> Int? {
        guard let value = table[key] else { return nil }
        guard let int = value.int else {
            typeMismatch(path + [key], expected: "an integer", found: value)
            return nil
        }
        guard int >= minimum else {
            error("'\(Self.displayName(path + [key]))' must be at least \(minimum), not \(int)", at: path + [key])
            return nil
        }
        return int
    }

    /// A sub-table; a value of another type is reported.
    package mutating func table(_ table: TOMLTable, _ key: String, at path: [String]) -> TOMLTable? {
        guard let value = table[key] else { return nil }
        guard let subtable = value.table else {
            typeMismatch(path + [key], expected: "a table", found: value)
            return nil
        }
        return subtable
    }

    /// Keys of `table` in the order they are written (located keys first by position, then by name).
    package func keysInSourceOrder(_ table: TOMLTable, at path: [String]) -> [String] {
        table.keys.sorted { a, b in
            let pa = locator.position(of: path + [a])
            let pb = locator.position(of: path + [b])
            switch (pa, pb) {
            case let (x?, y?) where x != y: return (x.line, x.column) < (y.line, y.column)
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }
    }
}
