import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct ParallelTests {
    @Test func keepsOrder() {
        let input = Array(0..<10_000)
        let output = parallelMap(input) { $0 * 2 }
        #expect(output == input.map { $0 * 2 })
    }

    @Test func emptyInput() {
        let output = parallelMap([Int]()) { $0 + 1 }
        #expect(output.isEmpty)
    }

    @Test func singleItem() {
        #expect(parallelMap(["a"]) { $0 + "b" } == ["ab"])
    }

    @Test func fewerItemsThanChunks() {
        let input = Array(0..<3)
        #expect(parallelMap(input) { String($0) } == ["0", "1", "2"])
    }

    @Test func backgroundWorkHandsBackItsResultWhileOtherWorkRuns() {
        let words = (0..<2_000).map { "w\($0)" }
        let work = BackgroundWork { words.joined(separator: " ").utf8.count }
        let beside = parallelMap(Array(0..<1_000)) { $0 + 1 }
        #expect(beside.last == 1_000)
        #expect(work.wait() == words.joined(separator: " ").utf8.count)
    }
}
