import Foundation
import PortalPipeline
import Testing
import TOMLKit

/// `../shared/seeds/site` built as it is must give what `expected.toml` says.
@Suite struct SeedSiteTests {
    struct Expectation {
        var source: String
        var title: String
        var date: String
        var tags: [String]?
        var authors: [String]?
        var url: String
    }

    static func expectations(_ seeds: String) throws -> (pages: [Expectation], archives: [(String, [String])]) {
        let text = try String(contentsOfFile: seeds + "/../expected.toml", encoding: .utf8)
        let table = try TOMLTable(string: text)
        var pages: [Expectation] = []
        for case let entry? in (table["page"]?.array ?? []).map({ $0.table }) {
            pages.append(Expectation(
                source: entry["source"]?.string ?? "", title: entry["title"]?.string ?? "",
                date: entry["date"]?.string ?? "", tags: entry["tags"]?.array?.compactMap(\.string),
                authors: entry["authors"]?.array?.compactMap(\.string), url: entry["url"]?.string ?? ""))
        }
        var archives: [(String, [String])] = []
        if let table = table["archives"]?.table {
            for (key, value) in table { archives.append((key, value.array?.compactMap(\.string) ?? [])) }
        }
        return (pages, archives.sorted { $0.0 < $1.0 })
    }

    @Test(.enabled(if: SharedFolder.hasSeeds, "needs ../shared/seeds beside the repository"))
    func seedSiteBuildsAsExpected() throws {
        guard let seeds = Fixtures.seedSite else { return }
        let result = Fixtures.build(seeds)
        #expect(!result.failed, "\(result.diagnostics)")
        let (pages, archives) = try Self.expectations(seeds)
        #expect(pages.count == 5)
        for page in pages {
            let path = String(page.url.dropFirst("/portal/".count)) + "index.html"
            guard let html = Fixtures.text(result, path) else {
                Issue.record("\(page.source): no page at \(page.url)")
                continue
            }
            #expect(html.contains("<title>" + Self.escape(page.title)), "\(page.source): title")
            if page.date == "none" {
                #expect(!html.contains("<time"), "\(page.source): no date expected")
                #expect(result.diagnostics.contains { $0.location?.path == page.source && $0.message.contains("no date") })
            } else {
                #expect(html.contains("datetime=\"\(page.date)T00:00:00+08:00\""), "\(page.source): date \(page.date)")
            }
            for tag in page.tags ?? [] {
                #expect(html.contains("/portal/zh-hans/tags/\(tag.lowercased())/"), "\(page.source): tag \(tag)")
            }
            if page.tags == [] { #expect(!html.contains("/portal/zh-hans/tags/dapr/")) }
            for author in page.authors ?? [] {
                #expect(html.contains("/portal/zh-hans/authors/\(author)/"), "\(page.source): author \(author)")
            }
        }
        for (url, titles) in archives {
            let path = String(url.dropFirst("/portal/".count)) + "index.html"
            guard let html = Fixtures.text(result, path) else {
                Issue.record("no archive page at \(url)")
                continue
            }
            var last = html.startIndex
            for title in titles {
                guard let found = html.range(of: ">" + Self.escape(title) + "<", range: last..<html.endIndex) else {
                    Issue.record("\(url): '\(title)' missing or out of order")
                    continue
                }
                last = found.upperBound
            }
        }
        // The profile from data/authors.yml names the author.
        #expect(Fixtures.text(result, "zh-hans/authors/sczyh30/index.html")?.contains("Eric Zhao") == true)
        // Missing images: one warning each, build still succeeds.
        let missing = result.diagnostics.filter { $0.message.contains("missing image") }
        #expect(missing.count == 2)
        #expect(missing.allSatisfy { $0.location?.path == "content/posts/202112-dapr-china-community-meeting/index.md" && ($0.location?.line ?? 0) > 1 })
        // Root-relative links in Markdown go under the base path.
        #expect(Fixtures.text(result, "zh-hans/meetings/2022-04-21/index.html")?.contains("href=\"/portal/\"") == true)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
