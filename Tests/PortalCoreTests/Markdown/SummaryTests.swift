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

@Suite struct SummaryTests {
    @Test(arguments: ["<!--more-->", "<!-- more -->", "  <!--   MORE -->  ", "<!-- truncate -->", "<!--truncate-->"])
    func explicitMarker(marker: String) {
        for unsafe in [false, true] {
            let result = renderMarkdown("第一段 intro.\n\n## 小节\n\n\(marker)\n\n后文 rest.\n", unsafe: unsafe)
            #expect(result.hasExplicitSummary)
            // A list shows many summaries: their headings keep no ids.
            #expect(result.summaryHTML == "<p>第一段 intro.</p>\n<h2>小节</h2>\n")
            #expect(result.html == "<p>第一段 intro.</p>\n<h2 id=\"小节\">小节</h2>\n<p>后文 rest.</p>\n")
            #expect(!result.html.contains("omitted"))
            #expect(!result.html.contains("more"))
        }
    }

    @Test func markerRightAfterAParagraphLine() {
        let result = renderMarkdown("Intro line\n<!--more-->\nRest\n")
        #expect(result.hasExplicitSummary)
        #expect(result.summaryHTML == "<p>Intro line</p>\n")
        #expect(result.html == "<p>Intro line</p>\n<p>Rest</p>\n")
    }

    @Test func markerWithFootnotesKeepsTheFullPageIntact() {
        let result = renderMarkdown("Intro[^1].\n\n<!--more-->\n\nRest.\n\n[^1]: Note.\n")
        #expect(result.hasExplicitSummary)
        #expect(result.summaryHTML.hasPrefix("<p>Intro<sup class=\"footnote-ref\">"))
        #expect(!result.summaryHTML.contains("Rest"))
        #expect(result.html.contains("Rest."))
        #expect(result.html.contains("Note."))
    }

    @Test func otherCommentsAndInlineMarkersAreNotMarkers() {
        let inline = renderMarkdown("text <!--more--> here\n")
        #expect(!inline.hasExplicitSummary)
        let other = renderMarkdown("<!-- note -->\n\ntext\n")
        #expect(!other.hasExplicitSummary)
        #expect(other.html.contains("<!-- raw HTML omitted -->"))
        let code = renderMarkdown("```\n<!--more-->\n```\n")
        #expect(!code.hasExplicitSummary)
        #expect(code.html.contains("&lt;!--more--&gt;"))
    }

    @Test func nestedMarkerIsRemovedButDoesNotSplit() {
        let result = renderMarkdown("- a\n\n  <!--more-->\n- b\n")
        #expect(!result.hasExplicitSummary)
        #expect(!result.html.contains("omitted"))
        #expect(result.html.contains("<p>b</p>"))
    }

    @Test func cutNeverSplitsAnEntity() {
        let text = String(repeating: "R&D <x> ", count: 40)
        let summary = SummaryBuilder.summarize(text, characters: 12, words: 5)
        #expect(summary == "R&amp;D &lt;x&gt; R&amp;D…")
    }

    @Test func markerFirstFallsBackToAutomaticSummary() {
        let result = renderMarkdown("<!--more-->\n\nOnly text.\n")
        #expect(!result.hasExplicitSummary)
        #expect(result.summaryHTML == "Only text.")
    }

    @Test func automaticSummaryOfShortTextIsTheText() {
        let result = renderMarkdown("# Title\n\nHello *world* & <friends>.\n\n```\ncode block\n```\n\n| t |\n|---|\n| cell |\n")
        #expect(!result.hasExplicitSummary)
        #expect(result.summaryHTML == "Hello world &amp; .")
    }

    @Test func automaticSummaryEscapesText() {
        let result = renderMarkdown("Use `a < b && c > \"d\"` 'x'\n")
        #expect(result.summaryHTML == "Use a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;x&#39;")
    }

    @Test func latinSummaryCutsAtSentenceEnd() {
        let sentence = "This sentence has exactly eight words in it. "
        let text = String(repeating: sentence, count: 10)
        let summary = SummaryBuilder.summarize(text, characters: 120, words: 50)
        // 6 sentences = 48 words fit in 50; the cut keeps whole sentences, and a finished
        // sentence gets no ellipsis.
        #expect(summary == String(repeating: sentence, count: 6).trimmingCharacters(in: .whitespaces))
    }

