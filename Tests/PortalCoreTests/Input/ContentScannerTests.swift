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

@Suite struct ContentScannerTests {
    static let config = SiteConfig(
        defaultLanguage: "zh-Hans",
        languages: [
            LanguageConfig(code: "zh-Hans", name: "简体中文", title: "门户"),
            LanguageConfig(code: "en", name: "English", title: "Portal"),
        ]
    )

    static func makeSite(_ files: [String]) throws -> TemporarySite {
        let site = try TemporarySite()
        for file in files { try site.write(file, "x\n") }
        return site
    }

    @Test func languagesFromSuffixFolderAndDefault() throws {
        let site = try Self.makeSite([
            "content/posts/a.zh-hans.md",
            "content/posts/a.EN.md",
            "content/posts/b.md",
            "content/en/posts/x/index.md",
            "content/ZH-HANS/posts/x/index.markdown",
            "content/_index.md",
            "content/_index.en.md",
            "content/imported/old.txt",
            "content/posts/v1.2.md",
        ])
        defer { site.remove() }
        let scan = ContentScanner.scan(siteRoot: site.root, config: Self.config)
        #expect(scan.diagnostics.isEmpty, "\(scan.diagnostics)")
        let summary = scan.sources.map { "\($0.contentPath) \($0.language) \($0.translationPath)" }
        #expect(summary == [
            "ZH-HANS/posts/x/index.markdown zh-Hans posts/x/index",
            "_index.en.md en _index",
            "_index.md zh-Hans _index",
            "en/posts/x/index.md en posts/x/index",
            "imported/old.txt zh-Hans imported/old",
            "posts/a.EN.md en posts/a",
            "posts/a.zh-hans.md zh-Hans posts/a",
            "posts/b.md zh-Hans posts/b",
            "posts/v1.2.md zh-Hans posts/v1.2",
        ])
        let plain = scan.sources.filter(\.isPlainText).map(\.contentPath)
        #expect(plain == ["imported/old.txt"])
        let first = try #require(scan.sources.first)
        #expect(first.sitePath == "content/ZH-HANS/posts/x/index.markdown")
        #expect(first.absolutePath == site.root + "/content/ZH-HANS/posts/x/index.markdown")
    }

    @Test func assetsFromContentAndStatic() throws {
        let site = try Self.makeSite([
            "content/posts/x/index.md",
            "content/posts/x/a.png",
            "content/en/posts/images/b.jpg",
            "content/docs/guide.pdf",
            "static/favicon.ico",
            "static/css/site.css",
            "static/.well-known/security.txt",
            "static/.DS_Store",
        ])
        defer { site.remove() }
        let scan = ContentScanner.scan(siteRoot: site.root, config: Self.config)
        #expect(scan.diagnostics.isEmpty)
        #expect(scan.sources.map(\.contentPath) == ["posts/x/index.md"])
        #expect(scan.assets.map { "\($0.fromContent ? "content" : "static") \($0.relativePath)" } == [
            "content docs/guide.pdf",
            "content en/posts/images/b.jpg",
            "content posts/x/a.png",
            "static .well-known/security.txt",
            "static css/site.css",
            "static favicon.ico",
        ])
        #expect(scan.assets.last?.absolutePath == site.root + "/static/favicon.ico")
    }

    @Test func skipsHiddenFilesAndEditorLeftovers() throws {
        let site = try Self.makeSite([
            "content/a.md",
            "content/.hidden.md",
            "content/.git/config",
            "content/.drafts/b.md",
            "content/a.md~",
            "content/.a.md.swp",
            "content/notes.swp",
            "content/#a.md#",
            "static/x.css~",
        ])
        defer { site.remove() }
        let scan = ContentScanner.scan(siteRoot: site.root, config: Self.config)
        #expect(scan.sources.map(\.contentPath) == ["a.md"])
        #expect(scan.assets.isEmpty)
    }

    @Test func symlinksInsideAreFollowedOutsideSkipped() throws {
        let site = try Self.makeSite(["content/a.md", "shared/b.md", "shared/img/c.png"])
        defer { site.remove() }
        let outside = try TemporarySite()
        defer { outside.remove() }
        try outside.write("secret.md", "x\n")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: site.root + "/content/b.md", withDestinationPath: site.root + "/shared/b.md")
        try fm.createSymbolicLink(atPath: site.root + "/content/img", withDestinationPath: "../shared/img")
        try fm.createSymbolicLink(atPath: site.root + "/content/secret.md", withDestinationPath: outside.root + "/secret.md")
        try fm.createSymbolicLink(atPath: site.root + "/content/loop", withDestinationPath: site.root + "/content")
        try fm.createSymbolicLink(atPath: site.root + "/content/broken.md", withDestinationPath: site.root + "/nothing.md")
        let scan = ContentScanner.scan(siteRoot: site.root, config: Self.config)
        #expect(scan.sources.map(\.contentPath) == ["a.md", "b.md"])
        #expect(scan.assets.map(\.relativePath) == ["img/c.png"])
        let warnings = scan.diagnostics.map { "\($0.location?.path ?? "") \($0.severity)" }
        #expect(warnings == ["content/broken.md warning", "content/loop warning", "content/secret.md warning"])
        #expect(scan.diagnostics.last?.message.contains("outside the site") == true)
    }

    @Test func missingContentFolderIsAWarning() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let scan = ContentScanner.scan(siteRoot: site.root, config: Self.config)
        #expect(scan.sources.isEmpty)
        #expect(scan.diagnostics.map(\.severity) == [.warning])
    }

    @Test func sortsInByteOrder() throws {
        let site = try Self.makeSite(["content/b.md", "content/B.md", "content/é.md", "content/z.md", "content/a/b.md"])
        defer { site.remove() }
        let scan = ContentScanner.scan(siteRoot: site.root, config: Self.config)
        #expect(scan.sources.map(\.contentPath) == ["B.md", "a/b.md", "b.md", "z.md", "é.md"])
    }

    @Test func suffixAndFolderDisagreeing() {
        let matcher = LanguageMatcher(config: Self.config)
        let resolved = matcher.resolve(contentPath: "en/posts/a.zh-hans.md")
        #expect(resolved.language == "zh-Hans")
        #expect(resolved.translationPath == "posts/a")
        #expect(resolved.conflict != nil)
        #expect(matcher.resolve(contentPath: "fr/a.de.md") == .init(language: "zh-Hans", translationPath: "fr/a.de", conflict: nil))
    }
}
