import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalSite
@testable import PortalRender

/// Wall clocks in named zones: conversions across the date line, daylight-saving changes
/// on either side, the southern hemisphere, gaps and repeated hours.
@Suite struct MeetingTimeTests {
    let losAngeles = TimeZone(identifier: "America/Los_Angeles")!
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    let sydney = TimeZone(identifier: "Australia/Sydney")!

    func clock(_ text: String) -> WallClock { WallClock.parse(text)! }

    func instant(_ text: String, _ zone: TimeZone) throws -> Date {
        try #require(ZoneTime.instant(clock(text), in: zone))
    }

    @Test func pacificEveningIsBeijingNextMorning() throws {
        // Tuesday 19:30 PST is Wednesday 11:30 in Beijing.
        let date = try instant("2022-01-11T19:30", losAngeles)
        #expect(ZoneTime.iso(date, in: losAngeles) == "2022-01-11T19:30:00-08:00")
        let beijing = ZoneTime.wallClock(date, in: shanghai)
        #expect(beijing.clock == clock("2022-01-12T11:30"))
        #expect(beijing.clock.weekday == 4)
        #expect(beijing.offset == 8 * 3600)
        #expect(MeetingText(locale: "zh-Hans").dateTime(beijing.clock) == "2022年1月12日（星期三）上午11:30")
        #expect(MeetingText(locale: "en").dateTime(beijing.clock) == "Wednesday, January 12, 2022, 11:30 AM")
        #expect(MeetingText(locale: "en").dateTime(clock("2022-01-11T19:30")) == "Tuesday, January 11, 2022, 7:30 PM")
        #expect(MeetingText(locale: "zh-Hans").time(clock("2022-01-11T00:05")) == "上午12:05")
        #expect(MeetingText(locale: "en").time(clock("2022-01-11T12:00")) == "12:00 PM")
    }

    @Test func usDaylightSavingChangesTheBeijingTimeButNotTheOrganisers() throws {
        // The US moves its clocks on 2022-03-13; China does not.
        let before = try instant("2022-03-08T19:30", losAngeles)
        let after = try instant("2022-03-15T19:30", losAngeles)
        #expect(ZoneTime.wallClock(before, in: shanghai).clock == clock("2022-03-09T11:30"))
        #expect(ZoneTime.wallClock(after, in: shanghai).clock == clock("2022-03-16T10:30"))
        #expect(ZoneTime.iso(after, in: losAngeles) == "2022-03-15T19:30:00-07:00")
        #expect(after.timeIntervalSince(before) == 7 * 86_400 - 3_600)
    }

    @Test func southernHemisphereEndsDaylightSavingInApril() throws {
        // Sydney leaves daylight-saving time (+11) for standard time (+10) on 2022-04-03.
        let before = try instant("2022-04-02T10:00", sydney)
        let after = try instant("2022-04-04T10:00", sydney)
        #expect(ZoneTime.iso(before, in: sydney) == "2022-04-02T10:00:00+11:00")
        #expect(ZoneTime.iso(after, in: sydney) == "2022-04-04T10:00:00+10:00")
        #expect(ZoneTime.wallClock(before, in: shanghai).clock == clock("2022-04-02T07:00"))
        #expect(ZoneTime.wallClock(after, in: shanghai).clock == clock("2022-04-04T08:00"))
    }

    @Test func skippedTimesDoNotExistAndRepeatedOnesAreTheFirst() throws {
        #expect(ZoneTime.instant(clock("2022-03-13T02:30"), in: losAngeles) == nil)
        #expect(ZoneTime.instant(clock("2022-10-02T02:30"), in: sydney) == nil)
        let repeated = try instant("2022-11-06T01:30", losAngeles)
        #expect(ZoneTime.iso(repeated, in: losAngeles) == "2022-11-06T01:30:00-07:00")
    }

    @Test func wallClocksParseStrictly() {
        #expect(WallClock.parse("2022-01-11 19:30") == clock("2022-01-11T19:30:00"))
        #expect(WallClock.parse("2022-02-30T10:00") == nil)
        #expect(WallClock.parse("2022-01-11T24:00") == nil)
        #expect(WallClock.parse("2022-01-11T19:30:15") == nil)
        #expect(WallClock.parseTime("9:30")! == (9, 30))
        #expect(WallClock.parseTime("19:3") == nil)
        #expect(clock("2022-12-31T23:00").adding(days: 1) == clock("2023-01-01T23:00"))
    }

