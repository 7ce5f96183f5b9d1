import Foundation
import PortalSources

/// A meeting's time as a reader of one language reads it: `2022年1月12日（星期三）上午11:30`,
/// `Wednesday, January 12, 2022, 11:30 AM`, and the zone's name with its offset.
package struct MeetingText: Sendable {
    package let locale: String

    package init(locale: String) { self.locale = locale }

    private var isChinese: Bool { locale.lowercased().hasPrefix("zh") }

    private static let englishDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let chineseDays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"]
    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                        "October", "November", "December"]

    /// The date and time `clock` shows.
    package func dateTime(_ clock: WallClock) -> String {
        date(clock) + (isChinese ? "" : ", ") + time(clock)
    }

    /// `2022年1月12日（星期三）` / `Wednesday, January 12, 2022`.
    package func date(_ clock: WallClock) -> String {
        if isChinese {
            return "\(clock.year)年\(clock.month)月\(clock.day)日（\(Self.chineseDays[clock.weekday - 1])）"
        }
        if locale.lowercased().hasPrefix("en") {
            return "\(Self.englishDays[clock.weekday - 1]), \(Self.englishMonths[clock.month - 1]) \(clock.day), \(clock.year)"
        }
        let date = Date(timeIntervalSince1970: TimeInterval(clock.localSeconds))
        return date.formatted(Date.FormatStyle(date: .complete, time: .omitted, locale: Locale(identifier: locale),
                                               timeZone: TimeZone(identifier: "UTC")!))
    }

    /// `上午11:30` / `11:30 AM`.
    package func time(_ clock: WallClock) -> String {
        let hour12 = clock.hour % 12 == 0 ? 12 : clock.hour % 12
        let minutes = (clock.minute < 10 ? "0" : "") + String(clock.minute)
        if isChinese { return (clock.hour < 12 ? "上午" : "下午") + "\(hour12):\(minutes)" }
        if locale.lowercased().hasPrefix("en") { return "\(hour12):\(minutes) " + (clock.hour < 12 ? "AM" : "PM") }
        return (clock.hour < 10 ? "0" : "") + "\(clock.hour):\(minutes)"
    }

    /// `Pacific Time (UTC-8)` / `北美太平洋时间（UTC-8）`: the zone's name in this language and
    /// its offset at that moment.
    package func zone(_ zone: TimeZone, offset: Int) -> String {
        let name = zone.localizedName(for: .generic, locale: Locale(identifier: locale)) ?? zone.identifier
        return isChinese ? name + "（" + Self.utc(offset) + "）" : name + " (" + Self.utc(offset) + ")"
    }

    /// `UTC-8`, `UTC+5:30`, `UTC`.
    package static func utc(_ offset: Int) -> String {
        guard offset != 0 else { return "UTC" }
        let minutes = abs(offset) / 60
        return "UTC" + (offset < 0 ? "-" : "+") + String(minutes / 60) + (minutes % 60 == 0 ? "" : ":" + WallClockPad.two(minutes % 60))
    }

    /// `1 h`, `1 h 30 min` / `1 小时`, `1 小时 30 分钟`.
    package func duration(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        var parts: [String] = []
        if hours > 0 { parts.append(isChinese ? "\(hours) 小时" : "\(hours) h") }
        if rest > 0 { parts.append(isChinese ? "\(rest) 分钟" : "\(rest) min") }
        return parts.joined(separator: " ")
    }
}

enum WallClockPad {
    static func two(_ value: Int) -> String { (value < 10 ? "0" : "") + String(value) }
}
