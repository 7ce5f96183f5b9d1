import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct LinkRewritingTests {
    @Test func rewritesInlineReferenceAndImageLinksWithLines() {
        let rewriter = RecordingRewriter()
        let markdown = """
            官网在[这里](/)和 [docs][ref].
            Second line ![图](images/a.png "标题")
            - item [abs](https://example.com/x)

            | a |
            |---|
            | [cell](/cell) |

            [ref]: /docs/
            """
        let html = renderMarkdown(markdown, links: rewriter).html
        #expect(rewriter.calls == [
            .init(destination: "/", isImage: false, line: 1),
            .init(destination: "/docs/", isImage: false, line: 1),
            .init(destination: "images/a.png", isImage: true, line: 2),
            .init(destination: "https://example.com/x", isImage: false, line: 3),
            .init(destination: "/cell", isImage: false, line: 7),
        ])
        #expect(html.contains("<a href=\"/base/\">这里</a>"))
        #expect(html.contains("<a href=\"/base/docs/\">docs</a>"))
        #expect(html.contains("<img src=\"/media/images/a.png\" alt=\"图\" title=\"标题\" />"))
        #expect(html.contains("<a href=\"https://example.com/x\">abs</a>"))
        #expect(html.contains("<a href=\"/base/cell\">cell</a>"))
    }

    @Test func autolinksAreOfferedToo() {
        let rewriter = RecordingRewriter()
        _ = renderMarkdown("see <https://a.example/> and www.b.example\n", links: rewriter)
        #expect(rewriter.calls.map(\.destination) == ["https://a.example/", "http://www.b.example"])
    }

    @Test func withoutRewriterLinksStay() {
        let html = renderMarkdown("[x](/y)").html
        #expect(html == "<p><a href=\"/y\">x</a></p>\n")
    }
}

@Suite struct LinkCollectionTests {
    @Test func linksAreKeptWithLineAndCharacterColumn() {
        let rewriter = RecordingRewriter()
        let markdown = """
            第一行[链接](/a/)，
            then ![img](b.png) and **会议主题：**[c](#c)

            > quoted [q](q.md)
            """
        let links = renderMarkdown(markdown, links: rewriter).links
        #expect(links == [
            .init(written: "/a/", destination: "/base/a/", isImage: false, line: 1, column: 4),
            .init(written: "b.png", destination: "/media/b.png", isImage: true, line: 2, column: 6),
            .init(written: "#c", destination: "#c", isImage: false, line: 2, column: 33),
            .init(written: "q.md", destination: "q.md", isImage: false, line: 4, column: 10),
        ])
    }

    @Test func withoutRewriterLinksAreKeptAsWritten() {
        #expect(renderMarkdown("[x](/y)").links == [.init(written: "/y", destination: "/y", isImage: false, line: 1, column: 1)])
    }
}
