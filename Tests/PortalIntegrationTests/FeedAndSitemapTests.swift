import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PortalPipeline
import Testing

/// Every feed and the sitemap parse as XML; hreflang sets are symmetric and name only pages that exist.
@Suite struct FeedAndSitemapTests {
    static let sites = [Fixtures.packageRoot, Fixtures.sites + "/bilingual-suffix", Fixtures.sites + "/subpath", Fixtures.sites + "/chinese-options"]

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
