import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

/// Every place a URL is read from configuration or front matter keeps only http, https,
/// mailto and relative URLs, and names the file, line and column of each one dropped.
@Suite struct URLInjectionTests {
    /// Payloads as TOML and YAML double-quoted strings write them (`\t` is a tab).
    static let payloads = [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\\tscript:alert(1)", "&#106;avascript:alert(1)",
        "&#x6A;avascript&colon;alert(1)", " javascript:alert(1)", "\\u0001javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)", "VBScript:msgbox(1)",
    ]

    @Test(arguments: [
        ("javascript:alert(1)", "javascript"), ("JAVASCRIPT:alert(1)", "javascript"), ("java\tscript:x", "javascript"),
        ("java\nscript:x", "javascript"), ("\u{1} \u{1F}javascript:x", "javascript"), ("&#106;avascript:x", "javascript"),
        ("&#x6a;avascript:x", "javascript"), ("&#0106avascript:x", "javascript"), ("javascript&colon;x", "javascript"),
        ("java&Tab;script:x", "javascript"), ("data:text/html,x", "data"), ("vbscript:x", "vbscript"),
        ("https://x.org/", "https"), ("HTTP://x.org", "http"), ("mailto:a@b.org", "mailto"), ("a+b-c.d:x", "a+b-c.d"),
    ])
    func schemesAreReadAsBrowsersReadThem(url: String, scheme: String) {
        #expect(URLSafety.scheme(of: url) == scheme)
    }

    @Test(arguments: ["/img/a.png", "img/a.png", "../a/", "#top", "?q=1", "//cdn.example.org/a.png", "", "服务:治理/", "1a:b",
                      "a b:c", "/x?u=javascript:alert(1)", "./javascript:alert(1)", "&amp;javascript:x"])
    func relativeURLsHaveNoScheme(url: String) {
        #expect(URLSafety.scheme(of: url) == nil)
        #expect(URLSafety.isAllowedLink(url))
    }

