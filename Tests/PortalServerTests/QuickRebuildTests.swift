import Foundation
import PortalPipeline
import Testing

/// `portal serve`'s quick path: an edit to the body of a page re-renders that
/// page's Markdown only, and the pages served read the new text.
@Suite struct QuickRebuildTests {
    func options(_ site: TestSite, strict: Bool = false) -> BuildOptions {
        BuildOptions(sourceRoot: site.root, includeDrafts: true, includeFuture: true, strict: strict)
    }

    func text(_ result: BuildResult, _ path: String) -> String {
        guard let content = result.files.first(where: { $0.path == path })?.content else { return "" }
        switch content {
        case let .bytes(bytes): return String(decoding: bytes, as: UTF8.self)
        case let .deferred(deferred): return String(decoding: deferred.bytes(), as: UTF8.self)
        case .copy: return ""
        }
    }

    @Test func bodyEditRerendersOnePageAndListsFollow() throws {
        let site = TestSite()
        defer { site.remove() }
        site.write("content/posts/other.en.md", TestSite.post(title: "Other", body: "Links to [hello](hello.en.md#details)."))
        let cache = BuildCache()
        let builder = SiteBuilder(options: options(site))
        let first = builder.build(cache: cache)
        #expect(!first.failed)
        #expect(first.statistics.patchedPages == nil)
        #expect(first.diagnostics.map(\.message) == ["broken link 'hello.en.md#details': no heading or element with id 'details' in content/posts/hello.en.md"])
        let renders = cache.counters.renderMisses

        Thread.sleep(forTimeInterval: 0.01)
        site.write("content/posts/hello.en.md", TestSite.post(title: "Hello", body: "Second version.\n\n## Details\n\nMore."))
        let second = builder.build(cache: cache, changed: ["content/posts/hello.en.md"])
        #expect(!second.failed)
        #expect(second.statistics.patchedPages == 1)
        #expect(cache.counters.renderMisses == renders + 1)
        #expect(text(second, "en/posts/hello/index.html").contains("Second version."))
        #expect(text(second, "en/index.html").contains("Second version."), "the home's card shows the new summary")
        #expect(text(second, "en/index.xml").contains("Second version."), "so does the feed")
        #expect(!text(second, "zh-hans/posts/hello/index.html").contains("Second version."))
        // The anchor now exists; the other page's warning was checked against the old headings.
        let full = SiteBuilder(options: options(site)).build()
        #expect(full.diagnostics.isEmpty)
        #expect(second.files.map(\.path) == full.files.map(\.path))
        #expect(text(second, "en/posts/hello/index.html") == text(full, "en/posts/hello/index.html"))
    }

    @Test func frontMatterEditTakesTheFullPath() throws {
        let site = TestSite()
        defer { site.remove() }
        let cache = BuildCache()
        let builder = SiteBuilder(options: options(site))
        _ = builder.build(cache: cache)
        Thread.sleep(forTimeInterval: 0.01)
        site.write("content/posts/hello.en.md", TestSite.post(title: "Hello again", body: "First version of the body."))
        let second = builder.build(cache: cache, changed: ["content/posts/hello.en.md"])
        #expect(second.statistics.patchedPages == nil)
        #expect(text(second, "en/index.html").contains("Hello again"))
        // A change the quick path does not know (a new file, a template) is a full build too.
        site.write("content/posts/new.en.md", TestSite.post(title: "New", body: "New."))
        let third = builder.build(cache: cache, changed: ["content/posts/new.en.md"])
        #expect(third.statistics.patchedPages == nil)
        #expect(text(third, "en/posts/new/index.html").contains("New."))
    }

    @Test func templateEditReloadsTheThemeOnly() throws {
        let site = TestSite()
        defer { site.remove() }
        site.write("static/notes.txt", "first")
        let cache = BuildCache()
        let builder = SiteBuilder(options: options(site))
        _ = builder.build(cache: cache)
        let (parses, renders) = (cache.counters.parseMisses, cache.counters.renderMisses)

        site.write("Templates/partials/footer.mustache", "<footer>Custom footer {{site.title}}</footer>")
        let edited = builder.build(cache: cache, changed: ["Templates/partials/footer.mustache"])
        #expect(edited.statistics.patchedPages == 0)
        #expect(text(edited, "en/posts/hello/index.html").contains("<footer>Custom footer Test portal</footer>"))
        #expect(text(edited, "zh-hans/index.html").contains("<footer>Custom footer 测试门户</footer>"))
        #expect(cache.counters.parseMisses == parses && cache.counters.renderMisses == renders)

        // A broken template fails with its place, and the site built before stays as it was.
        site.write("Templates/partials/footer.mustache", "<footer>{{#site}}</footer>")
        let broken = builder.build(cache: cache, changed: ["Templates/partials/footer.mustache"])
        #expect(broken.failed)
        #expect(broken.diagnostics.map(\.description) == ["Templates/partials/footer.mustache:1:9: error: invalid template: {{#site}} is never closed"])
        #expect(text(edited, "en/posts/hello/index.html").contains("Custom footer"))

        // A file copied as it is is read when served: nothing to rebuild.
        site.write("static/notes.txt", "second")
        let copied = builder.build(cache: cache, changed: ["static/notes.txt"])
        #expect(copied.statistics.patchedPages == 0)
        #expect(!copied.failed)
    }

