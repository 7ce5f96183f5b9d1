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

@Suite struct ArchiveBuilderTests {
    func content(_ documents: [Document]) -> SiteContent {
        ContentResolver(config: ContentResolverTests.config, includeDrafts: false, includeFuture: true, now: Date()).resolve(documents).content
    }

    func post(_ path: String, _ title: String, date: Date?, tags: [String] = [], authors: [String] = [], language: String = "zh-Hans") -> Document {
        var document = ContentResolverTests.document(path, language: language, title: title, date: date)
        document.metadata.tags = tags
        document.metadata.authors = authors.map { AuthorReference(id: $0) }
        return document
    }

    func day(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text + "T00:00:00+08:00")!
    }

    @Test func tagsCompareCaseInsensitivelyAndKeepFirstSpelling() {
        let site = content([
            post("blog/a.md", "A", date: day("2024-01-01"), tags: ["Dapr", "服务治理"]),
            post("blog/b.md", "B", date: day("2024-02-01"), tags: ["dapr"]),
        ])
        let (archives, _) = ArchiveBuilder(content: site, authors: AuthorRegistry()).build()
        let tags = archives.tags["zh-Hans"] ?? []
        #expect(tags.map(\.name) == ["Dapr", "服务治理"])
        #expect(tags[0].sitePath == "/zh-hans/tags/dapr/")
        #expect(tags[0].pages.map { site.pages[$0].title } == ["B", "A"])
        #expect(tags[1].sitePath == "/zh-hans/tags/服务治理/")
    }

    @Test func eachPageKnowsItsTagsOnceInItsOwnOrder() {
        let site = content([
            post("blog/a.md", "A", date: day("2024-01-01"), tags: ["服务治理", "Dapr", "dapr", "DAPR"]),
            post("blog/b.md", "B", date: day("2024-02-01"), tags: ["dapr", "rpc"]),
            post("blog/c.md", "C", date: day("2024-03-01"), tags: ["rpc"], language: "en"),
        ])
        let (archives, _) = ArchiveBuilder(content: site, authors: AuthorRegistry()).build()
        func names(_ title: String) -> [String] {
            guard let page = site.pages.first(where: { $0.title == title }) else { return [] }
            return archives.termPlaces(ofPage: page.id).map { archives.tags[page.language]?[$0].name ?? "?" }
        }
        // Spellings of one tag count once; the order is the page's, not the list's (by count).
        #expect(names("A") == ["服务治理", "Dapr"])
        #expect(names("B") == ["Dapr", "rpc"])
        #expect(names("C") == ["rpc"])
        #expect(archives.tags["en"]?.map(\.name) == ["rpc"])
        #expect(archives.termPlaces(ofPage: site.pages.count) == [])
    }

    @Test func tagDisplayNamesComeFromData() {
        let site = content([post("blog/a.md", "A", date: day("2024-01-01"), tags: ["kubernetes"])])
        let (archives, _) = ArchiveBuilder(content: site, authors: AuthorRegistry(), tagNames: ["kubernetes": ["zh-hans": "容器编排"]]).build()
        #expect(archives.tags["zh-Hans"]?.first?.name == "容器编排")
        #expect(archives.tags["zh-Hans"]?.first?.key == "kubernetes")
    }

    @Test func unknownAuthorGetsAPageAndOneWarning() {
        let site = content([
            post("blog/a.md", "A", date: day("2024-01-01"), authors: ["ghost"]),
            post("blog/b.md", "B", date: day("2024-01-02"), authors: ["ghost", "known"]),
        ])
        let registry = AuthorRegistry(profiles: ["known": AuthorProfile(name: "Known Person")])
        let (archives, diagnostics) = ArchiveBuilder(content: site, authors: registry).build()
        #expect(archives.authors["zh-Hans"]?.map(\.id) == ["ghost", "known"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message.contains("unknown author 'ghost'"))
    }

    @Test func dateArchivesGroupByYearAndMonthInTheSiteZone() {
        let site = content([
            post("blog/a.md", "A", date: day("2022-09-15")),
            post("blog/b.md", "B", date: day("2022-06-30")),
            // Midnight in Shanghai is still the previous day in UTC: it must count as January.
            post("blog/c.md", "C", date: day("2023-01-01")),
            post("blog/d.md", "D", date: nil),
        ])
        let (archives, _) = ArchiveBuilder(content: site, authors: AuthorRegistry()).build()
        let years = archives.years["zh-Hans"] ?? []
        #expect(years.map(\.year) == [2023, 2022])
        #expect(years[0].months.map(\.month) == [1])
        #expect(years[1].months.map(\.sitePath) == ["/zh-hans/archives/2022/09/", "/zh-hans/archives/2022/06/"])
        #expect(years[1].pages.map { site.pages[$0].title } == ["A", "B"])
    }

    @Test func paginationEdges() {
        #expect(Pagination(itemCount: 0, pageSize: 10, basePath: "/a/").pageCount == 1)
        #expect(Pagination(itemCount: 10, pageSize: 10, basePath: "/a/").pageCount == 1)
        let eleven = Pagination(itemCount: 11, pageSize: 10, basePath: "/a/")
        #expect(eleven.pageCount == 2)
        #expect(eleven.path(1) == "/a/")
        #expect(eleven.path(2) == "/a/page/2/")
        #expect(eleven.range(2) == 10..<11)
    }
}

extension PerLanguage {
    /// The value of the language `code` names in the tests' configuration; nil for a code it lacks.
    subscript(_ code: String) -> Value? {
        ContentResolverTests.config.languageID(matching: code).map { self[$0] }
    }
}
