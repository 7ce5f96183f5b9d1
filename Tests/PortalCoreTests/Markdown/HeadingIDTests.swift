import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct HeadingIDTests {
    @Test(arguments: [
        ("Getting Started", "getting-started"),
        ("参加现有Dapr社区会议的建议", "参加现有dapr社区会议的建议"),
        ("OpenSergo 社区双周会纪要（2022/09/15）", "opensergo-社区双周会纪要-2022-09-15"),
        ("  --Hello,   World!--  ", "hello-world"),
        ("C++ & Swift 6.3", "c-swift-6-3"),
        ("会议主题：内容", "会议主题-内容"),
        ("Café résumé", "café-résumé"),
        ("！！", ""),
        ("🚀 Launch", "launch"),
    ])
    func slugs(input: String, expected: String) {
        #expect(HeadingIDs.slug(input) == expected)
    }

    @Test func idsAreUniqueInOrder() {
        var ids = HeadingIDs()
        #expect(ids.id(for: "Intro") == "intro")
        #expect(ids.id(for: "Intro") == "intro-1")
        #expect(ids.id(for: "intro") == "intro-2")
        #expect(ids.id(for: "Intro 1") == "intro-1-1")
        #expect(ids.id(for: "？？") == "heading-1")
        #expect(ids.id(for: "") == "heading-2")
    }

    @Test func everyHeadingGetsAnID() {
        let result = renderMarkdown("""
            # 标题 Title

            ## 背景

            ## Background *and* `code`

            ### 背景

            Setext
            ------

            > ## 引用里的标题
            """)
        #expect(result.html.contains("<h1 id=\"标题-title\">标题 Title</h1>"))
        #expect(result.html.contains("<h2 id=\"背景\">背景</h2>"))
        #expect(result.html.contains("<h2 id=\"background-and-code\">Background <em>and</em> <code>code</code></h2>"))
        #expect(result.html.contains("<h3 id=\"背景-1\">背景</h3>"))
        #expect(result.html.contains("<h2 id=\"setext\">Setext</h2>"))
        #expect(result.html.contains("<h2 id=\"引用里的标题\">引用里的标题</h2>"))
        #expect(!result.html.contains("<h2>"))
    }

    @Test func headingsListLevelTwoAndDeeper() {
        let result = renderMarkdown("# Top\n\n## 第一节 One\n\ntext\n\n### Sub *part*\n\n## 第一节 One\n\n## ?!\n")
        #expect(result.headings == [
            .init(level: 2, id: "第一节-one", text: "第一节 One"),
            .init(level: 3, id: "sub-part", text: "Sub part"),
            .init(level: 2, id: "第一节-one-1", text: "第一节 One"),
            .init(level: 2, id: "heading-1", text: "?!"),
        ])
    }

    @Test func idsAppearInSafeAndUnsafeMode() {
        let safe = renderMarkdown("## A <b>b</b>\n").html
        #expect(safe == "<h2 id=\"a-b\">A <!-- raw HTML omitted -->b<!-- raw HTML omitted --></h2>\n")
        let unsafe = renderMarkdown("## A <b>b</b> [l](/x) `c` **s** ~~d~~\n", unsafe: true).html
        #expect(unsafe == "<h2 id=\"a-b-l-c-s-d\">A <b>b</b> <a href=\"/x\">l</a> <code>c</code> <strong>s</strong> <del>d</del></h2>\n")
    }
}
