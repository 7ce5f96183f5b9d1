import Foundation
import PortalPipeline
import Testing

/// A site whose authors, front matter and site.toml carry script URLs builds pages and
/// feeds without any of them, with a located warning for each.
@Suite struct InjectionBuildTests {
    static let payloads = ["javascript:alert(1)", "JAVASCRIPT:alert(2)", "java\\tscript:alert(3)", "&#106;avascript:alert(4)",
                           "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(5)"]

    @Test func noPayloadReachesAnyOutputFile() throws {
        var authors = ""
        var posts: [String: String] = [:]
        for (n, payload) in Self.payloads.enumerated() {
            authors += "[a\(n)]\nname = \"A\(n)\"\nurl = \"\(payload)\"\nimage_url = \"\(payload)\"\n[a\(n).socials]\nweb = \"\(payload)\"\ngithub = \"a\(n)\"\n\n"
            posts["content/posts/p\(n).md"] = """
            +++
            title = "P\(n)"
            date = 2024-01-0\(n + 1)
            authors = ["a\(n)", { name = "Inline \(n)", url = "\(payload)", image_url = "\(payload)" }]
            +++
            Body \(n).
            """
        }
        posts["data/authors.toml"] = authors
        let root = Fixtures.makeSite(posts)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics.filter(\.isError))")
        let warnings = result.diagnostics.filter { $0.message.contains("is not an http, https, mailto or relative URL") }
        // Per payload: url, image_url and a social in data/authors.toml, url and image_url inline.
        #expect(warnings.count == Self.payloads.count * 5, "\(warnings)")
        #expect(warnings.allSatisfy { $0.location != nil && $0.location!.line > 1 })
        #expect(Set(warnings.compactMap(\.location?.path)) == Set(["data/authors.toml"] + (0..<Self.payloads.count).map { "content/posts/p\($0).md" }))

        let bad = ["javascript:", "JAVASCRIPT:", "java\tscript", "&#106;avascript", "&amp;#106;avascript", "data:text/html", "vbscript:"]
        var checked = 0
        for file in result.files where file.path.hasSuffix(".html") || file.path.hasSuffix(".xml") {
            let text = String(decoding: Fixtures.bytes(of: file), as: UTF8.self)
            for payload in bad { #expect(!text.contains(payload), "\(payload) in \(file.path)") }
            checked += 1
        }
        #expect(checked > 20)
        // The author page still shows the safe social link.
        #expect(Fixtures.text(result, "zh-hans/authors/a0/index.html")?.contains("https://github.com/a0") == true)
    }

    @Test func aScriptBaseURLFromTheCommandLineIsIgnored() {
        let root = Fixtures.makeSite(["content/posts/p.md": "---\ntitle: P\ndate: 2024-01-01\n---\nBody\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root, baseURL: "javascript:alert(1)//")
        #expect(!result.failed)
        #expect(result.diagnostics.contains { $0.message.hasPrefix("ignoring the base URL given") })
        #expect(result.files.allSatisfy { !String(decoding: Fixtures.bytes(of: $0), as: UTF8.self).contains("javascript:") })
    }

    @Test func feedChannelDescriptionIsEscapedAsItemsAre() throws {
        let siteToml = Fixtures.defaultSiteToml + "\ndescription = \"Notes <b>&</b> minutes\"\n"
        let root = Fixtures.makeSite([
            "content/posts/p.en.md": "---\ntitle: P\ndate: 2024-01-01\nsummary: \"Item <b>&</b> text\"\n---\nBody\n",
        ], siteToml: siteToml)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let feed = try #require(Fixtures.text(result, "en/index.xml"))
        // HTML in the feed, escaped for XML: the reader shows the text with its brackets.
        #expect(feed.contains("<description>Notes &amp;lt;b&amp;gt;&amp;amp;&amp;lt;/b&amp;gt; minutes</description>"), "\(feed)")
        #expect(feed.contains("<description>Item &amp;lt;b&amp;gt;&amp;amp;&amp;lt;/b&amp;gt; text</description>"), "\(feed)")
    }
}
