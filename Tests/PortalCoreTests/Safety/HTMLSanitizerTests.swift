import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

/// `[markdown] unsafe = "sanitized"`: raw HTML stays, code does not.
@Suite struct HTMLSanitizerTests {
    private func clean(_ html: String) -> String { HTMLSanitizer.sanitize(html) }

    @Test(arguments: [
        // Plain HTML is kept (attributes written back double-quoted).
        ("<div class=\"note\"><p>Hi <b>there</b></p></div>", "<div class=\"note\"><p>Hi <b>there</b></p></div>"),
        ("<img src=a.png alt='x'>", "<img src=\"a.png\" alt=\"x\">"),
        ("<details open><summary>More</summary>text</details>", "<details open><summary>More</summary>text</details>"),
        ("<a href=\"https://x.org/?a=1&amp;b=2\" title=\"say &quot;hi&quot;\">x</a>", "<a href=\"https://x.org/?a=1&amp;b=2\" title=\"say &quot;hi&quot;\">x</a>"),
        ("<br/>", "<br />"),
        ("a < b && c > d", "a &lt; b && c > d"),
        // Scripts and raw-text elements go with their content.
        ("<script>alert(1)</script>after", "after"),
        ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>after", "after"),
        ("<script/>alert(1)</script>after", "after"),
        ("<style>body{background:url(javascript:alert(1))}</style>after", "after"),
        ("<iframe src=\"https://evil.example\"></iframe>after", "after"),
        ("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", ""),
        ("<object data=\"x.swf\"></object><embed src=\"x.swf\">", ""),
        // A browser ends noscript inside the attribute: the img is live there, and cleaned here.
        ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "<img src=\"x\">\">"),
        ("<textarea><img src=x onerror=alert(1)></textarea>", ""),
        ("<base href=\"javascript:alert(1)//\"><meta http-equiv=refresh content=\"0;url=javascript:alert(1)\"><link rel=import href=x>", ""),
        ("<script>unclosed", ""),
        // Event handlers and srcdoc go, the element stays.
        ("<img src=x onerror=alert(1)>", "<img src=\"x\">"),
        ("<img src=x ONERROR=\"alert(1)\" OnLoad='x'>", "<img src=\"x\">"),
        ("<div onmouseover=\"alert(1)\" id=a>x</div>", "<div id=\"a\">x</div>"),
        ("<svg onload=alert(1)><circle r=1 /></svg>", "<svg><circle r=\"1\" /></svg>"),
        ("<body/onload=alert(1)>", "<body>"),
        ("<img src=x/onerror=alert(1)>", "<img src=\"x/onerror=alert(1)\">"),
        ("<img src=\"x\"onerror=\"alert(1)\">", "<img src=\"x\">"),
        // Dangerous URLs go, safe ones stay.
        ("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"JAVASCRIPT:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"java\tscript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"&#106;avascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"&#x6A&#x61vascript&colon;alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\" &#x09;javascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=vbscript:msgbox(1)>x</a>", "<a>x</a>"),
        ("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "<a>x</a>"),
        ("<img src=\"data:image/png;base64,iVBORw0KGgo=\">", "<img src=\"data:image/png;base64,iVBORw0KGgo=\">"),
        ("<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">", "<img>"),
        ("<form action=\"javascript:alert(1)\"><button formaction=javascript:alert(1)>x</button></form>", "<form><button>x</button></form>"),
        ("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", "<svg><a><text>x</text></a></svg>"),
        ("<svg><animate attributeName=href values=javascript:alert(1) /><set attributeName=href to=javascript:alert(1) /></svg>", "<svg></svg>"),
        ("<img srcset=\"a.png 1x, javascript:alert(1) 2x\">", "<img>"),
        ("<a href=\"mailto:a@b.org\">m</a><a href=\"tel:123\">t</a><a href=\"/x\">r</a>", "<a href=\"mailto:a@b.org\">m</a><a href=\"tel:123\">t</a><a href=\"/x\">r</a>"),
        // Comments, declarations, and what browsers would read otherwise.
        ("a<!-- <script>alert(1)</script> -->b", "ab"),
        ("a<!--> <img src=x onerror=alert(1)>", "a <img src=\"x\">"),
        ("<!DOCTYPE html><?xml x?><![CDATA[<script>]]>x", "x"),
        ("<img src=x onerror=alert(1)", "&lt;img src=x onerror=alert(1)"),
        ("<a\"b onclick=x>", ""),
        ("<a href=\"x\" href=\"javascript:alert(1)\">x</a>", "<a href=\"x\">x</a>"),
        ("</script><p>x</p></div foo=\"bar\">", "<p>x</p></div>"),
        ("<a title=\"&lt;script&gt;\">x</a>", "<a title=\"&lt;script&gt;\">x</a>"),
    ])
    func cleans(input: String, expected: String) {
        #expect(clean(input) == expected)
    }

    @Test func sanitizedMarkdownKeepsHTMLButNoCode() {
        let markdown = """
        <div class="note" onclick="alert(1)">

        **Note** [bad](javascript:alert(1)) [ok](https://x.org) ![i](data:text/html,x) <javascript:alert(1)>

        </div>

        <script>
        alert(1)
        </script>

        Inline <img src=x onerror=alert(1)> and <span style="color:red" onmouseover=x>red</span>.

        <!--more-->

        <a href="&#106;avascript:alert(1)">x</a>
        """
        MarkdownRenderer.prepare()
        let options = MarkdownOptions(unsafe: true, sanitized: true)
        let html = MarkdownRenderer(options: options, chinese: ChineseOptions()).render(markdown, links: nil).html
        #expect(html.contains("<div class=\"note\">"))
        #expect(html.contains("<strong>Note</strong>"))
        #expect(html.contains("<a href=\"https://x.org\">ok</a>"))
        #expect(html.contains("<a href=\"\">bad</a>"))
        #expect(html.contains("<img src=\"x\">"))
        #expect(html.contains("<span style=\"color:red\">red</span>"))
        #expect(html.contains("<a href=\"\">javascript:alert(1)</a>")) // an autolink's text stays, as without unsafe
        for bad in ["onclick", "onerror", "onmouseover", "=\"javascript:", "&#106;", "<script", "alert(1)\n</script", "data:text"] {
            #expect(!html.contains(bad), "\(bad) in \(html)")
        }
        // The more marker still splits the summary.
        let rendered = MarkdownRenderer(options: options, chinese: ChineseOptions()).render(markdown, links: nil)
        #expect(rendered.hasExplicitSummary)
    }

    @Test func unsafeTrueStillPassesHandlersAndLinksAsDocumented() {
        let html = renderMarkdown("<img src=x onerror=alert(1)> [x](javascript:alert(1))\n", unsafe: true).html
        #expect(html.contains("onerror=alert(1)"))
        #expect(html.contains("href=\"javascript:alert(1)\""))
        // tagfilter still defuses <script>.
        #expect(renderMarkdown("<script>alert(1)</script>\n", unsafe: true).html.contains("&lt;script>"))
    }

    @Test func siteTomlAcceptsSanitized() {
        let sanitized = SiteConfigLoader.parse("title = \"t\"\n[markdown]\nunsafe = \"sanitized\"\n")
        #expect(sanitized.diagnostics.isEmpty)
        #expect(sanitized.config?.markdown.unsafe == true)
        #expect(sanitized.config?.markdown.sanitized == true)
        let plain = SiteConfigLoader.parse("title = \"t\"\n[markdown]\nunsafe = true\n")
        #expect(plain.config?.markdown.unsafe == true)
        #expect(plain.config?.markdown.sanitized == false)
        let wrong = SiteConfigLoader.parse("title = \"t\"\n[markdown]\nunsafe = \"yes\"\n")
        #expect(wrong.config == nil)
        #expect(wrong.diagnostics.first?.description.hasPrefix("site.toml:3:1: error: 'markdown.unsafe' must be true, false or \"sanitized\"") == true)
    }

    @Test func largeInputIsLinear() {
        let html = String(repeating: "<a href=\"/x\" onclick=\"y\">z</a><!-- c --> < ", count: 50_000)
        let clock = ContinuousClock()
        var out = ""
        let elapsed = clock.measure { out = clean(html) }
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        #expect(out.hasPrefix("<a href=\"/x\">z</a> &lt; "))
        // Tags that never end, comments and CDATA without their end: each `<` is read once.
        for piece in ["</a", "<a x='", "<a ", "<![CDATA[>", "<!--", "<script>", "<a href=\""] {
            let input = String(repeating: piece, count: 50_000) + ">"
            let time = clock.measure { out = clean(input) }
            #expect(time < .seconds(10), "\(piece): took \(time)")
            // At most the first tag, rebuilt; everything else text or dropped.
            #expect(out.utf8.filter { $0 == UInt8(ascii: "<") }.count <= 1, "\(piece): \(out.prefix(80))")
        }
    }

    @Test func aTagCutOffByTheEndLeavesTheRestAsText() {
        #expect(clean("<b>x</b> <a x='y <i>z</i>") == "<b>x</b> &lt;a x='y &lt;i>z&lt;/i>")
        #expect(clean("ok </p") == "ok &lt;/p")
    }
}

/// Random mixes of hostile pieces: whatever the mix, no handler, script or script URL
/// comes out inside a tag.
@Suite struct HTMLSanitizerMixTests {
    static let pieces = [
        "<", ">", "/", "\"", "'", "=", " ", "\t", "\n", "<a", "<img", "<svg", "<script", "</script", "<style", "</", "<!--", "-->",
        "<![CDATA[", "]]>", "<!", "<?", "href", "src", "onerror", "OnClick", "xlink:href", "javascript:", "JaVa\tScRiPt:", "&#106;",
        "&#x6A;", "&colon;", "alert(1)", "data:text/html,", "vbscript:", "srcdoc", "<iframe", "<noscript", "<textarea", "x", "中",
        "&", ";", "`", "\u{0}", "&Tab;", "formaction", "<form", "<base", "<math", "<animate", "attributeName", "values",
    ]

    @Test func noCodeSurvivesAnyMix() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        var tagged = 0
        for _ in 0..<20_000 {
            var input = ""
            for _ in 0..<(1 + next(40)) { input += Self.pieces[next(Self.pieces.count)] }
            let output = HTMLSanitizer.sanitize(input)
            if output.contains("<") { tagged += 1 }
            // Bare attributes too: no handler even without a value.
            #expect(output.range(of: #"<[^>]*\son[a-z]*[\s=/>]"#, options: [.regularExpression, .caseInsensitive]) == nil,
                    "\(input.debugDescription) -> \(output.debugDescription)")
            // Read the output back: every tag it holds, and the attributes in it.
            let tags = Self.tags(in: output)
            for tag in tags {
                #expect(!HTMLSanitizer.droppedWithContent.contains(tag.name), "\(input.debugDescription) -> \(output.debugDescription)")
                for (name, value) in tag.attributes {
                    #expect(!name.hasPrefix("on") && name != "srcdoc", "\(input.debugDescription) -> \(output.debugDescription)")
                    if HTMLSanitizer.urlAttributes.contains(name) || name.hasSuffix(":href") {
                        #expect(!URLSafety.isDangerous(value), "\(input.debugDescription) -> \(output.debugDescription)")
                    }
                }
            }
            // Cleaning again changes nothing: what was written is what was read.
            #expect(HTMLSanitizer.sanitize(output) == output, "\(input.debugDescription) -> \(output.debugDescription)")
        }
        // The mixes do make tags, not only text.
        #expect(tagged > 1_000, "\(tagged)")
    }

    /// The tags of sanitized output, which writes `<name attr="value">` with `"` never inside a value.
    static func tags(in html: String) -> [(name: String, attributes: [(String, String)])] {
        var result: [(String, [(String, String)])] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: ">") else { break }
            var inside = rest[..<close]
            rest = rest[rest.index(after: close)...]
            if inside.hasPrefix("/") { inside = inside.dropFirst() }
            let name = String(inside.prefix { $0 != " " && $0 != "/" }).lowercased()
            var attributes: [(String, String)] = []
            var scan = inside.dropFirst(name.count)
            while let equals = scan.range(of: "=\"") {
                let attributeName = scan[..<equals.lowerBound].split(separator: " ").last.map(String.init) ?? ""
                let afterQuote = scan[equals.upperBound...]
                guard let end = afterQuote.firstIndex(of: "\"") else { break }
                attributes.append((attributeName, HTMLEntities.decode(String(afterQuote[..<end]))))
                scan = afterQuote[afterQuote.index(after: end)...]
            }
            result.append((name, attributes))
        }
        return result
    }
}
