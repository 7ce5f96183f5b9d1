import Testing
@testable import PortalSources
@testable import PortalMarkdown

/// Text details of Chinese pages: heading ids in pinyin, summaries without repeated
/// ids, autolinks that stop at full-width punctuation.
@Suite struct ChineseTextTests {
    func render(_ markdown: String, chinese: ChineseOptions = ChineseOptions()) -> RenderedMarkdown {
        MarkdownRenderer.prepare()
        return MarkdownRenderer(options: MarkdownOptions(), chinese: chinese).render(markdown, links: nil)
    }

    @Test func headingIDsFollowThePinyinSlugStyle() {
        let pinyin = render("## 服务治理\n\n## 服务治理\n\n## Setup 安装\n", chinese: ChineseOptions(slugStyle: .pinyin))
        #expect(pinyin.headings.map(\.id) == ["fu-wu-zhi-li", "fu-wu-zhi-li-1", "setup-an-zhuang"])
        #expect(pinyin.html.hasPrefix("<h2 id=\"fu-wu-zhi-li\">服务治理</h2>"))
        let unicode = render("## 服务治理\n")
        #expect(unicode.headings.map(\.id) == ["服务治理"])
    }

    @Test func summariesKeepNoHeadingIDs() {
        let rendered = render("## 议程\n\n讨论发布计划。\n\n<!--more-->\n\n## 纪要\n")
        #expect(rendered.hasExplicitSummary)
        #expect(rendered.summaryHTML == "<h2>议程</h2>\n<p>讨论发布计划。</p>\n")
        #expect(rendered.html.contains("<h2 id=\"议程\">议程</h2>"))
    }

    @Test(arguments: [
        ("代码在 https://example.org/lantern.git。然后", "代码在 <a href=\"https://example.org/lantern.git\">https://example.org/lantern.git</a>。然后"),
        ("见 www.example.org/a，或", "见 <a href=\"http://www.example.org/a\">www.example.org/a</a>，或"),
        ("（https://example.org/x）", "（<a href=\"https://example.org/x\">https://example.org/x</a>）"),
        ("https://zh.wikipedia.org/wiki/服务网格 词条", "<a href=\"https://zh.wikipedia.org/wiki/%E6%9C%8D%E5%8A%A1%E7%BD%91%E6%A0%BC\">https://zh.wikipedia.org/wiki/服务网格</a> 词条"),
    ])
    func autolinksStopAtFullWidthPunctuation(input: String, expected: String) {
        let rendered = render(input)
        #expect(rendered.html == "<p>\(expected)</p>\n")
        #expect(rendered.links.allSatisfy { !$0.destination.contains("。") && !$0.destination.contains("，") })
    }
}
