import Foundation
import PortalPipeline
import Testing

/// A page with a table wider than `[limits] tableColumns` fails the build with a
/// located error, in bounded time, instead of costing seconds in cmark-gfm.
@Suite struct TableLimitBuildTests {
    static let wide = "|" + String(repeating: "a|", count: 20_000) + "\n|" + String(repeating: "-|", count: 20_000) + "\n"

    @Test func aWideTableFailsTheBuildWithItsLine() {
        let root = Fixtures.makeSite(["content/posts/wide.md": "---\ntitle: Wide\ndate: 2024-01-01\n---\n\nintro\n\n" + Self.wide])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let clock = ContinuousClock()
        var result: BuildResult?
        let elapsed = clock.measure { result = Fixtures.build(root) }
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        let errors = result?.diagnostics.filter(\.isError) ?? []
        #expect(errors.count == 1)
        #expect(errors.first?.location?.description == "content/posts/wide.md:8:1", "\(errors)")
        #expect(errors.first?.message.contains("tableColumns") == true)
        #expect(result?.failed == true)
    }

    @Test func aFallbackCopyDoesNotRepeatTheError() {
        let root = Fixtures.makeSite(["content/posts/wide.md": "---\ntitle: Wide\ndate: 2024-01-01\n---\n\n" + Self.wide],
                                     siteToml: Fixtures.defaultSiteToml + "\n[chinese]\nfallback = true\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let errors = Fixtures.build(root).diagnostics.filter(\.isError)
        #expect(errors.map(\.location?.description) == ["content/posts/wide.md:6:1"])
    }

    @Test func raisingTheLimitBuildsThePage() {
        let root = Fixtures.makeSite(["content/posts/wide.md": "---\ntitle: Wide\ndate: 2024-01-01\n---\n\n| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n"],
                                     siteToml: Fixtures.defaultSiteToml + "\n[limits]\ntableColumns = 2\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(Fixtures.build(root).diagnostics.first?.location?.description == "content/posts/wide.md:6:1")
        Fixtures.write(Fixtures.defaultSiteToml + "\n[limits]\ntableColumns = 3\n", to: root + "/site.toml")
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
    }
}
