import Testing
@testable import PortalCore

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
