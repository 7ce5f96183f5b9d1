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

/// The build parses thousands of files from many threads with one parser value.
@Suite struct ParallelParsingTests {
    @Test func oneParserFromManyTasks() async {
        let parser = DocumentParser(timeZone: FrontMatterFixture.shanghai)
        let sources = [
            "+++\ntitle = \"T\"\ndate = 2021-12-23\ntags = [\"a\"]\n[header]\nimage = \"\"\n+++\nbody\n",
            "---\ntitle: Y\ndate: 2022-04-21 10:00\nauthors: [{name: A B}]\n---\nbody\n",
            "---\ntitle: [broken\n---\n",
            "No front matter\n\ntext\n",
        ]
        let titles = await withTaskGroup(of: String?.self) { group in
            for index in 0..<400 {
                let text = sources[index % sources.count]
                group.addTask {
                    parser.parse(Array(text.utf8), source: FrontMatterFixture.source()).document?.metadata.title
                }
            }
            var result: [String: Int] = [:]
            for await title in group { result[title ?? "nil", default: 0] += 1 }
            return result
        }
        #expect(titles == ["T": 100, "Y": 100, "nil": 100, "No front matter": 100])
    }
}
