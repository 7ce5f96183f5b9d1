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

/// Renders the real-world seed documents when `../shared/seeds` exists beside the package.
@Suite struct MarkdownSeedDocumentTests {
    static let rawFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/seeds/raw")

    /// The body after a `---` or `+++` front matter block, or nil when the seed is absent.
    static func body(prefix: String) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: rawFolder.path),
              let name = names.sorted().first(where: { $0.hasPrefix(prefix) }),
              let text = try? String(contentsOf: rawFolder.appendingPathComponent(name), encoding: .utf8)
        else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let fence = lines.first.map(String.init), fence == "---" || fence == "+++",
              let end = lines.dropFirst().firstIndex(where: { $0 == fence }) else { return text }
        return lines[(end + 1)...].joined(separator: "\n")
    }

    @Test(.enabled(if: SharedFolder.hasSeeds, "needs ../shared/seeds beside the repository"))
    func meetingNotesGetCJKFriendlyStrongText() throws {
        guard let body = Self.body(prefix: "002_") else { return }
        let result = renderMarkdown(body)
        #expect(result.html.contains("<strong>会议主题：</strong> CloudWeGo 社区会议 4.21"))
        #expect(result.html.contains("<strong>运行</strong><code>gofumpt -l -extra -w .</code>"))
        #expect(result.html.contains("<strong>Q：我们是否也要把对接阿里云的相关基础设施统一放在一个 Suite 里面？</strong>"))
        #expect(!result.html.contains("**会议主题：**"))
        #expect(!result.html.unicodeScalars.contains(FriendlyEmphasis.marker))
        #expect(result.cjkCharacters > 500)
        // No space after full-width punctuation.
        #expect(result.summaryHTML.hasPrefix("会议主题：CloudWeGo 社区会议 4.21 参会人员："))
        #expect(result.summaryHTML.hasSuffix("…"))
    }

    @Test(.enabled(if: SharedFolder.hasSeeds, "needs ../shared/seeds beside the repository"))
    func communityMeetingPostRewritesImagesAndGetsChineseIDs() throws {
        guard let body = Self.body(prefix: "000_") else { return }
        let rewriter = RecordingRewriter()
        let result = renderMarkdown(body, links: rewriter)
        #expect(result.headings.contains { $0.id == "参加现有dapr社区会议的建议" })
        let images = rewriter.calls.filter(\.isImage)
        #expect(images.map(\.destination) == ["images/december-14.jpg", "images/january-11.jpg"])
        #expect(images.allSatisfy { $0.line > 1 })
        #expect(result.html.contains("<img src=\"/media/images/december-14.jpg\""))
        #expect(result.html.contains("<del>Tuesday November 16th 10:00am Pacific Time (PST)</del>"))
        #expect(result.summaryHTML.hasPrefix("和微软的 Artur Souza 沟通了一次"))
    }

    @Test(.enabled(if: SharedFolder.hasSeeds, "needs ../shared/seeds beside the repository"))
    func everySeedRendersWithoutLeaks() throws {
        for prefix in ["000_", "001_", "002_", "003_", "004_"] {
            guard let body = Self.body(prefix: prefix) else { continue }
            let result = renderMarkdown(body)
            #expect(!result.html.isEmpty)
            #expect(!result.html.contains("data-sourcepos"))
            #expect(!result.summaryHTML.contains("<"))
            #expect(!result.html.unicodeScalars.contains(FriendlyEmphasis.marker))
        }
    }
}
