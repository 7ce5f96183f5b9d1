import PortalText

/// One page as search sees it.
package struct SearchDocument: Sendable {
    package var url: String
    package var title: String
    package var section: String
    /// The date as readers see it ("2024年3月1日"), or "".
    package var date: String
    /// Tag and author names.
    package var labels: [String]
    /// The body as plain text (no navigation, table of contents or bylines).
    package var body: String

    package init(url: String, title: String, section: String, date: String, labels: [String], body: String) {
        self.url = url
        self.title = title
        self.section = section
        self.date = date
        self.labels = labels
        self.body = body
    }
}

/// `[search]` weights and sizes.
package struct SearchWeights: Sendable, Hashable {
    package var title = 8
    package var labels = 4
    package var section = 2
    package var body = 1

    package init(title: Int = 8, labels: Int = 4, section: Int = 2, body: Int = 1) {
        self.title = title
        self.labels = labels
        self.section = section
        self.body = body
    }
}

/// Writes the index of one language: `meta.json` (counts), `s<k>.json` (the terms
/// whose hash falls in shard k, each with its postings) and `d<k>.json` (title, URL,
/// section, date and the start of the text of 4 pages, for the results list). A query
/// fetches the meta, the shards of its terms and the pages it shows: a few tens of KB.
///
/// A posting is flat numbers, per page: the page number's distance from the previous
/// page of the term, the term's BM25 weight in that page without its idf (1...99;
/// title, labels, section and body weighted), how many positions follow, and those
/// positions as distances (Chinese pairs only, at most 2: the script matches a query's
/// pairs at adjacent positions). The single characters of titles are terms too, so a
/// one-character query finds pages by title. The output is the same bytes for the same pages.
package enum SearchIndexBuilder {
    package static let pagesPerChunk = 4
    package static let excerptCharacters = 240
    /// Raw JSON per shard aimed at (about 8 KB gzipped): a query of several pairs fetches several.
    package static let shardTarget = 24_000
    static let maxPositions = 2
    static let k1 = 1.2
    static let b = 0.75

    /// A term in a page: its weighted count and its first two positions (plain values,
    /// no array: an index holds millions of them).
    struct Entry {
        var weight: Int32
        var count: Int32 = 0
        var first: Int32 = 0
        var second: Int32 = 0

        init(weight: Int) {
            self.weight = Int32(weight)
        }

        mutating func add(_ position: Int32) {
            if count == 0 { first = position } else if count == 1 { second = position } else { return }
            count += 1
        }
    }

    /// Terms of one page, with their weighted counts and first positions, and its length.
    /// A Chinese pair is kept as its two scalar values; a word as its text.
    struct PageTerms {
        var pairs: [UInt64: Entry] = [:]
        var words: [String: Entry] = [:]
        var length = 0
    }

    static func terms(of document: SearchDocument, weights: SearchWeights) -> PageTerms {
        var page = PageTerms()
        var offset = 0
        let fields: [(String, Int)] = [(document.title, weights.title), (document.labels.joined(separator: " , "), weights.labels),
                                       (document.section, weights.section), (document.body, weights.body)]
        for (field, (text, weight)) in fields.enumerated() where weight > 0 && !text.isEmpty {
            if field == 0 {
                // A title's single Chinese characters: a one-character query finds it.
                for scalar in text.unicodeScalars {
                    let value = SearchTokenizer.fold(scalar.value)
                    guard SearchTokenizer.isCJKValue(value) else { continue }
                    page.pairs[UInt64(value) << 32, default: Entry(weight: 0)].weight += Int32(weight)
                }
            }
            var last = 0
            SearchTokenizer.forEachPiece(text) { piece in
                switch piece {
                case let .cjk(first, second, position):
                    let key = UInt64(first) << 32 | UInt64(second)
                    let at = Int32(truncatingIfNeeded: offset + position)
                    page.pairs[key, default: Entry(weight: 0)].weight += Int32(weight)
                    page.pairs[key]?.add(at)
                    last = max(last, position)
                case let .word(word, position):
                    page.words[word, default: Entry(weight: 0)].weight += Int32(weight)
                    last = max(last, position)
                }
                page.length += weight
            }
            // A gap, so that pairs never match across two fields.
            offset += last + 2
        }
        return page
    }

    /// The text of a pair key.
    static func pairText(_ key: UInt64) -> String {
        var view = String.UnicodeScalarView()
        if let first = Unicode.Scalar(UInt32(key >> 32)) { view.append(first) }
        let second = UInt32(key & 0xFFFF_FFFF)
        if second != 0, let scalar = Unicode.Scalar(second) { view.append(scalar) }
        return String(view)
    }

    /// The files of one language's index, by name.
    package static func build(_ documents: [SearchDocument], weights: SearchWeights = SearchWeights()) -> [(name: String, bytes: [UInt8])] {
        let pages = parallelMap(documents) { Self.terms(of: $0, weights: weights) }
        let totalLength = pages.reduce(0) { $0 + $1.length }
        let average: Double = pages.isEmpty ? 1 : max(1, Double(totalLength) / Double(pages.count))
        let norms: [Double] = pages.map { page -> Double in k1 * (1 - b + b * Double(page.length) / average) }

        // term -> (page, entry), pages ascending.
        var pairPostings: [UInt64: [(page: Int32, entry: Entry)]] = [:]
        var wordPostings: [String: [(page: Int32, entry: Entry)]] = [:]
        for (number, page) in pages.enumerated() {
            for (key, entry) in page.pairs { pairPostings[key, default: []].append((Int32(number), entry)) }
            for (word, entry) in page.words { wordPostings[word, default: []].append((Int32(number), entry)) }
        }
        // A fixed order without comparing strings: pairs by scalar values, then words.
        let pairKeys = pairPostings.keys.sorted()
        let wordKeys = wordPostings.keys.sorted()
        let termTexts = pairKeys.map { Self.pairText($0) } + wordKeys
        let lists = pairKeys.map { pairPostings[$0] ?? [] } + wordKeys.map { wordPostings[$0] ?? [] }
        let encoded = parallelMap(Array(lists.indices)) { Self.encode(lists[$0], norms: norms) }
        var total = 0
        for (term, bytes) in zip(termTexts, encoded) { total += bytes.count + term.utf8.count + 6 }
        var shardCount = 1
        while total / shardCount > shardTarget { shardCount *= 2 }

        var shards = [[UInt8]](repeating: [0x7B], count: shardCount)
        for (term, bytes) in zip(termTexts, encoded) {
            let shard = Int(FNV1a.hash(term) % UInt32(shardCount))
            if shards[shard].count > 1 { shards[shard].append(0x2C) }
            JSONEscaping.append(term, to: &shards[shard])
            shards[shard].append(0x3A)
            shards[shard].append(0x5B)
            shards[shard].append(contentsOf: bytes)
            shards[shard].append(0x5D)
        }
        var files: [(name: String, bytes: [UInt8])] = []
        files.append(("meta.json", Array("{\"v\":1,\"pages\":\(documents.count),\"shards\":\(shardCount),\"chunk\":\(pagesPerChunk),\"positions\":\(maxPositions)}\n".utf8)))
        for (index, var shard) in shards.enumerated() {
            shard.append(contentsOf: Array("}\n".utf8))
            files.append(("s\(index).json", shard))
        }
        var chunk = 0
        var start = 0
        while start < documents.count {
            var out: [UInt8] = [0x5B]
            for (offset, document) in documents[start..<min(documents.count, start + pagesPerChunk)].enumerated() {
                if offset > 0 { out.append(0x2C) }
                out.append(0x5B)
                for (index, field) in [document.url, document.title, document.section, document.date, excerpt(document.body)].enumerated() {
                    if index > 0 { out.append(0x2C) }
                    JSONEscaping.append(field, to: &out)
                }
                out.append(0x5D)
            }
            out.append(contentsOf: Array("]\n".utf8))
            files.append(("d\(chunk).json", out))
            chunk += 1
            start += pagesPerChunk
        }
        return files
    }

static func encode(_ list: [(page: Int32, entry: Entry)], norms: [Double]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(list.count * 6)
        var previous: Int32 = 0
        for (index, (page, entry)) in list.enumerated() {
            let tf = Double(entry.weight)
            let norm = tf / (tf + norms[Int(page)])
            if index > 0 { out.append(0x2C) }
            appendNumber(Int(page - previous), to: &out)
            out.append(0x2C)
            appendNumber(max(1, Int((norm * 99).rounded())), to: &out)
            out.append(0x2C)
            appendNumber(Int(entry.count), to: &out)
            if entry.count > 0 {
                out.append(0x2C)
                appendNumber(Int(entry.first), to: &out)
            }
            if entry.count > 1 {
                out.append(0x2C)
                appendNumber(Int(entry.second - entry.first), to: &out)
            }
            previous = page
        }
        return out
    }

    /// The start of a page's text, whitespace collapsed, cut at a character.
    static func excerpt(_ text: String) -> String {
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
            if count >= excerptCharacters { break }
        }
        return String(out)
    }

    static func appendNumber(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(0x30 + value))
            return
        }
        out.append(contentsOf: Array(String(value).utf8))
    }
}
