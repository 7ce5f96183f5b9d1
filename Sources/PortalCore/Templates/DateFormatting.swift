import Foundation

/// Formats dates for one language in the site's time zone: the reader's
/// format (`2021年12月23日`, `December 23, 2021`) and the machine formats
/// (ISO 8601 with offset, RFC 822 for RSS).
public struct DateFormatting: Sendable {
    public let timeZone: TimeZone
    let longStyle: Date.FormatStyle
    let monthStyle: Date.FormatStyle
    let calendar: Calendar
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
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let (year, month, day) = (c.year ?? 0, c.month ?? 0, c.day ?? 0)
        let long = longByDay.value(for: (year * 100 + month) * 100 + day) { self.long(date) }
        return (iso(c, date), long, short(c), year, month)
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
        iso(calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date), date)
    }

    /// `2021-12-23`.
    public func short(_ date: Date) -> String {
        short(calendar.dateComponents([.year, .month, .day], from: date))
    }

    private func short(_ c: DateComponents) -> String {
        "\(pad(c.year ?? 0, 4))-\(pad(c.month ?? 0))-\(pad(c.day ?? 0))"
    }

    private func iso(_ c: DateComponents, _ date: Date) -> String {
        short(c) + "T\(pad(c.hour ?? 0)):\(pad(c.minute ?? 0)):\(pad(c.second ?? 0))" + offset(date, colon: true)
    }

    /// `Thu, 23 Dec 2021 00:00:00 +0800` (RSS 2.0, always English names).
    public func rfc822(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = days[((c.weekday ?? 1) - 1) % 7]
        let month = months[((c.month ?? 1) - 1) % 12]
        return "\(weekday), \(pad(c.day ?? 0)) \(month) \(pad(c.year ?? 0, 4)) \(pad(c.hour ?? 0)):\(pad(c.minute ?? 0)):\(pad(c.second ?? 0)) " + offset(date, colon: false)
    }

    public func components(_ date: Date) -> (year: Int, month: Int) {
        let c = calendar.dateComponents([.year, .month], from: date)
        return (c.year ?? 0, c.month ?? 0)
    }

    private func offset(_ date: Date, colon: Bool) -> String {
        let seconds = timeZone.secondsFromGMT(for: date)
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + pad(minutes / 60) + (colon ? ":" : "") + pad(minutes % 60)
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// Formatted dates by an integer key, shared by the threads that render pages.
private final class FormCache: @unchecked Sendable {
    private let lock = NSLock()
    private var forms: [Int: String] = [:]

    func value(for key: Int, make: () -> String) -> String {
        if let known = lock.withLock({ forms[key] }) { return known }
        let made = make()
        lock.withLock { forms[key] = made }
        return made
    }
}
