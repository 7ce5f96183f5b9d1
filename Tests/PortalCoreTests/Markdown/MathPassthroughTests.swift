import Testing
@testable import PortalMarkdown
@testable import PortalSources

/// `[markdown] math`: formulas reach the page as written, between KaTeX's delimiters.
@Suite struct MathPassthroughTests {
    private func render(_ markdown: String, math: Bool = true) -> RenderedMarkdown {
        MarkdownRenderer.prepare()
        var options = MarkdownOptions()
        options.math = math
        return MarkdownRenderer(options: options, chinese: ChineseOptions()).render(markdown, links: nil)
    }

    @Test func inlineMathKeepsEveryCharacter() {
        let page = render(#"Area: $\int_0^1 x\,dx = \{a_1 * b_2\}$ and \(a<b \& c\)."#)
        #expect(page.html == #"<p>Area: \(\int_0^1 x\,dx = \{a_1 * b_2\}\) and \(a&lt;b \&amp; c\).</p>"# + "\n")
        #expect(page.usesMath)
    }

    @Test func displayMathKeepsItsLinesAndStartsNoBlocks() {
        let page = render("Before.\n\n$$\n\\int_0^1 x\\,dx\n- 1. _a_ *b*\n# not a heading\n$$\n\n\\[\n\\sum_{i=1}^n i\n\\]\n")
        #expect(page.html == "<p>Before.</p>\n<p>\\[\n\\int_0^1 x\\,dx\n- 1. _a_ *b*\n# not a heading\n\\]</p>\n<p>\\[\n\\sum_{i=1}^n i\n\\]</p>\n")
        #expect(page.headings.isEmpty)
    }

    @Test func moneyCodeAndEscapesAreNotMath() {
        let text = "It costs $5 and $10, or \\$3.\n\n`$x_1$` in code\n\n```\n$a_b$\n```\n\n    $c_d$ indented\n\n<!-- $e_f$ -->\n"
        let page = render(text)
        #expect(!page.usesMath)
        #expect(page.html == render(text, math: false).html)
        // A formula with a space just inside the dollars is not one either.
        #expect(!render("a $ b $ c").usesMath)
        // No formula crosses a blank line.
        #expect(!render("$a\n\nb$").usesMath)
    }

    @Test func offByDefaultAsBefore() {
        MarkdownRenderer.prepare()
        let page = MarkdownRenderer(options: MarkdownOptions(), chinese: ChineseOptions()).render(#"$x\,dx$"#, links: nil)
        #expect(page.html == "<p>$x,dx$</p>\n")
        #expect(!page.usesMath)
    }

    @Test func lineNumbersAfterMathStayRight() {
        let page = render("$$\na_1\n$$\n\nText $b_2$ here.\n\n:::note\nnever closed\n")
        #expect(page.problems.map(\.line) == [7])
    }

    @Test func mathInTablesListsAndQuotes() {
        let page = render("| a | b |\n|---|---|\n| $x|y$ | $\\alpha$ |\n\n- item $k_n$\n\n> $$q_1$$\n")
        #expect(page.html.contains(#"<td>\(x|y\)</td>"#))
        #expect(page.html.contains(#"<td>\(\alpha\)</td>"#))
        #expect(page.html.contains(#"<li>item \(k_n\)</li>"#))
        #expect(page.html.contains(#"<p>\[q_1\]</p>"#))
    }
}