    @Test func latinSummaryCutsAtWordBoundaryWithoutSentence() {
        let words = (1...80).map { "word\($0)" }.joined(separator: " ")
        let summary = SummaryBuilder.summarize(words, characters: 120, words: 50)
        #expect(summary == (1...50).map { "word\($0)" }.joined(separator: " ") + "…")
    }

    @Test func cjkSummaryWithoutSentenceEndCutsAtAClauseMark() {
        // Real documentation: one long sentence of clauses. The cut ends a clause, not inside one.
        let clause = "增强延迟敏感型工作负载的调度能力"  // 16 characters
        let text = String(repeating: clause + "，", count: 9) + "以及更多"
        let summary = SummaryBuilder.summarize(text, characters: 120, words: 50)
        #expect(summary == Array(repeating: clause, count: 7).joined(separator: "，") + "…")
    }

    @Test func blocksJoinAsChineseIsWritten() {
        #expect(SummaryBuilder.summarize("新版本发布。\n无边车模式上线。", characters: 120, words: 50) == "新版本发布。无边车模式上线。")
        #expect(SummaryBuilder.summarize("排序：\n多集群调度", characters: 120, words: 50) == "排序：多集群调度")
        #expect(SummaryBuilder.summarize("方便编辑器补全\n会议同意该提案", characters: 120, words: 50) == "方便编辑器补全；会议同意该提案")
        #expect(SummaryBuilder.summarize("First line\nsecond line", characters: 120, words: 50) == "First line second line")
        #expect(SummaryBuilder.summarize("中文结尾\nEnglish next", characters: 120, words: 50) == "中文结尾 English next")
    }

    @Test func cjkSummaryCountsCharacters() {
        let text = String(repeating: "这是一个测试句子内容很长", count: 20)  // no sentence end
        let summary = SummaryBuilder.summarize(text, characters: 120, words: 50)
        #expect(summary == String(text.prefix(120)) + "…")
    }

    @Test func cjkSummaryCutsAtLastSentenceEndPastHalf() {
        let sentence = String(repeating: "字", count: 29) + "。"  // 30 characters
        let text = String(repeating: sentence, count: 5)
        let summary = SummaryBuilder.summarize(text, characters: 120, words: 50)
        #expect(summary == String(repeating: sentence, count: 4))
        // a sentence end before a third of the budget is not used
        let early = "短句。" + String(repeating: "长", count: 200)
        #expect(SummaryBuilder.summarize(early, characters: 120, words: 50) == "短句。" + String(repeating: "长", count: 117) + "…")
    }

    @Test func mixedSummarySpendsOneBudget() {
        // each Latin word costs 120/50 = 2.4 characters: 20 words = 48, leaving 72 characters
        let latin = (1...20).map { "w\($0)" }.joined(separator: " ")
        let text = latin + " " + String(repeating: "中", count: 100)
        let summary = SummaryBuilder.summarize(text, characters: 120, words: 50)
        #expect(summary == latin + " " + String(repeating: "中", count: 72) + "…")
    }

    @Test func summaryFromRenderedBodySkipsCodeTablesHeadingsAndHTML() {
        let body = """
            ## 标题

            和微软的 Artur Souza 沟通了一次，关于Dapr社区会议的事情和大家同步一下。

            ```
            code block text
            ```

            <div>html</div>

            | a | b |
            |---|---|
            | x | y |
            """
        let result = renderMarkdown(body)
        #expect(result.summaryHTML == "和微软的 Artur Souza 沟通了一次，关于Dapr社区会议的事情和大家同步一下。")
    }

    @Test func summaryNeverEndsOnAComma() {
        let text = String(repeating: "甲", count: 119) + "，" + String(repeating: "乙", count: 20)
        let summary = SummaryBuilder.summarize(text, characters: 120, words: 50)
        #expect(summary == String(repeating: "甲", count: 119) + "…")
    }

    @Test func configuredBudgetsApply() {
        let chinese = ChineseOptions(summaryCharacters: 10, summaryWords: 3)
        #expect(renderMarkdown("one two three four five", chinese: chinese).summaryHTML == "one two three…")
        #expect(renderMarkdown(String(repeating: "字", count: 30), chinese: chinese).summaryHTML
            == String(repeating: "字", count: 10) + "…")
    }
}
