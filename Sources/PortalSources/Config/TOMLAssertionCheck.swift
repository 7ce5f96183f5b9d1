/// Finds the shapes of invalid TOML that toml++ (inside TOMLKit 0.6.0) does not
/// report but asserts on, which aborts the whole build: SwiftPM compiles C++
/// without `NDEBUG` in debug and release alike. Every TOML text is checked here
/// before toml++ sees it. Found by fuzzing (scripts/fuzz.sh):
/// - a table header whose key starts with neither a bare-key character nor a quote
///   (`[é]`, `[!]`, `[[=]]`, a lone `[` at the end of a line);
/// - a date-time value with no digit after its `T` (`2022-02-03T-0:00:00`);
/// - a ten-character value shaped like a date that is not one (`2024-09-1于 8`).
package enum TOMLAssertionCheck {
    package struct Problem: Equatable {
        package var message: String
        /// 1-based line and character column.
        package var line: Int
        package var column: Int
    }

    package static let headerMessage = "a table header must start with a bare key (A-Z, a-z, 0-9, _ or -) or a quoted key"
    package static let timeMessage = "a date-time needs a time (HH:MM:SS) after its `T`"
    package static let dateMessage = "a date must be YYYY-MM-DD"

    package static func problem(in text: String) -> Problem? {
        var bytes = Array(text.utf8)
        bytes.append(0)  // a sentinel: never a character the scan waits for
        let end = bytes.count - 1
        // toml++ skips a byte order mark at the start.
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var i = bom
        var line = 1
        var lineStart = bom
        var brackets: [UInt8] = []  // open `[` and `{` of values, which may span lines
        var atStatementStart = true
        var expectValue = false

        func problem(_ message: String, at index: Int) -> Problem {
            let column = bytes[lineStart..<index].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            return Problem(message: message, line: line, column: column)
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
        func skipComment(_ i: inout Int) {
            while i < end, bytes[i] != 0x0A { i += 1 }
        }

        while i < end {
            if atStatementStart, brackets.isEmpty {
                skipBlanks(&i)
                atStatementStart = false
                expectValue = false
                if bytes[i] == UInt8(ascii: "[") {
                    var j = i + 1
                    skipBlanks(&j)
                    if bytes[j] == UInt8(ascii: "[") { j += 1; skipBlanks(&j) }
                    if j < end, !startsHeaderKey(bytes[j]) { return problem(headerMessage, at: j) }
                    // The rest of the header line: quoted keys, then perhaps a comment.
                    i += 1
                    while i < end, bytes[i] != 0x0A {
                        if isQuote(bytes[i]) { skipString(&i); continue }
                        if bytes[i] == UInt8(ascii: "#") { skipComment(&i); break }
                        i += 1
                    }
                    continue
                }
            }
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                skipString(&i)
                expectValue = false
                continue
            case UInt8(ascii: "#"):
                skipComment(&i)
                continue
            case UInt8(ascii: "="):
                expectValue = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                brackets.append(byte)
                expectValue = byte == UInt8(ascii: "[")
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                _ = brackets.popLast()
                expectValue = false
            case UInt8(ascii: ","):
                expectValue = brackets.last == UInt8(ascii: "[")
            case 0x0A:
                newLine(at: i)
                atStatementStart = brackets.isEmpty
            case 0x20, 0x09, 0x0D:
                break
            default:
                if expectValue {
                    // A bare value: a number, a boolean, a date or a date-time.
                    if let t = dateTimeSeparator(bytes, at: i), t + 1 < end, !isDigit(bytes[t + 1]) {
                        return problem(timeMessage, at: t + 1)
                    }
                    let start = i
                    var scalars: [UInt8] = []  // first byte of each character
                    while i < end, !isValueTerminator(bytes[i]) {
                        if bytes[i] & 0xC0 != 0x80 { scalars.append(bytes[i]) }
                        i += 1
                    }
                    if looksLikeBrokenDate(scalars) { return problem(dateMessage, at: start) }
                    expectValue = false
                    continue
                }
            }
            i += 1
        }
        return nil
    }

    /// Ten characters with `-` at the fifth and eighth that are not all digits
    /// (`2024-09-1于`): toml++ tries to read a date-time from them and asserts.
    private static func looksLikeBrokenDate(_ scalars: [UInt8]) -> Bool {
        guard scalars.count == 10, scalars[4] == UInt8(ascii: "-"), scalars[7] == UInt8(ascii: "-") else { return false }
        return scalars.enumerated().contains { index, byte in index != 4 && index != 7 && !isDigit(byte) }
    }

    /// The index of the `T` of a value starting `YYYY-MM-DDT`, or nil.
    private static func dateTimeSeparator(_ bytes: [UInt8], at start: Int) -> Int? {
        let pattern = "dddd-dd-dd".utf8
        guard start + pattern.count < bytes.count else { return nil }
        for (offset, expected) in pattern.enumerated() {
            let byte = bytes[start + offset]
            if expected == UInt8(ascii: "d") ? !isDigit(byte) : byte != expected { return nil }
        }
        let t = start + pattern.count
        return bytes[t] == UInt8(ascii: "T") || bytes[t] == UInt8(ascii: "t") ? t : nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static func isValueTerminator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "#"): return true
        default: return false
        }
    }

    /// A character toml++ accepts at the start of a header key (or the `]` it reports).
    private static func startsHeaderKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"):
            return true
        default:
            return false
        }
    }
}
