import Foundation
import PortalPipeline
import PortalSite
import PortalText
import Testing

/// `[taxonomies]`: categories, series and names of a site's own, beside the built-in tags.
@Suite struct TaxonomyTests {
    static let fixture = Fixtures.sites + "/taxonomies"

    @Test func eachTermHasAListPageAFeedAndATranslatedName() throws {
        let result = Fixtures.build(Self.fixture)
        #expect(!result.failed, "\(result.diagnostics)")
        let paths = Set(result.files.map(\.path))
        for path in ["zh-hans/categories/index.html", "zh-hans/categories/releases/index.html", "zh-hans/categories/releases/index.xml",
                     "en/categories/community/index.html", "en/series/getting-started/index.html", "en/sigs/gateway/index.xml",
                     "en/sigs/index.html"] {
            #expect(paths.contains(path), "\(path) is not built")
        }
        // data/categories.toml names the terms per language; the list counts their pages.
        let zhList = try #require(Fixtures.text(result, "zh-hans/categories/index.html"))
        #expect(zhList.contains("<h1>分类</h1>"))
        #expect(zhList.contains("<a href=\"/zh-hans/categories/releases/\">版本发布 <span class=\"n\">2</span></a>"), "\(zhList)")
        let term = try #require(Fixtures.text(result, "en/categories/releases/index.html"))
        #expect(term.contains("<p class=\"crumb\"><a href=\"/en/categories/\">Categories</a></p>"))
        #expect(term.contains("<h1>Releases</h1>"))
        // A name of the site's own, with no string in the theme, is its plural capitalised.
        #expect(Fixtures.text(result, "en/sigs/index.html")?.contains("<h1>Sigs</h1>") == true)
        // The term's feed lists its pages (FeedAndSitemapTests parses every feed of this site).
        let feed = try #require(Fixtures.text(result, "en/sigs/gateway/index.xml"))
        #expect(feed.contains("<title>Your first route</title>"))
        #expect(!feed.contains("Installing Lantern"))
        // The sitemap lists term pages; the language switcher pairs terms of the same key.
        let sitemap = try #require(Fixtures.text(result, "sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/en/categories/releases/</loc>"))
        #expect(term.contains("href=\"/zh-hans/categories/releases/\""))
    }

    @Test func aPageShowsItsTermsAndItsPlaceInTheSeries() throws {
        let result = Fixtures.build(Self.fixture)
        let page = try #require(Fixtures.text(result, "en/posts/2026-01-12-configure/index.html"))
        #expect(page.contains("<p class=\"terms\"><span class=\"muted\">Categories: </span><a href=\"/en/categories/releases/\">Releases</a></p>"))
        #expect(page.contains("<a href=\"/en/series/getting-started/\">Getting started</a> <span class=\"muted\">· Part 2/3</span>"), "\(page)")
        #expect(page.contains("<a class=\"prev\" href=\"/en/posts/2026-01-05-install/\"><small>← Previous</small><span>Installing Lantern</span></a><a class=\"next\" href=\"/en/posts/2026-01-19-first-route/\">"))
        // The first of a series has no previous one; a string and a list name a series alike.
        let first = try #require(Fixtures.text(result, "zh-hans/posts/2026-01-05-install/index.html"))
        #expect(first.contains("· 篇目 1/3"))
        let series = try #require(first.components(separatedBy: "<nav class=\"series\"").last?.components(separatedBy: "</nav>").first)
        #expect(!series.contains("class=\"prev\""))
        #expect(first.contains("<a class=\"next\" href=\"/zh-hans/posts/2026-01-12-configure/\"><small>下一篇 →</small><span>配置灯笼</span></a>"))
        // A page in no series shows none.
        #expect(Fixtures.text(result, "en/posts/2026-02-02-meetup/index.html")?.contains("class=\"series\"") == false)
    }

    /// Related posts weigh taxonomy terms as they weigh tags: the first route shares only
    /// the series and a sig with the install post, which shares no tag with it; the meetup
    /// shares no term of any taxonomy with another post and lists none.
    @Test func relatedPostsCountSharedTermsOfEveryTaxonomy() throws {
        let result = Fixtures.build(Self.fixture)
        let route = try #require(Fixtures.text(result, "en/posts/2026-01-19-first-route/index.html"))
        let related = try #require(route.components(separatedBy: "<section class=\"related\"").last?.components(separatedBy: "</section>").first)
        #expect(related.contains("Configuring Lantern") && related.contains("Installing Lantern"), "\(related)")
        #expect(Fixtures.text(result, "en/posts/2026-02-02-meetup/index.html")?.contains("class=\"related\"") == false)
    }

    @Test func taxonomyNamesAreCheckedWhereTheyAreWritten() {
        let root = Fixtures.makeSite(["content/posts/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\nA.\n"],
                                     siteToml: "title = \"T\"\n[taxonomies]\ncategory = \"Categories\"\nauthor = \"authors\"\nseries = \"series\"\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(result.failed)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("site.toml:3:") && $0.contains("taxonomy 'category' is named 'Categories'") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("site.toml:4:") && $0.contains("'authors', a list portal makes itself") }, "\(messages)")
    }

    /// A taxonomy's value that holds no names (a table, a flag, a date) is not dropped in
    /// silence: a warning at its line says what was found and what the page is left in.
    @Test func valuesThatAreNotNamesAreNamedWhereTheyAreWritten() {
        let root = Fixtures.makeSite([
            "content/posts/a.md": "---\ntitle: A\ndate: 2026-01-01\nseries:\n  name: Intro\n---\nA.\n",
            "content/posts/b.md": "+++\ntitle = \"B\"\ndate = 2026-01-02\ncategories = [\"Guides\", true]\n+++\nB.\n",
            "content/posts/c.md": "---\ntitle: C\ndate: 2026-01-03\ncategories: Guides\nseries: [Intro, 2]\n---\nC.\n",
        ], siteToml: "title = \"T\"\n[taxonomies]\ncategory = \"categories\"\nseries = \"series\"\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("content/posts/a.md:4:") && $0.contains("'series' is a table") && $0.contains("in no series") },
                "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/posts/b.md:4:") && $0.contains("'categories' lists true") }, "\(messages)")
        // Names and lists of names (a number is a name) draw no warning.
        #expect(!messages.contains { $0.hasPrefix("content/posts/c.md") }, "\(messages)")
        // The name beside the flag still counts.
        #expect(result.files.contains { $0.path == "en/categories/guides/index.html" || $0.path.hasSuffix("/categories/guides/index.html") })
    }

    /// Without `[taxonomies]`, `categories` in front matter stays a plain param and no
    /// category page is made (tags only, as before).
    @Test func withoutTheTableCategoriesAreOnlyParams() {
        let root = Fixtures.makeSite(["content/posts/a.md": "---\ntitle: A\ndate: 2026-01-01\ncategories: [x]\n---\nA.\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(!result.files.contains { $0.path.contains("categories/") })
    }
}
