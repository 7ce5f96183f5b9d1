import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PortalPipeline
import Testing

/// Every feed and the sitemap parse as XML; hreflang sets are symmetric and name only pages that exist.
@Suite struct FeedAndSitemapTests {
    static let sites = [Fixtures.packageRoot, Fixtures.sites + "/bilingual-suffix", Fixtures.sites + "/subpath", Fixtures.sites + "/chinese-options",
                         Fixtures.sites + "/taxonomies"]

    @Test(arguments: FeedAndSitemapTests.sites)
    func feedsParseAndUseAbsoluteURLs(_ root: String) throws {
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let feeds = result.files.filter { $0.path.hasSuffix("index.xml") }
        #expect(!feeds.isEmpty)
        for feed in feeds {
            let document = try XMLDocument(data: Data(Fixtures.bytes(of: feed)))
            #expect(document.rootElement()?.name == "rss", "\(feed.path)")
            let language = try document.nodes(forXPath: "/rss/channel/language").first?.stringValue
            #expect(language == "zh-Hans" || language == "en", "\(feed.path)")
            for link in try document.nodes(forXPath: "//item/link") {
                #expect(link.stringValue?.hasPrefix("https://") == true, "\(feed.path): \(link.stringValue ?? "")")
            }
            for date in try document.nodes(forXPath: "//item/pubDate") {
                // RFC 822 with the site's offset, e.g. "Thu, 23 Dec 2021 00:00:00 +0800".
                let text = date.stringValue ?? ""
                #expect(text.range(of: #"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"#, options: .regularExpression) != nil, "\(text)")
            }
        }
    }

    /// Each section of posts has its feed, linked from its list; with `[feed] json` every
    /// feed has a JSON Feed 1.1 beside it that parses and names the same items.
    @Test func sectionFeedsAndJSONFeeds() throws {
        let root = Fixtures.makeSite([
            "content/posts/a.en.md": "---\ntitle: \"A \\\"quoted\\\"\"\ndate: 2024-03-01\nlastmod: 2024-03-05\ntags: [release]\nauthors: [wang]\n---\nText with <b>bold</b> and a [link](/en/about/).\n",
            "content/posts/b.en.md": "---\ntitle: B\ndate: 2024-03-02\n---\nB.\n",
            "content/news/c.en.md": "---\ntitle: C\ndate: 2024-03-03\n---\nC.\n",
            "content/about.en.md": "---\ntitle: About\n---\nAbout.\n",
        ], siteToml: Fixtures.defaultSiteToml + "\n[feed]\njson = true\nfullContent = true\n")
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let section = try XMLDocument(data: Data(Fixtures.bytes(of: try #require(result.files.first { $0.path == "en/posts/index.xml" }))))
        #expect(try section.nodes(forXPath: "//item/title").compactMap(\.stringValue) == ["B", "A \"quoted\""])
        #expect(Fixtures.text(result, "en/posts/index.html")?.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Posts\" href=\"/en/posts/index.xml\">") == true)
        #expect(Fixtures.text(result, "en/posts/index.html")?.contains("<link rel=\"alternate\" type=\"application/feed+json\" title=\"Posts\" href=\"/en/posts/feed.json\">") == true)

        let feeds = result.files.filter { $0.path.hasSuffix("feed.json") }.map(\.path).sorted()
        let rss = result.files.filter { $0.path.hasSuffix("index.xml") }.map { String($0.path.dropLast("index.xml".count)) + "feed.json" }.sorted()
        #expect(feeds == rss)
        let data = Data(Fixtures.bytes(of: try #require(result.files.first { $0.path == "en/posts/feed.json" })))
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["feed_url"] as? String == "https://example.org/en/posts/feed.json")
        #expect(feed["home_page_url"] as? String == "https://example.org/en/posts/")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.map { $0["title"] as? String } == ["B", "A \"quoted\""])
        let a = items[1]
        #expect(a["id"] as? String == "https://example.org/en/posts/a/")
        #expect(a["date_published"] as? String == "2024-03-01T00:00:00+08:00")
        #expect(a["date_modified"] as? String == "2024-03-05T00:00:00+08:00")
        #expect(a["tags"] as? [String] == ["release"])
        #expect((a["authors"] as? [[String: String]])?.first?["name"] == "wang")
        #expect((a["content_html"] as? String)?.contains("href=\"https://example.org/en/about/\"") == true)
    }

    @Test(arguments: FeedAndSitemapTests.sites)
    func sitemapAlternatesAreSymmetricAndExist(_ root: String) throws {
        let result = Fixtures.build(root)
        guard let sitemap = result.files.first(where: { $0.path == "sitemap.xml" }) else {
            Issue.record("no sitemap.xml")
            return
        }
        let document = try XMLDocument(data: Data(Fixtures.bytes(of: sitemap)))
        let base = try #require(try document.nodes(forXPath: "//*[local-name()='loc']").first?.stringValue)
            .components(separatedBy: "/").prefix(3).joined(separator: "/")
        let paths = Set(result.files.map(\.path))
        func exists(_ url: String) -> Bool {
            guard url.hasPrefix(base) else { return false }
            let path = String(url.dropFirst(base.count)).removingPercentEncoding ?? ""
            for prefix in ["/portal/", "/"] where path.hasPrefix(prefix) {
                let candidate = String(path.dropFirst(prefix.count)) + "index.html"
                if paths.contains(candidate) { return true }
            }
            return false
        }
        var alternates: [String: Set<String>] = [:]
        for url in try document.nodes(forXPath: "//*[local-name()='url']") {
            guard let element = url as? XMLElement,
                  let loc = element.elements(forName: "loc").first?.stringValue else { continue }
            #expect(exists(loc), "sitemap names a page that is not built: \(loc)")
            var set = Set<String>()
            for link in element.children ?? [] where link.localName == "link" {
                guard let link = link as? XMLElement, let href = link.attribute(forName: "href")?.stringValue,
                      link.attribute(forName: "hreflang")?.stringValue != "x-default" else { continue }
                #expect(exists(href), "hreflang names a page that is not built: \(href)")
                set.insert(href)
            }
            alternates[loc] = set
        }
        #expect(!alternates.isEmpty)
        for (page, set) in alternates where !set.isEmpty {
            #expect(set.contains(page), "\(page) lists alternates without itself")
            for other in set {
                #expect(alternates[other] == set, "\(page) lists \(other) but not the other way round")
            }
        }
    }
}
