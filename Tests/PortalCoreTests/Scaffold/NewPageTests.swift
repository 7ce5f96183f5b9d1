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

@Suite struct NewPageTests {
    static let config: SiteConfig = {
        let text = """
            defaultLanguage = "zh-Hans"
            timeZone = "Asia/Shanghai"
            [languages.zh-Hans]
            name = "简体中文"
            [languages.en]
            name = "English"
            """
        return SiteConfigLoader.parse(text).config ?? SiteConfig()
    }()

    /// 2026-03-01T20:00:00Z: already 2 March in Shanghai.
    static let now = Date(timeIntervalSince1970: 1_772_395_200)

    static func plan(
        _ path: String, lang: String? = nil, title: String? = nil, draft: Bool = true,
        format: ContentOptions.FrontMatterFormat = .toml, layout: LanguageLayout = .suffix
    ) throws -> NewPage {
        var config = Self.config
        config.content.frontMatter = format
        return try NewPage.plan(
            NewPage.Request(path: path, language: lang, title: title, draft: draft), config: config, layout: layout, now: now)
    }

    @Test func tomlByDefaultWithTitleFromNameAndTodayInTheSiteZone() throws {
        let page = try Self.plan("posts/2026-03-02-launch-day.md")
        #expect(page.contentPath == "posts/2026-03-02-launch-day.md")
        #expect(page.text == "+++\ntitle = \"Launch Day\"\ndate = 2026-03-02\ndraft = true\n+++\n\n")
    }

    @Test func aDatedNameDatesThePage() throws {
        // Minutes written ahead or after the meeting carry the meeting's day, not today's.
        #expect(try Self.plan("meetings/2026-12-05-weekly.md").text.contains("date = 2026-12-05\n"))
        #expect(try Self.plan("meetings/2025-01-16-freeze/index.md").text.contains("date = 2025-01-16\n"))
        #expect(try Self.plan("meetings/weekly.md").text.contains("date = 2026-03-02\n"))
    }

    @Test func yamlWhenTheSiteSaysSo() throws {
        let page = try Self.plan("meetings/weekly_sync", title: "周会 \"纪要\" \\ 1", draft: false, format: .yaml)
        #expect(page.contentPath == "meetings/weekly_sync.md")
        #expect(page.text == "---\ntitle: \"周会 \\\"纪要\\\" \\\\ 1\"\ndate: 2026-03-02\ndraft: false\n---\n\n")
    }

    @Test func bothFormatsReadBackAsWritten() throws {
        for format in [ContentOptions.FrontMatterFormat.toml, .yaml] {
            let page = try Self.plan("posts/a.md", title: "A \"quoted\" \\ title: #1", format: format)
            let source = SourceFile(absolutePath: "/x", sitePath: "content/posts/a.md", contentPath: "posts/a.md", language: "zh-Hans", translationPath: "posts/a")
            let (document, diagnostics) = DocumentParser(timeZone: Self.config.timeZone).parse(Array(page.text.utf8), source: source)
            #expect(diagnostics.isEmpty)
            #expect(document?.metadata.title == "A \"quoted\" \\ title: #1")
            #expect(document?.metadata.draft == true)
            #expect(document?.metadata.date == FrontMatterDate.make(year: 2026, month: 3, day: 2, timeZone: Self.config.timeZone))
        }
    }

    @Test func languageSuffixOrFolder() throws {
        #expect(try Self.plan("posts/launch.md", lang: "en").contentPath == "posts/launch.en.md")
        #expect(try Self.plan("posts/launch.md", lang: "ZH-hans").contentPath == "posts/launch.zh-hans.md")
        #expect(try Self.plan("blog/x/index.md", lang: "en").contentPath == "blog/x/index.en.md")
        #expect(try Self.plan("blog/x/index.md", lang: "en").text.contains("title = \"X\""))
        let folders = LanguageLayout.folders(["en": "en", "zh-Hans": "zh-hans"])
        #expect(try Self.plan("posts/launch.md", lang: "en", layout: folders).contentPath == "en/posts/launch.md")
        #expect(try Self.plan("posts/launch.md", layout: folders).contentPath == "zh-hans/posts/launch.md")
        // A path that already names its language keeps it.
        #expect(try Self.plan("posts/launch.en.md", layout: folders).contentPath == "posts/launch.en.md")
        #expect(try Self.plan("content/en/posts/launch.md", lang: "en", layout: folders).contentPath == "en/posts/launch.md")
        #expect(try Self.plan("posts/launch.en.md").text.contains("title = \"Launch\""))
    }

    @Test func refusesBadPathsAndLanguages() {
        #expect(throws: NewPageError.usage("'../x.md' leads outside content/")) { try Self.plan("../x.md") }
        #expect(throws: NewPageError.usage("'posts/../../x.md' leads outside content/")) { try Self.plan("posts/../../x.md") }
        #expect(throws: NewPageError.usage("'/etc/x.md' must be a path inside content/, such as posts/launch.md")) {
            try Self.plan("/etc/x.md")
        }
        #expect(throws: NewPageError.usage("unknown language 'fr': the site has zh-Hans, en")) { try Self.plan("a.md", lang: "fr") }
        #expect(throws: NewPageError.usage("'a.en.md' is already a page in 'en', not 'zh-Hans'")) {
            try Self.plan("a.en.md", lang: "zh-hans")
        }
        #expect(throws: NewPageError.self) { try Self.plan("posts/.hidden.md") }
    }

    @Test func createWritesFoldersAndNeverOverwrites() throws {
        let root = NSTemporaryDirectory() + "portal-new-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "[content]\nfrontMatter = \"yaml\"\n".write(toFile: root + "/site.toml", atomically: false, encoding: .utf8)
        let request = NewPage.Request(path: "events/2026/meetup.md", title: "Meetup")
        #expect(try NewPage.create(request, siteRoot: root, now: Self.now) == "content/events/2026/meetup.md")
        let text = try String(contentsOfFile: root + "/content/events/2026/meetup.md", encoding: .utf8)
        #expect(text == "---\ntitle: \"Meetup\"\ndate: 2026-03-01\ndraft: true\n---\n\n")
        try "kept".write(toFile: root + "/content/events/2026/meetup.md", atomically: false, encoding: .utf8)
        #expect(throws: NewPageError.site(.error(
            "the file already exists; portal new never overwrites a file", at: SourceLocation(path: "content/events/2026/meetup.md")))) {
            try NewPage.create(request, siteRoot: root, now: Self.now)
        }
        #expect(try String(contentsOfFile: root + "/content/events/2026/meetup.md", encoding: .utf8) == "kept")
    }

    @Test func detectsLanguageFolders() throws {
        let root = NSTemporaryDirectory() + "portal-new-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/content/EN/posts", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/content/posts", withIntermediateDirectories: true)
        #expect(LanguageLayout.detect(siteRoot: root, config: Self.config) == .folders(["en": "EN"]))
        try FileManager.default.removeItem(atPath: root + "/content/EN")
        #expect(LanguageLayout.detect(siteRoot: root, config: Self.config) == .suffix)
    }
}
