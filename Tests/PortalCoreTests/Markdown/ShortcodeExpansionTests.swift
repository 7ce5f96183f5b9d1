import Testing
@testable import PortalSources
@testable import PortalMarkdown

/// Shortcodes in the Markdown pipeline, with a stand-in for the templates: where the
/// HTML goes, what stays Markdown, what is reported, and that nothing is lost.
@Suite struct ShortcodeExpansionTests {
    /// `box` wraps, `code` takes its text raw, `ref` gives text, `pic` and `tag` stand alone.
    struct Stub: ShortcodeExpanding {
        func innerUse(of name: String) -> ShortcodeInnerUse? {
            switch name {
            case "box", "tabs", "tab": return .wraps
            case "code": return .raw
            case "ref", "pic", "tag": return .standalone
            default: return nil
            }
        }

        func expand(_ call: ShortcodeCall) -> ShortcodeOutput {
            switch call.name {
            case "box": return ShortcodeOutput(html: "<div class=\"box\">\n", closing: "</div>\n")
            case "tabs": return ShortcodeOutput(html: "<div class=\"tabs\" data-n=\"\(call.number)\">\n", closing: "</div>\n")
            case "tab":
                let label = call.parent.map { parent in parent.arguments.positional }.flatMap { $0.indices.contains(call.ordinal) ? $0[call.ordinal] : nil } ?? "?"
                return ShortcodeOutput(html: "<section data-label=\"\(label)\" data-parent=\"\(call.parent?.number ?? -1)\">\n", closing: "</section>\n")
            case "code": return ShortcodeOutput(html: "<pre class=\"raw\">" + (call.inner ?? "").replacingOccurrences(of: "<", with: "&lt;") + "</pre>\n")
            case "ref":
                var output = ShortcodeOutput(html: "/docs/" + (call.arguments.positional.first ?? "") + "/", isText: true)
                if call.arguments.positional.first == "missing" { output.problems = [("ref \"missing\": no page found", true)] }
                return output
            case "pic": return ShortcodeOutput(html: "<figure>\(call.arguments.named("src") ?? "")</figure>")
            case "tag": return ShortcodeOutput(html: "<mark>\(call.arguments.positional.first ?? "")</mark>")
            default: return ShortcodeOutput(html: "")
            }
        }
    }

    func render(_ markdown: String, mdx: Bool = false) -> RenderedMarkdown {
        MarkdownRenderer.prepare()
        return MarkdownRenderer(options: MarkdownOptions(), chinese: ChineseOptions()).render(markdown, links: nil, mdx: mdx, shortcodes: Stub())
    }

