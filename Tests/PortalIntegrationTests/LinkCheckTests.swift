import Foundation
import PortalPipeline
import Testing

/// Tests/Fixtures/links/broken-links holds one link of each valid kind and one of
/// each broken kind; `expected.txt` lists the warnings the build must print, exactly.
@Suite struct LinkCheckTests {
    static let root = Fixtures.packageRoot + "/Tests/Fixtures/links/broken-links"

    static func expected() throws -> [String] {
        try String(contentsOfFile: root + "/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    @Test func eachBrokenLinkIsOneWarningWithItsPlace() throws {
        let result = Fixtures.build(Self.root)
        #expect(!result.failed)
        #expect(result.diagnostics.map(\.description) == (try Self.expected()))
        #expect(result.diagnostics.count == 7)
    }

    @Test func strictTurnsThemIntoErrors() throws {
        let result = Fixtures.build(Self.root, strict: true)
        #expect(result.failed)
        #expect(result.files.isEmpty)
        let expected = try Self.expected().map { $0.replacingOccurrences(of: ": warning: ", with: ": error: ") }
        #expect(result.diagnostics.map(\.description) == expected)
    }

    @Test func underASubPathTheSameLinksAreBroken() throws {
        let result = Fixtures.build(Self.root, baseURL: "https://example.org/portal/")
        let expected = try Self.expected().map { $0.replacingOccurrences(of: "nothing is built at /", with: "nothing is built at /portal/") }
        #expect(result.diagnostics.map(\.description) == expected)
        let page = Fixtures.text(result, "en/posts/links/index.html") ?? ""
        #expect(page.contains("href=\"/portal/en/posts/guide/#configure\""))
        #expect(page.contains("src=\"/portal/posts/images/diagram.svg\""))
    }

    @Test func aLinkToADeletedPageBreaksOnTheNextBuild() {
        let root = Fixtures.makeSite([
            "content/posts/a.md": "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nSee [b](b.md) and [b's URL](/zh-hans/posts/b/).\n",
            "content/posts/b.md": "+++\ntitle = \"B\"\ndate = 2024-01-01\n+++\nB.\n",
        ])
        #expect(Fixtures.build(root).diagnostics.isEmpty)
        try? FileManager.default.removeItem(atPath: root + "/content/posts/b.md")
        #expect(Fixtures.build(root).diagnostics.map(\.description) == [
            "content/posts/a.md:5:5: warning: broken link 'b.md': no page at content/posts/b.md",
            "content/posts/a.md:5:19: warning: broken link '/zh-hans/posts/b/': nothing is built at /zh-hans/posts/b/",
        ])
    }
}
