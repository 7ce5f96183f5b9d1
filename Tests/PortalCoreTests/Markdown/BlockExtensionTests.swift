import Testing
@testable import PortalSources
@testable import PortalMarkdown

/// Admonitions, GitHub alerts, `{#id}` headings and the MDX rules (BlockExtensions).
@Suite struct BlockExtensionTests {
    func render(_ markdown: String, mdx: Bool = false) -> RenderedMarkdown {
        MarkdownRenderer.prepare()
        return MarkdownRenderer(options: MarkdownOptions(), chinese: ChineseOptions()).render(markdown, links: nil, mdx: mdx)
    }

    @Test func admonitionWithTitleAndDefaultTitle() {
        let html = render(":::tip Remember\nBody **bold**.\n:::\n\n:::danger\n\nText.\n\n:::\n").html
        #expect(html == """
            <aside class="callout callout-tip" role="note">
            <p class="callout-title">Remember</p>
            <p>Body <strong>bold</strong>.</p>
            </aside>
            <aside class="callout callout-danger" role="note">
            <p class="callout-title">Danger</p>
            <p>Text.</p>
            </aside>

            """)
    }

    @Test func closingFenceRightAfterText() {
        let html = render(":::tip\n\nFirst.\n\nLast line.\n:::\n\n## Next\n").html
        #expect(html == "<aside class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>First.</p>\n<p>Last line.</p>\n</aside>\n<h2 id=\"next\">Next</h2>\n")
    }

    @Test func bracketTitleNestingAndEscapedTitle() {
        let html = render("::::note[Outer <b>]\n\n:::warning\nInner\n:::\n\n::::\n").html
        #expect(html.contains("<p class=\"callout-title\">Outer &lt;b&gt;</p>"))
        #expect(html.components(separatedBy: "<aside").count == 3)
        #expect(html.components(separatedBy: "</aside>").count == 3)
        #expect(html.range(of: "callout-warning")!.lowerBound > html.range(of: "callout-note")!.lowerBound)
    }

    @Test func admonitionInsideAListItem() {
        let html = render("- item\n\n  :::info\n  Inside.\n  :::\n").html
        #expect(html.contains("<li>\n<p>item</p>\n<aside class=\"callout callout-info\" role=\"note\">"))
        #expect(html.contains("<p>Inside.</p>\n</aside>\n</li>"))
    }

    /// A ```mermaid fence becomes a diagram-to-be holding its escaped source, inside an
    /// admonition or a list too; other fences and `mermaid` in other places stay code.
    @Test func mermaidFencesBecomeDiagramsToBe() {
        let diagram = render("Flow:\n\n```mermaid\ngraph TD\n  A --> B{\"x < y & z\"}\n```\n\n:::note\n```Mermaid title=\"x\"\nsequenceDiagram\n```\n:::\n")
        #expect(diagram.usesMermaid)
        #expect(diagram.html.contains("<pre class=\"mermaid\">graph TD\n  A --&gt; B{&quot;x &lt; y &amp; z&quot;}\n</pre>\n"))
        #expect(diagram.html.contains("<pre class=\"mermaid\">sequenceDiagram\n</pre>"))
        #expect(!diagram.html.contains("<code"))
        let plain = render("```mermaidx\ngraph\n```\n\n    mermaid\n\n`mermaid`\n\n```go\nx := 1\n```\n")
        #expect(!plain.usesMermaid)
        #expect(!plain.html.contains("class=\"mermaid\""))
        #expect(plain.html.contains("<code class=\"language-mermaidx\">"))
    }

    @Test func codeIsNeverTouched() {
        let html = render("`:::tip`\n\n```\n:::note\n> [!NOTE]\n```\n").html
        #expect(!html.contains("callout"))
        #expect(html.contains("<code>:::tip</code>"))
        #expect(html.contains(":::note\n&gt; [!NOTE]\n"))
    }

    @Test func unclosedAndStrayFencesAreReportedWithTheirLine() {
        let unclosed = render("Intro.\n\n:::note\nNever closed.\n")
        #expect(unclosed.html.hasSuffix("<p>Never closed.</p>\n</aside>\n"), "closed at the end of its container")
        #expect(unclosed.problems.map(\.line) == [3])
        let stray = render("Text.\n\n:::\n\nMore.\n")
        #expect(stray.html == "<p>Text.</p>\n<p>More.</p>\n")
        #expect(stray.problems.count == 1)
        #expect(stray.problems.first?.line == 3)
    }

    @Test func githubAlerts() {
        for (marker, kind) in [("NOTE", "note"), ("TIP", "tip"), ("IMPORTANT", "important"), ("WARNING", "warning"), ("CAUTION", "caution")] {
            let html = render("> [!\(marker)]\n> Careful *now*.\n").html
            #expect(html.hasPrefix("<aside class=\"callout callout-\(kind)\" role=\"note\">\n<p class=\"callout-title\">"), "\(marker): \(html)")
            #expect(html.contains("<p>Careful <em>now</em>.</p>\n</aside>"))
            #expect(!html.contains("blockquote"))
        }
        #expect(render("> [!UNKNOWN]\n> x\n").html.hasPrefix("<blockquote>"))
        #expect(render("> just a quote\n").html.hasPrefix("<blockquote>"))
    }

    @Test func customHeadingIDs() {
        let rendered = render("## Install {#install-steps}\n\n## Again {#install-steps}\n\n## 安装步骤 {#setup}\n")
        #expect(rendered.headings.map(\.id) == ["install-steps", "install-steps-1", "setup"])
        #expect(rendered.headings.map(\.text) == ["Install", "Again", "安装步骤"])
        #expect(rendered.html.contains("<h2 id=\"install-steps\">Install</h2>"))
        #expect(render("## Not an id {# x}\n").headings.first?.id == "not-an-id-x")
    }

    @Test func mdxImportsCommentsAndTabs() {
        let source = """
            import Tabs from '@theme/Tabs';
            import TabItem from '@theme/TabItem';

            {/* hidden */}

            <Tabs>

            <TabItem value="mac" label="macOS">

            brew install x

            </TabItem>

            <TabItem value="linux">

            apt install x

            </TabItem>

            </Tabs>

            """
        let html = render(source, mdx: true).html
        #expect(!html.contains("import") && !html.contains("hidden"))
        #expect(html.contains("<div class=\"tabs\">"))
        #expect(html.contains("id=\"tabs-1-mac\" checked><label class=\"tab-label\" for=\"tabs-1-mac\">macOS</label>"))
        #expect(html.contains("for=\"tabs-1-linux\">linux</label>"))
        #expect(html.contains("<div class=\"tab-panel\">\n<p>brew install x</p>\n</div>"))
        // Without MDX the same lines are Markdown: nothing is dropped.
        #expect(render(source).html.contains("import Tabs"))
    }

    @Test func otherJSXComponentsKeepWhatTheyWrap() {
        let rendered = render("<Note type=\"x\">\n\nKept.\n\n</Note>\n", mdx: true)
        #expect(rendered.html == "<p>Kept.</p>\n")
        #expect(rendered.problems.map(\.line) == [1, 5])
    }

    @Test func summariesNeverShowTheMarkup() {
        let rendered = render(":::tip Title here\nThe tip text.\n:::\n\n> [!NOTE]\n> Alert text.\n")
        #expect(!rendered.summaryHTML.contains(":::"))
        #expect(!rendered.summaryHTML.contains("[!NOTE]"))
        #expect(rendered.summaryHTML.contains("The tip text."))
    }
}
