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

/// The seed site's pages parse into what `seeds/expected.toml` says (title, date,
/// tags, authors, summary, weight). Both are read from `../shared/seeds` beside the
/// package root; the tests are skipped when it is absent.
@Suite struct SeedDocumentTests {
    static let seedsRoot: String = {
        // This file is Tests/PortalCoreTests/FrontMatter/…: the package root is three folders up.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
    }()

    static var available: Bool { FileManager.default.fileExists(atPath: seedsRoot + "/expected.toml") }

    /// The `[[page]]` tables of expected.toml, read with the project's own TOML reader.
    static func expectedPages() throws -> [FrontMatterNode] {
        let data = try #require(FileManager.default.contents(atPath: seedsRoot + "/expected.toml"))
        let text = String(decoding: data, as: UTF8.self)
        guard case let .success(entries) = TOMLFrontMatterReader.read(text, lineOffset: 0, timeZone: FrontMatterFixture.utc) else {
            Issue.record("expected.toml does not parse")
            return []
        }
        let pages = try #require(entries.first { $0.key == "page" }?.node)
        guard case let .list(items) = pages.kind else { return [] }
        return items
    }

    static func siteTimeZone() throws -> TimeZone {
        let data = try #require(FileManager.default.contents(atPath: seedsRoot + "/site/site.toml"))
        let entries = try TOMLFrontMatterReader.read(String(decoding: data, as: UTF8.self), lineOffset: 0, timeZone: FrontMatterFixture.utc).get()
        let name = entries.first { $0.key == "timeZone" }?.node.text ?? "UTC"
        return try #require(TimeZone(identifier: name))
    }

    static func strings(_ node: FrontMatterNode?) -> [String]? {
        guard let node, case let .list(items) = node.kind else { return nil }
        return items.compactMap(\.text)
    }

    @Test(.enabled(if: available, "needs ../shared/seeds beside the repository"))
    func seedPagesMatchExpectedToml() throws {
        let timeZone = try Self.siteTimeZone()
        let pages = try Self.expectedPages()
        #expect(pages.count == 5)
        for page in pages {
            let source = try #require(page.entry("source")?.text)
            let contentPath = String(source.dropFirst("content/".count))
            let data = try #require(FileManager.default.contents(atPath: Self.seedsRoot + "/site/" + source))
            let result = FrontMatterFixture.parseBytes(Array(data), path: contentPath, timeZone: timeZone)
            #expect(result.diagnostics.isEmpty, "\(source): \(result.diagnostics)")
            let metadata = try #require(result.document?.metadata, "\(source)")
            #expect(metadata.title == page.entry("title")?.text, "\(source)")
            let date = try #require(page.entry("date")?.text)
            if date == "none" {
                #expect(metadata.date == nil, "\(source)")
            } else {
                #expect(metadata.date == FrontMatterDate.parse(date, timeZone: timeZone)?.date, "\(source)")
            }
            if let tags = Self.strings(page.entry("tags")) { #expect(metadata.tags == tags, "\(source)") }
            if let authors = Self.strings(page.entry("authors")) { #expect(metadata.authors.map(\.id) == authors, "\(source)") }
            if let summary = page.entry("summary")?.text { #expect(metadata.summary == summary, "\(source)") }
            if case let .value(.int(weight))? = page.entry("weight")?.kind { #expect(metadata.weight == weight, "\(source)") }
        }
    }

    @Test(.enabled(if: available, "needs ../shared/seeds beside the repository"))
    func seedStructure() throws {
        func parse(_ contentPath: String) throws -> Document {
            let data = try #require(FileManager.default.contents(atPath: Self.seedsRoot + "/site/content/" + contentPath))
            return try #require(FrontMatterFixture.parseBytes(Array(data), path: contentPath).document)
        }
        let bundle = try parse("posts/202112-dapr-china-community-meeting/index.md")
        #expect(bundle.format == .toml)
        #expect(bundle.metadata.params.map(\.key) == ["header"])
        let blog = try parse("blog/2022-09-15-opensergo-community-meeting-20220915.md")
        #expect(blog.format == .yaml)
        #expect(blog.metadata.slug.map { FileNameDate.stripDatePrefix("2022-09-15-" + $0) } == blog.metadata.slug)
        // The body keeps its `---` thematic break: the front matter ended at the first fence.
        #expect(blog.body.contains("\n---\n"))
        let meeting = try parse("meetings/2022-04-21.md")
        #expect(meeting.metadata.linkTitle == meeting.metadata.title)
        #expect(meeting.metadata.summary == nil)
        let plain = try parse("meetings/cloudwego-meeting-8.11.md")
        #expect(plain.format == .none)
        #expect(plain.bodyLine == 2)
        #expect(!plain.body.hasPrefix(plain.metadata.title ?? "-"))
    }
}
