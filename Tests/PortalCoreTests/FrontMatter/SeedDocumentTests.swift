import Foundation
import Testing
@testable import PortalCore

/// The seed site's pages parse into what `seeds/expected.toml` says (title, date, tags, authors).
@Suite struct SeedDocumentTests {
    /// `../shared/seeds/site` beside the package root (three levels above this file's folder).
    static let siteRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/seeds/site").path
    }()

    static var available: Bool { FileManager.default.fileExists(atPath: siteRoot + "/content") }

    struct Expectation: Sendable, CustomStringConvertible {
        var path: String
        var title: String
        var date: String?
        var tags: [String]
        var authors: [String]
        var description: String { path }
    }

    static let expectations = [
        Expectation(path: "posts/202112-dapr-china-community-meeting/index.md", title: "Dapr中国社区会议筹备事宜",
                    date: "2021-12-23", tags: ["Dapr"], authors: []),
        Expectation(path: "blog/2022-09-15-opensergo-community-meeting-20220915.md", title: "OpenSergo 社区双周会纪要（2022/09/15）",
                    date: "2022-09-15", tags: [], authors: ["sczyh30"]),
        Expectation(path: "meetings/2022-04-21.md", title: "CloudWeGo 社区会议 4.21", date: "2022-04-21", tags: [], authors: []),
        Expectation(path: "meetings/cloudwego-meeting-8.11.md", title: "CloudWeGo 社区会议 8.11", date: nil, tags: [], authors: []),
        Expectation(path: "meetings/2022-06-30.md", title: "CloudWeGo 社区会议 6.30", date: "2022-06-30", tags: [], authors: []),
    ]

    @Test(.enabled(if: available), arguments: expectations)
    func seedPage(_ expected: Expectation) throws {
        let shanghai = FrontMatterFixture.shanghai
        let data = try #require(FileManager.default.contents(atPath: Self.siteRoot + "/content/" + expected.path))
        let result = FrontMatterFixture.parseBytes(Array(data), path: expected.path, timeZone: shanghai)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let metadata = try #require(result.document?.metadata)
        #expect(metadata.title == expected.title)
        #expect(metadata.date == expected.date.flatMap { FrontMatterDate.parse($0, timeZone: shanghai)?.date })
        #expect(metadata.tags == expected.tags)
        #expect(metadata.authors.map(\.id) == expected.authors)
    }

    @Test(.enabled(if: available))
    func seedDetails() throws {
        func parse(_ path: String) throws -> Document {
            let data = try #require(FileManager.default.contents(atPath: Self.siteRoot + "/content/" + path))
            return try #require(FrontMatterFixture.parseBytes(Array(data), path: path).document)
        }
        let dapr = try parse("posts/202112-dapr-china-community-meeting/index.md")
        #expect(dapr.format == .toml)
        #expect(dapr.metadata.summary == "筹备Dapr中国社区会议")
        #expect(dapr.metadata.draft == false)
        #expect(dapr.metadata.params.map(\.key) == ["header"])
        let opensergo = try parse("blog/2022-09-15-opensergo-community-meeting-20220915.md")
        #expect(opensergo.metadata.slug == "opensergo-community-meeting-20220915")
        // The body keeps its `---` thematic break: the front matter ended at the first fence.
        #expect(opensergo.body.contains("\n---\n"))
        #expect(opensergo.bodyLine == 7)
        let meeting = try parse("meetings/2022-04-21.md")
        #expect(meeting.metadata.weight == 5)
        #expect(meeting.metadata.linkTitle == "CloudWeGo 社区会议 4.21")
        #expect(meeting.metadata.summary == nil)
        let noFrontMatter = try parse("meetings/cloudwego-meeting-8.11.md")
        #expect(noFrontMatter.format == .none)
        #expect(!noFrontMatter.body.contains("CloudWeGo 社区会议 8.11\n\n会议主题"))
        #expect(noFrontMatter.bodyLine == 2)
    }
}