    @Test func onlyHTTPHTTPSAndMailtoAreAllowedLinks() {
        for url in ["https://x.org", "http://x.org", "mailto:a@b.org", "HTTPS://X.ORG"] { #expect(URLSafety.isAllowedLink(url), "\(url)") }
        for url in ["javascript:x", "data:image/png;base64,AA", "vbscript:x", "file:///etc/passwd", "ftp://x", "tel:1"] {
            #expect(!URLSafety.isAllowedLink(url), "\(url)")
        }
    }

    @Test func dangerousURLsInRawHTML() {
        for url in ["javascript:x", "  JaVaScRiPt:x", "java\tscript:x", "&#106;avascript:x", "vbscript:x", "file:///etc/passwd",
                    "data:text/html,<script>", "data:image/svg+xml,<svg onload=alert(1)>", "livescript:x"] {
            #expect(URLSafety.isDangerous(url), "\(url)")
        }
        for url in ["https://x.org", "/a", "tel:123", "mailto:a@b", "data:image/png;base64,AAAA", "DATA:image/jpeg;base64,AA", "#x"] {
            #expect(!URLSafety.isDangerous(url), "\(url)")
        }
    }

    @Test(arguments: URLInjectionTests.payloads)
    func authorsTOMLDropsEachURLField(payload: String) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("data/authors.toml", """
        [li]
        name = "Li"
        url = "\(payload)"
        image_url = "\(payload)"
        [li.socials]
        github = "lisi"
        home = "\(payload)"
        [wang]
        name = "Wang"
        avatar = "\(payload)"
        url = "https://wang.example.org/"
        """)
        let (registry, diagnostics) = DataLoader.loadAuthors(siteRoot: site.root)
        let li = try #require(registry.profile(for: "li"))
        #expect(li.url == nil)
        #expect(li.imageURL == nil)
        #expect(li.socials == [.init(network: "github", handle: "lisi")])
        let wang = try #require(registry.profile(for: "wang"))
        #expect(wang.imageURL == nil)
        #expect(wang.url == "https://wang.example.org/")
        #expect(diagnostics.map(\.location?.description) == [
            "data/authors.toml:3:1", "data/authors.toml:4:1", "data/authors.toml:7:1", "data/authors.toml:10:1",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("not an http, https, mailto or relative URL") })
        #expect(diagnostics.first?.message.hasPrefix("ignoring 'li.url': ") == true)
    }

    @Test(arguments: URLInjectionTests.payloads)
    func authorsYAMLDropsEachURLField(payload: String) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let yamlPayload = payload.replacingOccurrences(of: "\\u0001", with: "\\x01")
        try site.write("data/authors.yml", """
        li:
          name: Li
          url: "\(yamlPayload)"
          image_url: "\(yamlPayload)"
          socials:
            github: lisi
            x: "\(yamlPayload)"
        """)
        let (registry, diagnostics) = DataLoader.loadAuthors(siteRoot: site.root)
        let li = try #require(registry.profile(for: "li"))
        #expect(li.url == nil)
        #expect(li.imageURL == nil)
        #expect(li.socials == [.init(network: "github", handle: "lisi")])
        #expect(diagnostics.map(\.location?.description) == ["data/authors.yml:3:8", "data/authors.yml:4:14", "data/authors.yml:7:8"])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func safeProfilesKeepTheirURLs() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("data/authors.yml", """
        li:
          name: Li
          url: mailto:li@example.org
          image_url: /img/li.png
          socials:
            github: lisi
            mastodon: https://social.example/@li
        """)
        let (registry, diagnostics) = DataLoader.loadAuthors(siteRoot: site.root)
        #expect(diagnostics.isEmpty)
        let li = try #require(registry.profile(for: "li"))
        #expect(li.url == "mailto:li@example.org")
        #expect(li.imageURL == "/img/li.png")
        #expect(li.socials.count == 2)
    }

    @Test(arguments: URLInjectionTests.payloads)
    func inlineAuthorsInYAMLFrontMatter(payload: String) throws {
        let yamlPayload = payload.replacingOccurrences(of: "\\u0001", with: "\\x01")
        let result = FrontMatterFixture.parse("""
        ---
        title: Post
        authors:
          - name: Wang Fang
            url: "\(yamlPayload)"
            image_url: "\(yamlPayload)"
        ---
        body
        """)
        let author = try #require(result.document?.metadata.authors.first?.inlineProfile)
        #expect(author.name == "Wang Fang")
        #expect(author.url == nil)
        #expect(author.imageURL == nil)
        #expect(result.diagnostics.map(\.description).map { String($0.prefix(30)) } == [
            "content/posts/a.md:5:10: warni", "content/posts/a.md:6:16: warni",
        ])
    }

    @Test(arguments: URLInjectionTests.payloads)
    func inlineAuthorsInTOMLFrontMatter(payload: String) throws {
        let result = FrontMatterFixture.parse("""
        +++
        title = "Post"
        authors = [{ name = "Li Si", url = "\(payload)", imageURL = "\(payload)" }]
        +++
        body
        """)
        let author = try #require(result.document?.metadata.authors.first?.inlineProfile)
        #expect(author.url == nil)
        #expect(author.imageURL == nil)
        #expect(result.diagnostics.count == 2)
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning && $0.location?.line == 3 && $0.location?.path == "content/posts/a.md" })
    }

    @Test(arguments: URLInjectionTests.payloads)
    func baseURLInSiteToml(payload: String) {
        let (config, diagnostics) = SiteConfigLoader.parse("title = \"t\"\nbaseURL = \"\(payload)\"\n")
        #expect(config?.baseURL == "/")
        #expect(diagnostics.map(\.description).first?.hasPrefix("site.toml:2:1: warning: ignoring 'baseURL': ") == true, "\(diagnostics)")
    }
}
