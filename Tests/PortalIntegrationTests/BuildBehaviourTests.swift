import Foundation
import PortalPipeline
import PortalSources
import Testing

/// What a site author relies on beyond the golden trees.
@Suite struct BuildBehaviourTests {
    @Test func frontMatterValuesAreEscapedEverywhere() {
        let root = Fixtures.makeSite([
            "content/posts/x.md": "---\ntitle: \"<script>alert(1)</script> & co\"\ndate: 2024-01-01\ntags: [\"<b>tag</b>\"]\nsummary: \"<img src=x onerror=alert(1)>\"\n---\nBody.\n",
        ])
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        for path in ["zh-hans/posts/x/index.html", "zh-hans/index.html", "zh-hans/tags/b-tag-b/index.html", "zh-hans/index.xml"] {
            let text = Fixtures.text(result, path) ?? ""
            #expect(!text.isEmpty, "\(path) missing")
            #expect(!text.contains("<script>alert"), "\(path) holds a raw script tag")
            #expect(!text.contains("<img src=x"), "\(path) holds a raw img tag")
            #expect(!text.contains("<b>tag</b>"), "\(path) holds a raw tag name")
        }
        #expect(Fixtures.text(result, "zh-hans/posts/x/index.html")?.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") == true)
    }

    @Test func everyErrorIsReportedAtOnce() {
        let root = Fixtures.makeSite([
            "content/posts/a.md": "---\ntitle: A\n",
            "content/posts/b.md": "+++\ntitle = \n+++\n",
            "content/posts/c.md": "---\ntitle: C\ndate: 2021-02-30\n---\n",
            "content/posts/ok.md": "---\ntitle: OK\ndate: 2021-02-03\n---\n",
        ])
        let result = Fixtures.build(root)
        #expect(result.failed)
        let failing = Set(result.diagnostics.filter(\.isError).compactMap(\.location?.path))
        #expect(failing == ["content/posts/a.md", "content/posts/b.md", "content/posts/c.md"])
    }

    @Test func strictTurnsWarningsIntoErrors() {
        // "No date" is said in a section whose pages are mostly dated.
        let root = Fixtures.makeSite([
            "content/posts/undated.md": "---\ntitle: No date\n---\nBody.\n",
            "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nBody.\n",
            "content/posts/b.md": "---\ntitle: B\ndate: 2024-01-02\n---\nBody.\n",
        ])
        #expect(!Fixtures.build(root).failed)
        let strict = Fixtures.build(root, strict: true)
        #expect(strict.failed)
        #expect(strict.diagnostics.contains { $0.isError && $0.message.contains("no date") })
    }

    @Test func baseURLOverrideMovesEveryLinkUnderItsPath() {
        let root = Fixtures.makeSite(["content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n[home](/) ![x](/logo.png)\n"])
        let result = Fixtures.build(root, baseURL: "https://org.github.io/portal/")
        let html = Fixtures.text(result, "zh-hans/posts/a/index.html") ?? ""
        #expect(html.contains("href=\"/portal/\""))
        #expect(html.contains("src=\"/portal/logo.png\""))
        #expect(html.contains("https://org.github.io/portal/zh-hans/posts/a/"))
        let root404 = Fixtures.text(result, "index.html") ?? ""
        #expect(root404.contains("/portal/zh-hans/"))
    }

    @Test func draftsBuildOnlyWhenAskedFor() {
        let root = Fixtures.makeSite(["content/posts/d.md": "---\ntitle: Draft\ndate: 2024-01-01\ndraft: true\n---\n"])
        #expect(Fixtures.text(Fixtures.build(root), "zh-hans/posts/d/index.html") == nil)
        #expect(Fixtures.text(Fixtures.build(root, drafts: true), "zh-hans/posts/d/index.html") != nil)
    }

