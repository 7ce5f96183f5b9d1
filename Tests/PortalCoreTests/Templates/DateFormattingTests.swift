import Foundation
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline
import Testing

@Suite struct DateFormattingTests {
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    // 2021-12-23 00:00 in Shanghai.
    let date = Date(timeIntervalSince1970: 1_640_188_800)

    @Test func readerFormatsPerLocale() {
        #expect(DateFormatting(locale: "zh-Hans", timeZone: shanghai).long(date) == "2021年12月23日")
        #expect(DateFormatting(locale: "en", timeZone: shanghai).long(date) == "December 23, 2021")
        #expect(DateFormatting(locale: "zh-Hans", timeZone: shanghai).monthLabel(year: 2022, month: 9) == "2022年9月")
        #expect(DateFormatting(locale: "en", timeZone: shanghai).monthLabel(year: 2022, month: 9) == "September 2022")
    }

    @Test func machineFormatsCarryTheSiteOffset() {
        let formatting = DateFormatting(locale: "en", timeZone: shanghai)
        #expect(formatting.iso(date) == "2021-12-23T00:00:00+08:00")
        #expect(formatting.short(date) == "2021-12-23")
        #expect(formatting.rfc822(date) == "Thu, 23 Dec 2021 00:00:00 +0800")
        let utc = DateFormatting(locale: "en", timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.iso(date) == "2021-12-22T16:00:00+00:00")
    }

    /// The day arithmetic gives what Foundation's Gregorian calendar gives, across
    /// leap days, daylight-saving changes, negative offsets and years before 1970.
    @Test(arguments: ["Asia/Shanghai", "America/New_York", "UTC", "Asia/Kolkata", "Pacific/Chatham"])
    func civilFieldsMatchTheCalendar(zone: String) {
        let timeZone = TimeZone(identifier: zone)!
        let formatting = DateFormatting(locale: "en", timeZone: timeZone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var moment = -8_000_000_000.0  // 1716
        while moment < 8_000_000_000 {  // 2223
            for date in [Date(timeIntervalSince1970: moment), Date(timeIntervalSince1970: moment + 0.5)] {
                let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
                let civil = formatting.civil(date)
                let expected = DateFormatting.Civil(
                    year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!, second: c.second!,
                    weekday: c.weekday!, offset: timeZone.secondsFromGMT(for: date))
                #expect(civil == expected, "\(zone) \(date)")
            }
            moment += 7_874_593  // about 91 days and an odd number of seconds
        }
        // Before 1600 the calendar is Julian; its fields are taken as they are.
        let early = Date(timeIntervalSince1970: -13_000_000_000)
        #expect(formatting.civil(early).year == calendar.component(.year, from: early))
        #expect(formatting.civil(early).day == calendar.component(.day, from: early))
    }

    @Test func formsAgreeWithEachFormatAndKeepDaysApart() {
        let formatting = DateFormatting(locale: "zh-Hans", timeZone: shanghai)
        // The same day twice (the second from the cache), then the next day at 23:59.
        for moment in [date, date.addingTimeInterval(3_600), date.addingTimeInterval(86_400 + 86_340)] {
            let forms = formatting.forms(moment)
            #expect(forms.iso == formatting.iso(moment))
            #expect(forms.short == formatting.short(moment))
            #expect(forms.long == formatting.long(moment))
            #expect((forms.year, forms.month) == formatting.components(moment))
        }
        #expect(formatting.forms(date.addingTimeInterval(86_400 + 86_340)).long == "2021年12月24日")
        #expect(formatting.forms(date.addingTimeInterval(3_600)).iso == "2021-12-23T01:00:00+08:00")
    }
}
