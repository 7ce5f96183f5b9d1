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

@Suite struct SiteConfigLoaderTests {
    static let full = """
    title = "Community"
    baseURL = "https://org.github.io/portal"
    defaultLanguage = "zh-hans"
    timeZone = "Asia/Shanghai"
    pageSize = 7

    [languages.en]
    name = "English"
    title = "Community portal"
    description = "News"
    weight = 2

    [languages.zh-Hans]
    name = "简体中文"
    title = "社区门户"
    locale = "zh_Hans"

    [languages.fr]
    name = "Français"
    title = "Portail"
    weight = 1

    [markdown]
    unsafe = true
    tocMinHeadings = 3

    [feed]
    fullContent = true
    limit = 0

    [chinese]
    summaryCharacters = 80
    summaryWords = 30
    joinLines = false
    friendlyEmphasis = false
    slugStyle = "pinyin"
    fallback = true
    charactersPerMinute = 400
    wordsPerMinute = 250

    [params]
    github = "https://github.com/org"
    year = 2024
    since = 2021-12-23
    [params.social]
    zeta = 1
    alpha = 2
    """

    @Test func readsEveryKey() throws {
        let (config, diagnostics) = SiteConfigLoader.parse(Self.full)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let site = try #require(config)
        #expect(site.title == "Community")
        #expect(site.baseURL == "https://org.github.io/portal/")
        #expect(site.basePath == "/portal/")
        #expect(site.defaultLanguage == "zh-Hans")
        #expect(site.timeZone.identifier == "Asia/Shanghai")
        #expect(site.pageSize == 7)
        #expect(site.languages.map(\.code) == ["zh-Hans", "fr", "en"])
        #expect(site.languages[0].locale == "zh_Hans")
        #expect(site.languages[2].locale == "en")
        #expect(site.languages[2].description == "News")
        #expect(site.markdown == MarkdownOptions(unsafe: true, tocMinHeadings: 3))
        #expect(site.feed == FeedOptions(fullContent: true, limit: 0))
        #expect(site.chinese == ChineseOptions(
            summaryCharacters: 80, summaryWords: 30, joinLines: false, friendlyEmphasis: false,
            slugStyle: .pinyin, fallback: true, charactersPerMinute: 400, wordsPerMinute: 250))
        #expect(site.params["github"] == .string("https://github.com/org"))
        #expect(site.params["year"] == .int(2024))
        // Keys keep the order they are written in, not toml++'s sorted order.
        #expect(site.params["social"] == .table([(key: "zeta", value: .int(1)), (key: "alpha", value: .int(2))]))
        // A bare date is midnight in the site's zone.
        guard case let .date(since, hasTime)? = site.params["since"] else {
            Issue.record("since is not a date")
            return
        }
        #expect(hasTime == false)
        #expect(since == Date(timeIntervalSince1970: 1_640_188_800))
    }

    @Test func defaultsWithoutLanguages() throws {
        let (config, diagnostics) = SiteConfigLoader.parse("title = \"x\"\n")
        #expect(diagnostics.isEmpty)
        let site = try #require(config)
        #expect(site.defaultLanguage == "en")
        #expect(site.languages.map(\.code) == ["en"])
        #expect(site.pageSize == 10)
        #expect(site.timeZone.secondsFromGMT() == 0)
    }

    @Test func defaultLanguageWithoutLanguagesIsTheOnlyLanguage() throws {
        let (config, _) = SiteConfigLoader.parse("defaultLanguage = \"zh-Hans\"\n")
        #expect(try #require(config).languages.map(\.code) == ["zh-Hans"])
    }

    @Test func missingDefaultLanguageIsFirstByCode() throws {
        let text = """
        [languages.zh-Hans]
        name = "简体中文"
        [languages.en]
        name = "English"
        weight = 5
        """
        let (config, diagnostics) = SiteConfigLoader.parse(text)
        #expect(diagnostics.isEmpty)
        let site = try #require(config)
        #expect(site.defaultLanguage == "en")
        #expect(site.languages.map(\.code) == ["en", "zh-Hans"])
        #expect(site.languages[1].title == "portal")
    }

    @Test func defaultLanguageNotConfiguredIsAnError() {
        let text = """
        title = "x"
        defaultLanguage = "de"
        [languages.en]
        name = "English"
        """
        let (config, diagnostics) = SiteConfigLoader.parse(text)
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == [
            "site.toml:2:1: error: 'defaultLanguage' is 'de', which is not among the languages ('en')",
        ])
    }

    @Test func unknownKeysAreWarningsAtTheirLines() throws {
        let text = """
        title = "x"
        paginate = 5

        [markdown]
        unsafe = false
          smartypants = true
        [languages.en]
        name = "English"
        languageName = "English"
        [outputs]
        home = ["html"]
        """
        let (config, diagnostics) = SiteConfigLoader.parse(text)
        #expect(config != nil)
        #expect(diagnostics.map(\.description) == [
            "site.toml:2:1: warning: unknown key 'paginate' (did you mean 'pageSize'?)",
            "site.toml:6:3: warning: unknown key 'markdown.smartypants'",
            "site.toml:9:1: warning: unknown key 'languages.en.languageName' (did you mean 'name'?)",
            "site.toml:10:1: warning: unknown key 'outputs'",
        ])
    }

    @Test func wrongTypesNameTheKey() {
        let text = """
        title = 3
        pageSize = "ten"
        [chinese]
        joinLines = "yes"
        slugStyle = "ascii"
        [languages]
        en = "English"
        """
        let (config, diagnostics) = SiteConfigLoader.parse(text)
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == [
            "site.toml:1:1: error: 'title' must be a string, not an integer",
            "site.toml:2:1: error: 'pageSize' must be an integer, not a string",
            "site.toml:4:1: error: 'chinese.joinLines' must be true or false, not a string",
            "site.toml:5:1: error: 'chinese.slugStyle' must be 'unicode' or 'pinyin', not 'ascii'",
            "site.toml:7:1: error: 'languages.en' must be a table, not a string",
        ])
    }

    @Test func pageSizeMustBePositive() {
        let (config, diagnostics) = SiteConfigLoader.parse("\npageSize = 0\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == ["site.toml:2:1: error: 'pageSize' must be at least 1, not 0"])
    }

    @Test func invalidTimeZoneIsLocated() {
        let (config, diagnostics) = SiteConfigLoader.parse("title = \"x\"\ntimeZone = \"Mars/Olympus\"\n")
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == SourceLocation(path: "site.toml", line: 2, column: 1))
        #expect(diagnostics.first?.message.contains("Mars/Olympus") == true)
    }

    @Test func utcIsAValidZone() throws {
        let (config, diagnostics) = SiteConfigLoader.parse("timeZone = \"UTC\"\n")
        #expect(diagnostics.isEmpty)
        #expect(try #require(config).timeZone.secondsFromGMT() == 0)
    }

    @Test func invalidTOMLIsLocated() {
        let (config, diagnostics) = SiteConfigLoader.parse("title = \"x\"\nbaseURL = \n", path: "site.toml")
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        let first = diagnostics.first?.description ?? ""
        #expect(first.hasPrefix("site.toml:2:"))
        #expect(first.contains("error: invalid TOML: "))
    }

    @Test func nulByteIsRejected() {
        let (config, diagnostics) = SiteConfigLoader.parse("title = \"x\"\n\u{0}pageSize = 0\n")
        #expect(config == nil)
        #expect(diagnostics.first?.description.hasPrefix("site.toml:2:1: error: invalid TOML") == true)
    }

    @Test func languageCodesDifferingInCaseAreAnError() {
        let text = """
        [languages.en]
        name = "English"
        [languages.EN]
        name = "English"
        """
        let (config, diagnostics) = SiteConfigLoader.parse(text)
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == ["site.toml:3:1: error: languages 'en' and 'EN' differ only in case"])
    }

    @Test func missingFileIsAnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("portal-cfg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (config, diagnostics) = SiteConfigLoader.load(siteRoot: dir)
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == ["error: no site.toml in \(dir)"])
    }

    @Test func benchmarkSiteTOMLLoadsCleanly() throws {
        // The same text gen_corpus.py writes.
        let text = """
        # Generated by gen_corpus.py -- bilingual community portal (benchmark corpus)
        title = "Community Portal"
        baseURL = "https://portal.example.org/"
        defaultLanguage = "zh-Hans"
        timeZone = "Asia/Shanghai"
        pageSize = 10

        [languages.zh-Hans]
        name = "简体中文"
        title = "社区门户"

        [languages.en]
        name = "English"
        title = "Community Portal"
        """
        let (config, diagnostics) = SiteConfigLoader.parse(text)
        #expect(diagnostics.isEmpty)
        #expect(try #require(config).languages.map(\.code) == ["zh-Hans", "en"])
    }

    @Test(.enabled(if: SharedFolder.hasSeeds, "needs ../shared/seeds beside the repository"))
    func seedSiteLoadsCleanly() throws {
        guard let root = TemporarySite.seedPath("site") else { return }
        let (config, diagnostics) = SiteConfigLoader.load(siteRoot: root)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let site = try #require(config)
        #expect(site.defaultLanguage == "zh-Hans")
        #expect(site.basePath == "/portal/")
    }

    @Test func contentFrontMatterFormat() {
        #expect(SiteConfigLoader.parse("title = \"x\"\n").config?.content.frontMatter == .toml)
        #expect(SiteConfigLoader.parse("[content]\nfrontMatter = \"yaml\"\n").config?.content.frontMatter == .yaml)
        let (config, diagnostics) = SiteConfigLoader.parse("title = \"x\"\n[content]\nfrontMatter = \"json\"\n")
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == [
            "site.toml:3:1: error: 'content.frontMatter' must be 'toml' or 'yaml', not 'json'",
        ])
    }
}
