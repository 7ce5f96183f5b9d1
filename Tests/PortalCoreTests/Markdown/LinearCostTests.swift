import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

/// Inputs that cost minutes when columns and heading ids were found by scanning from
/// the start each time; both must now grow with the input, and give the same results.
@Suite struct LinearCostTests {
    /// The columns as they were counted before: the line rescanned for each link.
    private static func rescannedColumn(_ bytes: [UInt8], line: Int, column: Int) -> Int {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        guard line >= 1, line <= starts.count, column > 1 else { return max(1, column) }
        let start = starts[line - 1]
        let end = min(bytes.count, start + column - 1)
        var characters = 0
        var i = start
        while i < end {
            if i + 3 <= end, bytes[i] == 0xE1, bytes[i + 1] == 0xAF, bytes[i + 2] == 0xBC {
                i += 3
                continue
            }
            if bytes[i] & 0xC0 != 0x80 { characters += 1 }
            i += 1
        }
        return characters + 1
    }

    /// The ids as they were given before: `-1`, `-2`… probed from the start each time.
    private struct ProbingIDs {
        var used: Set<String> = []
        var unnamed = 0
        mutating func id(for text: String) -> String {
            var base = HeadingIDs.slug(text)
            if base.isEmpty {
                unnamed += 1
                base = "heading-\(unnamed)"
            }
            if used.insert(base).inserted { return base }
            var n = 1
            while !used.insert("\(base)-\(n)").inserted { n += 1 }
            return "\(base)-\(n)"
        }
    }

    @Test func columnsMatchARescanInAnyOrder() {
        // Markers (U+1BFC), Chinese, ASCII, on several lines; asked forwards, backwards
        // and at every byte, including inside a marker or a character.
        let text = "ab\u{1BFC}中\u{1BFC}\u{1BFC}x文 [l](/a)\u{1BFC}\n\u{1BFC}\n\n中文\u{1BFC}a\u{1BFC}"
        let bytes = Array(text.utf8)
        var queries: [(Int, Int)] = []
        for line in 0...6 {
            for column in 0...30 { queries.append((line, column)) }
        }
        var seed: UInt64 = 19
        var shuffled = queries
        for i in shuffled.indices.reversed() {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            shuffled.swapAt(i, Int(seed >> 33) % (i + 1))
        }
        for order in [queries, Array(queries.reversed()), shuffled] {
            var columns = SourceColumns(bytes)
            for (line, column) in order {
                #expect(columns.character(line: line, column: column) == Self.rescannedColumn(bytes, line: line, column: column),
                        "line \(line) column \(column)")
            }
        }
    }

    @Test func manyLinksOnOneLineAreLinear() {
        // 40,000 links on one line: 10 s when each link rescanned the line.
        let count = 40_000
        let line = String(repeating: "[链接](/a) ", count: count)
        let clock = ContinuousClock()
        var result: RenderedMarkdown?
        let elapsed = clock.measure { result = renderMarkdown(line) }
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        let links = result?.links ?? []
        #expect(links.count == count)
        // Each link is 9 characters apart: `[链接](/a) `.
        #expect(links.last?.column == (count - 1) * 9 + 1)
        #expect(links.allSatisfy { $0.line == 1 })
    }

    @Test func headingIDsMatchProbingFromTheStart() {
        let texts = ["Intro", "Intro", "intro-1", "Intro", "Intro 2", "Intro", "", "heading 2", "？", "heading-2",
                     "A", "a-1", "a-2", "A", "A", "a-3-1", "A", "A", "a-5", "A", "A"]
        var ids = HeadingIDs()
        var probing = ProbingIDs()
        for text in texts + texts {
            #expect(ids.id(for: text) == probing.id(for: text), "\(text)")
        }
    }

    @Test func identicalHeadingsAreLinear() {
        // 10,000 identical headings: 5 s when each repeat probed -1, -2… from the start.
        var ids = HeadingIDs()
        let clock = ContinuousClock()
        var last = ""
        let elapsed = clock.measure {
            for _ in 0..<20_000 { last = ids.id(for: "Agenda 议程") }
        }
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        #expect(last == "agenda-议程-19999")

        let page = String(repeating: "## Notes\n\n", count: 10_000)
        var result: RenderedMarkdown?
        let render = clock.measure { result = renderMarkdown(page) }
        #expect(render < .seconds(10), "took \(render)")
        #expect(result?.headings.last?.id == "notes-9999")
    }
}
