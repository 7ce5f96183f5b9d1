import Testing
@testable import PortalServer

@Suite struct LiveReloadTests {
    @Test func injectsBeforeLastBodyClose() {
        let html = "<html><body><p>x</p></BODY></html>"
        let out = String(decoding: LiveReloadScript.inject(into: Array(html.utf8)), as: UTF8.self)
        #expect(out == "<html><body><p>x</p>" + LiveReloadScript.tag + "</BODY></html>")
    }

    @Test func appendsWithoutBody() {
        let out = String(decoding: LiveReloadScript.inject(into: Array("<p>x".utf8)), as: UTF8.self)
        #expect(out == "<p>x" + LiveReloadScript.tag)
    }

    @Test func eventFraming() {
        #expect(ReloadEvent.reload.serverSentEvent == "event: reload\ndata: {}\n\n")
        let error = ReloadEvent.error(["content/a.md:3:9: error: \"bad\"\nnext"]).serverSentEvent
        #expect(error.hasPrefix("event: error\ndata: {"))
        // One data line: newlines inside messages are escaped by JSON.
        #expect(error.dropLast(2).split(separator: "\n").count == 2)
        #expect(error.contains("content/a.md:3:9"))
    }

    @Test func contentTypes() {
        #expect(ContentTypes.forPath("a/index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.forPath("s.CSS") == "text/css; charset=utf-8")
        #expect(ContentTypes.forPath("feed.xml").hasPrefix("application/xml"))
        #expect(ContentTypes.forPath("en/calendar.ics") == "text/calendar; charset=utf-8")
        #expect(ContentTypes.forPath("i.svg") == "image/svg+xml")
        #expect(ContentTypes.forPath("f.woff2") == "font/woff2")
        #expect(ContentTypes.forPath("p.webp") == "image/webp")
        #expect(ContentTypes.forPath("README") == "application/octet-stream")
    }

    @Test func hubReplaysCurrentErrorToNewSubscribers() async {
        let hub = EventHub()
        hub.publish(.error(["x"]))
        var iterator = hub.subscribe().makeAsyncIterator()
        #expect(await iterator.next() == .error(["x"]))
        hub.publish(.reload)
        #expect(await iterator.next() == .reload)
        #expect(hub.error == nil)
    }
}
