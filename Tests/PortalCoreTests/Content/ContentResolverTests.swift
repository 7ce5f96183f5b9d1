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

@Suite struct ContentResolverTests {
    static let config = SiteConfig(
        title: "T", baseURL: "https://example.org/portal/", defaultLanguage: "zh-Hans",
        timeZone: TimeZone(identifier: "Asia/Shanghai")!,
        languages: [LanguageConfig(code: "zh-Hans", name: "中文", title: "站"), LanguageConfig(code: "en", name: "English", title: "Site")])

    static func document(_ contentPath: String, language: String = "zh-Hans", translationPath: String? = nil,
                         title: String? = nil, date: Date? = nil, slug: String? = nil, draft: Bool = false, key: String? = nil) -> Document {
        var metadata = PageMetadata()
        metadata.title = title
        metadata.date = date
        metadata.slug = slug
        metadata.draft = draft
        metadata.translationKey = key
        let stem = translationPath ?? String(contentPath.split(separator: ".").first ?? "")
        let source = SourceFile(absolutePath: "/x/content/" + contentPath, sitePath: "content/" + contentPath,
                                contentPath: contentPath, language: language, translationPath: stem)
        return Document(source: source, format: .yaml, metadata: metadata, body: "", bodyLine: 1)
    }

    func resolve(_ documents: [Document], drafts: Bool = false) -> (SiteContent, [Diagnostic]) {
        ContentResolver(config: Self.config, includeDrafts: drafts, includeFuture: false, now: Date(timeIntervalSince1970: 2_000_000_000)).resolve(documents)
    }

    @Test func urlsFollowLanguageSectionAndSlug() {
        let (content, _) = resolve([
            Self.document("blog/2022-09-15-hello-world.md", title: "Hi", date: Date()),
            Self.document("meetings/2022-04-21.md", title: "M", date: Date()),
            Self.document("posts/x/index.md", translationPath: "posts/x/index", title: "B", date: Date()),
            Self.document("blog/a.en.md", language: "en", translationPath: "blog/a", title: "A", date: Date()),
            Self.document("blog/s.md", title: "S", date: Date(), slug: "Custom Slug"),
            Self.document("about.md", title: "About"),
        ])
        let paths = Set(content.pages.map(\.sitePath))
        // A name with a date keeps it: minutes named by date never collide.
        #expect(paths == ["/zh-hans/blog/2022-09-15-hello-world/", "/zh-hans/meetings/2022-04-21/", "/zh-hans/posts/x/",
                          "/en/blog/a/", "/zh-hans/blog/custom-slug/", "/zh-hans/about/"])
        #expect(content.pages.first { $0.sitePath == "/zh-hans/posts/x/" }?.bundleDirectory == "posts/x")
    }

    @Test func titleFallsBackToFileName() {
        let (content, _) = resolve([Self.document("notes/2022-01-02-kickoff.md", date: Date())])
        #expect(content.pages[0].title == "kickoff")
    }

    @Test func draftsAndFuturePagesAreLeftOut() {
        let future = Date(timeIntervalSince1970: 2_100_000_000)
        let documents = [Self.document("a/d.md", title: "D", date: Date(), draft: true), Self.document("a/f.md", title: "F", date: future)]
        #expect(resolve(documents).0.pages.isEmpty)
        #expect(resolve(documents, drafts: true).0.pages.map(\.title) == ["D"])
    }

    @Test func undatedPageInSectionWarnsAndSortsLast() {
        let (content, diagnostics) = resolve([
            Self.document("m/old.md", title: "Old", date: Date(timeIntervalSince1970: 1_000)),
            Self.document("m/none.md", title: "None"),
            Self.document("m/new.md", title: "New", date: Date(timeIntervalSince1970: 2_000)),
        ])
        #expect(content.regularPages["zh-Hans"]?.map { content.pages[$0].title } == ["New", "Old", "None"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].description == "content/m/none.md:1:1: warning: no date in front matter or file name: the page is listed last and left out of date archives")
    }

    @Test func twoSourcesForOneURLIsAnErrorNamingBoth() {
        let (content, diagnostics) = resolve([
            Self.document("blog/a.md", title: "A", date: Date()),
            Self.document("blog/b.md", title: "B", date: Date(), slug: "a"),
        ])
        #expect(content.pages.count == 1)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].isError)
        #expect(diagnostics[0].message.contains("content/blog/a.md") && diagnostics[0].message.contains("content/blog/b.md"))
    }

    @Test func translationsShareAPathOrAKey() {
        let (content, _) = resolve([
            Self.document("blog/a.md", translationPath: "blog/a", title: "甲", date: Date()),
            Self.document("blog/a.en.md", language: "en", translationPath: "blog/a", title: "A", date: Date()),
            Self.document("blog/x.md", translationPath: "blog/x", title: "乙", date: Date(), key: "k"),
            Self.document("blog/y.en.md", language: "en", translationPath: "blog/y", title: "B", date: Date(), key: "k"),
        ])
        let a = content.pages.first { $0.title == "甲" }!
        let x = content.pages.first { $0.title == "乙" }!
        #expect(content.translations(of: a).map(\.title) == ["A"])
        #expect(content.translations(of: x).map(\.title) == ["B"])
    }
}