    @Test func durationsAndIntervals() {
        #expect(MeetingDuration.minutes("1h") == 60)
        #expect(MeetingDuration.minutes("1h30m") == 90)
        #expect(MeetingDuration.minutes("90 min") == 90)
        #expect(MeetingDuration.minutes("1.5h") == 90)
        #expect(MeetingDuration.minutes("1 hour 15 minutes") == 75)
        #expect(MeetingDuration.minutes("PT45M") == 45)
        #expect(MeetingDuration.minutes("an hour") == nil)
        #expect(MeetingDuration.minutes("0m") == nil)
        #expect(MeetingDuration.minutes("1x") == nil)
        #expect(MeetingDuration.intervalDays("2 weeks") == 14)
        #expect(MeetingDuration.intervalDays("weekly") == 7)
        #expect(MeetingDuration.intervalDays("3 fortnights") == nil)
        #expect(MeetingText(locale: "en").duration(90) == "1 h 30 min")
        #expect(MeetingText(locale: "zh-Hans").duration(60) == "1 小时")
    }

    @Test func zonesAreNamedWithTheirOffset() {
        #expect(MeetingText.utc(-8 * 3600) == "UTC-8")
        #expect(MeetingText.utc(19_800) == "UTC+5:30")
        #expect(ZoneTime.zone(named: "PST") == nil)
        #expect(ZoneTime.zone(named: "Mars/Olympus") == nil)
        #expect(ZoneTime.zone(named: "Asia/Shanghai") != nil)
    }

    // MARK: Series

    func series(_ text: String) -> (MeetingData, [Diagnostic]) {
        let result = DataLoader.parseMeetings(text, file: "data/meetings.toml", timeZone: shanghai)
        return (result.meetings, result.diagnostics)
    }

    static let biweekly = """
    [[series]]
    id = "community"
    title = { en = "Community meeting", zh-Hans = "社区例会" }
    timeZone = "America/Los_Angeles"
    start = 2022-02-22
    every = "2 weeks"
    slots = ["10:00", "19:30"]
    until = 2022-04-30
    cancelled = [2022-04-05]
    moved = [{ from = 2022-04-19, to = 2022-04-20T10:00:00 }]
    """

    @Test func aSeriesAlternatesSlotsAndKeepsTheOrganisersWallTimeAcrossDaylightSaving() throws {
        let (data, diagnostics) = series(Self.biweekly)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let community = try #require(data.series("community"))
        #expect(community.title(in: "zh-Hans") == "社区例会")
        let occurrences = community.occurrences(through: .distantFuture)
        #expect(occurrences.map { ZoneTime.iso($0.instant, in: losAngeles) } == [
            "2022-02-22T10:00:00-08:00", "2022-03-08T19:30:00-08:00", "2022-03-22T10:00:00-07:00",
            "2022-04-05T19:30:00-07:00", "2022-04-20T10:00:00-07:00",
        ])
        #expect(occurrences.map(\.cancelled) == [false, false, false, true, false])
        #expect(occurrences.map(\.moved) == [false, false, false, false, true])
        #expect(occurrences.map { ZoneTime.wallClock($0.instant, in: shanghai).clock.description } == [
            "2022-02-23T02:00:00", "2022-03-09T11:30:00", "2022-03-23T01:00:00", "2022-04-06T10:30:00", "2022-04-21T01:00:00",
        ])
    }

    @Test func seriesProblemsAreLocated() {
        let (_, unknownZone) = series("[[series]]\nid = \"a\"\ntimeZone = \"Pacific\"\nstart = 2022-01-01T10:00:00\nevery = \"1 week\"\n")
        #expect(unknownZone.map(\.description) == [
            "data/meetings.toml:3:12: error: unknown time zone 'Pacific': expected an IANA name such as America/Los_Angeles or Asia/Shanghai",
        ])
        let (_, badEvery) = series("[[series]]\nid = \"a\"\ntimeZone = \"UTC\"\nstart = 2022-01-01T10:00:00\nevery = \"sometimes\"\n")
        #expect(badEvery.first?.description.hasPrefix("data/meetings.toml:5:9: error: invalid `every` 'sometimes'") == true)
        // 02:30 on 2022-03-13 does not exist in Los Angeles.
        let (_, gap) = series("[[series]]\nid = \"a\"\ntimeZone = \"America/Los_Angeles\"\nstart = 2022-03-06\nevery = \"1 week\"\nslots = [\"02:30\"]\nuntil = 2022-03-20\n")
        #expect(gap.map(\.description) == [
            "data/meetings.toml:4:9: error: 2022-03-13 02:30 does not exist in America/Los_Angeles: the clocks skip it when daylight saving time begins; choose a time outside the gap",
        ])
        let (_, notADay) = series("[[series]]\nid = \"a\"\ntimeZone = \"UTC\"\nstart = 2022-01-03T10:00:00\nevery = \"1 week\"\ncancelled = [2022-01-04]\n")
        #expect(notADay.map(\.description) == ["data/meetings.toml:6:14: warning: 2022-01-04 is not a day of meeting series 'a'"])
    }
}

/// The `meeting` of a page's front matter, in TOML and YAML, and its located errors.
@Suite struct MeetingFrontMatterTests {
    typealias F = FrontMatterFixture

