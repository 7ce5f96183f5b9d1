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

@Suite struct FrontMatterDateTests {
    typealias F = FrontMatterFixture

    @Test(arguments: [
        ("2021-12-23", "2021-12-23T00:00:00+08:00", false),
        ("2021-12-23 10:30", "2021-12-23T10:30:00+08:00", true),
        ("2021-12-23 10:30:15", "2021-12-23T10:30:15+08:00", true),
        ("2021-12-23T10:30", "2021-12-23T10:30:00+08:00", true),
        ("2021-12-23T10:30:15", "2021-12-23T10:30:15+08:00", true),
        ("2021-12-23T10:30:15.250", "2021-12-23T10:30:15.250+08:00", true),
        ("2021-12-23T10:30:15Z", "2021-12-23T10:30:15Z", true),
        ("2021-12-23T10:30:15z", "2021-12-23T10:30:15Z", true),
        ("2021-12-23T10:30:15-05:00", "2021-12-23T10:30:15-05:00", true),
        ("2021-12-23 10:30:15 +0130", "2021-12-23T10:30:15+01:30", true),
        ("2024-02-29", "2024-02-29T00:00:00+08:00", false),
        ("2000-02-29", "2000-02-29T00:00:00+08:00", false),
    ])
    func acceptedForms(text: String, expected: String, hasTime: Bool) throws {
        let parsed = try #require(FrontMatterDate.parse(text, timeZone: F.shanghai))
        #expect(parsed.date == F.instant(expected))
        #expect(parsed.hasTime == hasTime)
    }

    @Test(arguments: [
        "2022-13-45", "2021-02-30", "2023-02-29", "1900-02-29", "2022-00-10", "2022-01-00",
        "2022-01-01 24:00", "2022-01-01 10:60", "2022-01-01T10:00:61", "2022-01-01T10:00+25:00",
        "22-01-01", "2022/01/01", "tomorrow", "2022-01-01x", "2022-01-01T", "20220101", "",
    ])
    func rejectedForms(text: String) {
        #expect(FrontMatterDate.parse(text, timeZone: F.shanghai) == nil)
    }

    @Test func noOffsetUsesTheSiteTimeZoneNotTheMachines() {
        let utc = FrontMatterDate.parse("2022-09-15", timeZone: F.utc)?.date
        let shanghai = FrontMatterDate.parse("2022-09-15", timeZone: F.shanghai)?.date
        #expect(utc == F.instant("2022-09-15T00:00:00Z"))
        #expect(shanghai == F.instant("2022-09-14T16:00:00Z"))
    }

    @Test func daylightSavingTimeIsApplied() {
        let newYork = TimeZone(identifier: "America/New_York")!
        #expect(FrontMatterDate.parse("2022-07-01 12:00", timeZone: newYork)?.date == F.instant("2022-07-01T12:00:00-04:00"))
        #expect(FrontMatterDate.parse("2022-01-01 12:00", timeZone: newYork)?.date == F.instant("2022-01-01T12:00:00-05:00"))
    }

    @Test func tomlDatesUseTheSiteTimeZone() throws {
        let text = """
        +++
        date = 2021-12-23
        lastmod = 2021-12-24T08:30:00
        publishDate = 2021-12-20T10:00:00+02:00
        [extra]
        at = 1979-05-27T07:32:00Z
        +++
        """
        let metadata = try #require(F.metadata(text))
        #expect(metadata.date == F.instant("2021-12-23T00:00:00+08:00"))
        #expect(metadata.lastmod == F.instant("2021-12-24T08:30:00+08:00"))
        let extra = try #require(metadata.params.first { $0.key == "extra" }?.value)
        #expect(extra == .table([(key: "at", value: .date(F.instant("1979-05-27T07:32:00Z")!, hasTime: true))]))
        let offset = try #require(F.metadata("+++\ndate = 2021-12-20T10:00:00+02:00\n+++\n"))
        #expect(offset.date == F.instant("2021-12-20T10:00:00+02:00"))
    }

    @Test func tomlStringDates() throws {
        #expect(F.metadata("+++\ndate = \"2021-12-23 10:00\"\n+++\n")?.date == F.instant("2021-12-23T10:00:00+08:00"))
    }

    @Test func yamlDates() throws {
        #expect(F.metadata("---\ndate: 2022-04-21\n---\n")?.date == F.instant("2022-04-21T00:00:00+08:00"))
        #expect(F.metadata("---\ndate: \"2022-04-21 09:15\"\n---\n")?.date == F.instant("2022-04-21T09:15:00+08:00"))
        #expect(F.metadata("---\ndate: 2022-04-21T09:15:00.5+08:00\n---\n")?.date == F.instant("2022-04-21T09:15:00.500+08:00"))
    }

    @Test func impossibleYAMLDateIsLocatedAtTheValue() {
        #expect(F.error("---\ntitle: T\ndate:   2022-13-45\n---\n") == "content/posts/a.md:3:9: error: invalid date '2022-13-45'")
        #expect(F.error("\n---\ndate: \"2021-02-30\"\n---\n") == "content/posts/a.md:3:7: error: invalid date '2021-02-30'")
    }

    @Test func impossibleTOMLStringDateIsLocatedAtTheValue() {
        #expect(F.error("+++\ntitle = \"T\"\ndate = \"2022-13-45\"\n+++\n") == "content/posts/a.md:3:8: error: invalid date '2022-13-45'")
        #expect(F.error("+++\n  lastmod=\"2021-02-30\"\n+++\n") == "content/posts/a.md:2:11: error: invalid date '2021-02-30'")
    }

    @Test func impossibleTOMLDateLiteralIsAParseError() {
        let message = F.error("+++\ntitle = \"T\"\ndate = 2022-13-45\n+++\n")
        #expect(message?.hasPrefix("content/posts/a.md:3:") == true)
        #expect(message?.contains("error: invalid TOML front matter: ") == true)
    }

    @Test func unparseableDateIsAnError() {
        #expect(F.error("---\ndate: next tuesday\n---\n") == "content/posts/a.md:2:7: error: invalid date 'next tuesday'")
        #expect(F.error("+++\ndate = 2021\n+++\n") == "content/posts/a.md:2:8: error: invalid date '2021'")
        #expect(F.error("---\nlastmod: [2021-01-01]\n---\n")?.hasPrefix("content/posts/a.md:2:10: error: invalid date") == true)
    }

    @Test func dateFromTheFileNameWhenFrontMatterHasNone() throws {
        let metadata = try #require(F.metadata("---\ntitle: T\n---\n", path: "blog/2022-09-15-slug.md"))
        #expect(metadata.date == F.instant("2022-09-15T00:00:00+08:00"))
        let bundle = try #require(F.metadata("# T\n", path: "posts/2021-12-23-x/index.md"))
        #expect(bundle.date == F.instant("2021-12-23T00:00:00+08:00"))
        let frontMatterWins = try #require(F.metadata("---\ndate: 2020-01-01\n---\n", path: "blog/2022-09-15-slug.md"))
        #expect(frontMatterWins.date == F.instant("2020-01-01T00:00:00+08:00"))
        #expect(F.metadata("# T\n", path: "meetings/team-sync-3.14.md")?.date == nil)
    }
}