    @Test func languageSwitcherNeverLeadsToAMissingPage() {
        let root = Fixtures.makeSite([
            "content/blog/only-zh.zh-hans.md": "---\ntitle: 只有中文\ndate: 2024-01-01\n---\n",
            "content/blog/both.zh-hans.md": "---\ntitle: 两种\ndate: 2024-01-02\n---\n",
            "content/blog/both.en.md": "---\ntitle: Both\ndate: 2024-01-02\n---\n",
        ])
        let result = Fixtures.build(root)
        let paths = Set(result.files.map(\.path))
        for file in result.files where file.path.hasSuffix(".html") {
            let html = String(decoding: Fixtures.bytes(of: file), as: UTF8.self)
            for match in html.matches(of: /href="(\/[^"#]*)"/) {
                let target = String(match.1).removingPercentEncoding ?? ""
                let candidate = String(target.dropFirst()) + (target.hasSuffix("/") ? "index.html" : "")
                #expect(paths.contains(candidate), "\(file.path) links to \(target), which is not built")
            }
        }
        let onlyZh = Fixtures.text(result, "zh-hans/blog/only-zh/index.html") ?? ""
        #expect(onlyZh.contains("href=\"/en/blog/\""))
        let both = Fixtures.text(result, "zh-hans/blog/both/index.html") ?? ""
        #expect(both.contains("href=\"/en/blog/both/\""))
    }
}

/// Long lists link a fixed window of pages, so each list page costs the same however long the list is.
@Suite struct PaginationWindowTests {
    /// A site with one post a day from 2024-01-01 and `pageSize` entries per list page.
    static func januarySite(posts: Int, pageSize: Int) -> String {
        var files: [String: String] = [:]
        for day in 1...posts {
            files["content/posts/p\(day).md"] = "---\ntitle: P\(day)\ndate: 2024-01-\(day < 10 ? "0" : "")\(day)\n---\n"
        }
        return Fixtures.makeSite(files, siteToml: Fixtures.defaultSiteToml.replacingOccurrences(of: "pageSize = 10", with: "pageSize = \(pageSize)"))
    }

    @Test func pageLinksAreAWindowWithGaps() {
        let result = Fixtures.build(Self.januarySite(posts: 10, pageSize: 1))
        let html = Fixtures.text(result, "zh-hans/posts/page/5/index.html") ?? ""
        let numbers = html.matches(of: /<a href="[^"]*"(?: aria-current="page")?>(\d+)<\/a>/).map { Int($0.1)! }
        #expect(numbers == [1, 3, 4, 5, 6, 7, 10])
        #expect(html.components(separatedBy: "class=\"gap\"").count - 1 == 2)
        #expect(html.contains("rel=\"prev\" href=\"/zh-hans/posts/page/4/\""))
        #expect(html.contains("rel=\"next\" href=\"/zh-hans/posts/page/6/\""))
        #expect(Fixtures.text(result, "zh-hans/posts/page/1/index.html")?.contains("https://example.org/zh-hans/posts/") == true)
        #expect(Fixtures.text(result, "zh-hans/posts/page/11/index.html") == nil)
    }
}

/// A month archive shows every post of the month on one page; years and tags page as usual.
@Suite struct MonthArchiveTests {
    @Test func monthListsAllItsPostsOnOnePage() {
        let result = Fixtures.build(PaginationWindowTests.januarySite(posts: 12, pageSize: 5))
        #expect(!result.failed, "\(result.diagnostics)")
        let month = Fixtures.text(result, "zh-hans/archives/2024/01/index.html") ?? ""
        #expect(month.components(separatedBy: "<article class=\"card\">").count - 1 == 12)
        #expect(!month.contains("class=\"pager\""))
        #expect(Fixtures.text(result, "zh-hans/archives/2024/01/page/1/index.html") == nil)
        #expect(Fixtures.text(result, "zh-hans/archives/2024/01/page/2/index.html") == nil)
        // The year still pages: 12 posts at 5 a page.
        #expect(Fixtures.text(result, "zh-hans/archives/2024/page/3/index.html") != nil)
        #expect(Fixtures.text(result, "zh-hans/archives/2024/page/4/index.html") == nil)
    }
}

