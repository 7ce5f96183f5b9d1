import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct LineJoiningTests {
    @Test(arguments: [
        ("第一行\n第二行", "<p>第一行第二行</p>\n"),
        ("第一行，\n第二行", "<p>第一行，第二行</p>\n"),
        ("总结：\nDapr", "<p>总结：Dapr</p>\n"),
        ("English\n。后", "<p>English。后</p>\n"),
        ("他说“好”\n然后", "<p>他说“好”然后</p>\n"),
        ("中文\n**强调**", "<p>中文<strong>强调</strong></p>\n"),
        ("English line\nnext line", "<p>English line\nnext line</p>\n"),
        ("中文\nEnglish", "<p>中文\nEnglish</p>\n"),
        ("English\n中文", "<p>English\n中文</p>\n"),
        ("He said “hi”\nand left", "<p>He said “hi”\nand left</p>\n"),
        ("한국어\n문장", "<p>한국어\n문장</p>\n"),
        ("`代码`\n中文", "<p><code>代码</code>中文</p>\n"),
    ])
    func softBreaks(input: String, expected: String) {
        #expect(renderMarkdown(input).html == expected)
    }

    @Test func disabledKeepsEveryBreak() {
        let chinese = ChineseOptions(joinLines: false)
        #expect(renderMarkdown("第一行\n第二行", chinese: chinese).html == "<p>第一行\n第二行</p>\n")
    }

    @Test func hardBreaksAndCodeStayUntouched() {
        #expect(renderMarkdown("第一行  \n第二行").html == "<p>第一行<br />\n第二行</p>\n")
        #expect(renderMarkdown("```\n第一行\n第二行\n```").html == "<pre><code>第一行\n第二行\n</code></pre>\n")
    }

    @Test func joinedLinesDoNotAddSpacesToTheSummary() {
        #expect(renderMarkdown("第一行\n第二行\nand English\nwords").summaryHTML == "第一行第二行 and English words")
    }
}
