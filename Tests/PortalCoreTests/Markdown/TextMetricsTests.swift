import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct TextMetricsTests {
    @Test func countsCJKCharactersAndLatinWords() {
        let metrics = TextMetrics(counting: "Dapr社区会议，每两周一次 (PST 19:30)。ひらがな カタカナ 한국어 don't")
        #expect(metrics.cjkCharacters == 9 + 4 + 4 + 3)
        #expect(metrics.latinWords == 5)  // Dapr, PST, 19, 30, don't
    }

    /// Counting UTF-8 bytes (with its shortcut for common Han) gives the same numbers as
    /// counting scalar by scalar, also at the edges of the shortcut's ranges.
    @Test(arguments: [
        "Dapr社区会议，每两周一次 (PST 19:30)。ひらがな カタカナ 한국어 don't",
        "\u{4DBF}\u{4DC0}\u{4DFF}\u{4E00}\u{4FFF}\u{5000}\u{9FFF}\u{A000}x\u{3400}y",
        "it's 中文's café naïve 123abc 😀 ｆｕｌｌ",
    ])
    func byteCountingMatchesScalarCounting(text: String) {
        var bytes = TextMetrics()
        var copy = text
        copy.withUTF8 { bytes.add(utf8: $0) }
        bytes.endWord()
        let scalars = TextMetrics(counting: text)
        #expect(bytes.cjkCharacters == scalars.cjkCharacters)
        #expect(bytes.latinWords == scalars.latinWords)
    }

    @Test func renderedBodyCountsTextButNotCodeBlocks() {
        let result = renderMarkdown("""
            # 标题 Title

            正文 body text with `inline code`.

            ```swift
            let ignored = "代码"
            ```

            ![图片 alt](a.png) [链接 link](/x)
            """)
        #expect(result.cjkCharacters == 2 + 2 + 2)
        #expect(result.latinWords == 1 + 3 + 2 + 1)
    }

    @Test func wordsAcrossEmphasisCountOnce() {
        let result = renderMarkdown("un**believ**able words")
        #expect(result.latinWords == 2)
    }

    @Test func readingMinutes() {
        #expect(TextMetrics.readingMinutes(cjkCharacters: 0, latinWords: 0, charactersPerMinute: 300, wordsPerMinute: 200) == 1)
        #expect(TextMetrics.readingMinutes(cjkCharacters: 1500, latinWords: 0, charactersPerMinute: 300, wordsPerMinute: 200) == 5)
        #expect(TextMetrics.readingMinutes(cjkCharacters: 600, latinWords: 400, charactersPerMinute: 300, wordsPerMinute: 200) == 4)
        #expect(TextMetrics.readingMinutes(cjkCharacters: 10, latinWords: 10, charactersPerMinute: 0, wordsPerMinute: -1) == 20)
        let rendered = renderMarkdown(String(repeating: "字", count: 900))
        #expect(rendered.readingMinutes(charactersPerMinute: 300, wordsPerMinute: 200) == 3)
    }
}
