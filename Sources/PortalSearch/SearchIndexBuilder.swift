import Dispatch
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
/// A term's list starts with the number of pages holding it, then flat numbers per
/// page: the page number's distance from the previous page listed, the term's BM25
/// weight in that page without its idf (1...99; title, labels, section and body
/// weighted), how many positions follow, and those positions as distances (Chinese
/// pairs only, at most 2: the script matches a query's pairs at adjacent positions).
/// A term on more than `maxPostings` pages lists the pages where it weighs most (the
/// script then ranks by it but does not require it). The single characters of titles
/// are terms too, so a one-character query finds pages by title. The output is the
/// same bytes for the same pages.
///
/// Pages are read in batches, each batch's pages in parallel, and their terms are
/// merged into 64 partitions by key, each partition on its own thread; only a batch's
/// texts are held at a time.
package enum SearchIndexBuilder {
    package static let pagesPerChunk = 4
    package static let excerptCharacters = 240
    /// Raw JSON per shard aimed at (about 8 KB gzipped): a query of several pairs fetches several.
    package static let shardTarget = 24_000
    /// Pages listed per term at most (a term's list is then about 6 KB of JSON).
    package static let maxPostings = 500
    static let maxPositions = 2
    static let batchSize = 1_024
    static let partitionBits = 6
    static let k1 = 1.2
    static let b = 0.75

    /// A term in a page: its weighted count, its first two positions, and for a word
    /// where its text lies in the page's `text`.
    struct Entry {
        var weight: Int32 = 0
        var count: Int32 = 0
        var first: Int32 = 0
        var second: Int32 = 0
        var textStart: Int32 = 0
        var textEnd: Int32 = 0

        mutating func add(_ position: Int32) {
            if count == 0 { first = position } else if count == 1 { second = position } else { return }
            count += 1
        }
    }

    /// A term's key: a Chinese pair as its two scalar values (`first << 21 | second`,
    /// `second` 0 for a single character), a word as a 64-bit hash of its bytes with
    /// the top bit set. Never 0.
    static func pairKey(_ first: UInt32, _ second: UInt32) -> UInt64 {
        UInt64(first) << 21 | UInt64(second)
    }

    static func wordKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash | 1 << 63
    }

    /// Terms of one page with their weighted counts and first positions, its length,
    /// and the text of its words; in key-partition order once `finish()`ed.
    struct PageTerms {
        var keys: [UInt64] = []
        var entries: [Entry] = []
        var text: [UInt8] = []
        var length = 0
        /// Where each partition's terms start in `keys` (after `finish()`).
        var bounds: [Int32] = []
        var table: TermTable

        init(capacity: Int) {
            table = TermTable(capacity: capacity)
            keys.reserveCapacity(capacity)
            entries.reserveCapacity(capacity)
        }

        mutating func entry(_ key: UInt64) -> Int {
            let (index, inserted) = table.index(of: key, next: Int32(keys.count))
            if inserted {
                keys.append(key)
                entries.append(Entry())
            }
            return Int(index)
        }

        /// Orders the terms by partition (a counting sort) and drops the look-up table.
        mutating func finish() {
            let partitions = 1 << SearchIndexBuilder.partitionBits
            var counts = [Int32](repeating: 0, count: partitions + 1)
            for key in keys { counts[SearchIndexBuilder.partition(key) + 1] += 1 }
            for p in 0..<partitions { counts[p + 1] += counts[p] }
            bounds = counts
            let n = keys.count
            var sortedKeys = [UInt64](unsafeUninitializedCapacity: n) { buffer, count in
                count = n
            }
            var sortedEntries = [Entry](unsafeUninitializedCapacity: n) { buffer, count in
                count = n
            }
            sortedKeys.withUnsafeMutableBufferPointer { outKeys in
                sortedEntries.withUnsafeMutableBufferPointer { outEntries in
                    for i in 0..<n {
                        let key = keys[i]
                        let p = SearchIndexBuilder.partition(key)
                        let at = Int(counts[p])
                        outKeys[at] = key
                        outEntries[at] = entries[i]
                        counts[p] += 1
                    }
                }
            }
            keys = sortedKeys
            entries = sortedEntries
            table = TermTable.empty
        }
    }

    @inline(__always)
    static func partition(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - partitionBits))
    }

    static func terms(of document: SearchDocument, weights: SearchWeights) -> PageTerms {
        // About one term per Chinese character (3 bytes) or word: sized once, no growing.
        let estimate = min(1 << 16, (document.body.utf8.count + document.title.utf8.count) / 4 + 64)
        var page = PageTerms(capacity: estimate)
        var offset = 0
        let fields: [(String, Int)] = [(document.title, weights.title), (document.labels.joined(separator: " , "), weights.labels),
                                       (document.section, weights.section), (document.body, weights.body)]
        for (field, (text, weight)) in fields.enumerated() where weight > 0 && !text.isEmpty {
            if field == 0 {
                // A title's single Chinese characters: a one-character query finds it.
                for scalar in text.unicodeScalars {
                    let value = SearchTokenizer.fold(scalar.value)
                    guard SearchTokenizer.isCJKValue(value) else { continue }
                    page.entries[page.entry(pairKey(value, 0))].weight += Int32(weight)
                }
            }
            var last = 0
            SearchTokenizer.forEachPiece(text) { piece in
                switch piece {
                case let .cjk(first, second, position):
                    let index = page.entry(pairKey(first, second))
                    page.entries[index].weight += Int32(weight)
                    page.entries[index].add(Int32(truncatingIfNeeded: offset + position))
                    last = max(last, position)
                case let .word(bytes, position):
                    let index = page.entry(wordKey(bytes))
                    if page.entries[index].textEnd == 0 {
                        page.entries[index].textStart = Int32(page.text.count)
                        page.text.append(contentsOf: bytes)
                        page.entries[index].textEnd = Int32(page.text.count)
                    }
                    page.entries[index].weight += Int32(weight)
                    last = max(last, position)
                }
                page.length += weight
            }
            // A gap, so that pairs never match across two fields.
            offset += last + 2
        }
        return page
    }

    /// The text of a term.
    static func pairText(_ key: UInt64) -> String {
        var view = String.UnicodeScalarView()
        if let first = Unicode.Scalar(UInt32(key >> 21)) { view.append(first) }
        let second = UInt32(key & 0x1F_FFFF)
        if second != 0, let scalar = Unicode.Scalar(second) { view.append(scalar) }
        return String(view)
    }

    /// A term in a page, as the index keeps it until the lists are written.
    struct Posting {
        var page: Int32
        var weight: Int32
        var count: Int32
        var first: Int32
        var second: Int32
    }

    /// The terms whose keys fall in one partition, with their pages in page order.
    final class Partition: @unchecked Sendable {
        var table = TermTable(capacity: 4_096)
        var keys: [UInt64] = []
        var texts: [String] = []
        var lists: [[Posting]] = []
        /// Filled by `encode`: each term's text and JSON list, in key order.
        var encoded: [(key: UInt64, text: String, bytes: [UInt8])] = []

        func add(_ pages: [PageTerms], firstPage: Int, partition p: Int) {
            for (offset, page) in pages.enumerated() {
                let number = Int32(firstPage + offset)
                for i in Int(page.bounds[p])..<Int(page.bounds[p + 1]) {
                    let key = page.keys[i], entry = page.entries[i]
                    let (index, inserted) = table.index(of: key, next: Int32(keys.count))
                    if inserted {
                        keys.append(key)
                        lists.append([])
                        texts.append(key >> 63 == 0 ? pairText(key)
                            : String(decoding: page.text[Int(entry.textStart)..<Int(entry.textEnd)], as: UTF8.self))
                    }
                    lists[Int(index)].append(Posting(page: number, weight: entry.weight, count: entry.count, first: entry.first, second: entry.second))
                }
            }
        }

        func encode(norms: [Double]) {
            let order = keys.indices.sorted { keys[$0] < keys[$1] }
            encoded = order.map { index in (keys[index], texts[index], SearchIndexBuilder.encode(lists[index], norms: norms)) }
            table = TermTable.empty
            lists = []
        }
    }

    /// The files of one language's index, by name.
    package static func build(_ documents: [SearchDocument], weights: SearchWeights = SearchWeights()) -> [(name: String, bytes: [UInt8])] {
        build(pageCount: documents.count, weights: weights) { documents[$0] }
    }

    /// The files of one language's index, by name, reading page `n` (0..<pageCount)
    /// from `document`, which is called from several threads. `shards` keeps the
    /// number of shards of an earlier build (serve, after a save).
    package static func build(pageCount: Int, weights: SearchWeights = SearchWeights(), shards: Int? = nil,
                              document: @Sendable (Int) -> SearchDocument) -> [(name: String, bytes: [UInt8])] {
        let partitionCount = 1 << partitionBits
        let partitions = (0..<partitionCount).map { _ in Partition() }
        var lengths: [Int] = []
        lengths.reserveCapacity(pageCount)
        var chunkFiles: [(name: String, bytes: [UInt8])] = []
        var start = 0
        while start < pageCount {
            let end = min(pageCount, start + batchSize)
            let read = parallelMap(Array(start..<end)) { number -> (PageTerms, [UInt8]) in
                let page = document(number)
                var terms = Self.terms(of: page, weights: weights)
                terms.finish()
                return (terms, Self.row(page))
            }
            let pages = read.map(\.0)
            lengths += pages.map(\.length)
            let base = start
            DispatchQueue.concurrentPerform(iterations: partitionCount) { p in
                partitions[p].add(pages, firstPage: base, partition: p)
            }
            // Batches start at multiples of the chunk size.
            var at = 0
            while at < read.count {
                var out: [UInt8] = [0x5B]
                for (offset, item) in read[at..<min(read.count, at + pagesPerChunk)].enumerated() {
                    if offset > 0 { out.append(0x2C) }
                    out.append(contentsOf: item.1)
                }
                out.append(contentsOf: Array("]\n".utf8))
                chunkFiles.append(("d\((start + at) / pagesPerChunk).json", out))
                at += pagesPerChunk
            }
            start = end
        }

        let totalLength = lengths.reduce(0, +)
        let average: Double = lengths.isEmpty ? 1 : max(1, Double(totalLength) / Double(lengths.count))
        let norms: [Double] = lengths.map { length -> Double in k1 * (1 - b + b * Double(length) / average) }
        DispatchQueue.concurrentPerform(iterations: partitionCount) { p in partitions[p].encode(norms: norms) }
        // A fixed order without comparing strings: by key (pairs by scalar values, then words).
        var terms = partitions.flatMap(\.encoded)
        terms.sort { $0.key < $1.key }

        var total = 0
        for term in terms { total += term.bytes.count + term.text.utf8.count + 6 }
        var shardCount = 1
        while total / shardCount > shardTarget { shardCount *= 2 }
        if let shards { shardCount = max(1, shards) }
        var shards = [[UInt8]](repeating: [0x7B], count: shardCount)
        for term in terms {
            let shard = Int(FNV1a.hash(term.text) % UInt32(shardCount))
            if shards[shard].count > 1 { shards[shard].append(0x2C) }
            JSONEscaping.append(term.text, to: &shards[shard])
            shards[shard].append(0x3A)
            shards[shard].append(0x5B)
            shards[shard].append(contentsOf: term.bytes)
            shards[shard].append(0x5D)
        }
        var files: [(name: String, bytes: [UInt8])] = []
        files.append(("meta.json", Array("{\"v\":2,\"pages\":\(pageCount),\"shards\":\(shardCount),\"chunk\":\(pagesPerChunk),\"positions\":\(maxPositions)}\n".utf8)))
        for (index, var shard) in shards.enumerated() {
            shard.append(contentsOf: Array("}\n".utf8))
            files.append(("s\(index).json", shard))
        }
        return files + chunkFiles
    }

    /// A page in the results list: URL, title, section, date and the start of its text.
    static func row(_ document: SearchDocument) -> [UInt8] {
        var out: [UInt8] = [0x5B]
        for (index, field) in [document.url, document.title, document.section, document.date, excerpt(document.body)].enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONEscaping.append(field, to: &out)
        }
        out.append(0x5D)
        return out
    }

    /// A term's list: its page count, then the pages (at most `maxPostings`, those
    /// where it weighs most) in page order.
    static func encode(_ list: [Posting], norms: [Double]) -> [UInt8] {
        var scored = list.map { posting -> (posting: Posting, score: Int) in
            let tf = Double(posting.weight)
            let norm = tf / (tf + norms[Int(posting.page)])
            return (posting, max(1, Int((norm * 99).rounded())))
        }
        if scored.count > maxPostings {
            // Scores are 1...99: the lowest score kept, and how many pages (the first
            // ones) keep it, come from counting.
            var counts = [Int](repeating: 0, count: 100)
            for item in scored { counts[item.score] += 1 }
            var cutoff = 99, above = 0
            while above + counts[cutoff] < maxPostings {
                above += counts[cutoff]
                cutoff -= 1
            }
            var atCutoff = maxPostings - above
            var kept: [(posting: Posting, score: Int)] = []
            kept.reserveCapacity(maxPostings)
            for item in scored where item.score > cutoff || (item.score == cutoff && atCutoff > 0) {
                if item.score == cutoff { atCutoff -= 1 }
                kept.append(item)
            }
            scored = kept
        }
        var out: [UInt8] = []
        out.reserveCapacity(scored.count * 8 + 8)
        appendNumber(list.count, to: &out)
        var previous: Int32 = 0
        for (posting, score) in scored {
            out.append(0x2C)
            appendNumber(Int(posting.page - previous), to: &out)
            out.append(0x2C)
            appendNumber(score, to: &out)
            out.append(0x2C)
            appendNumber(Int(posting.count), to: &out)
            if posting.count > 0 {
                out.append(0x2C)
                appendNumber(Int(posting.first), to: &out)
            }
            if posting.count > 1 {
                out.append(0x2C)
                appendNumber(Int(posting.second - posting.first), to: &out)
            }
            previous = posting.page
        }
        return out
    }

    /// The start of a page's text, whitespace collapsed, cut at a character.
    static func excerpt(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 ? scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace {
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

/// Open addressing from a 64-bit key (never 0) to a small number: the per-page and
/// per-partition term tables (`Dictionary` hashes each key with SipHash, which a
/// site's tens of millions of terms feel).
struct TermTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    /// A table that holds nothing yet (and allocates nothing).
    static let empty = TermTable(capacity: 0)

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The value stored for `key`, storing `next` when there is none (then `inserted`).
    @inline(__always)
    mutating func index(of key: UInt64, next: Int32) -> (value: Int32, inserted: Bool) {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0xD6E8_FEB8_6659_FD93) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return (values[slot], false) }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = next
        count += 1
        if count * 2 > keys.count { grow() }
        return (next, true)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        let mask = size - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var slot = Int(truncatingIfNeeded: (key &* 0xD6E8_FEB8_6659_FD93) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
