import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct FileNameDateTests {
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    func day(_ text: String) -> Date? {
        FrontMatterDate.parse(text, timeZone: shanghai)?.date
    }

    @Test func dateInFileName() {
        #expect(FileNameDate.date(inContentPath: "posts/2022-09-15-slug.md", timeZone: shanghai) == day("2022-09-15"))
        #expect(FileNameDate.date(inContentPath: "meetings/2022-04-21.md", timeZone: shanghai) == day("2022-04-21"))
        #expect(FileNameDate.date(inContentPath: "blog/2022-09-15-release.zh-hans.md", timeZone: shanghai) == day("2022-09-15"))
    }

    @Test func dateInFolders() {
        #expect(FileNameDate.date(inContentPath: "2022/09/15/x.md", timeZone: shanghai) == day("2022-09-15"))
        #expect(FileNameDate.date(inContentPath: "posts/2021/12/23/index.md", timeZone: shanghai) == day("2021-12-23"))
        #expect(FileNameDate.date(inContentPath: "posts/2021-12-23-x/index.md", timeZone: shanghai) == day("2021-12-23"))
    }

    @Test func noDate() {
        #expect(FileNameDate.date(inContentPath: "posts/202112-monthly-sync/index.md", timeZone: shanghai) == nil)
        #expect(FileNameDate.date(inContentPath: "meetings/team-sync-3.14.md", timeZone: shanghai) == nil)
        #expect(FileNameDate.date(inContentPath: "posts/2022-13-45-bad.md", timeZone: shanghai) == nil)
        #expect(FileNameDate.date(inContentPath: "posts/2021-02-30.md", timeZone: shanghai) == nil)
        #expect(FileNameDate.date(inContentPath: "2022/13/15/x.md", timeZone: shanghai) == nil)
        #expect(FileNameDate.date(inContentPath: "posts/2022-09-150.md", timeZone: shanghai) == nil)
        #expect(FileNameDate.date(inContentPath: "", timeZone: shanghai) == nil)
    }

    @Test func midnightInSiteZone() throws {
        let date = try #require(FileNameDate.date(inContentPath: "posts/2022-09-15-slug.md", timeZone: shanghai))
        // 2022-09-15T00:00:00+08:00
        #expect(date.timeIntervalSince1970 == 1_663_171_200)
    }

    @Test func stripDatePrefix() {
        #expect(FileNameDate.stripDatePrefix("2022-09-15-slug") == "slug")
        #expect(FileNameDate.stripDatePrefix("2022-09-15_slug") == "slug")
        #expect(FileNameDate.stripDatePrefix("2022-04-21") == "2022-04-21")
        #expect(FileNameDate.stripDatePrefix("2022-04-21-") == "2022-04-21-")
        #expect(FileNameDate.stripDatePrefix("202112-sync") == "202112-sync")
        #expect(FileNameDate.stripDatePrefix("2022-13-45-x") == "2022-13-45-x")
        #expect(FileNameDate.stripDatePrefix("社区-2022") == "社区-2022")
    }
}