    @Test func brokenLinkInAnEditedBodyIsReportedAndFailsUnderStrict() throws {
        let site = TestSite()
        defer { site.remove() }
        let cache = BuildCache()
        let builder = SiteBuilder(options: options(site, strict: true))
        #expect(!builder.build(cache: cache).failed)
        Thread.sleep(forTimeInterval: 0.01)
        site.write("content/posts/hello.en.md", TestSite.post(title: "Hello", body: "See [gone](gone.en.md)."))
        let broken = builder.build(cache: cache, changed: ["content/posts/hello.en.md"])
        #expect(broken.failed)
        #expect(broken.diagnostics.map(\.description) == ["content/posts/hello.en.md:6:5: error: broken link 'gone.en.md': no page at content/posts/gone.en.md"])
        Thread.sleep(forTimeInterval: 0.01)
        site.write("content/posts/hello.en.md", TestSite.post(title: "Hello", body: "Fixed."))
        let fixed = builder.build(cache: cache, changed: ["content/posts/hello.en.md"])
        #expect(!fixed.failed)
        #expect(fixed.statistics.patchedPages == 1)
        #expect(text(fixed, "en/posts/hello/index.html").contains("Fixed."))
    }

    @Test func shortcodeTemplateEditRendersBodiesAgain() throws {
        let site = TestSite()
        defer { site.remove() }
        site.write("Templates/shortcodes/mark.mustache", "<mark>one</mark>")
        site.write("content/posts/hello.en.md", TestSite.post(title: "Hello", body: "Say {{< mark >}} now."))
        let cache = BuildCache()
        let builder = SiteBuilder(options: options(site))
        let first = builder.build(cache: cache)
        #expect(text(first, "en/posts/hello/index.html").contains("Say <mark>one</mark> now."))

        // Bodies depend on shortcode templates: the page is rendered again, not patched.
        site.write("Templates/shortcodes/mark.mustache", "<mark>two</mark>")
        let second = builder.build(cache: cache, changed: ["Templates/shortcodes/mark.mustache"])
        #expect(second.statistics.patchedPages == nil)
        #expect(text(second, "en/posts/hello/index.html").contains("Say <mark>two</mark> now."))

        // An edit that leaves a ref unresolved is reported by the build that follows.
        site.write("content/posts/hello.en.md", TestSite.post(title: "Hello", body: "See [x]({{< ref missing >}})."))
        let third = builder.build(cache: cache, changed: ["content/posts/hello.en.md"])
        #expect(third.failed)
        #expect(third.diagnostics.contains { $0.isError && $0.message.hasPrefix("ref \"missing\"") })
    }

    @Test func searchIndexFollowsAnEditedBody() throws {
        let site = TestSite()
        defer { site.remove() }
        site.write("site.toml", TestSite.siteToml + "\n[search]\nenabled = true\n")
        let cache = BuildCache()
        let builder = SiteBuilder(options: options(site))
        let first = builder.build(cache: cache)
        #expect(text(first, "en/search/d0.json").contains("First version of the body."))

        Thread.sleep(forTimeInterval: 0.01)
        site.write("content/posts/hello.en.md", TestSite.post(title: "Hello", body: "Second version, about lanterns."))
        let second = builder.build(cache: cache, changed: ["content/posts/hello.en.md"])
        #expect(second.statistics.patchedPages == 1)
        // The save does not wait for the index: it is made when first read.
        let meta = second.files.first { $0.path == "en/search/meta.json" }
        if case .deferred = meta?.content {} else { Issue.record("the patched index should be made when read: \(String(describing: meta?.content))") }
        #expect(text(second, "en/search/d0.json").contains("Second version, about lanterns."))
        let shards = second.files.filter { $0.path.hasPrefix("en/search/s") }.map { text(second, $0.path) }.joined()
        #expect(shards.contains("\"lantern\""))
    }
}
