import Foundation
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline
import Testing

@Suite struct DefaultThemeTests {
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates").path

    /// The theme built into the binary is byte for byte the repository's Templates/ folder.
    @Test func embeddedThemeMatchesTemplatesFolder() throws {
        let onDisk = Theme.files(under: Self.templates)
        #expect(DefaultTheme.files.map(\.0) == onDisk)
        for (path, text) in DefaultTheme.files {
            let disk = try String(contentsOfFile: Self.templates + "/" + path, encoding: .utf8)
            #expect(text == disk, "Templates/\(path) changed: run python3 scripts/embed-theme.py")
        }
    }

    /// A site without Templates/ builds with the built-in theme; every layout parses.
    @Test func builtInThemeLoadsWithoutASiteFolder() {
        let (theme, diagnostics) = Theme.load(siteRoot: "/nonexistent-site")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(theme?.assets.map(\.path).contains("style.css") == true)
        for layout in Theme.layouts { #expect(theme?.templates[layout] != nil, "\(layout)") }
        #expect(theme?.strings["zh-hans"]?["tags"] != nil)
        #expect(theme?.strings["en"]?["tags"] != nil)
    }

    /// The theme stays light and self-contained: CSS under 32 KB, one script (search, loaded
    /// by the search page only, under 16 KB before compression), nothing fetched from elsewhere.
    @Test func themeHasNoScriptsOrExternalResourcesAndSmallCSS() {
        let css = DefaultTheme.files.filter { $0.0.hasSuffix(".css") }
        #expect(!css.isEmpty)
        #expect(css.reduce(0) { $0 + $1.1.utf8.count } < 32 * 1024)
        for (path, text) in DefaultTheme.files {
            let lower = text.lowercased()
            if path == "assets/search.js" {
                #expect(text.utf8.count < 16 * 1024)
            } else if path == "search.mustache" {
                #expect(lower.components(separatedBy: "<script").count == 2)
                #expect(lower.contains("<script src=\"{{site.assets}}search.js\" defer></script>"))
            } else {
                #expect(!path.hasSuffix(".js") && !lower.contains("<script"), "\(path)")
            }
            #expect(!lower.contains("@import") && !lower.contains("url(http") && !lower.contains("url(\"http")
                && !lower.contains("url(//") && !lower.contains("src=\"http") && !lower.contains("href=\"http"), "\(path)")
        }
    }
}
