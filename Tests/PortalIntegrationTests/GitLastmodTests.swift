import Foundation
import PortalPipeline
import PortalSite
import PortalText
import Testing

/// `[git] lastmod`: the last commit that changed a page's file dates it.
@Suite struct GitLastmodTests {
    static func git(_ arguments: [String], in folder: String, date: String = "2025-05-06T07:08:09+00:00") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": folder, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    static let siteToml = Fixtures.defaultSiteToml + "\n[git]\nlastmod = true\n"

    @Test func commitsDatePagesAndUncommittedFilesKeepTheirFrontMatter() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else {
            print("skipped: no git on this machine")
            return
        }
        let root = Fixtures.makeSite([
            "content/posts/a.en.md": "---\ntitle: A\ndate: 2024-01-01\n---\nA.\n",
            "content/posts/b.en.md": "---\ntitle: B\ndate: 2024-01-02\n---\nB.\n",
        ], siteToml: Self.siteToml)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.git(["init", "-q"], in: root)
        try Self.git(["add", "."], in: root, date: "2025-01-01T00:00:00+00:00")
        try Self.git(["commit", "-q", "-m", "first"], in: root, date: "2025-01-01T00:00:00+00:00")
        Fixtures.write("---\ntitle: A\ndate: 2024-01-01\n---\nA, edited.\n", to: root + "/content/posts/a.en.md")
        try Self.git(["commit", "-q", "-am", "edit a"], in: root, date: "2025-05-06T07:08:09+00:00")
        // Written after the last commit: no history, so front matter decides.
        Fixtures.write("---\ntitle: C\ndate: 2024-01-03\nlastmod: 2024-02-02\n---\nC.\n", to: root + "/content/posts/c.en.md")

        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.message.contains("[git]") }, "\(result.diagnostics)")
        let sitemap = Fixtures.text(result, "sitemap.xml") ?? ""
        #expect(sitemap.contains("<loc>https://example.org/en/posts/a/</loc>\n<lastmod>2025-05-06T15:08:09+08:00</lastmod>"), "\(sitemap)")
        #expect(sitemap.contains("<loc>https://example.org/en/posts/b/</loc>\n<lastmod>2025-01-01T08:00:00+08:00</lastmod>"))
        #expect(sitemap.contains("<loc>https://example.org/en/posts/c/</loc>\n<lastmod>2024-02-02T00:00:00+08:00</lastmod>"))
        #expect(Fixtures.text(result, "en/posts/a/index.html")?.contains("<time datetime=\"2025-05-06T15:08:09+08:00\">") == true)
    }

    @Test func outsideARepositoryFrontMatterDecidesWithOneWarning() {
        let root = Fixtures.makeSite(["content/posts/a.en.md": "---\ntitle: A\ndate: 2024-01-01\nlastmod: 2024-03-03\n---\nA.\n"],
                                     siteToml: Self.siteToml)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(result.diagnostics.filter { $0.message.hasPrefix("[git] lastmod:") }.count == 1, "\(result.diagnostics)")
        #expect(Fixtures.text(result, "sitemap.xml")?.contains("<lastmod>2024-03-03T00:00:00+08:00</lastmod>") == true)
    }
}
