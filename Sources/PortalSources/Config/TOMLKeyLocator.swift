import PortalText

/// Finds the line and column where each key of a TOML text is written.
///
/// Messages about a key's value (wrong type, unknown key) name where the key
/// is written (`TOMLParser` keeps where values start), found by scanning the text:
/// table headers, `key = value` lines and dotted keys. Keys inside inline
/// tables are not indexed; lookups fall back to the nearest indexed parent.
package struct TOMLKeyLocator: Sendable {
    package struct Position: Sendable, Hashable {
        package var line: Int
        package var column: Int
    }

    private var positions: [[String]: Position] = [:]
    private var valuePositions: [[String]: Position] = [:]

    package init(text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.run { path, position, value in
            if positions[path] == nil {
                positions[path] = position
                valuePositions[path] = value
            }
        }
    }

    /// Where `path` (table names then key) is written, if the scan saw it.
    package func position(of path: [String]) -> Position? { positions[path] }

    /// Where the value of `path` starts (a table's header for a table), if the scan saw it.
    package func valuePosition(of path: [String]) -> Position? { valuePositions[path] }

    /// Where `path` is written, else where its closest parent is, else the first line.
    package func nearestPosition(of path: [String]) -> Position {
        var candidate = path
        while !candidate.isEmpty {
            if let found = positions[candidate] { return found }
            candidate.removeLast()
        }
        return Position(line: 1, column: 1)
    }

    /// Whether `byte` may appear in a bare TOML key (ASCII letters, digits, `_`, `-`).
    package static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// A source location for `path` in the file named `file`.
    package func location(of path: [String], in file: String) -> SourceLocation {
        let position = nearestPosition(of: path)
        return SourceLocation(path: file, line: position.line, column: position.column)
    }
}

extension TOMLKeyLocator {
    /// A forgiving single-pass scanner: it never fails, it only records what it recognises.
    fileprivate struct Scanner {
        package let bytes: [UInt8]
        package var index = 0
        package var line = 1
        package var lineStart = 0
        package var depth = 0
        package var table: [String] = []

        package init(bytes: [UInt8]) { self.bytes = bytes }

        package var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        package func byte(at offset: Int) -> UInt8? {
            let position = index + offset
            return position < bytes.count ? bytes[position] : nil
        }

        /// 1-based column of `offset`, counting Unicode scalars rather than bytes.
        package func column(of offset: Int) -> Int {
            var count = 1
            var position = lineStart
            while position < offset {
                if bytes[position] & 0xC0 != 0x80 { count += 1 }
                position += 1
            }
            return count
        }

        /// Calls `record` with each path seen, where its key is and where its value starts.
        package mutating func run(_ record: ([String], Position, Position) -> Void) {
            while index < bytes.count {
                skipBlanks()
                guard let byte = current else { break }
                if byte == UInt8(ascii: "\n") {
                    newline()
                    continue
                }
                if depth > 0 {
                    scanValue()
                } else if byte == UInt8(ascii: "#") {
                    skipToLineEnd()
                } else if byte == UInt8(ascii: "[") {
                    scanHeader(record)
                } else {
                    scanKeyValue(record)
                }
            }
        }

        package mutating func newline() {
            index += 1
            line += 1
            lineStart = index
        }

        package mutating func skipBlanks() {
            while let byte = current, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                index += 1
            }
        }

        package mutating func skipToLineEnd() {
            while let byte = current, byte != UInt8(ascii: "\n") { index += 1 }
        }

        package mutating func scanHeader(_ record: ([String], Position, Position) -> Void) {
            let position = Position(line: line, column: column(of: index))
            index += 1
            if current == UInt8(ascii: "[") { index += 1 }
            let keys = scanDottedKey()
            guard !keys.isEmpty else {
                skipToLineEnd()
                return
            }
            table = keys
            for length in 1...keys.count { record(Array(keys.prefix(length)), position, position) }
            skipToLineEnd()
        }

        package mutating func scanKeyValue(_ record: ([String], Position, Position) -> Void) {
            let position = Position(line: line, column: column(of: index))
            let keys = scanDottedKey()
            skipBlanks()
            guard !keys.isEmpty, current == UInt8(ascii: "=") else {
                skipToLineEnd()
                return
            }
            index += 1
            skipBlanks()
            let value = Position(line: line, column: column(of: index))
            for length in 1...keys.count { record(table + keys.prefix(length), position, value) }
            scanValue()
        }

        /// Reads `a.b."c d".'e'`; stops at the first byte that cannot continue a key.
        package mutating func scanDottedKey() -> [String] {
            var keys: [String] = []
            while true {
                skipBlanks()
                guard let byte = current else { return keys }
                var part: [UInt8] = []
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    index += 1
                    while let next = current, next != byte, next != UInt8(ascii: "\n") {
                        if byte == UInt8(ascii: "\""), next == UInt8(ascii: "\\"), let escaped = self.byte(at: 1) {
                            part.append(escaped)
                            index += 2
                            continue
                        }
                        part.append(next)
                        index += 1
                    }
                    if current == byte { index += 1 }
                } else {
                    while let next = current, TOMLKeyLocator.isBareKeyByte(next) {
                        part.append(next)
                        index += 1
                    }
                    if part.isEmpty { return keys }
                }
                keys.append(String(decoding: part, as: UTF8.self))
                skipBlanks()
                guard current == UInt8(ascii: ".") else { return keys }
                index += 1
            }
        }

        /// Skips a value to the end of its line, following strings (which may span
        /// lines) and brackets (an array that continues on later lines).
        package mutating func scanValue() {
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\n"):
                    return
                case UInt8(ascii: "#"):
                    skipToLineEnd()
                    return
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString(quote: byte)
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    index += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth = max(0, depth - 1)
                    index += 1
                default:
                    index += 1
                }
            }
        }

        package mutating func skipString(quote: UInt8) {
            let multiline = byte(at: 1) == quote && byte(at: 2) == quote
            index += multiline ? 3 : 1
            while let next = current {
                if next == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                    if byte(at: 1) == UInt8(ascii: "\n") {
                        index += 1
                        newline()
                    } else {
                        index += 2
                    }
                    continue
                }
                if next == UInt8(ascii: "\n") {
                    if !multiline { return }
                    newline()
                    continue
                }
                if next == quote {
                    if !multiline {
                        index += 1
                        return
                    }
                    if byte(at: 1) == quote && byte(at: 2) == quote {
                        index += 3
                        // A closing `""""` or `"""""` keeps up to two quotes inside the string.
                        while current == quote { index += 1 }
                        return
                    }
                }
                index += 1
            }
        }
    }
}
