import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct LinkCheckerTests {
    static let files = [
        "index.html", "en/index.html", "en/posts/a/index.html", "en/posts/b/index.html",
        "zh-hans/posts/服务/index.html", "posts/images/a.png", "en/index.xml",
    ].map { OutputFile(path: $0, text: $0 == "en/posts/b/index.html" ? "<div id=\"main\"><h1 id=\"top-title\">B</h1></div>" : "") }

    static func checker(basePath: String = "/") -> LinkChecker {
        let targets = LinkTargets(files: files, pages: [
            (outputPath: "en/posts/a/index.html", file: "content/posts/a.en.md", headingIDs: ["intro"]),
            (outputPath: "en/posts/b/index.html", file: "content/posts/b.en.md", headingIDs: ["setup", "安装"]),
        ])
        return LinkChecker(basePath: basePath, targets: targets)
    }

    /// The problems of links written on page a (`/en/posts/a/`), one per destination.
    static func problems(_ destinations: [String], basePath: String = "/", isImage: Bool = false) -> [String?] {
        let checker = checker(basePath: basePath)
        let source = LinkSource(
            file: "content/posts/a.en.md", contentPath: "posts/a.en.md", bodyLine: 5, sitePath: "/en/posts/a/", links: [])
        return destinations.map {
            checker.problem(with: .init(written: $0, destination: $0, isImage: isImage, line: 1, column: 1), in: source)
        }
    }

    @Test func resolvingLinksPass() {
        let valid = [
            "/", "/en/", "/en", "/en/posts/b/", "/en/posts/b", "/en/posts/b/index.html", "/en/posts/b/?q=1",
            "../b/", "../../", "./", "#intro", "#", "#top", "../b/#setup", "/en/posts/b/#%E5%AE%89%E8%A3%85",
            "/en/posts/b/#安装", "/en/posts/b/#main", "/en/posts/b/#top-title", "/zh-hans/posts/%E6%9C%8D%E5%8A%A1/",
            "/zh-hans/posts/服务/", "/posts/images/a.png", "/en/index.xml#anything",
            "https://example.com/x", "mailto:a@example.org", "//cdn.example.org/x.js", "tel:+123", "",
        ]
        #expect(Self.problems(valid) == valid.map { _ in nil })
    }

    @Test func onlyASCIISchemesMakeALinkExternal() {
        // RFC 3986: a letter, then letters, digits, `+`, `-`, `.`; anything else is a path.
        for external in ["https://x.org", "mailto:a@b.org", "git+ssh://h/r", "a.b-c+d:x", "X1:y"] {
            #expect(PageLinkRewriter.hasScheme(external), "\(external)")
        }
        for path in ["服务:治理/", "1abc:x", ":x", "a b:c", "posts/a", "./a:b", "é:x"] {
            #expect(!PageLinkRewriter.hasScheme(path), "\(path)")
        }
        #expect(Self.problems(["服务:治理/"]) == ["broken link '服务:治理/': nothing is built at /en/posts/a/服务:治理/"])
    }

    @Test func brokenLinksSayWhy() {
        #expect(Self.problems(["/en/posts/c/", "../c/", "#nowhere", "../b/#nowhere", "/en/#x", "../../../../x", "c.md"]) == [
            "broken link '/en/posts/c/': nothing is built at /en/posts/c/",
            "broken link '../c/': nothing is built at /en/posts/c/",
            "broken link '#nowhere': no heading or element with id 'nowhere' on this page",
            "broken link '../b/#nowhere': no heading or element with id 'nowhere' in content/posts/b.en.md",
            "broken link '/en/#x': no heading or element with id 'x' in /en/index.html",
            "broken link '../../../../x': it leads outside the site (base path /)",
            "broken link 'c.md': no page at content/posts/c.md",
        ])
        #expect(Self.problems(["images/x.png", "/images/x.png", "../../x.png"], isImage: true) == [
            "missing image 'images/x.png': no file at content/posts/images/x.png",
            "missing image '/images/x.png': nothing is built at /images/x.png",
            "missing image '../../x.png': it leads outside content/",
        ])
    }

    @Test func rootRelativeLinksMustStayUnderTheBasePath() {
        #expect(Self.problems(["/portal/en/posts/b/", "/portal", "/en/posts/b/"], basePath: "/portal/") == [
            nil, nil, "broken link '/en/posts/b/': it leads outside the site (base path /portal/)",
        ])
    }

    @Test func warningsCountLinesFromTheFileAndKeepColumns() {
        let source = LinkSource(
            file: "content/posts/a.en.md", contentPath: "posts/a.en.md", bodyLine: 5, sitePath: "/en/posts/a/",
            links: [
                .init(written: "../b/", destination: "../b/", isImage: false, line: 1, column: 1),
                .init(written: "x.md", destination: "x.md", isImage: false, line: 3, column: 7),
            ])
        #expect(Self.checker().check(source).map(\.description) == [
            "content/posts/a.en.md:7:7: warning: broken link 'x.md': no page at content/posts/x.md",
        ])
    }
}
