import Foundation
import PortalPipeline
import PortalText
import Testing

/// Rules that let a Hugo or Docusaurus tree build where it stands.
@Suite struct SiteLayoutTests {
    static let english = """
        title = "T"
        defaultLanguage = "en"
        [languages.en]
        name = "English"
        """

    static let minutes = [
        "content/meetings/2026-03-12-weekly.md": "---\ntitle: One\n---\nA\n",
        "content/meetings/2026-03-19-weekly.md": "---\ntitle: Two\n---\nB\n",
        "content/meetings/2026-03-26-weekly.md": "---\ntitle: Three\nslug: special\n---\nC\n",
    ]

    @Test func minutesNamedByDateDoNotCollide() {
        let result = Fixtures.build(Fixtures.makeSite(Self.minutes, siteToml: Self.english))
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(Fixtures.text(result, "en/meetings/2026-03-12-weekly/index.html") != nil)
        #expect(Fixtures.text(result, "en/meetings/2026-03-19-weekly/index.html") != nil)
        #expect(Fixtures.text(result, "en/meetings/special/index.html") != nil, "an explicit slug wins")
        #expect(result.diagnostics.allSatisfy { !$0.message.contains("no date") }, "the date comes from the name")
    }

    @Test func datedNamesAsFoldersFollowDocusaurus() {
        let result = Fixtures.build(Fixtures.makeSite(Self.minutes, siteToml: "datedNames = \"folders\"\n" + Self.english))
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(Fixtures.text(result, "en/meetings/2026/03/12/weekly/index.html") != nil)
        #expect(Fixtures.text(result, "en/meetings/2026/03/19/weekly/index.html") != nil)
        #expect(Fixtures.text(result, "en/meetings/special/index.html") != nil, "an explicit slug wins")
    }

    @Test func everyErrorOfTheSiteIsReportedAtOnce() {
        let root = Fixtures.makeSite([
            "content/posts/broken.md": "---\ntitle: [unclosed\n---\nA\n",
            "content/posts/a.md": "---\ntitle: A\nslug: same\ndate: 2024-01-01\n---\nA\n",
            "content/posts/b.md": "---\ntitle: B\nslug: same\ndate: 2024-01-02\n---\nB\n",
            "content/posts/bad-date.md": "---\ntitle: C\ndate: 2024-13-45\n---\nC\n",
        ], siteToml: Self.english)
        let result = Fixtures.build(root)
        #expect(result.failed)
        let errors = result.diagnostics.filter(\.isError)
        let files = errors.compactMap(\.location?.path)
        #expect(files.contains("content/posts/broken.md"))
        #expect(files.contains("content/posts/bad-date.md"))
        #expect(errors.contains { $0.message.contains("would be written by both content/posts/a.md and content/posts/b.md") })
        #expect(files == files.sorted(), "sorted by file")
    }

    @Test func omittedRawHTMLIsOneWarningNamingTheSetting() {
        let files = [
            "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n<div>x</div>\n\nText <b>y</b>.\n",
            "content/posts/b.md": "---\ntitle: B\ndate: 2024-01-02\n---\n<table><tr><td>1</td></tr></table>\n",
            "content/posts/c.md": "---\ntitle: C\ndate: 2024-01-03\n---\nPlain.\n",
        ]
        let result = Fixtures.build(Fixtures.makeSite(files, siteToml: Self.english))
        let warnings = result.diagnostics.filter { $0.message.contains("raw HTML") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.hasPrefix("2 pages lost 4 pieces of raw HTML") == true, "\(warnings)")
        #expect(warnings.first?.message.contains("`unsafe` under [markdown]") == true)
        let kept = Fixtures.build(Fixtures.makeSite(files, siteToml: Self.english + "\n[markdown]\nunsafe = true\n"))
        #expect(!kept.diagnostics.contains { $0.message.contains("raw HTML") })
    }

    @Test func mountsPutFoldersInPlaceAndLanguage() {
        let root = Fixtures.makeSite([
            "docs/intro.md": "---\ntitle: Intro\n---\nHello.\n",
            "i18n/zh/docs/intro.md": "---\ntitle: 介绍\n---\n你好。\n",
            "docs/_category_.json": "{\"label\": \"Docs\"}\n",
            "docs/img.png": "png",
        ], siteToml: """
            title = "T"
            defaultLanguage = "en"
            defaultLanguageInSubdir = false
            [languages.en]
            name = "English"
            [languages.zh]
            name = "中文"
            [[mounts]]
            source = "docs"
            target = "guide"
            [[mounts]]
            source = "i18n/zh/docs"
            target = "guide"
            lang = "zh"
            """)
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let intro = Fixtures.text(result, "guide/intro/index.html") ?? ""
        #expect(intro.contains("Hello."))
        #expect(intro.contains("hreflang=\"zh\""), "the two files are translations")
        #expect(Fixtures.text(result, "zh/guide/intro/index.html")?.contains("你好。") == true)
        #expect(result.files.contains { $0.path == "guide/img.png" })
        #expect(!result.files.contains { $0.path.hasSuffix("_category_.json") }, "read by Docusaurus, never published")
    }

    @Test func unknownAuthorIsToldAtTheAuthorsLineNamingTheFile() {
        let root = Fixtures.makeSite([
            "content/blog/a.md": "---\ntitle: A\ndate: 2024-01-01\ntags: [x]\nauthors: [ghost]\n---\nA\n",
            "blog/authors.yml": "ana:\n  name: Ana\n",
        ], siteToml: Self.english + "\n[data]\nauthors = \"blog/authors.yml\"\n")
        let warnings = Fixtures.build(root).diagnostics.filter { $0.message.contains("unknown author") }
        #expect(warnings.map(\.description) == ["content/blog/a.md:5:1: warning: unknown author 'ghost': no profile in blog/authors.yml"])
    }

    @Test func layoutKeysAreCheckedWithTheirLine() {
        let bad = Fixtures.makeSite([:], siteToml: Self.english + """

            [permalinks]
            blog = "/:section/:week/:slug/"
            [[mounts]]
            source = "../outside"
            [[mounts]]
            source = "docs"
            lang = "fr"
            """)
        let errors = Fixtures.build(bad).diagnostics.filter(\.isError)
        #expect(errors.contains { $0.message.contains(":week") && $0.location?.line == 6 }, "\(errors.map(\.description))")
        #expect(errors.contains { $0.message.contains("inside the site folder") })
        #expect(errors.contains { $0.message.contains("mount language 'fr'") })
    }
}