/// `[chinese] fallback = true`: a page missing in one language is listed there too.
@Suite struct FallbackTests {
    @Test func untranslatedPageIsListedWithNoticeAndCanonicalOriginal() {
        let result = Fixtures.build(Fixtures.sites + "/chinese-options")
        #expect(!result.failed, "\(result.diagnostics)")
        let copy = Fixtures.text(result, "zh-hans/blog/2024-06-02-english-only/index.html") ?? ""
        #expect(copy.contains("本文暂无中文版本"))
        #expect(copy.contains("<link rel=\"canonical\" href=\"https://zh.example/en/blog/2024-06-02-english-only/\">"))
        #expect(copy.contains("<article class=\"post\" lang=\"en\">"))
        #expect(Fixtures.text(result, "zh-hans/index.html")?.contains("/zh-hans/blog/2024-06-02-english-only/") == true)
        // hreflang names only real translations: neither the copy nor its original lists the other.
        #expect(!copy.contains("<link rel=\"alternate\" hreflang"))
        #expect(copy.contains("href=\"/en/blog/2024-06-02-english-only/\" hreflang=\"en\""), "the copy links to its original")
        let sitemap = Fixtures.text(result, "sitemap.xml") ?? ""
        #expect(!sitemap.contains("zh-hans/blog/2024-06-02-english-only/"))
        // Without the switch, the page stays in its own language only.
        let plain = Fixtures.build(Fixtures.sites + "/subpath")
        #expect(Fixtures.text(plain, "zh-hans/blog/sibling/index.html") == nil)
    }
}

/// A bare date is midnight in the site's zone: a post dated today east of UTC is not "future".
@Suite struct SiteZoneDateTests {
    @Test func postDatedTodayInShanghaiIsBuilt() {
        let root = Fixtures.makeSite(["content/posts/today.md": "---\ntitle: 今天\ndate: 2026-06-01\n---\n"])
        // 00:30 on 1 June in Shanghai is still 31 May in UTC.
        let now = ISO8601DateFormatter().date(from: "2026-05-31T16:30:00Z")!
        let result = SiteBuilder(options: BuildOptions(sourceRoot: root, now: now)).build()
        let html = Fixtures.text(result, "zh-hans/posts/today/index.html") ?? ""
        #expect(html.contains("datetime=\"2026-06-01T00:00:00+08:00\""))
        #expect(html.contains("2026年6月1日"))
        let earlier = SiteBuilder(options: BuildOptions(sourceRoot: root, now: now.addingTimeInterval(-3600))).build()
        #expect(Fixtures.text(earlier, "zh-hans/posts/today/index.html") == nil, "an hour before midnight in Shanghai it is still future")
    }

    @Test func autospaceIsDrawnByTheBrowserNeverWrittenIntoTheText() {
        let post = ["content/posts/a.md": "---\ntitle: Lantern发布1.0版\ndate: 2024-01-01\n---\n使用Lantern部署3个集群。\n"]
        let plain = Fixtures.build(Fixtures.makeSite(post))
        #expect(Fixtures.text(plain, "zh-hans/posts/a/index.html")?.contains("<html lang=\"zh-Hans\">") == true)

        let spaced = Fixtures.build(Fixtures.makeSite(post, siteToml: Fixtures.defaultSiteToml + "\n[chinese]\nautospace = true\n"))
        #expect(!spaced.failed, "\(spaced.diagnostics)")
        let html = Fixtures.text(spaced, "zh-hans/posts/a/index.html") ?? ""
        #expect(html.contains("<html lang=\"zh-Hans\" class=\"autospace\">"))
        #expect(html.contains("<p>使用Lantern部署3个集群。</p>"))
        #expect(html.contains("Lantern发布1.0版"))
        let css = Fixtures.text(spaced, "assets/style.css") ?? ""
        #expect(css.contains(".autospace :lang(zh) { text-autospace: normal;"))
    }

