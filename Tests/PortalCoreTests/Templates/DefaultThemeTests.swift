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
    /// by the search page only, under 6 KB compressed), nothing fetched from elsewhere.
    /// The size of `text` compressed by `gzip -9`, as a static host serves it.
    static func gzippedSize(_ text: String) -> Int? {
        guard let gzip = ["/usr/bin/gzip", "/bin/gzip"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gzip)
        process.arguments = ["-9c"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data.count : nil
    }

    @Test func themeHasNoScriptsOrExternalResourcesAndSmallCSS() {
        let css = DefaultTheme.files.filter { $0.0.hasSuffix(".css") }
        #expect(!css.isEmpty)
        #expect(css.reduce(0) { $0 + $1.1.utf8.count } < 32 * 1024)
        for (path, text) in DefaultTheme.files {
            let lower = text.lowercased()
            if path == "assets/search.js" {
                #expect(text.utf8.count < 20 * 1024)
                if let compressed = Self.gzippedSize(text) {
                    #expect(compressed < 6 * 1024, "search.js is \(compressed) bytes compressed")
                } else {
                    print("skipped: no gzip on this machine to measure search.js compressed")
                }
            } else if path == "partials/head.mustache" {
                // Structured data only: JSON, never run.
                #expect(lower.components(separatedBy: "<script").count == 2)
                #expect(lower.contains("<script type=\"application/ld+json\">"))
            } else if path == "assets/code.js" {
                // The copy button: small, and only added by script (the code reads without it).
                #expect(text.utf8.count < 3 * 1024)
                #expect(!lower.contains("innerhtml"))
            } else if path == "assets/meeting-time.js" {
                // The reader's own time beside a meeting's: small, text only, added by script.
                #expect(text.utf8.count < 2 * 1024)
                #expect(!lower.contains("innerhtml"))
            } else if path == "base.mustache" {
                // The copy button's script, on pages with code only; KaTeX, on pages with
                // math only; the Mermaid module, on pages with a diagram only; the last two
                // from the URLs site.toml gives; the meeting time script, on pages showing meetings only.
                #expect(lower.components(separatedBy: "<script").count == 8)
                #expect(text.contains("{{#page.meeting}}\n<script src=\"{{site.assets}}meeting-time.js\" defer"))
                #expect(text.contains("{{#meetings}}\n<script src=\"{{site.assets}}meeting-time.js\" defer"))
                #expect(text.contains("{{#page.math}}\n<link rel=\"stylesheet\" href=\"{{page.math}}katex.min.css\">"))
                #expect(text.contains("{{#page.code}}\n<script src=\"{{site.assets}}code.js\" defer"))
                #expect(text.contains("{{#page.mermaid}}\n<script type=\"module\">import mermaid from \"{{page.mermaid}}\";"))
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

/// Meta descriptions made from a page's summary, and Open Graph locales.
@Suite struct ShareMetadataTests {
    @Test func descriptionIsOneLineCutAtAWord() {
        let words = String(repeating: "Lantern routes traffic between services. ", count: 8)
        let description = ContextBuilder.plainDescription("<p>" + words + "</p>\n<ul>\n<li>item</li>\n</ul>\n")
        #expect(description.count <= 160)
        #expect(description.hasSuffix("between…") || description.hasSuffix("services…") || description.hasSuffix("Lantern…")
            || description.hasSuffix("routes…") || description.hasSuffix("traffic…"), "\(description)")
        #expect(!description.contains("\n"))
        #expect(ContextBuilder.plainDescription("<p>短的摘要。</p>\n") == "短的摘要。")
        let chinese = ContextBuilder.plainDescription("<p>" + String(repeating: "服务网格", count: 60) + "</p>")
        #expect(chinese.count == 160 && chinese.hasSuffix("…"))
    }

    @Test(arguments: [("zh-Hans", "zh_CN"), ("zh-CN", "zh_CN"), ("zh-TW", "zh_TW"), ("zh-Hant", "zh_TW"), ("zh-HK", "zh_HK"),
                      ("en", "en_US"), ("en-GB", "en_GB"), ("ja", "ja_JP"), ("pt_BR", "pt_BR")])
    func openGraphLocale(locale: String, expected: String) {
        #expect(ContextBuilder.openGraphLocale(LanguageConfig(code: "x", name: "X", title: "", locale: locale)) == expected)
    }
}
