import Testing
@testable import PortalSources

/// "Did you mean" for front-matter keys and site.toml keys.
@Suite struct NearMissTests {
    @Test func slipsFindTheKeyMeant() {
        let known = MetadataNormalizer.suggestedKeys
        #expect(NearMiss.closest(to: "titel", in: known) == "title")
        #expect(NearMiss.closest(to: "tag", in: known) == "tags")
        #expect(NearMiss.closest(to: "autors", in: known) == "authors")
        #expect(NearMiss.closest(to: "descripton", in: known) == "description")
        #expect(NearMiss.closest(to: "Sumary", in: known) == "summary")
    }

    @Test func realParamsAreLeftAlone() {
        let known = MetadataNormalizer.suggestedKeys
        for param in ["cover", "categories", "github", "authorlink", "icon", "layout", "type", "sidebar", "keywords", "image"] {
            #expect(NearMiss.closest(to: param, in: known) == nil, "\(param)")
        }
    }

    @Test func frontMatterWarnsAtTheKeyLineAndKeepsTheParam() throws {
        let source = SourceFile(absolutePath: "/x/content/a.md", sitePath: "content/a.md", contentPath: "a.md", language: "en", translationPath: "a")
        let (document, diagnostics) = DocumentParser(timeZone: .utc).parse(Array("---\ntitle: A\ntitel: B\ntag: [x]\n---\nBody\n".utf8), source: source)
        #expect(diagnostics.map(\.description) == [
            "content/a.md:3:1: warning: unknown front-matter key 'titel' (did you mean 'title'?); it is kept as a param",
            "content/a.md:4:1: warning: unknown front-matter key 'tag' (did you mean 'tags'?); it is kept as a param",
        ])
        #expect(document?.metadata.params.map(\.key) == ["titel", "tag"])
    }

    @Test func siteTomlSuggestsNestedKeys() {
        let (_, diagnostics) = SiteConfigLoader.parseText("title = \"T\"\n[chinese]\njoinLine = true\n", path: "site.toml")
        #expect(diagnostics.contains { $0.message == "unknown key 'chinese.joinLine' (did you mean 'joinLines'?)" }, "\(diagnostics)")
    }
}

/// Titles taken from the body read as plain text.
@Suite struct DerivedTitleTests {
    @Test func inlineMarkdownIsStripped() {
        #expect(BodyTitle.plainText("**会议主题** ：CloudWeGo 社区会议 10.20") == "会议主题：CloudWeGo 社区会议 10.20")
        #expect(BodyTitle.plainText("Using `vela up` with [Helm](https://helm.sh)") == "Using vela up with Helm")
        #expect(BodyTitle.plainText("![logo](a.png) Release __notes__") == "logo Release notes")
        #expect(BodyTitle.plainText("*Draft*") == "Draft")
        #expect(BodyTitle.plainText("snake_case_name stays") == "snake_case_name stays")
        #expect(BodyTitle.plainText("2 * 3 = 6") == "2 * 3 = 6")
        #expect(BodyTitle.plainText("**") == "**", "nothing left: the text as written")
    }

    @Test func aPageWithoutFrontMatterGetsThePlainTitle() {
        let source = SourceFile(absolutePath: "/x/content/m.md", sitePath: "content/m.md", contentPath: "m.md", language: "zh-Hans", translationPath: "m")
        let (document, _) = DocumentParser(timeZone: .utc).parse(Array("**会议主题** ：社区会议 10.20\n\n正文。\n".utf8), source: source)
        #expect(document?.metadata.title == "会议主题：社区会议 10.20")
    }
}
