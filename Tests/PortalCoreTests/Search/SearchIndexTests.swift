import Foundation
import Testing
@testable import PortalSearch
@testable import PortalText

/// The files of a language's index: what they hold, where a term lives, and that the
/// same pages give the same bytes.
@Suite struct SearchIndexTests {
    static let documents = [
        SearchDocument(url: "/zh-hans/a/", title: "服务网格入门", section: "博客", date: "2024年3月1日", labels: ["服务网格"], body: "介绍服务网格和 Kubernetes。"),
        SearchDocument(url: "/zh-hans/b/", title: "会议纪要", section: "会议", date: "", labels: [], body: "讨论了网格的性能，以及 \"dapr-cli\" 1.0.3 的发布。"),
        SearchDocument(url: "/zh-hans/c/", title: "关于 <社区>", section: "", date: "", labels: [], body: String(repeating: "很长的正文。", count: 100)),
    ]

    static func files() -> [String: String] {
        Dictionary(uniqueKeysWithValues: SearchIndexBuilder.build(documents).map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    static func postings(of term: String, in files: [String: String]) throws -> [Int] {
        let meta = try #require(try JSONSerialization.jsonObject(with: Data(files["meta.json"]!.utf8)) as? [String: Any])
        let shards = try #require(meta["shards"] as? Int)
        let shard = Int(FNV1a.hash(term) % UInt32(shards))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(files["s\(shard).json"]!.utf8)) as? [String: [Int]])
        return try #require(object[term])
    }

    @Test func filesAndMeta() throws {
        let files = Self.files()
        #expect(Set(files.keys) == ["meta.json", "s0.json", "d0.json"])
        #expect(files["meta.json"] == "{\"v\":2,\"pages\":3,\"shards\":1,\"chunk\":8,\"positions\":2}\n")
        let chunk = try #require(try JSONSerialization.jsonObject(with: Data(files["d0.json"]!.utf8)) as? [[String]])
        #expect(chunk.map { $0[0] } == ["/zh-hans/a/", "/zh-hans/b/", "/zh-hans/c/"])
        #expect(chunk[0] == ["/zh-hans/a/", "服务网格入门", "博客", "2024年3月1日", "介绍服务网格和 Kubernetes。"])
        #expect(chunk[2][1] == "关于 <社区>")
        #expect(!files["d0.json"]!.contains("<社区>"), "`<` is written as \\u003c")
        #expect(chunk[2][4].count == SearchIndexBuilder.excerptCharacters)
    }

