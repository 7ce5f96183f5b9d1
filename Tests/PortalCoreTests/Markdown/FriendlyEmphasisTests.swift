import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct FriendlyEmphasisTests {
    @Test(arguments: [
        ("**会议主题：**内容", "<strong>会议主题：</strong>内容"),
        ("是**“重要”**的", "是<strong>“重要”</strong>的"),
        ("**“重要”**的", "<strong>“重要”</strong>的"),
        ("这是**我想做的事。**所以做。", "这是<strong>我想做的事。</strong>所以做。"),
        ("注意**（不会加粗）**后文", "注意<strong>（不会加粗）</strong>后文"),
        ("词语**[链接](/a)**词语", "词语<strong><a href=\"/a\">链接</a></strong>词语"),
        ("Git**（注：不是GitHub）**", "Git<strong>（注：不是GitHub）</strong>"),
        ("协议**(HTCPCP)**是", "协议<strong>(HTCPCP)</strong>是"),
        ("**C#**和**F#**在**「.NET」**上", "<strong>C#</strong>和<strong>F#</strong>在<strong>「.NET」</strong>上"),
        ("**真，**她", "<strong>真，</strong>她"),
        ("**真-**她", "<strong>真-</strong>她"),
        ("真**（她**", "真<strong>（她</strong>"),
        ("*强调：*内容", "<em>强调：</em>内容"),
        ("***粗斜：***内容", "<em><strong>粗斜：</strong></em>内容"),
        ("大塚\u{FE00}**(U+585A U+FE00)**", "大塚\u{FE00}<strong>(U+585A U+FE00)</strong>"),
        ("葛\u{E0100}**(正式)**城市", "葛\u{E0100}<strong>(正式)</strong>城市"),
        // Two strong spans back to back: two spans, never `****` left in the text.
        ("**激活****（Activation）**", "<strong>激活</strong><strong>（Activation）</strong>"),
        ("**（激活）****Activation**", "<strong>（激活）</strong><strong>Activation</strong>"),
        ("**激活****行动**", "<strong>激活</strong><strong>行动</strong>"),
    ])
    func cjkEmphasis(input: String, expected: String) {
        #expect(renderMarkdown(input).html == "<p>\(expected)</p>\n")
    }

    @Test(arguments: [
        ("a**b**c", "a<strong>b</strong>c"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("He said **\"hi\"**there", "He said **&quot;hi&quot;**there"),
        ("a**a«**a", "a**a«**a"),
        ("a**»a**a", "a**»a**a"),
        ("`**“重要”**的`", "<code>**“重要”**的</code>"),
        ("\\*\\*会议主题：\\*\\*内容", "**会议主题：**内容"),
        ("**真，** 她", "<strong>真，</strong> 她"),
        ("**真**，她", "<strong>真</strong>，她"),
        ("foo*bar*baz", "foo<em>bar</em>baz"),
        ("*foo`*`", "*foo<code>*</code>"),
    ])
    func unchangedOrAlreadyCommonMark(input: String, expected: String) {
        #expect(renderMarkdown(input).html == "<p>\(expected)</p>\n")
    }

    @Test func disabledFollowsCommonMark() {
        let chinese = ChineseOptions(friendlyEmphasis: false)
        #expect(renderMarkdown("**会议主题：**内容", chinese: chinese).html == "<p>**会议主题：**内容</p>\n")
    }

    @Test func markerNeverReachesOutput() {
        let markdown = """
            **会议主题：**内容 [**“链接”**文](/a**“b”**c "t**“x”**y")

            ```
            代码**“块”**里
            ```

            <span title="**“x”**y">raw</span>
            """
        for unsafe in [false, true] {
            let result = renderMarkdown(markdown, unsafe: unsafe)
            #expect(!result.html.unicodeScalars.contains(FriendlyEmphasis.marker))
            #expect(!result.summaryHTML.unicodeScalars.contains(FriendlyEmphasis.marker))
            #expect(result.html.contains("代码**“块”**里"))
        }
        let unsafe = renderMarkdown(markdown, unsafe: true).html
        #expect(unsafe.contains("<span title=\"**“x”**y\">raw</span>"))
    }

    @Test func sourceHoldingTheMarkerIsLeftAlone() {
        let input = "\u{1BFC} **会议主题：**内容"
        #expect(FriendlyEmphasis.adjust(input) == nil)
        #expect(renderMarkdown(input).html == "<p>\u{1BFC} **会议主题：**内容</p>\n")
    }

    @Test func adjustOnlyTouchesRunsThatNeedIt() {
        #expect(FriendlyEmphasis.adjust("plain **bold** text") == nil)
        #expect(FriendlyEmphasis.adjust("no stars") == nil)
        #expect(FriendlyEmphasis.adjust("\\*\\*会议主题：\\*\\*内容") == nil)
        #expect(FriendlyEmphasis.adjust("**会议主题：**内容") == Array("**会议主题：**\u{1BFC}内容".utf8))
        #expect(FriendlyEmphasis.adjust("是**“重要”**的") == Array("是\u{1BFC}**“重要”**\u{1BFC}的".utf8))
    }
}
