/// Strings, numbers, booleans and dates of TOML 1.0.0.
extension TOMLParser {
    // MARK: Strings

    /// `"..."` on one line, with escapes.
    mutating func basicString() throws(TOMLError) -> String {
        let start = position()
        index += 1
        var text: [UInt8] = []
        while true {
            guard let byte = peek else { throw error("unterminated string: expected '\"', found the end of the text", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &text)
            case 0x0A, 0x0D:
                throw error("unterminated string: a basic string must end on its line (use \"\"\" for several lines)", at: start)
            default:
                if Self.isControl(byte) { throw error("control character \(Self.scalarName(byte)) in a string (write it as an escape)") }
                text.append(byte)
                index += 1
            }
        }
    }

    /// `'...'` on one line, no escapes.
    mutating func literalString() throws(TOMLError) -> String {
        let start = position()
        index += 1
        let from = index
        while true {
            guard let byte = peek else { throw error("unterminated string: expected \"'\", found the end of the text", at: start) }
            if byte == UInt8(ascii: "'") {
                let text = String(decoding: bytes[from..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == 0x0A || byte == 0x0D {
                throw error("unterminated string: a literal string must end on its line (use ''' for several lines)", at: start)
            }
            if Self.isControl(byte) { throw error("control character \(Self.scalarName(byte)) in a literal string") }
            index += 1
        }
    }

    /// `"""..."""`: escapes, new lines, and a backslash at the end of a line that trims
    /// the blanks and new lines after it.
    mutating func multilineBasicString() throws(TOMLError) -> String {
        let start = position()
        index += 3
        _ = try skipNewline()
        var text: [UInt8] = []
        while true {
            guard let byte = peek else { throw error("unterminated string: expected '\"\"\"', found the end of the text", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                if try closeMultiline(quote: byte, into: &text) { return String(decoding: text, as: UTF8.self) }
            case UInt8(ascii: "\\"):
                // A line-ending backslash: blanks, then a new line, then any blanks and new lines.
                var probe = index + 1
                while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
                if probe < bytes.count, bytes[probe] == 0x0A || (bytes[probe] == 0x0D && probe + 1 < bytes.count && bytes[probe + 1] == 0x0A) {
                    index = probe
                    while true {
                        skipBlanks()
                        if try !skipNewline() { break }
                    }
                } else {
                    try escape(into: &text)
                }
            default:
                try appendMultilineText(byte, into: &text, control: "in a string (write it as an escape)")
            }
        }
    }

    /// `'''...'''`: new lines, no escapes.
    mutating func multilineLiteralString() throws(TOMLError) -> String {
        let start = position()
        index += 3
        _ = try skipNewline()
        var text: [UInt8] = []
        while true {
            guard let byte = peek else { throw error("unterminated string: expected \"'''\", found the end of the text", at: start) }
            switch byte {
            case UInt8(ascii: "'"):
                if try closeMultiline(quote: byte, into: &text) { return String(decoding: text, as: UTF8.self) }
            default:
                try appendMultilineText(byte, into: &text, control: "in a literal string")
            }
        }
    }

    /// A byte of a multi-line string that is neither a quote nor an escape: a new line
    /// (CRLF read as LF), or text; control characters are errors, `control` saying where.
    mutating func appendMultilineText(_ byte: UInt8, into text: inout [UInt8], control: String) throws(TOMLError) {
        switch byte {
        case 0x0A:
            text.append(0x0A)
            newline()
        case 0x0D:
            guard self.byte(at: 1) == 0x0A else { throw error("carriage return not followed by a line feed") }
            index += 1
            text.append(0x0A)
            newline()
        default:
            if Self.isControl(byte) { throw error("control character \(Self.scalarName(byte)) \(control)") }
            text.append(byte)
            index += 1
        }
    }

    /// At a quote inside a multi-line string: one or two quotes are text; three close
    /// the string, and up to two more before them belong to it. True when closed.
    mutating func closeMultiline(quote: UInt8, into text: inout [UInt8]) throws(TOMLError) -> Bool {
        var run = 0
        while byte(at: run) == quote { run += 1 }
        if run < 3 {
            text.append(contentsOf: repeatElement(quote, count: run))
            index += run
            return false
        }
        if run > 5 {
            index += 5
            throw error("too many quotes: at most two may stand before the closing delimiter")
        }
        text.append(contentsOf: repeatElement(quote, count: run - 3))
        index += run
        return true
    }

    /// `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`.
    mutating func escape(into text: inout [UInt8]) throws(TOMLError) {
        let place = position()
        index += 1
        guard let byte = peek else { throw error("unterminated string: expected an escape after '\\', found the end of the text") }
        let simple: UInt8?
        switch byte {
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "u"), UInt8(ascii: "U"): simple = nil
        default:
            throw error("invalid escape '\\\(byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : Self.scalarName(byte))' (TOML has \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX)", at: place)
        }
        if let simple {
            text.append(simple)
            index += 1
            return
        }
        let count = byte == UInt8(ascii: "u") ? 4 : 8
        var value: UInt32 = 0
        for offset in 1...count {
            guard let digit = self.byte(at: offset).flatMap(Self.hexValue) else {
                throw error("invalid escape: '\\\(Character(Unicode.Scalar(byte)))' needs \(count) hexadecimal digits", at: place)
            }
            value = value << 4 | UInt32(digit)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("invalid escape: U+\(String(value, radix: 16, uppercase: true)) is not a Unicode scalar value", at: place)
        }
        text.append(contentsOf: String(Character(scalar)).utf8)
        index += 1 + count
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    // MARK: Numbers and dates

    static func isTokenByte(_ byte: UInt8) -> Bool {
        TOMLKeyLocator.isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    /// An integer, a float, or a date and/or time.
    mutating func numberOrDate() throws(TOMLError) -> TOMLValue {
        let start = index
        while let byte = peek, Self.isTokenByte(byte) { index += 1 }
        // `1979-05-27 07:32:00`: a space may stand between a date and a time.
        if index - start == 10, bytes[start + 4] == UInt8(ascii: "-"), peek == 0x20,
           let a = byte(at: 1), let b = byte(at: 2), byte(at: 3) == UInt8(ascii: ":"), Self.isDigit(a), Self.isDigit(b) {
            index += 1
            while let byte = peek, Self.isTokenByte(byte) { index += 1 }
        }
        let token = Array(bytes[start..<index])
        let place = position(of: start)
        let text = String(decoding: token, as: UTF8.self)
        if token.count >= 5, token[0...3].allSatisfy(Self.isDigit), token[4] == UInt8(ascii: "-") {
            guard let value = Self.dateTime(token) else {
                throw error("invalid date or time '\(text)' (e.g. 1979-05-27, 1979-05-27T07:32:00Z)", at: place)
            }
            guard let checked = value.checked else { throw error("'\(text)' is not a valid date or time (no such day or time)", at: place) }
            return checked
        }
        if token.count >= 3, Self.isDigit(token[0]), Self.isDigit(token[1]), token[2] == UInt8(ascii: ":") {
            var scanner = DateScanner(bytes: token)
            guard let time = scanner.time(), scanner.atEnd else { throw error("invalid time '\(text)' (e.g. 07:32:00)", at: place) }
            guard Self.isValid(time) else { throw error("'\(text)' is not a valid time", at: place) }
            return .localTime(time)
        }
        return try number(token, text: text, at: place)
    }

    mutating func number(_ token: [UInt8], text: String, at place: (line: Int, column: Int)) throws(TOMLError) -> TOMLValue {
        var body = token[...]
        var negative = false
        let signed = body.first == UInt8(ascii: "+") || body.first == UInt8(ascii: "-")
        if signed {
            negative = body.first == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        if body.elementsEqual("inf".utf8) { return .float(negative ? -.infinity : .infinity) }
        if body.elementsEqual("nan".utf8) { return .float(negative ? -.nan : .nan) }
        func invalid(_ why: String = "") -> TOMLError {
            error("invalid number '\(text)'\(why)", at: place)
        }
        if body.count >= 2, body.first == UInt8(ascii: "0"),
           let base = [UInt8(ascii: "x"): 16, UInt8(ascii: "o"): 8, UInt8(ascii: "b"): 2][body[body.startIndex + 1]] {
            if signed { throw invalid(": a hexadecimal, octal or binary integer takes no sign") }
            let digits = body.dropFirst(2)
            guard Self.isGrouped(digits, { Self.hexValue($0).map { Int($0) < base } ?? false }) else { throw invalid() }
            var value = 0
            for byte in digits where byte != UInt8(ascii: "_") {
                let (shifted, overflow1) = value.multipliedReportingOverflow(by: base)
                let (sum, overflow2) = shifted.addingReportingOverflow(Int(Self.hexValue(byte) ?? 0))
                if overflow1 || overflow2 { throw invalid(": out of the range of a 64-bit integer") }
                value = sum
            }
            return .integer(value)
        }
        // Decimal: an integer part, then perhaps a fraction and an exponent.
        var integerPart = body
        var fraction: ArraySlice<UInt8>?
        var exponent: ArraySlice<UInt8>?
        if let e = body.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            integerPart = body[..<e]
            var rest = body[(e + 1)...]
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            exponent = rest
        }
        if let dot = integerPart.firstIndex(of: UInt8(ascii: ".")) {
            fraction = integerPart[(dot + 1)...]
            integerPart = integerPart[..<dot]
        }
        guard Self.isGrouped(integerPart, Self.isDigit) else {
            if signed || Self.isDigit(token[0]) { throw invalid() }
            throw error("expected a value, found '\(text)' (strings need quotes)", at: place)
        }
        let digits = integerPart.filter { $0 != UInt8(ascii: "_") }
        if digits.count > 1 && digits.first == UInt8(ascii: "0") { throw invalid(": leading zeros are not allowed") }
        if let fraction, !Self.isGrouped(fraction, Self.isDigit) { throw invalid(": a decimal point needs digits on both sides") }
        if let exponent, !Self.isGrouped(exponent, Self.isDigit) { throw invalid(": an exponent needs digits") }
        let clean = String(decoding: token.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        if fraction != nil || exponent != nil {
            guard let value = Double(clean) else { throw invalid() }
            // As for integers, a number that cannot be kept is an error, not infinity.
            guard value.isFinite else { throw invalid(": out of the range of a 64-bit float") }
            return .float(value)
        }
        guard let value = Int(clean) else { throw invalid(": out of the range of a 64-bit integer") }
        return .integer(value)
    }

    /// Digits (by `isDigit`) with single underscores between them.
    static func isGrouped(_ bytes: ArraySlice<UInt8>, _ isDigit: (UInt8) -> Bool) -> Bool {
        guard let first = bytes.first, let last = bytes.last, isDigit(first), isDigit(last) else { return false }
        var previousUnderscore = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else {
                guard isDigit(byte) else { return false }
                previousUnderscore = false
            }
        }
        return true
    }

    /// A date, or a date with a time and perhaps an offset; components not yet checked.
    static func dateTime(_ token: [UInt8]) -> UncheckedDateTime? {
        var scanner = DateScanner(bytes: token)
        guard let year = scanner.digits(4), scanner.skip(UInt8(ascii: "-")), let month = scanner.digits(2),
              scanner.skip(UInt8(ascii: "-")), let day = scanner.digits(2) else { return nil }
        let date = TOMLLocalDate(year: year, month: month, day: day)
        if scanner.atEnd { return UncheckedDateTime(date: date) }
        guard scanner.skip(UInt8(ascii: "T")) || scanner.skip(UInt8(ascii: "t")) || scanner.skip(0x20),
              let time = scanner.time() else { return nil }
        if scanner.atEnd { return UncheckedDateTime(date: date, time: time) }
        if scanner.skip(UInt8(ascii: "Z")) || scanner.skip(UInt8(ascii: "z")) {
            return scanner.atEnd ? UncheckedDateTime(date: date, time: time, offset: (0, 0, 0)) : nil
        }
        let sign = scanner.peek == UInt8(ascii: "-") ? -1 : 1
        guard scanner.skip(UInt8(ascii: "+")) || scanner.skip(UInt8(ascii: "-")), let hours = scanner.digits(2),
              scanner.skip(UInt8(ascii: ":")), let minutes = scanner.digits(2), scanner.atEnd else { return nil }
        return UncheckedDateTime(date: date, time: time, offset: (sign, hours, minutes))
    }

    static func isValid(_ time: TOMLLocalTime) -> Bool {
        // Second 60 is RFC 3339's leap second.
        (0...23).contains(time.hour) && (0...59).contains(time.minute) && (0...60).contains(time.second)
    }

    struct UncheckedDateTime {
        var date: TOMLLocalDate
        var time: TOMLLocalTime?
        var offset: (sign: Int, hours: Int, minutes: Int)?

        /// The value, or nil when the day, the time or the offset does not exist.
        var checked: TOMLValue? {
            guard FrontMatterDate.isValidDay(year: date.year, month: date.month, day: date.day) || date.year == 0 && Self.isValidYearZero(date) else {
                return nil
            }
            guard let time else { return .localDate(date) }
            guard TOMLParser.isValid(time) else { return nil }
            guard let offset else { return .localDateTime(date, time) }
            guard (0...23).contains(offset.hours), (0...59).contains(offset.minutes) else { return nil }
            return .offsetDateTime(date, time, offsetMinutes: offset.sign * (offset.hours * 60 + offset.minutes))
        }

        /// Year 0000 is a valid RFC 3339 year (a leap year).
        static func isValidYearZero(_ date: TOMLLocalDate) -> Bool {
            FrontMatterDate.isValidDay(year: 2000, month: date.month, day: date.day)
        }
    }

    struct DateScanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + count)] {
                guard TOMLParser.isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }

        /// `HH:MM:SS` with an optional fraction (digits past nanoseconds are dropped).
        mutating func time() -> TOMLLocalTime? {
            guard let hour = digits(2), skip(UInt8(ascii: ":")), let minute = digits(2), skip(UInt8(ascii: ":")),
                  let second = digits(2) else { return nil }
            var time = TOMLLocalTime(hour: hour, minute: minute, second: second)
            if skip(UInt8(ascii: ".")) {
                var count = 0
                var nanosecond = 0
                while let byte = peek, TOMLParser.isDigit(byte) {
                    if count < 9 { nanosecond = nanosecond * 10 + Int(byte - 0x30) }
                    count += 1
                    index += 1
                }
                guard count > 0 else { return nil }
                for _ in min(count, 9)..<9 { nanosecond *= 10 }
                time.nanosecond = nanosecond
            }
            return time
        }
    }
}
