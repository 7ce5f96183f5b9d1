import Foundation
import PortalText

/// Formats dates for one language in the site's time zone: the reader's
/// format (`2021年12月23日`, `December 23, 2021`) and the machine formats
/// (ISO 8601 with offset, RFC 822 for RSS).
public struct DateFormatting: Sendable {
    public let timeZone: TimeZone
    package let longStyle: Date.FormatStyle
    package let monthStyle: Date.FormatStyle
    package let calendar: Calendar
    /// Long forms already made, by day (`yyyymmdd`), and month labels by month (`yyyymm`):
    /// ICU formatting costs more than the rest of a page's dates.
    private let longByDay = FormCache()
    private let monthLabels = FormCache()

    public init(locale: String, timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        let locale = Locale(identifier: locale)
        longStyle = Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: calendar, timeZone: timeZone)
        monthStyle = Date.FormatStyle(locale: locale, calendar: calendar, timeZone: timeZone).year().month(.wide)
    }

    /// `2021年12月23日` / `December 23, 2021`.
    public func long(_ date: Date) -> String { date.formatted(longStyle) }

    /// The forms a template shows, from one calendar look-up: `iso`, `long` and `short` as
    /// the functions of those names give them, and the year and month in the site's zone.
    public func forms(_ date: Date) -> (iso: String, long: String, short: String, year: Int, month: Int) {
        let c = civil(date)
        let long = longByDay.value(for: (c.year * 100 + c.month) * 100 + c.day) { self.long(date) }
        return (iso(c), long, short(c), c.year, c.month)
    }

    /// `2022年9月` / `September 2022`.
    public func monthLabel(year: Int, month: Int) -> String {
        monthLabels.value(for: year * 100 + month) {
            let date = calendar.date(from: DateComponents(year: year, month: month, day: 15)) ?? Date(timeIntervalSince1970: 0)
            return date.formatted(monthStyle)
        }
    }

    /// `2021-12-23T00:00:00+08:00`.
    public func iso(_ date: Date) -> String {
        iso(civil(date))
    }

    /// `2021-12-23`.
    public func short(_ date: Date) -> String {
        short(civil(date))
    }

    private func short(_ c: Civil) -> String {
        var text = DateText()
        text.day(c)
        return text.string
    }

    private func iso(_ c: Civil) -> String {
        var text = DateText()
        text.day(c)
        text.ascii("T")
        text.time(c)
        text.offset(c.offset, colon: true)
        return text.string
    }

    /// A moment as a wall clock in the site's zone shows it.
    package struct Civil: Equatable {
        package var year, month, day, hour, minute, second: Int
        /// 1 for Sunday through 7 for Saturday.
        package var weekday: Int
        /// Seconds east of UTC.
        package var offset: Int
    }

    /// The calendar fields of `date` in the site's zone. From the zone's offset at that
    /// moment and integer day arithmetic (proleptic Gregorian) for years 1600 to 9999;
    /// outside them (Julian dates before the 1582 reform) from `Calendar`.
    package func civil(_ date: Date) -> Civil {
        let offset = timeZone.secondsFromGMT(for: date)
        let seconds = date.timeIntervalSince1970.rounded(.down)
        // 1600-01-01 and 10000-01-01 in UTC, a day of margin either side for the offset.
        guard seconds > -11_676_096_000 + 86_400, seconds < 253_402_300_800 - 86_400 else {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
            return Civil(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0, hour: c.hour ?? 0,
                         minute: c.minute ?? 0, second: c.second ?? 0, weekday: c.weekday ?? 1, offset: offset)
        }
        let local = Int(seconds) + offset
        var days = local / 86_400
        var rest = local % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        // Days since 1970-01-01 to year, month and day (Howard Hinnant's civil_from_days).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // 1970-01-01 was a Thursday (weekday 5).
        let weekday = ((days % 7) + 7 + 4) % 7 + 1
        return Civil(year: year, month: month, day: day, hour: rest / 3_600, minute: rest % 3_600 / 60,
                     second: rest % 60, weekday: weekday, offset: offset)
    }

    /// `Thu, 23 Dec 2021 00:00:00 +0800` (RSS 2.0, always English names).
    public func rfc822(_ date: Date) -> String {
        let c = civil(date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = days[(c.weekday - 1) % 7]
        let month = months[(c.month - 1) % 12]
        var text = DateText()
        text.ascii(weekday + ", ")
        text.number(c.day, width: 2)
        text.ascii(" " + month + " ")
        text.number(c.year, width: 4)
        text.ascii(" ")
        text.time(c)
        text.ascii(" ")
        text.offset(c.offset, colon: false)
        return text.string
    }

    public func components(_ date: Date) -> (year: Int, month: Int) {
        let c = civil(date)
        return (c.year, c.month)
    }
}

/// Numeric date text written as bytes (string interpolation of padded numbers cost
/// thousands of instructions per date, and every card shows one).
private struct DateText {
    private var bytes: [UInt8] = []

    package init() { bytes.reserveCapacity(32) }

    package var string: String { String(decoding: bytes, as: UTF8.self) }

    package mutating func ascii(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// `value` in decimal, zero-padded on the left to `width` characters.
    package mutating func number(_ value: Int, width: Int) {
        let digits = String(value).utf8
        if digits.count < width { bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count)) }
        bytes.append(contentsOf: digits)
    }

    /// `2021-12-23`.
    package mutating func day(_ c: DateFormatting.Civil) {
        three(c.year, width: 4, c.month, c.day, separator: UInt8(ascii: "-"))
    }

    /// `08:05:09`.
    package mutating func time(_ c: DateFormatting.Civil) {
        three(c.hour, width: 2, c.minute, c.second, separator: UInt8(ascii: ":"))
    }

    /// Three numbers with `separator` between them, the last two of two digits.
    private mutating func three(_ first: Int, width: Int, _ second: Int, _ third: Int, separator: UInt8) {
        number(first, width: width)
        bytes.append(separator)
        number(second, width: 2)
        bytes.append(separator)
        number(third, width: 2)
    }

    /// `+08:00`, or `+0800` without the colon.
    package mutating func offset(_ seconds: Int, colon: Bool) {
        bytes.append(seconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let minutes = abs(seconds) / 60
        number(minutes / 60, width: 2)
        if colon { bytes.append(UInt8(ascii: ":")) }
        number(minutes % 60, width: 2)
    }
}

/// Formatted dates by an integer key, shared by the threads that render pages.
private final class FormCache: @unchecked Sendable {
    private let forms = Locked([Int: String]())

    package func value(for key: Int, make: () -> String) -> String {
        if let known = forms.withLock({ $0[key] }) { return known }
        let made = make()
        forms.withLock { $0[key] = made }
        return made
    }
}
