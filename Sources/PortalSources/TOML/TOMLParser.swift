/// portal's reader of TOML 1.0.0 (https://toml.io/en/v1.0.0): the document
/// structure (key/value pairs, headers and the rules on defining a table once).
/// Scalars are read in `TOMLParser+Scalars.swift`.
package struct TOMLParser {
    /// Arrays and inline tables nested deeper than this are refused (a guard for the stack).
    package static let maximumDepth = 100

    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0
    let root = TOMLTable(origin: .header)
    var current: TOMLTable
    var currentPath: [String] = []
    /// The last column computed and its offset: columns are counted onwards from it, so a
    /// long line with many values is not counted again from its start for each one.
    var knownColumn = (offset: 0, column: 1)

    init(bytes: [UInt8], firstLine: Int) {
        self.bytes = bytes
        self.line = firstLine
        self.current = root
    }

    /// Parses a whole document; `firstLine` is the number of its first line in the file
    /// it comes from (front matter starts below its fence), used in every line reported.
    package static func parse(_ text: String, firstLine: Int = 1) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(bytes: Array(text.utf8), firstLine: firstLine)
        try parser.document()
        return parser.root
    }

    // MARK: Bytes and positions

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    func byte(at offset: Int) -> UInt8? {
        let position = index + offset
        return position < bytes.count ? bytes[position] : nil
    }

    /// 1-based column of the byte at `offset`, in Unicode scalars.
    func column(of offset: Int) -> Int {
        var count = 1
        var position = lineStart
        while position < offset && position < bytes.count {
            if bytes[position] & 0xC0 != 0x80 { count += 1 }
            position += 1
        }
        return count
    }

    /// Line and column of `offset` (on the current line), counted from the last one known.
    mutating func position(of offset: Int) -> (line: Int, column: Int) {
        if knownColumn.offset < lineStart || knownColumn.offset > offset { knownColumn = (lineStart, 1) }
        var count = knownColumn.column
        var position = knownColumn.offset
        while position < offset && position < bytes.count {
            if bytes[position] & 0xC0 != 0x80 { count += 1 }
            position += 1
        }
        knownColumn = (offset, count)
        return (line, count)
    }

    mutating func position() -> (line: Int, column: Int) { position(of: index) }

    func error(_ message: String) -> TOMLError {
        TOMLError(message, line: line, column: column(of: index))
    }

    func error(_ message: String, at place: (line: Int, column: Int)) -> TOMLError {
        TOMLError(message, line: place.line, column: place.column)
    }

    /// Steps over the line feed at `index`.
    mutating func newline() {
        index += 1
        line += 1
        lineStart = index
    }

    mutating func skipBlanks() {
        while let byte = peek, byte == 0x20 || byte == 0x09 { index += 1 }
    }

    /// Steps over a line feed or CR LF; false if none is here. A lone CR is an error.
    mutating func skipNewline() throws(TOMLError) -> Bool {
        if peek == 0x0A {
            newline()
            return true
        }
        if peek == 0x0D {
            guard byte(at: 1) == 0x0A else { throw error("carriage return not followed by a line feed") }
            index += 1
            newline()
            return true
        }
        return false
    }

    /// `# ...` up to the end of the line; controls other than tab are refused.
    mutating func skipComment() throws(TOMLError) {
        guard peek == UInt8(ascii: "#") else { return }
        index += 1
        while let byte = peek, byte != 0x0A {
            if byte == 0x0D && self.byte(at: 1) == 0x0A { return }
            if Self.isControl(byte) { throw error("control character \(Self.scalarName(byte)) in a comment") }
            index += 1
        }
    }

    /// Blanks, comments and new lines, as allowed between the items of an array.
    mutating func skipBlanksCommentsAndNewlines() throws(TOMLError) {
        while true {
            skipBlanks()
            if peek == UInt8(ascii: "#") {
                try skipComment()
                continue
            }
            if try skipNewline() { continue }
            return
        }
    }

    /// After a pair or a header: blanks, perhaps a comment, then the end of the line.
    mutating func endOfLine(after what: String) throws(TOMLError) {
        skipBlanks()
        try skipComment()
        guard let byte = peek else { return }
        if try skipNewline() { return }
        throw error("expected the end of the line after \(what), found \(Self.describe(byte))")
    }

    /// Controls other than tab (U+0000–U+0008, U+000A–U+001F, U+007F).
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09) || byte == 0x7F
    }

    static func scalarName(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// A byte as messages show it.
    static func describe(_ byte: UInt8) -> String {
        if byte == 0x0A { return "a new line" }
        if isControl(byte) { return "control character \(scalarName(byte))" }
        if byte >= 0x80 { return "a non-ASCII character" }
        return "'\(Character(Unicode.Scalar(byte)))'"
    }

    static func display(_ path: [String]) -> String {
        path.map { key in
            key.utf8.allSatisfy(TOMLKeyLocator.isBareKeyByte) && !key.isEmpty ? key : "\"" + key + "\""
        }.joined(separator: ".")
    }

    // MARK: Document

    mutating func document() throws(TOMLError) {
        // A byte-order mark is allowed before the first line.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
            lineStart = 3
        }
        while true {
            skipBlanks()
            guard let byte = peek else { return }
            if try skipNewline() { continue }
            if byte == UInt8(ascii: "#") {
                try skipComment()
                continue
            }
            if byte == UInt8(ascii: "[") {
                try header()
                try endOfLine(after: "a table header")
            } else {
                try keyValue(into: current, path: currentPath, depth: 0)
                try endOfLine(after: "a value")
            }
        }
    }

    // MARK: Keys

    struct KeyPart {
        var name: String
        var line: Int
        var column: Int
    }

    /// `a`, `"a b"`, `'c'` joined by dots (blanks allowed around the dots).
    mutating func key() throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            skipBlanks()
            let place = position()
            guard let byte = peek else { throw error("expected a key, found the end of the text") }
            let name: String
            if byte == UInt8(ascii: "\"") {
                if self.byte(at: 1) == byte && self.byte(at: 2) == byte { throw error("a multi-line string cannot be a key") }
                name = try basicString()
            } else if byte == UInt8(ascii: "'") {
                if self.byte(at: 1) == byte && self.byte(at: 2) == byte { throw error("a multi-line string cannot be a key") }
                name = try literalString()
            } else if TOMLKeyLocator.isBareKeyByte(byte) {
                let start = index
                while let next = peek, TOMLKeyLocator.isBareKeyByte(next) { index += 1 }
                name = String(decoding: bytes[start..<index], as: UTF8.self)
            } else {
                throw error("expected a key, found \(Self.describe(byte))")
            }
            parts.append(KeyPart(name: name, line: place.line, column: place.column))
            skipBlanks()
            guard peek == UInt8(ascii: ".") else { return parts }
            index += 1
        }
    }

    // MARK: Pairs

    /// `key = value` into `table` (whose full name is `path`).
    mutating func keyValue(into table: TOMLTable, path: [String], depth: Int) throws(TOMLError) {
        let parts = try key()
        skipBlanks()
        guard peek == UInt8(ascii: "=") else {
            if let byte = peek { throw error("expected '=' after the key '\(Self.display(parts.map(\.name)))', found \(Self.describe(byte))") }
            throw error("expected '=' after the key '\(Self.display(parts.map(\.name)))', found the end of the text")
        }
        index += 1
        skipBlanks()
        let node = try value(depth: depth)
        var target = table
        var targetPath = path
        for part in parts.dropLast() {
            targetPath.append(part.name)
            if let existing = target[part.name] {
                guard case let .table(subtable) = existing.value else {
                    throw error("cannot add keys to '\(Self.display(targetPath))', which is \(existing.typeDescription) (line \(existing.line))",
                                at: (part.line, part.column))
                }
                switch subtable.origin {
                case .dotted:
                    target = subtable
                case .implicit:
                    // A parent a header only implied (`a` of `[a.b]`) is not yet defined:
                    // dotted keys may define it (and a header no longer may).
                    subtable.origin = .dotted
                    target = subtable
                case .inline:
                    throw error("cannot add keys to the inline table '\(Self.display(targetPath))' (line \(existing.line))", at: (part.line, part.column))
                case .header:
                    throw error("cannot add keys with a dotted key to the table [\(Self.display(targetPath))], which has its own header",
                                at: (part.line, part.column))
                }
            } else {
                let subtable = TOMLTable(origin: .dotted)
                target.insert(part.name, TOMLNode(.table(subtable), line: part.line, column: part.column))
                target = subtable
            }
        }
        guard let last = parts.last else { return }
        targetPath.append(last.name)
        if let existing = target[last.name] {
            throw error("duplicate key '\(Self.display(targetPath))' (first defined on line \(existing.line))", at: (last.line, last.column))
        }
        target.insert(last.name, node)
    }

    // MARK: Headers

    /// `[a.b]` or `[[a.b]]`; makes the named table the one later pairs go into.
    mutating func header() throws(TOMLError) {
        let place = position()
        index += 1
        let isArray = peek == UInt8(ascii: "[")
        if isArray { index += 1 }
        let parts = try key()
        skipBlanks()
        guard peek == UInt8(ascii: "]") else {
            if let byte = peek { throw error("expected ']' to close the table header, found \(Self.describe(byte))") }
            throw error("expected ']' to close the table header, found the end of the text")
        }
        index += 1
        if isArray {
            guard peek == UInt8(ascii: "]") else { throw error("expected ']]' to close the array-of-tables header") }
            index += 1
        }
        var target = root
        var path: [String] = []
        for part in parts.dropLast() {
            path.append(part.name)
            if let existing = target[part.name] {
                switch existing.value {
                case let .table(subtable):
                    if subtable.origin == .inline {
                        throw error("cannot extend the inline table '\(Self.display(path))' (line \(existing.line))", at: (part.line, part.column))
                    }
                    target = subtable
                case let .array(array) where array.isTableArray:
                    guard let last = array.items.last?.table else { throw error("empty array of tables", at: (part.line, part.column)) }
                    target = last
                default:
                    throw error("cannot add a table to '\(Self.display(path))', which is \(existing.typeDescription) (line \(existing.line))",
                                at: (part.line, part.column))
                }
            } else {
                // Placed at its header, until a header of its own defines it.
                let subtable = TOMLTable(origin: .implicit)
                target.insert(part.name, TOMLNode(.table(subtable), line: place.line, column: place.column))
                target = subtable
            }
        }
        guard let last = parts.last else { return }
        path.append(last.name)
        let name = Self.display(path)
        if isArray {
            let table = TOMLTable(origin: .header)
            let node = TOMLNode(.table(table), line: place.line, column: place.column)
            if let existing = target[last.name] {
                guard case let .array(array) = existing.value, array.isTableArray else {
                    throw error("[[\(name)]] names \(existing.typeDescription) defined on line \(existing.line), not an array of tables", at: place)
                }
                array.items.append(node)
            } else {
                target.insert(last.name, TOMLNode(.array(TOMLArray(items: [node], isTableArray: true)), line: place.line, column: place.column))
            }
            current = table
        } else {
            if let existing = target[last.name] {
                guard case let .table(table) = existing.value else {
                    throw error("[\(name)] names \(existing.typeDescription) defined on line \(existing.line), not a table", at: place)
                }
                switch table.origin {
                case .implicit:
                    table.origin = .header
                    target.insert(last.name, TOMLNode(.table(table), line: place.line, column: place.column))
                    current = table
                case .header:
                    throw error("table [\(name)] is defined twice (first on line \(existing.line))", at: place)
                case .dotted:
                    throw error("table [\(name)] was already defined with dotted keys (line \(existing.line))", at: place)
                case .inline:
                    throw error("table [\(name)] was already defined as an inline table (line \(existing.line))", at: place)
                }
            } else {
                let table = TOMLTable(origin: .header)
                target.insert(last.name, TOMLNode(.table(table), line: place.line, column: place.column))
                current = table
            }
        }
        currentPath = path
    }

    // MARK: Values

    mutating func value(depth: Int) throws(TOMLError) -> TOMLNode {
        let place = position()
        guard let byte = peek else { throw error("expected a value, found the end of the text") }
        let value: TOMLValue
        switch byte {
        case UInt8(ascii: "\""):
            if self.byte(at: 1) == byte && self.byte(at: 2) == byte {
                value = .string(try multilineBasicString())
            } else {
                value = .string(try basicString())
            }
        case UInt8(ascii: "'"):
            if self.byte(at: 1) == byte && self.byte(at: 2) == byte {
                value = .string(try multilineLiteralString())
            } else {
                value = .string(try literalString())
            }
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            value = .boolean(try boolean())
        case UInt8(ascii: "["):
            value = .array(try array(depth: depth + 1))
        case UInt8(ascii: "{"):
            value = .table(try inlineTable(depth: depth + 1))
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "i"), UInt8(ascii: "n"):
            value = try numberOrDate()
        default:
            if TOMLKeyLocator.isBareKeyByte(byte) {
                throw error("expected a value, found '\(String(decoding: bytes[index..<wordEnd()], as: UTF8.self))' (strings need quotes)")
            }
            throw error("expected a value (a string, number, boolean, date, array or inline table), found \(Self.describe(byte))")
        }
        return TOMLNode(value, line: place.line, column: place.column)
    }

    mutating func boolean() throws(TOMLError) -> Bool {
        for (word, result) in [("true", true), ("false", false)] where bytes[index...].starts(with: word.utf8) {
            let after = byte(at: word.utf8.count)
            if after.map({ TOMLKeyLocator.isBareKeyByte($0) }) != true {
                index += word.utf8.count
                return result
            }
        }
        throw error("expected a value, found '\(String(decoding: bytes[index..<wordEnd()], as: UTF8.self))' (strings need quotes)")
    }

    /// The end of the bare word at `index`, for messages.
    func wordEnd() -> Int {
        var end = index
        while end < bytes.count, TOMLKeyLocator.isBareKeyByte(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
        return max(end, min(index + 1, bytes.count))
    }

    mutating func array(depth: Int) throws(TOMLError) -> TOMLArray {
        guard depth <= Self.maximumDepth else { throw error("arrays and inline tables nested more than \(Self.maximumDepth) deep") }
        let start = position()
        index += 1
        let array = TOMLArray(isTableArray: false)
        while true {
            try skipBlanksCommentsAndNewlines()
            guard let byte = peek else { throw error("unterminated array: no ']' before the end of the text", at: start) }
            if byte == UInt8(ascii: "]") {
                index += 1
                return array
            }
            array.items.append(try value(depth: depth))
            try skipBlanksCommentsAndNewlines()
            guard let next = peek else { throw error("unterminated array: no ']' before the end of the text", at: start) }
            if next == UInt8(ascii: ",") {
                index += 1
            } else if next != UInt8(ascii: "]") {
                throw error("expected ',' or ']' in an array, found \(Self.describe(next))")
            }
        }
    }

    mutating func inlineTable(depth: Int) throws(TOMLError) -> TOMLTable {
        guard depth <= Self.maximumDepth else { throw error("arrays and inline tables nested more than \(Self.maximumDepth) deep") }
        let start = position()
        index += 1
        // Dotted keys inside may build sub-tables until the closing brace.
        let table = TOMLTable(origin: .dotted)
        skipBlanks()
        if peek == UInt8(ascii: "}") {
            index += 1
            table.close()
            return table
        }
        while true {
            skipBlanks()
            if peek == 0x0A || peek == 0x0D { throw error("an inline table must stay on one line") }
            if peek == UInt8(ascii: "}") { throw error("a trailing comma is not allowed in an inline table") }
            try keyValue(into: table, path: [], depth: depth)
            skipBlanks()
            guard let byte = peek else { throw error("unterminated inline table: no '}' before the end of the text", at: start) }
            if byte == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "}") {
                index += 1
                table.close()
                return table
            }
            if byte == 0x0A || byte == 0x0D { throw error("an inline table must stay on one line") }
            throw error("expected ',' or '}' in an inline table, found \(Self.describe(byte))")
        }
    }
}