    @Test func tomlAndYAMLMeetingsReadTheOrganisersWallClock() throws {
        let toml = try #require(F.metadata("""
        +++
        title = "Kickoff"
        meeting = { start = 2022-01-11T19:30:00, timeZone = "America/Los_Angeles", duration = "1h", location = "Zoom", join = "https://zoom.example.org/j/1" }
        +++
        """))
        let meeting = try #require(toml.meeting)
        #expect(meeting.start == WallClock.parse("2022-01-11T19:30"))
        #expect(meeting.timeZone == "America/Los_Angeles")
        #expect(meeting.durationMinutes == 60)
        #expect(meeting.join == "https://zoom.example.org/j/1")
        // A page without a date is dated by its meeting.
        #expect(toml.date == meeting.instant)
        #expect(meeting.instant.map { ZoneTime.iso($0, in: TimeZone(identifier: "UTC")!) } == "2022-01-12T03:30:00+00:00")
        let yaml = try #require(F.metadata("---\ntitle: Kickoff\nmeeting:\n  start: 2022-01-11 19:30\n  timeZone: America/Los_Angeles\n  duration: 90m\n---\n"))
        #expect(yaml.meeting?.instant == meeting.instant)
        #expect(yaml.meeting?.durationMinutes == 90)
        let minutes = try #require(F.metadata("---\ndate: 2022-01-12\nmeeting: community\n---\n"))
        #expect(minutes.meeting?.series == "community")
        #expect(minutes.meeting?.start == nil)
    }

    @Test func problemsAreLocatedErrors() {
        #expect(F.error("+++\nmeeting = { start = 2022-01-11T19:30:00 }\n+++\n")
            == "content/posts/a.md:2:21: error: meeting `start` has no `timeZone`: add the organiser's zone, for example timeZone = \"America/Los_Angeles\"")
        #expect(F.error("---\nmeeting:\n  start: 2022-01-11 19:30\n  timeZone: Pacific/Nowhere\n---\n")
            == "content/posts/a.md:4:13: error: unknown time zone 'Pacific/Nowhere': expected an IANA name such as America/Los_Angeles or Asia/Shanghai")
        #expect(F.error("---\nmeeting:\n  start: 2022-03-13 02:30\n  timeZone: America/Los_Angeles\n---\n")
            == "content/posts/a.md:3:10: error: 2022-03-13 02:30 does not exist in America/Los_Angeles: the clocks skip it when daylight saving time begins; choose a time outside the gap")
        #expect(F.error("---\nmeeting:\n  start: 2022-01-11 19:30\n  timeZone: UTC\n  duration: a while\n---\n")
            == "content/posts/a.md:5:13: error: invalid meeting duration 'a while': expected a length such as 1h, 45m or 1h30m")
        #expect(F.error("---\nmeeting:\n  start: 2022-01-11\n  timeZone: UTC\n---\n")
            == "content/posts/a.md:3:10: error: invalid meeting start '2022-01-11': expected a date and time such as 2022-01-11T19:30:00")
    }
}

/// The text rules of iCalendar files.
@Suite struct ICalendarTextTests {
    @Test func textIsEscapedAndLongLinesAreFoldedBetweenCharacters() {
        #expect(ICalendarWriter.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        let line = "SUMMARY:" + String(repeating: "会议", count: 30)
        let folded = ICalendarWriter.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
        #expect(ICalendarWriter.duration(90) == "PT1H30M")
        #expect(ICalendarWriter.uidKey("path:meetings/design-review") == "path-meetings-design-review")
        #expect(ICalendarWriter.uidKey("path:会议/发布") == "path-u4f1au8bae-u53d1u5e03")
        #expect(ICalendarWriter.utc(Date(timeIntervalSince1970: 1_641_958_200)) == "20220112T033000Z")
    }

    @Test func aTimeZoneListsTheChangesOverTheSpan() {
        let zone = TimeZone(identifier: "America/Los_Angeles")!
        let start = ZoneTime.instant(WallClock.parse("2022-02-22T10:00")!, in: zone)!
        let end = ZoneTime.instant(WallClock.parse("2022-12-20T10:00")!, in: zone)!
        let lines = ICalendarWriter.timeZone(zone, covering: start...end)
        #expect(lines == [
            "BEGIN:VTIMEZONE", "TZID:America/Los_Angeles",
            "BEGIN:STANDARD", "DTSTART:20211107T020000", "TZOFFSETFROM:-0700", "TZOFFSETTO:-0800", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:20220313T020000", "TZOFFSETFROM:-0800", "TZOFFSETTO:-0700", "END:DAYLIGHT",
            "BEGIN:STANDARD", "DTSTART:20221106T020000", "TZOFFSETFROM:-0700", "TZOFFSETTO:-0800", "END:STANDARD",
            "END:VTIMEZONE",
        ])
    }
}