    @Test func wrappingShortcodeKeepsItsMarkdownInPlace() {
        let html = render("{{% box %}}\n- **one**\n- two\n\n## Inside\n{{% /box %}}\n\nAfter.\n").html
        #expect(html == """
            <div class="box">
            <ul>
            <li><strong>one</strong></li>
            <li>two</li>
            </ul>
            <h2 id="inside">Inside</h2>
            </div>
            <p>After.</p>

            """)
    }

    @Test func headingsAndTextInsideCountForTheWholePage() {
        let rendered = render("{{< box >}}\n## Setup\nInstall portal now.\n{{< /box >}}\n")
        #expect(rendered.headings.map(\.id) == ["setup"])
        #expect(rendered.summaryHTML.contains("Install portal now."))
        #expect(!rendered.summaryHTML.contains("{{"))
        #expect(rendered.latinWords == 4)
    }

    @Test func nestedTabsKnowTheirParentAndOrdinal() {
        let html = render("{{< tabs Linux Windows >}}\n{{% tab %}}\nA\n{{% /tab %}}\n{{% tab %}}\nB\n{{% /tab %}}\n{{< /tabs >}}\n").html
        #expect(html == """
            <div class="tabs" data-n="0">
            <section data-label="Linux" data-parent="0">
            <p>A</p>
            </section>
            <section data-label="Windows" data-parent="0">
            <p>B</p>
            </section>
            </div>

            """)
    }

    @Test func tagsOnOneLineAreOneBlock() {
        let html = render("{{< tabs A >}}{{% tab %}}\nText\n{{% /tab %}}{{< /tabs >}}\n").html
        #expect(html == "<div class=\"tabs\" data-n=\"0\">\n<section data-label=\"A\" data-parent=\"0\">\n<p>Text</p>\n</section>\n</div>\n")
    }

    @Test func rawShortcodeTakesItsTextAsWritten() {
        let html = render("{{< code >}}\n<b>{{< box >}}</b> *not emphasis*\n{{< /code >}}\n").html
        #expect(html == "<pre class=\"raw\">\n&lt;b>{{&lt; box >}}&lt;/b> *not emphasis*\n</pre>\n")
    }

    @Test func textGoesIntoTheMarkdownSoLinksWork() {
        let rendered = render("See [the guide]({{< ref \"install\" >}}) and {{< ref \"a_b\" >}}.\n")
        #expect(rendered.html == "<p>See <a href=\"/docs/install/\">the guide</a> and /docs/a_b/.</p>\n")
        #expect(rendered.links.map(\.destination) == ["/docs/install/"])
    }

    @Test func inlineAndBlockStandaloneShortcodes() {
        let html = render("A {{< tag new >}} word.\n\n{{< pic src=\"x.png\" >}}\n\n- {{< pic src=\"in-list.png\" >}}\n").html
        #expect(html == """
            <p>A <mark>new</mark> word.</p>
            <figure>x.png</figure>
            <ul>
            <li>
            <figure>in-list.png</figure>
            </li>
            </ul>

            """)
    }

    @Test func shortcodeInsideAListItemWrapsItsText() {
        let html = render("1. Step\n   {{% box %}}\n   Boxed.\n   {{% /box %}}\n2. Next\n").html
        // A tight list: its paragraphs have no <p>, inside the shortcode too.
        #expect(html == "<ol>\n<li>Step\n<div class=\"box\">\nBoxed.\n</div>\n</li>\n<li>Next</li>\n</ol>\n")
    }

    @Test func codeIsNeverTouchedAndEscapedTagsShowInIt() {
        let html = render("Use `{{< tag x >}}` or `{{</* tag x */>}}`.\n\n```\n{{< tag y >}}\n{{%/* box */%}}\n```\n\nProse: {{</* tag z */>}}\n").html
        #expect(html == """
            <p>Use <code>{{&lt; tag x &gt;}}</code> or <code>{{&lt; tag x &gt;}}</code>.</p>
            <pre><code>{{&lt; tag y &gt;}}
            {{% box %}}
            </code></pre>
            <p>Prose: {{&lt; tag z &gt;}}</p>

            """)
    }

    @Test func unknownShortcodeKeepsWhatItEnclosesWithAWarning() {
        let rendered = render("Intro.\n\n{{< mystery a=1 >}}\nKept **text**.\n{{< /mystery >}}\n")
        #expect(rendered.html == "<p>Intro.</p>\n<p>Kept <strong>text</strong>.</p>\n")
        #expect(rendered.problems.map(\.line) == [3])
        #expect(rendered.problems.first?.message.contains("unknown shortcode 'mystery'") == true)
        #expect(rendered.problems.first?.isError == false)
    }

    @Test func strayClosingAndUnclosedTagsAreReportedAndNothingIsLost() {
        let stray = render("Before.\n\n{{< /box >}}\n\nAfter.\n")
        #expect(stray.html == "<p>Before.</p>\n<p>After.</p>\n")
        #expect(stray.problems.map(\.message) == ["closing tag '{{< /box >}}' has no opening tag before it; it is left out"])
        #expect(stray.problems.map(\.line) == [3])

        let unclosed = render("{{% box %}}\nStill here.\n")
        #expect(unclosed.html.contains("<p>Still here.</p>"))
        #expect(unclosed.problems.first?.message.contains("is never closed") == true)

        let broken = render("Text {{< pic src=\"x.png\"\n\nmore\n")
        #expect(broken.html.contains("{{&lt; pic src=&quot;x.png&quot;"))
        #expect(broken.html.contains("more"))
        #expect(broken.problems.first?.line == 1 && broken.problems.first?.column == 6)
    }

    @Test func errorsFromTheTemplatesAreLocated() {
        let rendered = render("前言\n\n见 [这里]({{< ref missing >}})。\n")
        #expect(rendered.problems.count == 1)
        #expect(rendered.problems[0].isError)
        #expect(rendered.problems[0].line == 3 && rendered.problems[0].column == 8)
    }

    @Test func columnsOfLaterLinksAreThoseOfTheFile() {
        let rendered = render("{{< tag a >}} [x](y.md)\n")
        #expect(rendered.links.first?.column == 15)
    }

    @Test func blockShortcodeAtTheEdgeOfAParagraphLeavesIt() {
        let html = render("{{% box %}}Text inside.\nMore.{{% /box %}}\n").html
        #expect(html == "<div class=\"box\">\n<p>Text inside.\nMore.</p>\n</div>\n")
    }

    @Test func bodyWithoutShortcodesIsRenderedAsBefore() {
        let markdown = "# T\n\nText with {{ go }} braces and `{{<` in code.\n"
        MarkdownRenderer.prepare()
        let plain = MarkdownRenderer(options: MarkdownOptions(), chinese: ChineseOptions()).render(markdown, links: nil)
        #expect(render(markdown) == plain)
    }
}
