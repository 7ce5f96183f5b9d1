import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalSite
@testable import PortalPipeline

/// `portal new meetings/…` fills the meeting from the next occurrence of a series.
@Suite struct NewMeetingPageTests {
    static let meetings: MeetingData = DataLoader.parseMeetings(MeetingTimeTests.biweekly, file: "data/meetings.toml",
                                                                timeZone: TimeZone(identifier: "Asia/Shanghai")!).meetings

    static func plan(_ path: String, lang: String? = nil, format: ContentOptions.FrontMatterFormat, now: String,
                     series: String? = nil) throws -> NewPage {
        var config = NewPageTests.config
        config.content.frontMatter = format
        return try NewPage.plan(NewPage.Request(path: path, language: lang, series: series), config: config, layout: .suffix,
                                now: BuildTime.parse(now)!, meetings: meetings)
    }

    @Test func theNextMeetingSkipsCancelledOnesAndParsesBack() throws {
        // 2022-04-05 is cancelled: after 2022-03-23 comes the meeting moved to 2022-04-20.
        let page = try Self.plan("meetings/next.md", lang: "en", format: .toml, now: "2022-03-23T00:00:00Z")
        #expect(page.contentPath == "meetings/next.en.md")
        #expect(page.text == """
            +++
            title = "Community meeting 2022-04-20"
            draft = true

            [meeting]
            series = "community"
            start = 2022-04-20T10:00:00
            timeZone = "America/Los_Angeles"
            duration = "1h"
            +++

            ## Agenda

            ## Attendees

            ## Notes

            """)
        let yaml = try Self.plan("meetings/next.md", format: .yaml, now: "2022-02-23T00:00:00Z")
        #expect(yaml.text.hasPrefix("---\ntitle: \"社区例会 2022-03-08\"\ndraft: true\nmeeting:\n  series: \"community\"\n  start: 2022-03-08T19:30:00\n"))
        #expect(yaml.text.hasSuffix("## 议程\n\n## 参会者\n\n## 纪要\n"))
        for text in [page.text, yaml.text] {
            let meeting = try #require(FrontMatterFixture.metadata(text)?.meeting)
            #expect(meeting.series == "community")
            #expect(meeting.timeZone == "America/Los_Angeles")
        }
    }

    @Test func otherSectionsAndUnknownSeries() throws {
        let post = try Self.plan("posts/launch.md", format: .toml, now: "2022-03-23T00:00:00Z")
        #expect(!post.text.contains("meeting"))
        #expect(throws: NewPageError.self) { try Self.plan("meetings/a.md", format: .toml, now: "2022-03-23T00:00:00Z", series: "nope") }
        #expect(throws: NewPageError.self) { try Self.plan("meetings/a.md", format: .toml, now: "2023-01-01T00:00:00Z") }
    }
}
