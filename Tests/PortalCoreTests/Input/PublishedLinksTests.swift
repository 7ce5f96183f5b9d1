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

/// Symbolic links in `content/`, `static/` and `Templates/` publish nothing private:
/// not `site.toml`, not `data/`, no hidden file, nothing outside the site.
@Suite struct PublishedLinksTests {
    @Test func linksToPrivateFilesAreSkippedWithAWarningNamingTheLink() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("site.toml", "title = \"t\"\n")
        try site.write("data/authors.toml", "[li]\nname = \"Li\"\n")
        try site.write(".env", "SECRET=1\n")
        try site.write("shared/logo.png", "png\n")
        try site.write("shared/.env", "SECRET=2\n")
        try site.write("static/ok.txt", "ok\n")
        try site.write("content/a.md", "a\n")
        let fm = FileManager.default
        let links = [
            "static/cfg.txt": "../site.toml", "static/authors.txt": "../data/authors.toml", "static/data": "../data",
            "static/env.txt": "../.env", "static/all": "..", "static/logo.png": "../shared/logo.png", "static/shared": "../shared",
            "content/site.md": "../site.toml",
        ]
        for (link, target) in links {
            try fm.createSymbolicLink(atPath: site.root + "/" + link, withDestinationPath: target)
        }
        let scan = ContentScanner.scan(siteRoot: site.root, config: ContentScannerTests.config)
        #expect(scan.sources.map(\.contentPath) == ["a.md"])
        #expect(scan.assets.map(\.relativePath) == ["logo.png", "ok.txt", "shared/logo.png"])
        let warned = scan.diagnostics.filter { $0.severity == .warning }.compactMap(\.location?.path)
        #expect(warned == ["content/site.md", "static/all", "static/authors.txt", "static/cfg.txt", "static/data", "static/env.txt",
                           "static/shared/.env"], "\(scan.diagnostics)")
        let cfg = scan.diagnostics.first { $0.location?.path == "static/cfg.txt" }
        #expect(cfg?.message == "symbolic link points to site.toml; skipped")
    }

    @Test func refusalsByTarget() {
        let root = "/srv/site"
        #expect(PublishedLinks.refusal(target: "/srv/site/static/a.png", realSiteRoot: root) == nil)
        #expect(PublishedLinks.refusal(target: "/srv/site/shared/a.png", realSiteRoot: root) == nil)
        #expect(PublishedLinks.refusal(target: "/srv/site/data.png", realSiteRoot: root) == nil)
        #expect(PublishedLinks.refusal(target: "/srv/site/site.toml", realSiteRoot: root) != nil)
        #expect(PublishedLinks.refusal(target: "/srv/site/data/authors.toml", realSiteRoot: root) != nil)
        #expect(PublishedLinks.refusal(target: "/srv/site/.git/config", realSiteRoot: root) != nil)
        #expect(PublishedLinks.refusal(target: "/srv/site/a/.env", realSiteRoot: root) != nil)
        #expect(PublishedLinks.refusal(target: "/srv/site", realSiteRoot: root) != nil)
        #expect(PublishedLinks.refusal(target: "/srv/site2/a.png", realSiteRoot: root) != nil)
        #expect(PublishedLinks.refusal(target: "/etc/passwd", realSiteRoot: root + "/") != nil)
    }

    @Test func themeFilesLinkedToPrivateFilesAreSkipped() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("site.toml", "title = \"t\"\n")
        try site.write("Templates/assets/extra.css", "body{}\n")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/Templates/assets/cfg.css", withDestinationPath: "../../site.toml")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/Templates/assets/passwd.css", withDestinationPath: "/etc/passwd")
        let (theme, diagnostics) = Theme.load(siteRoot: site.root)
        let paths = theme?.assets.map(\.path) ?? []
        #expect(paths.contains("extra.css"))
        #expect(!paths.contains("cfg.css"))
        #expect(!paths.contains("passwd.css"))
        #expect(diagnostics.compactMap(\.location?.path).sorted() == ["Templates/assets/cfg.css", "Templates/assets/passwd.css"])
    }
}
