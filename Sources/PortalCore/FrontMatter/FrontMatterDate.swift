import Foundation

/// Dates written in front matter and file names, validated component by
/// component (never rolled over) and converted with the site's time zone.
enum FrontMatterDate {
    struct Parsed: Equatable {
        var date: Date
        var hasTime: Bool
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]`, `YYYY-MM-DDTHH:MM[:SS][.fff]`,
    /// each with an optional `Z` or `±HH:MM`; nil when the text is not such a date
    /// or names a day or time that does not exist.
    static func parse(_ text: String, timeZone: TimeZone) -> Parsed? {
        var scanner = ByteScanner(Array(text.trimmingCharacters(in: .whitespaces).utf8))
        guard let year = scanner.digits(4...4), scanner.skip("-"),
              let month = scanner.digits(1...2), scanner.skip("-"),
              let day = scanner.digits(1...2) else { return nil }
        if scanner.atEnd {
            return make(year: year, month: month, day: day, timeZone: timeZone).map { Parsed(date: $0, hasTime: false) }
        }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skipSpaces() else { return nil }
        guard let hour = scanner.digits(1...2), scanner.skip(":"), let minute = scanner.digits(2...2) else { return nil }
        var second = 0
        var nanosecond = 0
        if scanner.skip(":") {
            guard let value = scanner.digits(2...2) else { return nil }
            second = value
            if scanner.skip(".") || scanner.skip(",") {
                guard let fraction = scanner.fraction() else { return nil }
                nanosecond = fraction
            }
        }
        _ = scanner.skipSpaces()
        var offset: Int?
        if scanner.skip("Z") || scanner.skip("z") {
            offset = 0
        } else if let sign = scanner.sign() {
            // `+08`, `+8`, `+08:00` or `+0800`.
            let before = scanner.position
            guard let run = scanner.digits(1...4) else { return nil }
            var hours = run
            var minutes = 0
            if scanner.position - before == 4 {
                hours = run / 100
                minutes = run % 100
            } else if scanner.position - before > 2 {
                return nil
            } else if scanner.skip(":") {
                guard let value = scanner.digits(2...2) else { return nil }
                minutes = value
            }
            guard hours <= 23, minutes <= 59 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard scanner.atEnd else { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                    nanosecond: nanosecond, offsetSeconds: offset, timeZone: timeZone)
            .map { Parsed(date: $0, hasTime: true) }
    }

    /// The instant of a wall-clock time, in `timeZone` unless an offset is given;
    /// nil for a day or time that does not exist (`2021-02-30`, `24:10`).
    static func make(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                     nanosecond: Int = 0, offsetSeconds: Int? = nil, timeZone: TimeZone) -> Date? {
        guard isValidDay(year: year, month: month, day: day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0..<1_000_000_000).contains(nanosecond) else { return nil }
        let local = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        let utc: Int
        if let offsetSeconds {
            utc = local - offsetSeconds
        } else {
            // Two steps find the zone's offset at that wall-clock time, DST included.
            let first = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
            let second = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - first)))
            utc = local - second
        }
        return Date(timeIntervalSince1970: TimeInterval(utc) + TimeInterval(nanosecond) / 1_000_000_000)
    }

    static func isValidDay(year: Int, month: Int, day: Int) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// A cursor over the ASCII bytes of a short text such as a date.
struct ByteScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { index == bytes.count }
    var position: Int { index }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// Skips one or more spaces or tabs.
    mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index > start
    }

    /// +1 or -1 when a sign follows.
    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    /// A run of ASCII digits whose length is in `lengths`; consumes nothing on failure.
    mutating func digits(_ lengths: ClosedRange<Int>) -> Int? {
        var end = index
        var value = 0
        while end < bytes.count, end - index < lengths.upperBound, bytes[end] >= 0x30, bytes[end] <= 0x39 {
            value = value * 10 + Int(bytes[end] - 0x30)
            end += 1
        }
        guard lengths.contains(end - index) else { return nil }
        // A longer run of digits than allowed is not this field.
        if end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39 { return nil }
        index = end
        return value
    }

    /// Digits of a decimal fraction, as nanoseconds (extra digits are cut).
    mutating func fraction() -> Int? {
        var nanoseconds = 0
        var count = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            if count < 9 { nanoseconds = nanoseconds * 10 + Int(bytes[index] - 0x30) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 9) { nanoseconds *= 10 }
        return nanoseconds
    }
}