    @Test func sharedLinksGetACardAndPagesTheirOwnDescription() {
        let long = String(repeating: "Lantern routes traffic between services. ", count: 8)
        let root = Fixtures.makeSite([
            "content/posts/a.en.md": "---\ntitle: \"Mesh \\\"news\\\"\"\ndate: 2024-03-01\ntags: [release]\nimage: cover.png\n---\n\(long)\n",
            "content/posts/a/cover.png": "png",
            "content/posts/b.zh-hans.md": "---\ntitle: 发布\ndate: 2024-03-02\ndescription: 自己写的描述\nimages: [\"https://cdn.example.org/b.png\"]\n---\n正文。\n",
        ])
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let a = Fixtures.text(result, "en/posts/a/index.html") ?? ""
        #expect(a.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(a.contains("<meta property=\"og:title\" content=\"Mesh &quot;news&quot;\">"))
        #expect(a.contains("<meta property=\"og:url\" content=\"https://example.org/en/posts/a/\">"))
        #expect(a.contains("<meta property=\"og:locale\" content=\"en_US\">"))
        #expect(a.contains("<meta property=\"og:image\" content=\"https://example.org/en/posts/a/cover.png\">"))
        #expect(a.contains("<meta property=\"article:published_time\" content=\"2024-03-01T00:00:00+08:00\">"))
        #expect(a.contains("<meta property=\"article:tag\" content=\"release\">"))
        #expect(a.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        // No description of its own: the start of its text, cut at a word, not the site's.
        #expect(a.contains("<meta name=\"description\" content=\"Lantern routes traffic between services. Lantern routes"))
        let description = a.components(separatedBy: "<meta name=\"description\" content=\"")[1].components(separatedBy: "\"")[0]
        #expect(description.count <= 160 && description.hasSuffix("between…"), "\(description)")

        let b = Fixtures.text(result, "zh-hans/posts/b/index.html") ?? ""
        #expect(b.contains("<meta name=\"description\" content=\"自己写的描述\">"))
        #expect(b.contains("<meta property=\"og:locale\" content=\"zh_CN\">"))
        #expect(b.contains("<meta property=\"og:image\" content=\"https://cdn.example.org/b.png\">"))

        let home = Fixtures.text(result, "en/index.html") ?? ""
        #expect(home.contains("<meta property=\"og:type\" content=\"website\">"))
        #expect(home.contains("<meta name=\"twitter:card\" content=\"summary\">"))
    }

    /// Share images also come from `header.image` (Academic), a bundle's `featured.*`,
    /// and the site's `[params] images`; an empty one falls through to the next.
    @Test func shareImagesFromThemesBundlesAndTheSite() {
        let root = Fixtures.makeSite([
            "content/posts/a.en.md": "+++\ntitle = \"A\"\ndate = 2024-03-01\n[header]\nimage = \"/img/header.png\"\n+++\nA.\n",
            "content/posts/b/index.en.md": "---\ntitle: B\ndate: 2024-03-02\nimage: \"\"\n---\nB.\n",
            "content/posts/b/featured.jpg": "jpg",
            "content/posts/c.en.md": "---\ntitle: C\ndate: 2024-03-03\n---\nC.\n",
        ], siteToml: Fixtures.defaultSiteToml + "\n[params]\nimages = [\"img/site.png\"]\n")
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        func image(_ path: String) -> String? {
            (Fixtures.text(result, path) ?? "").components(separatedBy: "<meta property=\"og:image\" content=\"").dropFirst().first?
                .components(separatedBy: "\"").first
        }
        #expect(image("en/posts/a/index.html") == "https://example.org/img/header.png")
        #expect(image("en/posts/b/index.html") == "https://example.org/en/posts/b/featured.jpg")
        #expect(image("en/posts/c/index.html") == "https://example.org/img/site.png")
    }

