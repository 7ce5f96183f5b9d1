import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

/// `[limits] tableColumns`: rows cmark-gfm would read as table rows are refused over the
/// limit, before parsing; other lines are never refused.
@Suite struct TableColumnLimitTests {
    private func check(_ body: String, limit: Int = 1_000, bodyLine: Int = 1) -> Diagnostic? {
        TableColumnLimit.check(body, limit: limit, file: "content/posts/t.md", bodyLine: bodyLine)
    }

    private static func row(_ cells: Int, _ text: String = "a") -> String {
        "|" + String(repeating: text + "|", count: cells) + "\n"
    }

    @Test func aWideTableIsRefusedQuicklyWithItsPlaceAndHowToRaiseTheLimit() throws {
        let body = "intro\n\n" + Self.row(20_000) + Self.row(20_000, "-") + Self.row(20_000, "b")
        let clock = ContinuousClock()
        var found: Diagnostic?
        let elapsed = clock.measure { found = check(body, bodyLine: 5) }
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        let error = try #require(found)
        #expect(error.isError)
        #expect(error.location == SourceLocation(path: "content/posts/t.md", line: 7, column: 1))
        #expect(error.message.contains("20000 cells"))
        #expect(error.message.contains("limit of 1000"))
        #expect(error.message.contains("[limits]"))
        #expect(error.message.contains("tableColumns"))
    }

    @Test func rowsWithinTheLimitPass() {
        #expect(check(Self.row(1_000) + Self.row(1_000, "-") + Self.row(1_000, "b")) == nil)
        #expect(check("| a | b |\n|---|:-:|\n| 1 | 2 |\n") == nil)
        #expect(check("no table at all\n") == nil)
        #expect(check("") == nil)
    }

    @Test func theLimitCountsCellsNotPipes() {
        // 3 cells with leading and trailing pipes, 3 without, escaped pipes inside a cell.
        #expect(check("| a | b | c |\n|-|-|-|\n", limit: 3) == nil)
        #expect(check("a | b | c\n-|-|-\n", limit: 3) == nil)
        #expect(check("| a \\| b | c | d |\n|-|-|-|\n", limit: 3) == nil)
        #expect(check("| a | b | c | d |\n|-|-|-|-|\n", limit: 3)?.location?.line == 1)
    }

    @Test func aBodyRowOverTheLimitInANarrowTableIsRefused() {
        // A two-column table whose third row has 20,000 cells: cmark-gfm reads every cell.
        let body = "| a | b |\n|---|---|\n| 1 | 2 |\n" + Self.row(20_000)
        #expect(check(body)?.location?.line == 4)
    }

    @Test func aHeaderOverTheLimitIsRefusedEvenWhenTheDelimiterRowIsNarrow() {
        #expect(check("text\n\n" + Self.row(5_000) + "|-|-|\n")?.location?.line == 3)
    }

    @Test func pipesOutsideTablesAreNotRefused() {
        // A paragraph of pipes with no delimiter row, and after a table that a blank line ended.
        let pipes = "x " + String(repeating: "a|", count: 20_000) + "\n"
        #expect(check(pipes) == nil)
        #expect(check("| a | b |\n|---|---|\n| 1 | 2 |\n\n" + pipes + pipes) == nil)
    }

    @Test func theLimitComesFromSiteToml() {
        let (config, diagnostics) = SiteConfigLoader.parse("title = \"t\"\n[limits]\ntableColumns = 50000\n")
        #expect(diagnostics.isEmpty)
        #expect(config?.markdown.tableColumns == 50_000)
        #expect(SiteConfigLoader.parse("title = \"t\"\n").config?.markdown.tableColumns == 1_000)
        let bad = SiteConfigLoader.parse("title = \"t\"\n[limits]\ntableColumns = 0\n")
        #expect(bad.config == nil)
        #expect(bad.diagnostics.first?.location?.line == 3)
    }
}
