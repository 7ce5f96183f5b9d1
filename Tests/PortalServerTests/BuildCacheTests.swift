import Foundation
import PortalPipeline
import PortalSite
import Testing

/// The cache that makes rebuilds incremental: what is parsed and rendered again.
@Suite struct BuildCacheTests {
    func build(_ site: TestSite, _ cache: BuildCache) -> BuildResult {
        SiteBuilder(options: BuildOptions(sourceRoot: site.root, includeDrafts: true, includeFuture: true)).build(cache: cache)
    }

    func page(_ result: BuildResult, _ path: String) -> String {
        result.files.first(where: { $0.path == path }).map { String(decoding: bytes($0), as: UTF8.self) } ?? ""
    }

    func bytes(_ file: OutputFile) -> [UInt8] {
        switch file.content {
        case let .bytes(bytes): return bytes
        case let .deferred(content): return content.bytes()
        case let .copy(from): return FileManager.default.contents(atPath: from).map { [UInt8]($0) } ?? []
        }
    }

    @Test func oneEditedPostIsTheOnlyOneParsedAndRenderedAgain() throws {
        let site = TestSite()
        defer { site.remove() }
        site.write("content/posts/other.en.md", TestSite.post(title: "Other", body: "Links to [hello](hello.en.md)."))
        let cache = BuildCache()
        let first = build(site, cache)
        #expect(!first.failed)
        let sources = cache.counters.parseMisses
        #expect(sources >= 3)
        #expect(cache.counters.parseHits == 0)

        // Same mtime granularity guard: make sure the stamp changes.
        Thread.sleep(forTimeInterval: 0.01)
        site.write("content/posts/hello.en.md", TestSite.post(title: "Hello", body: "Edited body."))
        let second = build(site, cache)
        #expect(page(second, "en/posts/hello/index.html").contains("Edited body."))
        #expect(cache.counters.parseMisses == sources + 1)
        #expect(cache.counters.parseHits == sources - 1)
        #expect(cache.counters.renderMisses == first.statistics.pagesPerLanguage.map(\.pages).reduce(0, +) + 1)
    }

    @Test func templateEditReusesMarkdownAndNewPageRerendersAll() throws {
        let site = TestSite()
        defer { site.remove() }
        let cache = BuildCache()
        _ = build(site, cache)
        let parses = cache.counters.parseMisses
        let renders = cache.counters.renderMisses

        site.write("Templates/partials/unused.mustache", "x")
        _ = build(site, cache)
        #expect(cache.counters.parseMisses == parses)
        #expect(cache.counters.renderMisses == renders)

        // A new page changes what links can point to: Markdown is rendered again.
        site.write("content/posts/new.en.md", TestSite.post(title: "New", body: "New."))
        _ = build(site, cache)
        #expect(cache.counters.parseMisses == parses + 1)
        #expect(cache.counters.renderMisses == renders * 2 + 1)
    }

    @Test func cachedBuildEqualsUncachedBuild() {
        let site = TestSite()
        defer { site.remove() }
        let cache = BuildCache()
        _ = build(site, cache)
        site.write("content/posts/hello.zh-hans.md", TestSite.post(title: "你好", body: "第二版。"))
        let cached = build(site, cache)
        let fresh = SiteBuilder(options: BuildOptions(sourceRoot: site.root, includeDrafts: true, includeFuture: true)).build()
        #expect(cached.files.map(\.path) == fresh.files.map(\.path))
        #expect(cached.files.map(\.origin) == fresh.files.map(\.origin))
        #expect(cached.files.map(bytes) == fresh.files.map(bytes))
        #expect(cached.diagnostics == fresh.diagnostics)
    }
}
