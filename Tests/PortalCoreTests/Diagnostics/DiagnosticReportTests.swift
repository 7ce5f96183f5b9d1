import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct DiagnosticReportTests {
    func warning(_ n: Int) -> Diagnostic { .warning("broken link \(n)", at: SourceLocation(path: "content/a.md", line: n, column: 1)) }

    @Test func warningsBeyondTheLimitAreCountedNotListed() {
        let diagnostics = (1...5).map(warning) + [.error("bad", at: SourceLocation(path: "content/b.md", line: 1, column: 1))]
        let lines = DiagnosticReport.lines(diagnostics, warningLimit: 2)
        #expect(lines == [
            "content/a.md:1:1: warning: broken link 1",
            "content/a.md:2:1: warning: broken link 2",
            "content/b.md:1:1: error: bad",
            "… and 3 more warnings (5 in all; --all-warnings lists them)",
        ])
    }

    @Test func withoutALimitEverythingIsListed() {
        let diagnostics = (1...60).map(warning)
        #expect(DiagnosticReport.lines(diagnostics, warningLimit: nil).count == 60)
        #expect(DiagnosticReport.lines(diagnostics).count == DiagnosticReport.defaultWarningLimit + 1)
        #expect(DiagnosticReport.lines(Array(diagnostics.prefix(50))).count == 50)
    }
}
