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

@Suite struct BodyTitleTests {
    typealias F = FrontMatterFixture

    @Test func firstHeadingBecomesTheTitleAndLeavesTheBody() throws {
        let document = try #require(F.parse("---\ndate: 2022-01-01\n---\n\n# 周报 #\n\nText\n").document)
        #expect(document.metadata.title == "周报")
        #expect(document.body == "\nText\n")
        // Line 6 of the file is the first line of the body.
        #expect(document.bodyLine == 6)
    }

    @Test func headingInTheMiddleIsCutOutAlone() throws {
        let document = try #require(F.parse("---\nslug: s\n---\nIntro\n\n# Title\nAfter\n").document)
        #expect(document.metadata.title == "Title")
        #expect(document.body == "Intro\n\nAfter\n")
        #expect(document.bodyLine == 4)
    }

    @Test func frontMatterTitleWinsAndTheHeadingStays() throws {
        let document = try #require(F.parse("---\ntitle: FM\n---\n# Heading\n").document)
        #expect(document.metadata.title == "FM")
        #expect(document.body == "# Heading\n")
    }

    @Test func headingsInFencedCodeAndDeeperLevelsAreSkipped() throws {
        let text = "+++\n+++\n## Sub\n```sh\n# comment\n```\n~~~~\n# also code\n~~~\n~~~~\n    # indented code\n#hashtag\n # Real\nend\n"
        let document = try #require(F.parse(text).document)
        #expect(document.metadata.title == "Real")
        #expect(document.body.contains("# comment"))
        #expect(!document.body.contains("# Real"))
    }

    @Test func firstNonEmptyLineOfAFileWithoutFrontMatter() throws {
        let document = try #require(F.parse("\n\n  社区例会 3.14  \n\n议程\n").document)
        #expect(document.metadata.title == "社区例会 3.14")
        #expect(document.body == "\n议程\n")
        #expect(document.bodyLine == 4)
    }

    @Test func headingBeatsTheFirstLineWithoutFrontMatter() throws {
        let document = try #require(F.parse("Intro line\n\n# Heading\nrest\n").document)
        #expect(document.metadata.title == "Heading")
        #expect(document.body == "Intro line\n\nrest\n")
    }

    @Test func leadingHashesAreStrippedFromAFirstLineTitle() throws {
        #expect(F.parse("##Not a heading\nx\n").document?.metadata.title == "Not a heading")
    }

    @Test func noTitleWhenNothingQualifies() throws {
        let document = try #require(F.parse("---\nslug: s\n---\n\nplain text only\n").document)
        #expect(document.metadata.title == nil)
        #expect(document.body == "\nplain text only\n")
        #expect(document.bodyLine == 4)
        #expect(F.parse("\n  \n").document?.metadata.title == nil)
    }

    @Test func plainTextFilesTakeTheirFirstLineNotHeadings() throws {
        let document = try #require(F.parse("First line\n# not a heading in .txt\n", path: "pages/a.txt", plainText: true).document)
        #expect(document.metadata.title == "First line")
        #expect(document.body == "# not a heading in .txt\n")
    }
}
