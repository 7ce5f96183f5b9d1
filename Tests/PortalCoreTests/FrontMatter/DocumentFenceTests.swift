import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct DocumentFenceTests {
    @Test func tomlFences() throws {
        let document = try #require(FrontMatterFixture.parse("+++\ntitle = \"T\"\n+++\nbody\n").document)
        #expect(document.format == .toml)
        #expect(document.metadata.title == "T")
        #expect(document.body == "body\n")
        #expect(document.bodyLine == 4)
    }

    @Test func yamlFences() throws {
        let document = try #require(FrontMatterFixture.parse("---\ntitle: T\n---\nbody\n").document)
        #expect(document.format == .yaml)
        #expect(document.metadata.title == "T")
        #expect(document.body == "body\n")
        #expect(document.bodyLine == 4)
    }

    @Test func fenceLinesMayHaveTrailingWhitespace() throws {
        let document = try #require(FrontMatterFixture.parse("---  \ntitle: T\n--- \t\nbody\n").document)
        #expect(document.format == .yaml)
        #expect(document.metadata.title == "T")
        #expect(document.body == "body\n")
    }

    @Test func closingFenceIsTheFirstMatchingLine() throws {
        let text = "---\ntitle: T\n---\n\nintro\n\n---\n\nmore\n\n---\n"
        let document = try #require(FrontMatterFixture.parse(text).document)
        #expect(document.metadata.title == "T")
        #expect(document.body == "\nintro\n\n---\n\nmore\n\n---\n")
        #expect(document.bodyLine == 4)
    }

    @Test func otherFenceKindDoesNotClose() throws {
        let document = try #require(FrontMatterFixture.parse("+++\ntitle = \"T\"\n+++\nx\n---\n").document)
        #expect(document.body == "x\n---\n")
        let yaml = try #require(FrontMatterFixture.parse("---\ntitle: T\n---\n+++\n").document)
        #expect(yaml.body == "+++\n")
    }

    @Test func longerDashLinesAreNotFences() throws {
        // `----` opens nothing: the file has no front matter.
        let document = try #require(FrontMatterFixture.parse("----\ntitle: T\n----\n").document)
        #expect(document.format == .none)
    }

    @Test func unterminatedYAMLIsLocatedAtTheOpeningFence() {
        #expect(FrontMatterFixture.error("\n---\ntitle: T\n\nbody without end\n")
            == "content/posts/a.md:2:1: error: unterminated front matter: no closing `---`")
    }

    @Test func unterminatedTOMLNamesItsFence() {
        #expect(FrontMatterFixture.error("+++\ntitle = \"T\"\n---\n")
            == "content/posts/a.md:1:1: error: unterminated front matter: no closing `+++`")
    }

    @Test func noOpeningFenceMeansTheWholeFileIsBody() throws {
        let text = "Some text\n\n---\n\nmore\n"
        let document = try #require(FrontMatterFixture.parse(text).document)
        #expect(document.format == .none)
        #expect(document.metadata.title == "Some text")
        #expect(document.body == "\n---\n\nmore\n")
    }

    @Test func emptyFrontMatter() throws {
        let document = try #require(FrontMatterFixture.parse("---\n---\nbody\n").document)
        #expect(document.format == .yaml)
        // With front matter, only a `# ` heading can give the title.
        #expect(document.metadata.title == nil)
        #expect(document.body == "body\n")
        let toml = try #require(FrontMatterFixture.parse("+++\n+++\n# Heading\ntext\n").document)
        #expect(toml.metadata.title == "Heading")
        #expect(toml.body == "text\n")
    }

    @Test func frontMatterAtTheEndOfTheFileWithoutNewline() throws {
        let document = try #require(FrontMatterFixture.parse("---\ntitle: T\n---").document)
        #expect(document.metadata.title == "T")
        #expect(document.body == "")
    }

    @Test func frontMatterOverOneMegabyteIsRefused() {
        let filler = String(repeating: "# \(String(repeating: "x", count: 60))\n", count: 18_000)
        let text = "---\ntitle: T\n" + filler + "---\nbody\n"
        let message = FrontMatterFixture.error(text)
        #expect(message?.hasPrefix("content/posts/a.md:1:1: error: front matter is larger than 1 MB") == true)
    }

    @Test func tenMegabyteBodyIsFast() throws {
        let line = "这是一行正文 with some Latin words and *emphasis* — 0123456789.\n"
        let body = String(repeating: line, count: 10_000_000 / line.utf8.count)
        let text = "---\ntitle: Big\n---\n" + body
        let start = ContinuousClock.now
        let document = try #require(FrontMatterFixture.parse(text).document)
        let elapsed = ContinuousClock.now - start
        #expect(document.body.utf8.count == body.utf8.count)
        #expect(elapsed < .seconds(5))
    }

    @Test func tenMegabyteBodyWithoutTitleIsScannedOnce() throws {
        let body = String(repeating: "plain line of text\n", count: 500_000)
        let text = "---\ndate: 2022-01-01\n---\n" + body + "# Late title\n"
        let start = ContinuousClock.now
        let document = try #require(FrontMatterFixture.parse(text).document)
        let elapsed = ContinuousClock.now - start
        #expect(document.metadata.title == "Late title")
        #expect(elapsed < .seconds(10))
    }

    @Test func hundredThousandDashLinesAreFast() throws {
        let text = String(repeating: "---\n", count: 100_000)
        let start = ContinuousClock.now
        let document = try #require(FrontMatterFixture.parse(text).document)
        let elapsed = ContinuousClock.now - start
        // The first line opens, the second closes, the rest is body.
        #expect(document.format == .yaml)
        #expect(document.bodyLine == 3)
        #expect(document.body.utf8.count == 99_998 * 4)
        #expect(elapsed < .seconds(5))
    }

    @Test func unterminatedHugeFileIsFast() {
        let text = "---\n" + String(repeating: "key: value\n", count: 200_000)
        let start = ContinuousClock.now
        let message = FrontMatterFixture.error(text)
        #expect(message == "content/posts/a.md:1:1: error: unterminated front matter: no closing `---`")
        #expect(ContinuousClock.now - start < .seconds(5))
    }
}