    @Test func aSiteStringTableChangesOnlyTheStringsItSets() {
        let root = Fixtures.makeSite([
            "Templates/i18n/en.toml": "readMore = \"Continue\"\nreadingTme = \"min\"\n",
            "content/posts/a.en.md": "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n",
        ])
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let html = Fixtures.text(result, "en/posts/a/index.html") ?? ""
        // The other English strings stay the built-in ones.
        #expect(html.contains("1 min read"))
        #expect(html.contains("Skip to content"))
        #expect(result.diagnostics.map(\.description).contains(
            "Templates/i18n/en.toml:2:1: warning: string 'readingTme' is not one the theme uses; did you mean 'readingTime'?"), "\(result.diagnostics)")
    }

    /// A site's partial that includes itself with nothing to stop it (found by the
    /// template fuzzer) builds, every page rendered, instead of crashing the build.
    @Test func aPartialThatIncludesItselfDoesNotCrashTheBuild() {
        let root = Fixtures.makeSite([
            "Templates/partials/footer.mustache": "<footer>{{> partials/footer}}</footer>\n",
            "content/posts/a.en.md": "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n",
        ])
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(Fixtures.text(result, "en/posts/a/index.html")?.contains("<footer><footer>") == true)
    }

    /// Only a page with a diagram loads Mermaid, from the URL in site.toml; "" loads it
    /// nowhere and keeps the source as text; a URL that would need escaping is an error.
    @Test func mermaidLoadsOnPagesWithADiagramOnly() {
        let pages = [
            "content/posts/d.en.md": "---\ntitle: D\ndate: 2024-01-01\n---\n```mermaid\ngraph TD\n  A --> B\n```\n",
            "content/posts/p.en.md": "---\ntitle: P\ndate: 2024-01-02\n---\nNo diagram.\n",
        ]
        let standard = Fixtures.build(Fixtures.makeSite(pages))
        #expect(!standard.failed, "\(standard.diagnostics)")
        let diagram = Fixtures.text(standard, "en/posts/d/index.html") ?? ""
        #expect(diagram.contains("<pre class=\"mermaid\">graph TD\n  A --&gt; B\n</pre>"))
        #expect(diagram.contains("<script type=\"module\">import mermaid from \"\(MarkdownOptions.defaultMermaid)\";"))
        #expect(Fixtures.text(standard, "en/posts/p/index.html")?.contains("<script type=\"module\">") == false)
        #expect(Fixtures.text(standard, "en/index.html")?.contains("mermaid") == false, "lists show summaries, never the script")

        let vendored = Fixtures.build(Fixtures.makeSite(pages, siteToml: Fixtures.defaultSiteToml + "\n[markdown]\nmermaid = \"/js/mermaid.esm.min.mjs\"\n"))
        #expect(Fixtures.text(vendored, "en/posts/d/index.html")?.contains("import mermaid from \"/js/mermaid.esm.min.mjs\";") == true)
        let none = Fixtures.build(Fixtures.makeSite(pages, siteToml: Fixtures.defaultSiteToml + "\n[markdown]\nmermaid = \"\"\n"))
        let text = Fixtures.text(none, "en/posts/d/index.html") ?? ""
        #expect(text.contains("<pre class=\"mermaid\">") && !text.contains("<script type=\"module\">"))
        let bad = Fixtures.build(Fixtures.makeSite(pages, siteToml: Fixtures.defaultSiteToml + "\n[markdown]\nmermaid = \"x\\\" onload=\\\"y\"\n"))
        #expect(bad.failed)
        #expect(bad.diagnostics.contains { $0.isError && $0.message.hasPrefix("'markdown.mermaid' must be a URL or a path") }, "\(bad.diagnostics)")
    }

    @Test func anExplicitSlugIsKeptUnderPinyin() {
        let root = Fixtures.makeSite([
            "content/posts/a.zh-hans.md": "---\ntitle: 服务治理\ndate: 2024-01-01\nslug: 服务-治理\n---\n正文。\n",
            "content/posts/b.zh-hans.md": "---\ntitle: 服务治理实践\ndate: 2024-01-02\n---\n正文。\n",
        ], siteToml: Fixtures.defaultSiteToml + "\n[chinese]\nslugStyle = \"pinyin\"\n")
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(Fixtures.text(result, "zh-hans/posts/服务-治理/index.html") != nil, "\(result.files.map(\.path).filter { $0.contains("posts/") })")
        // Names and titles without a slug of their own still become pinyin.
        #expect(Fixtures.text(result, "zh-hans/tags/index.html") != nil)
    }

    @Test func editLinksAndAlternateLocales() {
        let root = Fixtures.makeSite([
            "content/posts/a.en.md": "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n",
            "content/posts/a.zh-hans.md": "---\ntitle: 甲\ndate: 2024-01-01\n---\n正文。\n",
            "content/posts/会议 纪要.zh-hans.md": "---\ntitle: 纪要\ndate: 2024-01-02\n---\n正文。\n",
        ], siteToml: Fixtures.defaultSiteToml.replacingOccurrences(of: "pageSize = 10", with: "pageSize = 10\neditURL = \"https://github.com/example/site/edit/main\""))
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let en = Fixtures.text(result, "en/posts/a/index.html") ?? ""
        #expect(en.contains("<p class=\"edit-link\"><a href=\"https://github.com/example/site/edit/main/content/posts/a.en.md\" rel=\"nofollow\">Edit this page</a></p>"))
        #expect(en.contains("<meta property=\"og:locale:alternate\" content=\"zh_CN\">"))
        let zh = result.files.first { $0.path.hasPrefix("zh-hans/posts/") && $0.path.contains("%") == false && $0.path.contains("纪要") || $0.path.contains("hui-yi") }
        let minutes = zh.map { String(decoding: Fixtures.bytes(of: $0), as: UTF8.self) } ?? ""
        #expect(minutes.contains("content/posts/%E4%BC%9A%E8%AE%AE%20%E7%BA%AA%E8%A6%81.zh-hans.md\" rel=\"nofollow\">编辑此页</a>"), "\(result.files.map(\.path))")

        let without = Fixtures.build(Fixtures.makeSite(["content/posts/a.en.md": "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n"]))
        #expect(Fixtures.text(without, "en/posts/a/index.html")?.contains("edit-link") == false)
    }

    @Test func articlesCarryJSONLDThatParses() throws {
        let root = Fixtures.makeSite([
            "content/posts/a.en.md": "---\ntitle: \"Break </script> \\\"out\\\" & more\"\ndate: 2024-03-01\nlastmod: 2024-03-05\nauthors: [li]\n---\nText.\n",
            "data/authors.toml": "[li]\nname = \"Li Lei\"\n",
            "content/about.en.md": "---\ntitle: About\n---\nUs.\n",
        ])
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let html = Fixtures.text(result, "en/posts/a/index.html") ?? ""
        let open = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        let json = String(html[open.upperBound..<close.lowerBound])
        #expect(!json.contains("<"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "BlogPosting")
        #expect(object["headline"] as? String == "Break </script> \"out\" & more")
        #expect(object["datePublished"] as? String == "2024-03-01T00:00:00+08:00")
        #expect(object["dateModified"] as? String == "2024-03-05T00:00:00+08:00")
        #expect(object["url"] as? String == "https://example.org/en/posts/a/")
        #expect((object["author"] as? [[String: String]])?.first?["name"] == "Li Lei")
        // An undated page is no article.
        #expect(Fixtures.text(result, "en/about/index.html")?.contains("application/ld+json") == false)
    }

    @Test func fallbackCopiesLeaveAliasesToTheirOriginal() {
        let root = Fixtures.makeSite([
            "content/posts/a.zh-hans.md": "---\ntitle: 甲\ndate: 2024-01-01\naliases: [/old/a/]\n---\n正文。\n",
        ], siteToml: Fixtures.defaultSiteToml + "\n[chinese]\nfallback = true\n")
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(Fixtures.text(result, "en/posts/a/index.html") != nil, "the English fallback copy is built")
        #expect(Fixtures.text(result, "old/a/index.html")?.contains("/zh-hans/posts/a/") == true)
    }

    @Test func eachLanguageHasItsOwn404Page() {
        let root = Fixtures.makeSite(["content/posts/a.en.md": "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n"])
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let english = Fixtures.text(result, "en/404.html") ?? ""
        #expect(english.contains("<html lang=\"en\""))
        #expect(english.contains("Page not found"))
        #expect(english.contains("<link rel=\"canonical\" href=\"https://example.org/en/404.html\">"))
        let chinese = Fixtures.text(result, "zh-hans/404.html") ?? ""
        #expect(chinese.contains("页面不存在"))
        // Hosts that know one 404 page get the default language's.
        #expect(Fixtures.text(result, "404.html")?.contains("<html lang=\"zh-Hans\"") == true)
        #expect(Fixtures.text(result, "sitemap.xml")?.contains("404") == false)
    }
}
