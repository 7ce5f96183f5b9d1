import Foundation
import PortalPipeline
import Testing

/// Shortcodes in whole builds: templates a site adds or replaces, Hugo's ref lookup,
/// located errors, and lists and feeds that never show shortcode syntax.
@Suite struct ShortcodeBuildTests {
    static func post(_ body: String, title: String = "Post", extra: String = "") -> String {
        "---\ntitle: \(title)\ndate: 2024-03-01\n\(extra)---\n\(body)"
    }

    @Test func siteTemplateReplacesTheBuiltInOne() {
        let root = Fixtures.makeSite([
            "Templates/shortcodes/notice.mustache": "<div class=\"site-notice\" data-kind=\"{{kind}}\">\n{{{content}}}\n</div>\n",
            "content/posts/a.en.md": Self.post("{{< notice warning >}}\nMind the **gap**.\n{{< /notice >}}\n"),
        ])
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let html = Fixtures.text(result, "en/posts/a/index.html") ?? ""
        #expect(html.contains("<div class=\"site-notice\" data-kind=\"warning\">\n<p>Mind the <strong>gap</strong>.</p>\n</div>"))
        #expect(!html.contains("callout"))
    }

    @Test func siteAddsItsOwnShortcodeWithArgumentsPageAndSite() {
        let root = Fixtures.makeSite([
            "Templates/shortcodes/member.mustache": "<span class=\"member\" title=\"{{page.title}} · {{site.title}}\">{{get.0}} ({{get.role}})</span>",
            "Templates/shortcodes/year.mustache": "2024",
            "content/posts/a.en.md": Self.post("Thanks {{< member \"Li Lei\" role=maintainer >}} — since {{< year >}}.\n", title: "Team"),
        ])
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let html = Fixtures.text(result, "en/posts/a/index.html") ?? ""
        #expect(html.contains("<p>Thanks <span class=\"member\" title=\"Team · Test portal\">Li Lei (maintainer)</span> — since 2024.</p>"))
    }

    @Test func refFollowsHugosLookupRules() {
        let root = Fixtures.makeSite([
            "content/docs/_index.en.md": "---\ntitle: Docs\n---\n",
            "content/docs/setup/_index.en.md": "---\ntitle: Setup\n---\n",
            "content/docs/setup/install.en.md": Self.post("""
                [same folder]({{< relref "upgrade.md" >}})
                [no extension]({{< relref "upgrade" >}})
                [from root]({{< relref "/docs/setup/upgrade.md#step-2" >}})
                [parent section]({{< relref ".." >}})
                [bare name elsewhere]({{< relref "faq" >}})
                [absolute]({{< ref "faq.md" >}})
                [other language]({{< relref path="faq.md" lang="zh-Hans" >}})
                [this page]({{< relref "#top" >}})
                """, title: "Install"),
            "content/docs/setup/upgrade.en.md": Self.post("Up.", title: "Upgrade"),
            "content/docs/help/faq.en.md": Self.post("FAQ.", title: "FAQ"),
            "content/docs/help/faq.zh-hans.md": Self.post("问答。", title: "问答"),
        ])
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let html = Fixtures.text(result, "en/docs/setup/install/index.html") ?? ""
        for link in [
            "<a href=\"/en/docs/setup/upgrade/\">same folder</a>", "<a href=\"/en/docs/setup/upgrade/\">no extension</a>",
            "<a href=\"/en/docs/setup/upgrade/#step-2\">from root</a>", "<a href=\"/en/docs/\">parent section</a>",
            "<a href=\"/en/docs/help/faq/\">bare name elsewhere</a>", "<a href=\"https://example.org/en/docs/help/faq/\">absolute</a>",
            "<a href=\"/zh-hans/docs/help/faq/\">other language</a>", "<a href=\"/en/docs/setup/install/#top\">this page</a>",
        ] {
            #expect(html.contains(link), "missing \(link)")
        }
    }

    @Test func unresolvedOrAmbiguousRefIsALocatedError() {
        let root = Fixtures.makeSite([
            "content/posts/a.en.md": Self.post("Intro.\n\nSee [it]({{< ref \"nowhere.md\" >}}) and [faq]({{< relref faq >}}).\n"),
            "content/docs/one/faq.en.md": Self.post("One."),
            "content/docs/two/faq.en.md": Self.post("Two."),
        ])
        let result = Fixtures.build(root)
        #expect(result.failed)
        let errors = result.diagnostics.filter(\.isError).map(\.description)
        #expect(errors.contains("content/posts/a.en.md:7:10: error: ref \"nowhere.md\": no page found (looked for it from content/posts/a.en.md's folder, then from the content root, then by file name)"), "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/posts/a.en.md:7:46: error: relref \"faq\" names several pages (content/docs/one/faq.en.md, content/docs/two/faq.en.md)") }, "\(errors)")
    }

    @Test func warningsPointIntoTheFile() {
        let root = Fixtures.makeSite([
            "content/posts/a.en.md": Self.post("Text.\n\n  {{< sparkle >}}\n\n{{< /tabs >}}\n"),
        ])
        let result = Fixtures.build(root)
        #expect(!result.failed)
        let warnings = result.diagnostics.map(\.description)
        #expect(warnings.contains("content/posts/a.en.md:7:3: warning: unknown shortcode 'sparkle' (no Templates/shortcodes/sparkle.mustache): its tags are left out"), "\(warnings)")
        #expect(warnings.contains("content/posts/a.en.md:9:1: warning: closing tag '{{< /tabs >}}' has no opening tag before it; it is left out"), "\(warnings)")
    }

    @Test func listsFeedsAndDescriptionsShowTheTextNotTheSyntax() {
        let root = Fixtures.makeSite([
            "content/posts/a.en.md": Self.post("{{< notice tip >}}\nUpgrade to {{< param version >}} today.\n{{< /notice >}}\n\nMore text.\n", extra: "version: \"2.0\"\n"),
        ])
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        for path in ["en/index.html", "en/posts/index.html", "en/index.xml"] {
            let text = Fixtures.text(result, path) ?? ""
            #expect(text.contains("Upgrade to 2.0 today."), "\(path)")
            #expect(!text.contains("{{"), "\(path) shows shortcode syntax")
        }
    }

    @Test func everyBuiltInHasATemplate() {
        let root = Fixtures.makeSite([:])
        let names = ["ref", "relref", "param", "alert", "notice", "callout", "admonition", "tabs", "tab", "codetab", "tabpane",
                     "figure", "highlight", "youtube", "bilibili", "video", "details"]
        let body = names.map { "{{< \($0) >}}" }.joined(separator: "\n\n")
        Fixtures.write(Self.post(body), to: root + "/content/posts/a.en.md")
        let result = Fixtures.build(root)
        #expect(!result.diagnostics.contains { $0.message.contains("unknown shortcode") }, "\(result.diagnostics)")
    }
}
