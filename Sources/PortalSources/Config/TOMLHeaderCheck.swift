/// Finds the one shape of invalid TOML that toml++ (inside TOMLKit 0.6.0) does not
/// report but asserts on: a table header whose key starts with neither a bare-key
/// character nor a quote (`[é]`, `[!]`, `[[=]]`, a lone `[` at the end of a line).
/// Debug builds abort the whole process there, and release builds reach an
/// `__builtin_assume(false)`, so every TOML text is checked before toml++ sees it.
package enum TOMLHeaderCheck {
    /// Where the offending character is (1-based line, character column), or nil.
    package static func badHeaderKey(in text: String) -> (line: Int, column: Int)? {
        var bytes = Array(text.utf8)
        bytes.append(0)  // a sentinel: never a character the scan waits for
        let end = bytes.count - 1
        var i = 0
        var line = 1
        var lineStart = 0
        var depth = 0  // open `[` and `{` of values, which may span lines
        var atStatementStart = true

        func column(_ index: Int) -> Int {
            bytes[lineStart..<index].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        }
        func skipBlanks(_ index: inout Int) {
            while bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        }
        func newLine(at index: Int) {
            line += 1
            lineStart = index + 1
        }
        /// Skips a string starting at `i`; multi-line strings may span lines.
        func skipString(_ i: inout Int) {
            let quote = bytes[i]
            let escapes = quote == UInt8(ascii: "\"")
            if bytes[i + 1] == quote, bytes[i + 2] == quote {
                i += 3
                while i < end {
                    if escapes, bytes[i] == UInt8(ascii: "\\") { if bytes[i + 1] == 0x0A { newLine(at: i + 1) }; i += 2; continue }
                    if bytes[i] == quote, bytes[i + 1] == quote, bytes[i + 2] == quote {
                        i += 3
                        while bytes[i] == quote { i += 1 }  // up to two quotes may end the content
                        return
                    }
                    if bytes[i] == 0x0A { newLine(at: i) }
                    i += 1
                }
                return
            }
            i += 1
            while i < end, bytes[i] != 0x0A {
                if escapes, bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
                if bytes[i] == quote { i += 1; return }
                i += 1
            }
        }

        while i < end {
            if atStatementStart, depth == 0 {
                skipBlanks(&i)
                atStatementStart = false
                if bytes[i] == UInt8(ascii: "[") {
                    var j = i + 1
                    skipBlanks(&j)
                    if bytes[j] == UInt8(ascii: "[") { j += 1; skipBlanks(&j) }
                    if j < end, !startsKey(bytes[j]) { return (line, column(j)) }
                    // The rest of the header line: quoted keys, then perhaps a comment.
                    i += 1
                    while i < end, bytes[i] != 0x0A {
                        if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") { skipString(&i); continue }
                        if bytes[i] == UInt8(ascii: "#") { while i < end, bytes[i] != 0x0A { i += 1 }; break }
                        i += 1
                    }
                    continue
                }
            }
            switch bytes[i] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                skipString(&i)
                continue
            case UInt8(ascii: "#"):
                while i < end, bytes[i] != 0x0A { i += 1 }
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            case 0x0A:
                newLine(at: i)
                atStatementStart = true
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// A character toml++ accepts at the start of a header key (or the `]` it reports).
    private static func startsKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"):
            return true
        default:
            return false
        }
    }

    /// The message both TOML readers give.
    package static let message = "a table header must start with a bare key (A-Z, a-z, 0-9, _ or -) or a quoted key"
}
