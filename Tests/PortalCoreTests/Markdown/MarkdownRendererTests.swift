import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct MarkdownRendererTests {
    @Test func pagesLargerThanTheParserArenaChunkRenderWholeAndLeaveNothingBehind() {
        // cmark-gfm allocates from a per-thread arena of 256 KiB chunks: a 1 MB paragraph
        // grows one buffer past a chunk, a long table makes many small blocks.
        let words = (0..<100_000).map { "词\($0)" }.joined(separator: " ")
        let rows = (0..<5_000).map { "| r\($0) | ~~v\($0)~~ |" }.joined(separator: "\n")
        let big = "# 大文档\n\n" + words + " 结束\n\n| k | v |\n|---|---|\n" + rows + "\n"
        let small = "## 小 small\n\n短文 *强调*。\n"
        let expectedSmall = renderMarkdown(small).html
        for _ in 0..<3 {
            let html = renderMarkdown(big).html
            #expect(html.hasPrefix("<h1 id="))
            #expect(html.contains("词99999 结束</p>"))
            #expect(html.contains("<td>r4999</td>\n<td><del>v4999</del></td>"))
            #expect(html.components(separatedBy: "<tr>").count == 5_002)
            // A small page right after a big one on the same thread is not disturbed.
            #expect(renderMarkdown(small).html == expectedSmall)
        }
        #expect(expectedSmall == "<h2 id=\"小-small\">小 small</h2>\n<p>短文 <em>强调</em>。</p>\n")
    }

    @Test func rendersTables() {
        let html = renderMarkdown("| 名称 | Name |\n|:---|---:|\n| 张伟 | Zhang |\n").html
        #expect(html.contains("<table>"))
        // Alignment as a style: HTML5 has no align attribute on cells.
        #expect(html.contains("<th style=\"text-align: left\">名称</th>"))
        #expect(html.contains("<td style=\"text-align: right\">Zhang</td>"))
    }

    @Test func rendersTaskLists() {
        let html = renderMarkdown("- [x] 完成 done\n- [ ] todo\n").html
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> 完成 done"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" /> todo"))
    }

    @Test func rendersFootnotes() {
        let html = renderMarkdown("正文[^1] and text.\n\n[^1]: 注释 note.\n").html
        #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\""))
        #expect(html.contains("<section class=\"footnotes\""))
        #expect(html.contains("注释 note."))
    }

    @Test func rendersStrikethroughAndAutolinks() {
        let html = renderMarkdown("~~Tuesday 旧时间~~ see https://github.com/dapr/community and www.example.com\n").html
        #expect(html.contains("<del>Tuesday 旧时间</del>"))
        #expect(html.contains("<a href=\"https://github.com/dapr/community\">https://github.com/dapr/community</a>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
    }

    @Test func omitsRawHTMLInSafeMode() {
        let html = renderMarkdown("<div class=\"x\">块</div>\n\ntext <span>inline</span>\n").html
        #expect(!html.contains("<div"))
        #expect(!html.contains("<span>"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func passesRawHTMLInUnsafeModeButDefusesScript() {
        let html = renderMarkdown("<div class=\"x\">块</div>\n\n<script>alert(1)</script>\n", unsafe: true).html
        #expect(html.contains("<div class=\"x\">块</div>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script>"))
    }

    @Test func neverLeaksSourcePositions() {
        let html = renderMarkdown("# T\n\npara [a](/x)\n\n- item\n").html
        #expect(!html.contains("data-sourcepos"))
    }

    @Test func emptyInput() {
        let result = renderMarkdown("")
        #expect(result.html == "")
        #expect(result.summaryHTML == "")
        #expect(result.headings.isEmpty)
    }

    @Test func concurrentRenderingIsIdentical() async {
        let input = """
            # 标题 Title

            Dapr社区会议**会议主题：**内容。~~old~~ https://example.com/a

            | a | b |
            |---|---|
            | ~~x~~ | www.example.org |

            - [x] 任务 task
            - item with `code`[^n]

            <!--more-->

            ## 第二节
            more text 更多

            [^n]: note
            """
        let expected = renderMarkdown(input, links: RecordingRewriter())
        let results = await withTaskGroup(of: RenderedMarkdown.self) { group in
            for _ in 0..<64 {
                group.addTask { renderMarkdown(input, links: RecordingRewriter()) }
            }
            var all: [RenderedMarkdown] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected.html.contains("<del>old</del>"))
        #expect(expected.html.contains("<td><del>x</del></td>"))
    }
}
