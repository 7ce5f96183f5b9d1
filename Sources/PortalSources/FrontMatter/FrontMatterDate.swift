import Foundation
import PortalText

/// Dates written in front matter and file names, validated component by
/// component (never rolled over) and converted with the site's time zone.
package enum FrontMatterDate {
    package struct Parsed: Equatable {
        package var date: Date
        package var hasTime: Bool
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]`, `YYYY-MM-DDTHH:MM[:SS][.fff]`,
    /// each with an optional `Z` or `±HH:MM`; nil when the text is not such a date
    /// or names a day or time that does not exist.
    package static func parse(_ text: String, timeZone: TimeZone) -> Parsed? {
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
    package static func make(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
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

    package static func isValidDay(year: Int, month: Int, day: Int) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar.
    package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