    /// The excerpt read as bytes agrees with the same rule written on scalars and
    /// Unicode's own whitespace property, over every kind of character it meets.
    @Test func excerptCollapsesUnicodeWhitespaceAndCutsAtACharacter() {
        func reference(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var count = 0
            var space = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    space = !out.isEmpty
                    continue
                }
                if space { out.append(" "); count += 1; space = false }
                out.append(scalar)
                count += 1
                if count >= SearchIndexBuilder.excerptCharacters { break }
            }
            return String(out)
        }
        let pieces = ["服务网格", "，", "。", " ", "\t", "\n", "\u{3000}", "\u{A0}", "\u{2009}", "\u{2028}", "\u{85}", "\u{1680}",
                      "mesh", "é", "😀", "𠀀", "\u{200B}", "\u{FEFF}", "Ｋ8s", "ß", "x\u{301}", "\u{202F}", "\u{205F}"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<(Int(seed % 300)) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            #expect(SearchIndexBuilder.excerpt(text) == reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(SearchIndexBuilder.excerpt("  \u{3000}会议\u{A0}\u{A0} notes\n") == "会议 notes")
    }

    @Test func postingsHoldPagesWeightsAndPositions() throws {
        let files = Self.files()
        // 网格: page 0 (title, labels, body), page 1 (body).
        let mesh = try Self.postings(of: "网格", in: files)
        #expect(mesh.first == 2, "a list starts with the number of pages holding the term")
        var pages: [Int] = [], weights: [Int] = [], i = 1, page = 0
        while i < mesh.count {
            page += mesh[i]
            pages.append(page)
            weights.append(mesh[i + 1])
            #expect(mesh[i + 2] <= 2)
            i += 3 + mesh[i + 2]
        }
        #expect(pages == [0, 1])
        #expect(weights[0] > weights[1], "a title and tag match weighs more than one in the body")
        let cli = try Self.postings(of: "dapr-cli", in: files)
        #expect(cli.count == 4 && cli[0] == 1 && cli[1] == 1 && cli[3] == 0, "one page, page 1, no positions: \(cli)")
        #expect(try Self.postings(of: "1.0.3", in: files).prefix(2) == [1, 1])
        #expect(try Self.postings(of: "kubernete", in: files).prefix(2) == [1, 0])
        // The title's single characters: a one-character query finds the page.
        #expect(try Self.postings(of: "网", in: files).prefix(2) == [1, 0])
    }

    @Test func sameDocumentsSameBytes() {
        let first = SearchIndexBuilder.build(Self.documents)
        let second = SearchIndexBuilder.build(Self.documents)
        #expect(first.map(\.name) == second.map(\.name))
        #expect(first.map(\.bytes) == second.map(\.bytes))
    }

    /// Postings are kept in blocks until the lists are written: how many blocks a
    /// partition fills does not change a byte of the index.
    @Test func postingBlocksDoNotChangeTheIndex() {
        let documents = (0..<600).map { n in
            SearchDocument(url: "/p\(n)/", title: "第\(n)篇 page \(n)", section: "博客", date: "", labels: ["tag\(n % 7)"],
                           body: "服务网格 mesh\(n % 13) 的第\(n % 5)部分 word\(n % 29)。")
        }
        let whole = SearchIndexBuilder.build(pageCount: documents.count) { documents[$0] }
        for block in [1, 3, 64] {
            let blocked = SearchIndexBuilder.build(pageCount: documents.count, postingBlock: block) { documents[$0] }
            #expect(blocked.map(\.name) == whole.map(\.name))
            #expect(blocked.map(\.bytes) == whole.map(\.bytes), "block size \(block)")
        }
    }

    /// Pages are read in batches and merged in partitions on several threads: a site
    /// larger than a batch still gives the same bytes every time, pages in order.
    @Test func manyPagesSameBytesPagesInOrder() throws {
        let documents = (0..<1_100).map { n in
            SearchDocument(url: "/p\(n)/", title: "第\(n)篇 page \(n)", section: n % 2 == 0 ? "博客" : "会议", date: "", labels: ["tag\(n % 7)"],
                           body: "服务网格 mesh\(n % 13) 的第\(n % 5)部分。" + (n % 100 == 0 ? " 稀有词语 rareword" : ""))
        }
        let first = SearchIndexBuilder.build(documents)
        let second = SearchIndexBuilder.build(documents)
        #expect(first.map(\.name) == second.map(\.name))
        #expect(first.map(\.bytes) == second.map(\.bytes))
        let files = Dictionary(uniqueKeysWithValues: first.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
        for term in ["稀有", "rareword"] {
            let list = try Self.postings(of: term, in: files)
            var pages: [Int] = [], i = 1, page = 0
            while i < list.count {
                page += list[i]
                pages.append(page)
                i += 3 + list[i + 2]
            }
            #expect(list[0] == 11 && pages == Array(stride(from: 0, to: 1_100, by: 100)), "\(term): \(pages)")
        }
        #expect(files.keys.filter { $0.hasPrefix("d") }.count == (1_100 + SearchIndexBuilder.pagesPerChunk - 1) / SearchIndexBuilder.pagesPerChunk)
    }

    @Test func largeIndexesSplitIntoShardsOfBoundedSize() {
        let words = (0..<6_000).map { "word\($0)" }
        let documents = (0..<200).map { n in
            SearchDocument(url: "/p\(n)/", title: "Page \(n)", section: "", date: "", labels: [],
                           body: words[(n * 30)..<(n * 30 + 30)].joined(separator: " ") + " shared")
        }
        let files = SearchIndexBuilder.build(documents)
        let shards = files.filter { $0.name.hasPrefix("s") }
        #expect(shards.count > 1)
        #expect(shards.allSatisfy { $0.bytes.count < SearchIndexBuilder.shardTarget * 2 })
        #expect(files.filter { $0.name.hasPrefix("d") }.count == 200 / SearchIndexBuilder.pagesPerChunk)
    }

    /// A term on more pages than a list holds keeps its page count and the pages where
    /// it weighs most (here: where it is in the title), in page order.
    @Test func commonTermsListThePagesWhereTheyWeighMost() throws {
        let limit = SearchIndexBuilder.maxPostings
        let documents = (0..<(limit + 100)).map { n in
            SearchDocument(url: "/p\(n)/", title: n % 3 == 0 ? "社区 \(n)" : "页面 \(n)", section: "", date: "", labels: [],
                           body: "社区的文章和一些别的文字。")
        }
        let files = Dictionary(uniqueKeysWithValues: SearchIndexBuilder.build(documents).map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
        let list = try Self.postings(of: "社区", in: files)
        #expect(list[0] == limit + 100)
        var pages: [Int] = [], i = 1, page = 0
        while i < list.count {
            page += list[i]
            pages.append(page)
            i += 3 + list[i + 2]
        }
        #expect(pages.count == limit)
        #expect(pages == pages.sorted())
        let titled = (0..<(limit + 100)).filter { $0 % 3 == 0 }
        #expect(Set(titled).isSubset(of: Set(pages)), "every page with the term in its title is kept")
        // A rarer term keeps all its pages.
        #expect(try Self.postings(of: "页面", in: files)[0] == (limit + 100) - titled.count)
    }

    @Test func plainTextOfRenderedHTML() {
        let html = Array("<h2 id=\"x\">标题</h2>\n<p>重<em>要</em>的 &amp; &lt;b&gt; &#x4E2D;</p><pre><code>kubectl apply</code></pre><script>var x = 1;</script>".utf8)
        #expect(HTMLText.plain(html) == "\n标题\n\n重要的 & <b> 中\nkubectl apply\n")
        // Long block names end a line too; unknown entities and a lone `&` stay; an
        // upper-case SCRIPT is skipped to its end; a tag cut off by the end is dropped.
        #expect(HTMLText.plain(Array("<BLOCKQUOTE>引用</BLOCKQUOTE><figure><figcaption>图</figcaption></figure>a&b &nope; c".utf8))
            == "\n引用\n图\na&b &nope; c")
        #expect(HTMLText.plain(Array("前<SCRIPT>x()</SCRIPT>后<p".utf8)) == "前后")
    }
}
