import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalPipeline

@Suite struct HugoImportTests {
    /// A bilingual Hugo site: Chinese at the root with its own content folder, a
    /// language whose code is not its folder's name, and the settings portal cannot use.
    static let configTOML = """
        baseURL = "https://example.org/"
        title = "Example"
        languageCode = "zh-CN"
        defaultContentLanguage = "zh"
        timeZone = "Asia/Shanghai"
        Paginate = 7
        theme = ["github.com/google/docsy"]
        enableGitInfo = true
        disableKinds = ["taxonomyTerm"]

        [params]
        description = "A site"
        github = "https://github.com/example"

        [permalinks]
        blog = "/:section/:year/:slug/"
        [permalinks.page]
        news = "/news/:slug/"
        [permalinks.section]
        news = "/all-news/"

        [taxonomies]
        tag = "tags"
        series = "series"

        [markup.goldmark.renderer]
        unsafe = true
        hardWraps = false

        [languages.zh]
        languageName = "中文"
        contentDir = "content/zh"
        weight = 1
        [[languages.zh.menu.main]]
        name = "博客"
        url = "/blog/"

        [languages.zh-cn]
        languageName = "简体中文"
        contentDir = "content/zh-hans"
        weight = 3

        [languages.en]
        languageName = "English"
        title = "Example site"
        contentDir = "content/en"
        weight = 2
        time_format_blog = "2006"
        [languages.en.params]
        description = "In English"
        footer = "x"

        [menu]
        [[menu.main]]
        name = "Blog"
        url = "/en/blog/"
        """

    static func makeSite(_ files: [String: String]) throws -> TemporarySite {
        let site = try TemporarySite()
        for (path, text) in files { try site.write(path, text) }
        return site
    }

    static func imported(_ site: TemporarySite) throws -> ImportedSite {
        let (found, diagnostics) = try SiteImporter.read(siteRoot: site.root)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return found
    }

