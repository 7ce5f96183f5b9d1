import Foundation
import PortalPipeline
import Testing

/// Search over built sites: the sample portal's own content queried with the theme's
/// script under Node, the search pages, and what is left out of the index.
@Suite struct SearchBuildTests {
    static var node: String? {
        ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Builds `root` and writes every file under a temporary folder.
    static func published(_ root: String) -> (folder: String, result: BuildResult) {
        let result = SiteBuilder(options: BuildOptions(sourceRoot: root, now: Fixtures.now)).build()
        let folder = Fixtures.temporaryDirectory()
        for file in result.files { Fixtures.write(Fixtures.bytes(of: file), to: folder + "/" + file.path) }
        return (folder, result)
    }

    struct Answer: Decodable {
        var query: String
        var count: Int
        var urls: [String]
    }

    static func query(_ folder: String, _ language: String, _ queries: [String]) throws -> [Answer] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(node))
        process.arguments = [Fixtures.packageRoot + "/Tests/JS/query.cjs", folder, language] + queries
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { try JSONDecoder().decode(Answer.self, from: Data($0.utf8)) }
    }

    @Test(.enabled(if: SearchBuildTests.node != nil, "node is not installed: the query test is skipped"))
    func sampleQueriesFindTheirPageInTheTopThree() throws {
        let (folder, result) = Self.published(Fixtures.packageRoot)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(!result.failed, "\(result.diagnostics.filter(\.isError))")
        // Pages dated after Fixtures.now (2026-06-01) are not built.
        let cases = try Self.sampleQueries()
        #expect(cases.top3["zh-hans"]?.count == 10 && cases.top3["en"]?.count == 10)
        for (language, pairs) in cases.top3.sorted(by: { $0.key < $1.key }) {
            let answers = try Self.query(folder, language, pairs.map { $0[0] })
            #expect(answers.count == pairs.count)
            for (answer, pair) in zip(answers, pairs) {
                #expect(answer.query == pair[0])
                #expect(answer.urls.prefix(3).contains(pair[1]), "\(language) '\(pair[0])': \(answer.urls)")
            }
        }
        // Traditional input finds simplified text; a word on no page finds nothing;
        // the other language's words are not in this language's index.
        let more = try Self.query(folder, "zh-hans", [cases.traditional[1], cases.none[1], cases.otherLanguage[1]])
        #expect(more[0].urls.first == cases.traditional[2])
        #expect(more[1].count == 0)
        #expect(more[2].count == 0)
        let other = try Self.query(folder, "en", [cases.otherLanguage[1]])
        #expect(other[0].urls.first == cases.otherLanguage[2])
    }

    struct SampleQueries: Decodable {
        var top3: [String: [[String]]]
        var traditional: [String]
        var none: [String]
        var otherLanguage: [String]
    }

    static func sampleQueries() throws -> SampleQueries {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.packageRoot + "/Tests/Fixtures/search/sample-queries.json"))
        return try JSONDecoder().decode(SampleQueries.self, from: data)
    }

    @Test func searchPagesIndexAndWhatIsLeftOut() {
        let root = Fixtures.makeSite([
            "content/posts/a.en.md": "---\ntitle: Alpha mesh\ndate: 2024-01-01\n---\nAlpha text.\n",
            "content/posts/hidden.en.md": "---\ntitle: Hidden mesh\ndate: 2024-01-02\nunlisted: true\n---\nHidden.\n",
            "content/notes/n.en.md": "---\ntitle: Note mesh\ndate: 2024-01-03\n---\nNote.\n",
        ], siteToml: Fixtures.defaultSiteToml + "\n[search]\nenabled = true\nexclude = [\"notes\"]\n")
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        let page = Fixtures.text(result, "en/search/index.html") ?? ""
        #expect(page.contains("<form class=\"search-form\" role=\"search\""))
        #expect(page.contains("<noscript>"))
        #expect(page.contains("href=\"/zh-hans/search/\" hreflang=\"zh-Hans\""))
        #expect(page.contains("data-pagefind-body"))
        #expect(Fixtures.text(result, "en/posts/a/index.html")?.contains("<a class=\"search-link\" href=\"/en/search/\">Search</a>") == true)
        let chunk = Fixtures.text(result, "en/search/d0.json") ?? ""
        #expect(chunk.contains("Alpha mesh"))
        #expect(!chunk.contains("Hidden mesh"))
        #expect(!chunk.contains("Note mesh"))
        #expect(Fixtures.text(result, "sitemap.xml")?.contains("/search/") == false)

        // On unless a site turns it off.
        let plain = Fixtures.build(Fixtures.makeSite(["content/posts/a.en.md": "---\ntitle: A\ndate: 2024-01-01\n---\nA.\n"]))
        #expect(plain.files.contains { $0.path == "en/search/meta.json" })
        #expect(Fixtures.text(plain, "en/posts/a/index.html")?.contains("search-link") == true)
        let off = Fixtures.build(Fixtures.makeSite(["content/posts/a.en.md": "---\ntitle: A\ndate: 2024-01-01\n---\nA.\n"],
                                                   siteToml: Fixtures.defaultSiteToml + "\n[search]\nenabled = false\n"))
        #expect(!off.files.contains { $0.path.contains("search/") })
        #expect(Fixtures.text(off, "en/posts/a/index.html")?.contains("search-link") == false)
    }

    @Test func aSitesOwnSearchPageKeepsItsPlace() {
        // Docsy sites have content/<lang>/search.md: that page stays, and the index is written beside it.
        let root = Fixtures.makeSite([
            "content/search.en.md": "---\ntitle: Find\n---\nOur own search page.\n",
            "content/posts/a.en.md": "---\ntitle: A\ndate: 2024-01-01\n---\nA.\n",
        ], siteToml: Fixtures.defaultSiteToml + "\n[search]\nenabled = true\n")
        let result = Fixtures.build(root)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(Fixtures.text(result, "en/search/index.html")?.contains("Our own search page.") == true)
        #expect(Fixtures.text(result, "en/search/meta.json") != nil)
        #expect(Fixtures.text(result, "zh-hans/search/index.html")?.contains("search-form") == true)
    }
}
