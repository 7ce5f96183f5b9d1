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

@Suite struct DocumentDecodingTests {
    @Test func invalidUTF8IsLocatedAtTheFirstBadByte() {
        var bytes = Array("---\ntitle: 标题\n---\n\nab".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("cd\n".utf8))
        let result = FrontMatterFixture.parseBytes(bytes)
        #expect(FrontMatterFixture.errorOf(result) == "content/posts/a.md:5:3: error: invalid UTF-8")
    }

    @Test func invalidUTF8ColumnCountsCharacters() {
        // Two Chinese characters (6 bytes) then a truncated sequence.
        var bytes = Array("x\n中文".utf8)
        bytes.append(contentsOf: [0xE4, 0xB8])
        #expect(FrontMatterFixture.errorOf(FrontMatterFixture.parseBytes(bytes)) == "content/posts/a.md:2:3: error: invalid UTF-8")
    }

    @Test(arguments: [
        [0xC0, 0x80] as [UInt8],      // overlong NUL
        [0xED, 0xA0, 0x80],           // surrogate
        [0xF4, 0x90, 0x80, 0x80],     // beyond U+10FFFF
        [0x80],                       // lone continuation byte
        [0xF0, 0x9F, 0x98],           // truncated at the end
    ])
    func malformedSequencesAreRejected(tail: [UInt8]) {
        let bytes = Array("ok ".utf8) + tail
        #expect(FrontMatterFixture.errorOf(FrontMatterFixture.parseBytes(bytes)) == "content/posts/a.md:1:4: error: invalid UTF-8")
    }

    /// The validator skips ASCII in eight-byte words; it must agree with the standard
    /// library's decoder on every input, including bad bytes at each position of a word.
    @Test func validatorAgreesWithTheStandardLibrary() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let pieces: [[UInt8]] = [
            Array("abcdefgh".utf8), Array("中文".utf8), Array("é".utf8), Array("😀".utf8), [0x0A],
            [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xF0, 0x9F, 0x98],
        ]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(next() % 12) {
                let piece = Int(next() % UInt64(pieces.count))
                // Mostly valid text, so that bad bytes land at every offset inside an ASCII word.
                bytes += next() % 4 == 0 ? pieces[piece] : pieces[piece % 5]
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(SourceDecoder.isValidUTF8(bytes) == expected, "\(bytes)")
        }
    }

    @Test func validMultibyteTextIsAccepted() {
        let result = FrontMatterFixture.parse("# 标题 😀\n\n正文 ✓\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.document?.metadata.title == "标题 😀")
    }

    @Test func nulByteIsABinaryFile() {
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]
        #expect(FrontMatterFixture.errorOf(FrontMatterFixture.parseBytes(bytes)) == "content/posts/a.md:3:1: error: binary file")
    }

    @Test func nulInsideTOMLIsRejectedBeforeParsing() {
        let bytes = Array("+++\ntitle = \"a\"\n".utf8) + [0] + Array("draft = true\n+++\n".utf8)
        #expect(FrontMatterFixture.errorOf(FrontMatterFixture.parseBytes(bytes)) == "content/posts/a.md:3:1: error: binary file")
    }

    @Test func byteOrderMarkIsStripped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\ntitle: 有 BOM\n---\nbody\n".utf8)
        let document = try #require(FrontMatterFixture.parseBytes(bytes).document)
        #expect(document.format == .yaml)
        #expect(document.metadata.title == "有 BOM")
        #expect(document.body == "body\n")
    }

    @Test func crlfLineEndingsAreNormalised() throws {
        let text = "+++\r\ntitle = \"CRLF\"\r\ntags = [\"a\"]\r\n+++\r\n\r\nline one\r\nline two\r\n"
        let document = try #require(FrontMatterFixture.parse(text).document)
        #expect(document.format == .toml)
        #expect(document.metadata.title == "CRLF")
        #expect(document.metadata.tags == ["a"])
        #expect(document.body == "\nline one\nline two\n")
        #expect(document.bodyLine == 5)
    }

    @Test func loneCarriageReturnIsKept() throws {
        let document = try #require(FrontMatterFixture.parse("---\ntitle: t\n---\na\rb\r\n").document)
        #expect(document.body == "a\rb\n")
    }

    @Test func blankLinesBeforeTheOpeningFence() throws {
        let document = try #require(FrontMatterFixture.parse("\n  \n\t\n---\ntitle: After blanks\n---\nbody\n").document)
        #expect(document.format == .yaml)
        #expect(document.metadata.title == "After blanks")
        #expect(document.bodyLine == 7)
        #expect(document.body == "body\n")
    }

    @Test func emptyFileIsAnEmptyPage() throws {
        let document = try #require(FrontMatterFixture.parse("").document)
        #expect(document.format == .none)
        #expect(document.body == "")
        #expect(document.metadata.title == nil)
    }
}
