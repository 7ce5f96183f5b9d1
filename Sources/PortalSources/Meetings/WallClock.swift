import Foundation

/// A time on a wall clock, without a zone (`2022-01-11T19:30`): what an organiser
/// writes. The instant it stands for depends on the meeting's zone.
public struct WallClock: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD HH:MM[:SS]` (seconds must be 0);
    /// nil for any other text or a day or time that does not exist.
    public static func parse(_ text: String) -> WallClock? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        var clock = WallClock(year: year, month: month, day: day)
        if bytes.count > 10 {
            guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "t"),
                  let time = parseTime(String(decoding: bytes[11...], as: UTF8.self)) else { return nil }
            clock.hour = time.hour
            clock.minute = time.minute
        }
        guard FrontMatterDate.isValidDay(year: year, month: month, day: day) else { return nil }
        return clock
    }

    /// `19:30`, `9:30` or `19:30:00`: hour and minute; nil for any other text.
    public static func parseTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) }),
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        if parts.count == 3 { guard Int(parts[2]) == 0 else { return nil } }
        return (hour, minute)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int { FrontMatterDate.daysFromCivil(year: year, month: month, day: day) }

    /// Seconds since 1970-01-01T00:00 of this wall clock read as if it were UTC.
    public var localSeconds: Int { dayNumber * 86_400 + hour * 3_600 + minute * 60 }

    /// The wall clock `seconds` after 1970-01-01T00:00 (a local count, as `localSeconds`).
    public init(localSeconds seconds: Int) {
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day,
                  hour: rest / 3_600, minute: rest % 3_600 / 60)
    }

    /// The same time of day, `days` later.
    public func adding(days: Int) -> WallClock {
        WallClock(localSeconds: localSeconds + days * 86_400)
    }

    /// 1 for Sunday through 7 for Saturday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 4) % 7 + 1 }

    /// `2022-01-11`.
    public var dayText: String { Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) }

    /// `2022-01-11T19:30:00`.
    public var description: String { dayText + "T" + Self.pad(hour, 2) + ":" + Self.pad(minute, 2) + ":00" }

    /// `20220111T193000` (iCalendar).
    public var icsText: String {
        Self.pad(year, 4) + Self.pad(month, 2) + Self.pad(day, 2) + "T" + Self.pad(hour, 2) + Self.pad(minute, 2) + "00"
    }

    public static func < (lhs: WallClock, rhs: WallClock) -> Bool { lhs.localSeconds < rhs.localSeconds }

    package static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// Wall clocks and instants in a named zone, from the system's tzdata.
public enum ZoneTime {
    /// The instant a wall clock shows in `zone`; nil when the zone skips that time
    /// (a daylight-saving gap). A time the zone shows twice (the hour after clocks go
    /// back) is the first of the two.
    public static func instant(_ clock: WallClock, in zone: TimeZone) -> Date? {
        let local = clock.localSeconds
        // The offsets a day either side cover both sides of any one transition.
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - 86_400)))
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local + 86_400)))
        var found: Int?
        for offset in Set([before, after]) {
            let utc = local - offset
            if zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc))) == offset {
                found = min(found ?? utc, utc)
            }
        }
        return found.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// The wall clock `zone` shows at `date`, and its offset from UTC in seconds.
    public static func wallClock(_ date: Date, in zone: TimeZone) -> (clock: WallClock, offset: Int) {
        let offset = zone.secondsFromGMT(for: date)
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        return (WallClock(localSeconds: seconds + offset), offset)
    }

    /// `+08:00`, `-07:00`.
    public static func offsetText(_ seconds: Int, colon: Bool = true) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + WallClock.pad(minutes / 60, 2) + (colon ? ":" : "") + WallClock.pad(minutes % 60, 2)
    }

    /// `2022-01-11T19:30:00-08:00`: the instant as `zone` shows it, with the offset.
    public static func iso(_ date: Date, in zone: TimeZone) -> String {
        let (clock, offset) = wallClock(date, in: zone)
        return clock.description + offsetText(offset)
    }

    /// A zone named by its IANA identifier (`Asia/Shanghai`); nil for an unknown name.
    /// Abbreviations (`PST`) and bare offsets are not accepted: they do not follow
    /// daylight-saving changes.
    public static func zone(named name: String) -> TimeZone? {
        guard name.contains("/") || name == "UTC" || name == "Etc/UTC" else { return nil }
        return TimeZone(identifier: name)
    }
}

/// Meeting lengths and repeat intervals as people write them.
public enum MeetingDuration {
    /// `1h`, `90m`, `1h30m`, `1.5h`, `45 min`, `1 hour 30 minutes`, `PT1H30M`: minutes;
    /// nil for other text, zero, or more than a week.
    public static func minutes(_ text: String) -> Int? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        if rest.hasPrefix("pt") { rest = rest.dropFirst(2) }
        var total = 0.0
        var parts = 0
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count).drop { $0 == " " }
            let unit = rest.prefix { $0.isASCII && $0.isLetter }
            rest = rest.dropFirst(unit.count).drop { $0 == " " || $0 == "," }
            switch unit {
            case "h", "hr", "hrs", "hour", "hours": total += value * 60
            case "m", "min", "mins", "minute", "minutes": total += value
            default: return nil
            }
            parts += 1
        }
        guard parts > 0, total >= 1, total <= 7 * 24 * 60, total.rounded() == total else { return nil }
        return Int(total)
    }

    /// `1 week`, `2 weeks`, `weekly`, `biweekly`, `4 weeks`, `1 day`: days between
    /// occurrences; nil for other text.
    public static func intervalDays(_ text: String) -> Int? {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch lowered {
        case "weekly", "week": return 7
        case "biweekly", "fortnightly": return 14
        case "daily", "day": return 1
        default: break
        }
        let parts = lowered.split(separator: " ")
        guard parts.count == 2, let count = Int(parts[0]), (1...52).contains(count) else { return nil }
        switch parts[1] {
        case "week", "weeks": return count * 7
        case "day", "days": return count
        default: return nil
        }
    }
}
