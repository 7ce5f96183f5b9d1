import Foundation
import PortalPipeline
import PortalSite
import PortalText
import Testing

/// `layout` in front matter, the landing and standalone layouts of the default theme.
@Suite struct LayoutTests {
    static func site(_ files: [String: String]) -> String {
        let root = Fixtures.temporaryDirectory()
        Fixtures.write("title = \"T\"\ndefaultLanguage = \"en\"\n[languages.en]\nname = \"English\"\n", to: root + "/site.toml")
        Fixtures.write("---\ntitle: Hello\ndate: 2026-01-01\ntags: [x]\n---\nHi.\n", to: root + "/content/posts/hello.md")
        for (path, text) in files { Fixtures.write(text, to: root + "/" + path) }
        return root
    }

    /// A layout the theme lacks (Hugo sites name their old theme's, `singlepage`) is a
    /// warning at its line, and the page builds with the default layout.
    @Test func unknownOrUnsafeLayoutsAreWarningsAtTheirLine() {
        let root = Self.site([
            "content/posts/a.md": "---\ntitle: A\ndate: 2026-01-02\nlayout: gallery\n---\nA.\n",
            "content/posts/b.md": "---\ntitle: B\ndate: 2026-01-03\n\nlayout: ../secret\n---\nB.\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let warnings = result.diagnostics.filter { !$0.isError }.map(\.description)
        #expect(warnings.contains("content/posts/a.md:4:1: warning: layout 'gallery' has no template: add Templates/gallery.mustache (the default theme has landing and standalone); the page uses the default layout"), "\(warnings)")
        #expect(warnings.contains { $0.hasPrefix("content/posts/b.md:5:1: warning: layout '../secret' is no template name") }, "\(warnings)")
        #expect(Fixtures.text(result, "en/posts/a/index.html")?.contains("<article class=\"post\"") == true)
    }

    @Test func aSiteTemplateIsALayout() {
        let root = Self.site([
            "content/posts/a.md": "---\ntitle: A\ndate: 2026-01-02\nlayout: gallery\nphotos: [one.png, two.png]\n---\nA.\n",
            "Templates/gallery.mustache": "<h1>{{page.title}}</h1>{{#page.params.photos}}<img src=\"{{.}}\">{{/page.params.photos}}{{#latest}}[{{title}}]{{/latest}}\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(Fixtures.text(result, "en/posts/a/index.html") == "<h1>A</h1><img src=\"one.png\"><img src=\"two.png\">[A][Hello]\n")
    }

    /// Pages outside sections without a date, and `layout: standalone` anywhere, show no
    /// date, reading time, byline, tags or neighbours.
    @Test func standalonePagesHaveNoPostChrome() throws {
        let root = Self.site([
            "content/about.md": "---\ntitle: About\n---\nWho we are.\n",
            "content/posts/join.md": "---\ntitle: Join\ndate: 2026-01-04\nlayout: standalone\ntags: [x]\n---\nJoin us.\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        for path in ["en/about/index.html", "en/posts/join/index.html"] {
            let html = try #require(Fixtures.text(result, path))
            #expect(!html.contains("class=\"meta\""), "\(path)")
            #expect(!html.contains("class=\"prevnext\""), "\(path)")
            #expect(!html.contains("min read"), "\(path)")
        }
        let post = try #require(Fixtures.text(result, "en/posts/hello/index.html"))
        #expect(post.contains("class=\"meta\""))
    }

    /// Related posts: those sharing the most tags, the newest first among equals; none for
    /// a post without tags, and none at all with `[related] count = 0`.
    @Test func relatedPostsShareTags() throws {
        let files = [
            "content/posts/a.md": "---\ntitle: A\ndate: 2026-02-01\ntags: [x, y]\n---\nA.\n",
            "content/posts/b.md": "---\ntitle: B\ndate: 2026-02-02\ntags: [x, y]\n---\nB.\n",
            "content/posts/c.md": "---\ntitle: C\ndate: 2026-02-03\ntags: [x]\n---\nC.\n",
            "content/posts/d.md": "---\ntitle: D\ndate: 2026-02-04\ntags: [z]\n---\nD.\n",
            "content/posts/e.md": "---\ntitle: E\ndate: 2026-02-05\n---\nE.\n",
        ]
        let root = Self.site(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        func related(_ name: String) -> [String] {
            let html = Fixtures.text(result, "en/posts/\(name)/index.html") ?? ""
            guard let section = html.components(separatedBy: "<section class=\"related\"").dropFirst().first else { return [] }
            return section.components(separatedBy: "</section>")[0].components(separatedBy: "\">").dropFirst()
                .compactMap { $0.components(separatedBy: "</a>").count > 1 ? $0.components(separatedBy: "</a>")[0] : nil }
        }
        #expect(related("a") == ["B", "C", "Hello"])
        #expect(related("c") == ["B", "A", "Hello"])
        #expect(related("d") == [])
        #expect(related("e") == [])

        let none = Self.site(files.merging(["site.toml": "title = \"T\"\ndefaultLanguage = \"en\"\n[languages.en]\nname = \"English\"\n[related]\ncount = 0\n"]) { $1 })
        defer { try? FileManager.default.removeItem(atPath: none) }
        let quiet = Fixtures.build(none)
        #expect(Fixtures.text(quiet, "en/posts/a/index.html")?.contains("class=\"related\"") == false)
    }
}
