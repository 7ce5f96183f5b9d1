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

@Suite struct MarkdownConcurrencyTests {
    /// Documents that use every extension whose characters share cmark-gfm's special table.
    static let documents: [String] = (0..<24).map { index in
        """
        # 标题 \(index)

        | 名称 | 值 |
        |:-----|---:|
        | a\(index) | ~~旧~~ 新 |

        见 www.example.org/\(index) 与 https://cloudwego.io/docs/\(index)。

        - [x] 已完成 ~~删除~~
        - [ ] 待办 `code | pipe`

        脚注[^\(index)]。

        [^\(index)]: 说明 \(index)。
        """
    }

    @Test func parsesOnManyThreadsGiveTheSameHTMLAsOneByOne() {
        MarkdownRenderer.prepare()
        let renderer = MarkdownRenderer(options: MarkdownOptions(), chinese: ChineseOptions())
        let expected = Self.documents.map { renderer.render($0, links: nil).html }
        #expect(expected[3].contains("<del>旧</del>"))
        #expect(expected[3].contains("<table>"))
        #expect(expected[3].contains("href=\"http://www.example.org/3\""))
        #expect(expected[3].contains("type=\"checkbox\""))

        let rounds = 40
        let results = ResultBox(count: rounds * Self.documents.count)
        DispatchQueue.concurrentPerform(iterations: rounds * Self.documents.count) { index in
            let document = Self.documents[index % Self.documents.count]
            results.set(index, renderer.render(document, links: nil).html)
        }
        for index in 0..<(rounds * Self.documents.count) {
            #expect(results.get(index) == expected[index % Self.documents.count])
        }
    }

    #if os(Linux)
    @Test func parsesRunInParallelWithTheSystemLibrary() {
        // The replacement in CCmarkParsing is the definition the library binds to.
        MarkdownRenderer.prepare()
        #expect(MarkdownRenderer.parsesInParallel)
    }
    #endif
}

/// Slots written by different threads, each once.
private final class ResultBox: @unchecked Sendable {
    private var values: [String]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: "", count: count) }

    func set(_ index: Int, _ value: String) {
        lock.withLock { values[index] = value }
    }

    func get(_ index: Int) -> String {
        lock.withLock { values[index] }
    }
}
