import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalPipeline

@Suite struct ImportWriterTests {
    @Test func everyKeyInItsPlace() {
        var site = ImportedSite(generator: .docusaurus, configFiles: ["docusaurus.config.js"], defaultLanguage: "en")
        site.title = "Quote \" and \\ back"
        site.baseURL = "https://example.org/"
        site.timeZone = "UTC"
        site.pageSize = 5
        site.languages = [
            .init(code: "zh-Hans", name: "中文", title: "站", weight: 2, locale: "zh-Hans"),
            .init(code: "en", name: "English", title: "Site", description: "Line\nbreak", weight: 1, contentDir: "content/en"),
        ]
        site.mounts = [
            .init(source: "i18n/zh-Hans/x", target: "docs", lang: "zh-Hans"),
            .init(source: "docs", target: "docs"),
        ]
        site.permalinks = [.init(section: "my blog", pattern: "/:slug/")]
        site.sectionLayouts = ["docs": "docs"]
        site.data = ["authors": "blog/authors.yml"]
        site.markdownUnsafe = true
        site.notes = ["one thing\nwith a line break", String(repeating: "word ", count: 30)]
        let text = SiteTOMLWriter.text(for: site)
        #expect(text == """
            # site.toml written by `portal import` from a Docusaurus site (docusaurus.config.js).
            # Content files stay where they are; paths below are relative to the site folder.
            #
            # Notes from the import: what was not carried over, and what to check (edit this file if
            # portal should do the same):
            # - one thing with a line break
            # - word word word word word word word word word word word word word word word word word
            #   word word word word word word word word word word word word word

            title = "Quote \\" and \\\\ back"
            baseURL = "https://example.org/"
            defaultLanguage = "en"
            defaultLanguageInSubdir = false
            timeZone = "UTC"
            pageSize = 5

            [languages.en]
            name = "English"
            title = "Site"
            description = "Line\\nbreak"
            weight = 1
            contentDir = "content/en"

            [languages.zh-Hans]
            name = "中文"
            title = "站"
            weight = 2
            locale = "zh-Hans"

            [[mounts]]
            source = "docs"
            target = "docs"

            [[mounts]]
            source = "i18n/zh-Hans/x"
            target = "docs"
            lang = "zh-Hans"

            [permalinks]
            "my blog" = "/:slug/"

            [sections.docs]
            layout = "docs"

            [data]
            authors = "blog/authors.yml"

            [markdown]
            unsafe = true

            """)
        let (config, diagnostics) = SiteConfigLoader.parse(text, path: "writer-\(UUID().uuidString)/site.toml")
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(config?.title == "Quote \" and \\ back")
        #expect(config?.languages.first?.description == "Line\nbreak")
    }

    @Test func languageNames() {
        #expect(LanguageNames.name(for: "zh-cn") == "简体中文")
        #expect(LanguageNames.name(for: "zh-TW") == "繁體中文")
        #expect(LanguageNames.name(for: "pt-BR") == "Português (Brasil)")
        #expect(LanguageNames.name(for: "de-AT") == "Deutsch")
        #expect(LanguageNames.name(for: "xx") == "xx")
        #expect(LanguageNames.chineseLocale(for: "zh") == "zh-Hans")
        #expect(LanguageNames.chineseLocale(for: "zh-Hant-HK") == "zh-Hant")
        #expect(LanguageNames.chineseLocale(for: "en") == nil)
    }
}