    @Test func rootConfigMapsLanguagesPermalinksAndMarkdown() throws {
        let site = try Self.makeSite([
            "config.toml": Self.configTOML,
            "content/zh/docs/_index.md": "# 文档\n",
            "content/en/docs/_index.md": "# Docs\n",
            "content/zh-hans/_index.md": "# 首页\n",
        ])
        defer { site.remove() }
        let found = try Self.imported(site)
        #expect(found.generator == .hugo)
        #expect(found.configFiles == ["config.toml"])
        #expect(found.title == "Example")
        #expect(found.baseURL == "https://example.org/")
        #expect(found.defaultLanguage == "zh")
        #expect(found.defaultLanguageInSubdir == false)
        #expect(found.timeZone == "Asia/Shanghai")
        #expect(found.pageSize == 7)
        #expect(found.markdownUnsafe == true)
        #expect(found.orderedLanguages.map(\.code) == ["zh", "en", "zh-cn"])
        let zh = try #require(found.languages.first { $0.code == "zh" })
        #expect(zh.name == "中文")
        #expect(zh.locale == "zh-Hans")
        #expect(zh.contentDir == "content/zh")
        #expect(zh.description == "A site")
        let en = try #require(found.languages.first { $0.code == "en" })
        #expect(en.title == "Example site")
        #expect(en.description == "In English")
        #expect(en.locale == nil)
        let zhCN = try #require(found.languages.first { $0.code == "zh-cn" })
        #expect(zhCN.contentDir == "content/zh-hans")
        #expect(zhCN.locale == "zh-Hans")
        #expect(found.permalinks == [
            .init(section: "blog", pattern: "/:section/:year/:slug/"),
            .init(section: "news", pattern: "/news/:slug/"),
        ])
        #expect(found.sectionLayouts == ["docs": "docs"])

        let notes = found.notes.joined(separator: "\n")
        #expect(notes.contains("menu.main (1 entry)"))
        #expect(notes.contains("languages.zh.menu.main (1 entry)"))
        #expect(found.taxonomies == ["series": "series"])
        #expect(!notes.contains("taxonomies"))
        #expect(notes.contains("permalinks.section"))
        #expect(notes.contains("params not carried over (the theme's settings): github."))
        #expect(notes.contains("languages.en: time_format_blog"))
        #expect(notes.contains("languages.en.params: footer"))
        #expect(notes.contains("goldmark.renderer.hardWraps"))
        #expect(notes.contains("disableKinds, enableGitInfo"))
        #expect(notes.contains("theme github.com/google/docsy"))
    }

    @Test func writtenFileParsesAndKeepsCodesAsWritten() throws {
        let site = try Self.makeSite(["config.toml": Self.configTOML, "content/zh/a.md": "a\n"])
        defer { site.remove() }
        let result = try SiteImporter.run(siteRoot: site.root, output: nil, force: false, currentFolder: site.root)
        #expect(result.output == site.root + "/site.toml")
        let text = try String(contentsOfFile: result.output, encoding: .utf8)
        #expect(text == result.text)
        #expect(text.contains("[languages.zh-cn]\n"))
        #expect(text.contains("defaultLanguage = \"zh\"\n"))
        #expect(text.contains("timeZone = \"Asia/Shanghai\"\n"))
        #expect(text.contains("pageSize = 7\n"))
        #expect(text.contains("[permalinks]\nblog = \"/:section/:year/:slug/\"\nnews = \"/news/:slug/\"\n"))
        #expect(text.contains("[markdown]\nunsafe = true\n"))
        #expect(text.hasPrefix("# site.toml written by `portal import` from a Hugo site (config.toml).\n"))
        let (config, diagnostics) = SiteConfigLoader.parse(text, path: "import-hugo-\(UUID().uuidString)/site.toml")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let parsed = try #require(config)
        #expect(parsed.defaultLanguage == "zh")
        #expect(parsed.languages.map(\.code) == ["zh", "en", "zh-cn"])
        #expect(parsed.timeZone.identifier == "Asia/Shanghai")
        #expect(parsed.pageSize == 7)
        #expect(parsed.markdown.unsafe)
        #expect(text.contains("[taxonomies]\nseries = \"series\"\n"))
        #expect(parsed.taxonomies == [Taxonomy(singular: "series", plural: "series")])
    }

    @Test func configFolderMergesFilesUnderTheKeysTheirNamesGive() throws {
        let site = try Self.makeSite([
            "config/_default/hugo.yaml": """
                baseURL: https://docs.example.org/
                title: Folder site
                defaultContentLanguage: en
                defaultContentLanguageInSubdir: true
                pagination:
                  pagerSize: 12
                markup:
                  goldmark:
                    renderer:
                      unsafe: false
                """,
            "config/_default/languages.toml": """
                [en]
                languageName = "English"
                weight = 1
                [fr]
                languageName = "Français"
                weight = 2
                [fr.params]
                description = "Un site"
                """,
            "config/_default/params.json": #"{"description": "A site", "logo": "x.png", "dark": true}"#,
            "config/_default/menus.en.toml": "[[main]]\nname = \"Docs\"\n",
            "config/_default/permalinks.yml": "posts: /:year/:slug/\n",
            "content/en/a.md": "a\n",
        ])
        defer { site.remove() }
        let found = try Self.imported(site)
        #expect(found.configFiles == [
            "config/_default/hugo.yaml", "config/_default/languages.toml", "config/_default/menus.en.toml",
            "config/_default/params.json", "config/_default/permalinks.yml",
        ])
        #expect(found.title == "Folder site")
        #expect(found.defaultLanguageInSubdir)
        #expect(found.pageSize == 12)
        #expect(found.markdownUnsafe == false)
        #expect(found.orderedLanguages.map(\.code) == ["en", "fr"])
        #expect(found.languages.first { $0.code == "fr" }?.description == "Un site")
        #expect(found.languages.first { $0.code == "en" }?.description == "A site")
        #expect(found.permalinks == [.init(section: "posts", pattern: "/:year/:slug/")])
        let notes = found.notes.joined(separator: "\n")
        #expect(notes.contains("languages.en.menus.main (1 entry)"))
        #expect(notes.contains("params not carried over (the theme's settings): dark, logo."))
    }

    @Test func keyPathsOfConfigFolderFiles() {
        #expect(HugoImporter.keyPath(forConfigFile: "hugo.toml") == [])
        #expect(HugoImporter.keyPath(forConfigFile: "config/_default/config.toml") == [])
        #expect(HugoImporter.keyPath(forConfigFile: "config/_default/languages.toml") == ["languages"])
        #expect(HugoImporter.keyPath(forConfigFile: "config/_default/menus.zh.yaml") == ["languages", "zh", "menus"])
        #expect(HugoImporter.keyPath(forConfigFile: "config/_default/params.json") == ["params"])
    }

    @Test func singleLanguageSiteGetsOneLanguageAndModuleMounts() throws {
        let site = try Self.makeSite([
            "hugo.toml": """
                title = "Solo"
                baseURL = ""
                [[module.mounts]]
                source = "docs"
                target = "content/docs"
                [[module.mounts]]
                source = "i18n-docs/de"
                target = "content/docs"
                lang = "de"
                [[module.mounts]]
                source = "static"
                target = "static"
                """,
            "docs/a.md": "a\n",
        ])
        defer { site.remove() }
        let found = try Self.imported(site)
        #expect(found.defaultLanguage == "en")
        #expect(found.languages == [ImportedSite.Language(code: "en", name: "English", title: "Solo")])
        #expect(found.baseURL == "/")
        #expect(found.markdownUnsafe == false)
        // Without [taxonomies], Hugo groups by tags and categories.
        #expect(found.taxonomies == ["category": "categories"])
        #expect(found.orderedMounts == [
            .init(source: "docs", target: "docs"),
            .init(source: "i18n-docs/de", target: "docs", lang: "de"),
        ])
        let notes = found.notes.joined(separator: "\n")
        #expect(notes.contains("baseURL is empty"))
        #expect(notes.contains("module mount static -> static"))
    }

    @Test func unknownTimeZoneIsLeftOutWithANote() throws {
        let site = try Self.makeSite(["hugo.toml": "title = \"T\"\ntimeZone = \"Mars/Olympus\"\n"])
        defer { site.remove() }
        let found = try Self.imported(site)
        #expect(found.timeZone == nil)
        #expect(found.notes.contains { $0.contains("Mars/Olympus") })
    }

    @Test func configTOMLWithoutHugoKeysOrContentIsNoHugoSite() throws {
        let site = try Self.makeSite(["config.toml": "[server]\nport = 80\n"])
        defer { site.remove() }
        #expect(!HugoImporter.detect(siteRoot: site.root))
        #expect(throws: SiteImportError.self) { try SiteImporter.read(siteRoot: site.root) }
    }

    @Test func invalidConfigIsAnErrorWithItsPlace() throws {
        let site = try Self.makeSite(["hugo.toml": "title = \"T\"\ntitle = \"again\"\n"])
        defer { site.remove() }
        do {
            _ = try SiteImporter.read(siteRoot: site.root)
            Issue.record("expected an error")
        } catch {
            guard case let .failed(diagnostics) = error else {
                Issue.record("expected a failure, got \(error)")
                return
            }
            #expect(diagnostics.first?.location?.path == "hugo.toml")
            #expect(diagnostics.first?.location?.line == 2)
        }
    }

    @Test func yamlAliasesCannotBlowUp() {
        var diagnostics: [Diagnostic] = []
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let table = ConfigFileReader.parse(text, format: .yaml, name: "hugo.yaml", diagnostics: &diagnostics)
        #expect(table == nil)
        #expect(diagnostics.first?.message.contains("too large") == true)
    }

    @Test func jsonBooleansStayBooleans() {
        var diagnostics: [Diagnostic] = []
        let table = ConfigFileReader.parse(
            #"{"a": true, "b": 1, "c": 2.5, "d": [false]}"#, format: .json, name: "config.json", diagnostics: &diagnostics)
        #expect(table?["a"] == .bool(true))
        #expect(table?["b"] == .integer(1))
        #expect(table?["c"] == .float(2.5))
        #expect(table?["d"] == .array([.bool(false)]))
    }
}
