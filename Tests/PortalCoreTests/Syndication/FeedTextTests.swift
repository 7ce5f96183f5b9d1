@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline
import Testing

@Suite struct FeedTextTests {
    @Test func xmlEscapingKeepsTextAndDropsWhatXMLForbids() {
        #expect(XMLEscaping.escape("会议 & <b>\"纪要\"</b>") == "会议 &amp; &lt;b&gt;&quot;纪要&quot;&lt;/b&gt;")
        // Tab, line feed and carriage return stay; other control characters, U+FFFE and U+FFFF go.
        #expect(XMLEscaping.escape("a\tb\nc\rd\u{01}e\u{1F}f\u{FFFE}g\u{FFFF}h\u{FFFD}i") == "a\tb\nc\rdefgh\u{FFFD}i")
        #expect(XMLEscaping.escape("") == "")
        #expect(XMLEscaping.escape("plain text") == "plain text")
    }

    @Test func rootRelativeLinksGetTheOrigin() {
        let html = ##"<p><a href="/zh-hans/posts/会议/">会议</a> <img src="/images/a.png" alt=""> <a href="https://x.org/">x</a> <a href="#top">top</a></p>"##
        #expect(FeedWriter.absolutized(html, origin: "https://portal.example.org") ==
            ##"<p><a href="https://portal.example.org/zh-hans/posts/会议/">会议</a> <img src="https://portal.example.org/images/a.png" alt=""> <a href="https://x.org/">x</a> <a href="#top">top</a></p>"##)
        #expect(FeedWriter.absolutized("href=\"/", origin: "https://o") == "href=\"https://o/")
        #expect(FeedWriter.absolutized("no links, just src and href", origin: "https://o") == "no links, just src and href")
    }
}
