import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalSite
@testable import PortalRender
@testable import PortalTemplates

/// Menus from site.toml: how they are read, and the mistakes reported at their line.
@Suite struct MenuTests {
    @Test func entriesAreReadPerLanguageAndForTheSite() throws {
        let text = """
        title = "T"
        defaultLanguage = "en"
        [[menus.main]]
        name = "Docs"
        pageRef = "docs"
        weight = 2
        [[menus.main]]
        name = "Blog"
        url = "/blog/"
        [languages.en]
        name = "English"
        [languages.fr]
        name = "Français"
        [[languages.fr.menus.main]]
        name = "Accueil"
        url = "/fr/"
        identifier = "home"
        [[languages.fr.menus.main]]
        name = "Code"
        url = "https://example.org/code"
        parent = "home"
        """
        let (config, diagnostics) = SiteConfigLoader.parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let site = try #require(config)
        #expect(site.menus["main"]?.map(\.name) == ["Docs", "Blog"])
        #expect(site.menus["main"]?.first?.weight == 2)
        #expect(site.menus["main"]?.first?.location.line == 3)
        #expect(site.languages[0].menus.isEmpty)
        #expect(site.languages[1].menus["main"]?.map(\.identifier) == ["home", "Code"])
        #expect(site.languages[1].menus["main"]?.last?.parent == "home")
    }

    @Test func mistakesAreLocated() {
        let text = """
        title = "T"
        [[menus.main]]
        url = "/a/"
        [[menus.main]]
        name = "No target"
        [[menus.main]]
        name = "Bad"
        url = "/a b/"
        [[menus.main]]
        name = "Typo"
        pageref = "x"
        url = "/x/"
        [menus]
        footer = "nope"
        """
        let (_, diagnostics) = SiteConfigLoader.parse(text)
        let lines = diagnostics.map { "\($0.location?.line ?? 0) \($0.isError ? "error" : "warning")" }
        #expect(lines.contains("2 error"), "\(diagnostics)")   // no name
        #expect(lines.contains("4 error"))                       // neither url nor pageRef
        #expect(lines.contains("6 error"))                       // a space in the url
        #expect(lines.contains("11 warning"))                    // pageref: did you mean pageRef?
        #expect(diagnostics.contains { $0.message.contains("'menus.footer' must be an array of tables") })
    }

    @Test func pageReferencesAreNormalised() {
        for (reference, expected) in [("about", "about"), ("/about/", "about"), ("About.md", "about"), ("docs/_index.md", "docs"),
                                      ("/docs/intro/index.mdx", "docs/intro"), ("_index.md", ""), ("/", "")] {
            #expect(SiteModel.normalizedReference(reference) == expected, "\(reference)")
        }
    }

    /// The header marks the page a menu entry names, and the entry above the page.
    @Test func currentEntries() {
        var entry = SiteModel.NavItem(title: "Docs", url: "/en/docs/", sitePath: "/en/docs/")
        func current(_ path: String) -> TemplateValue? {
            ContextBuilder.navValue(entry, sitePath: path, home: "/en/")["current"]
        }
        #expect(current("/en/docs/") == "page")
        #expect(current("/en/docs/start/") == "true")
        #expect(current("/en/posts/") == .null)
        entry = SiteModel.NavItem(title: "Home", url: "/en/", sitePath: "/en/")
        #expect(current("/en/") == "page")
        #expect(current("/en/docs/") == .null)
    }
}
