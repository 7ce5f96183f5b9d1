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
/// section, date and the start of the text of 8 pages, for the results list). A query
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
    package static let pagesPerChunk = 8
    package static let excerptCharacters = 200
    /// Raw JSON per shard aimed at (about 6 KB gzipped): a query of several pairs fetches several.
    package static let shardTarget = 16_000
    /// Pages listed per term at most (a term's list is then about 6 KB of JSON).
    package static let maxPostings = 500
    static let maxPositions = 2
    static let batchSize = 512
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
        FNV1a.hash64(bytes) | 1 << 63
    }

    /// Terms of one page with their weighted counts and first positions, its length,
    /// and the text of its words. While the page is read they sit in a table of their
    /// own (open addressing in memory it allocates: a page's text is one look-up per
    /// character); `finish()` frees it and leaves them in key-partition order.
    struct PageTerms: @unchecked Sendable {
        var keys: [UInt64] = []
        var entries: [Entry] = []
        var text: [UInt8] = []
        var length = 0
        /// Where each partition's terms start in `keys` (after `finish()`).
        var bounds: [Int32] = []
        private var slotKeys: UnsafeMutablePointer<UInt64>?
        private var slotEntries: UnsafeMutablePointer<Entry>?
        private var size = 0
        private var shift: UInt64 = 0
        private var used = 0

        init(capacity: Int) {
            allocate(capacity)
        }

        private mutating func allocate(_ capacity: Int) {
            let size = TermTable.size(for: capacity)
            let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
            keys.initialize(repeating: 0, count: size)
            slotKeys = keys
            slotEntries = UnsafeMutablePointer<Entry>.allocate(capacity: size)
            self.size = size
            shift = TermTable.shift(for: size)
        }

        /// The entry of `key`, made empty when the page has none yet.
        @inline(__always)
        mutating func entry(_ key: UInt64) -> UnsafeMutablePointer<Entry> {
            guard let keys = slotKeys, let entries = slotEntries else { preconditionFailure("a finished page takes no terms") }
            let mask = size - 1
            var slot = TermTable.home(of: key, shift: shift)
            while true {
                let found = keys[slot]
                if found == key { return entries + slot }
                if found == 0 { break }
                slot = (slot + 1) & mask
            }
            if (used + 1) * 2 > size {
                grow()
                return entry(key)
            }
            keys[slot] = key
            (entries + slot).initialize(to: Entry())
            used += 1
            return entries + slot
        }

        private mutating func grow() {
            guard let oldKeys = slotKeys, let oldEntries = slotEntries else { return }
            let oldSize = size
            allocate(oldSize)
            guard let keys = slotKeys, let entries = slotEntries else { return }
            let mask = size - 1
            for old in 0..<oldSize where oldKeys[old] != 0 {
                let key = oldKeys[old]
                var slot = TermTable.home(of: key, shift: shift)
                while keys[slot] != 0 { slot = (slot + 1) & mask }
                keys[slot] = key
                (entries + slot).initialize(to: oldEntries[old])
            }
            oldKeys.deallocate()
            oldEntries.deallocate()
        }

        /// Lists the terms by partition (a counting sort over the table's slots, which
        /// the same text fills the same way) and frees the table.
        mutating func finish() {
            guard let slots = slotKeys, let slotValues = slotEntries else { return }
            let partitions = 1 << SearchIndexBuilder.partitionBits
            let n = used
            // The occupied slots with their partitions, in one pass over the table.
            var found = [(slot: Int32, partition: Int32)](unsafeUninitializedCapacity: n) { buffer, count in
                var k = 0
                for slot in 0..<size where slots[slot] != 0 {
                    buffer[k] = (Int32(slot), Int32(SearchIndexBuilder.partition(slots[slot])))
                    k += 1
                }
                count = k
            }
            var counts = [Int32](repeating: 0, count: partitions + 1)
            for item in found { counts[Int(item.partition) + 1] += 1 }
            for p in 0..<partitions { counts[p + 1] += counts[p] }
            bounds = counts
            var order = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
                var at = counts
                for item in found {
                    buffer[Int(at[Int(item.partition)])] = item.slot
                    at[Int(item.partition)] += 1
                }
                count = n
            }
            found = []
            keys = [UInt64](unsafeUninitializedCapacity: n) { buffer, count in
                for k in 0..<n { buffer[k] = slots[Int(order[k])] }
                count = n
            }
            entries = [Entry](unsafeUninitializedCapacity: n) { buffer, count in
                for k in 0..<n { buffer[k] = slotValues[Int(order[k])] }
                count = n
            }
            order = []
            slots.deallocate()
            slotValues.deallocate()
            slotKeys = nil
            slotEntries = nil
        }
    }

    @inline(__always)
    static func partition(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - partitionBits))
    }

    static func terms(of document: SearchDocument, weights: SearchWeights) -> PageTerms {
        // Distinct terms: about a quarter of the characters of Chinese text (3 bytes
        // each) or half the words of English (6 bytes each); the table grows past that.
        let estimate = min(1 << 16, (document.body.utf8.count + document.title.utf8.count) / 12 + 64)
        var sink = FieldSink(page: PageTerms(capacity: estimate))
        let fields: [(String, Int)] = [(document.title, weights.title), (document.labels.joined(separator: " , "), weights.labels),
                                       (document.section, weights.section), (document.body, weights.body)]
        for (field, (text, weight)) in fields.enumerated() where weight > 0 && !text.isEmpty {
            if field == 0 {
                // A title's single Chinese characters: a one-character query finds it.
                for scalar in text.unicodeScalars {
                    let value = SearchTokenizer.fold(scalar.value)
                    guard SearchTokenizer.isCJKValue(value) else { continue }
                    sink.page.entry(pairKey(value, 0)).pointee.weight += Int32(weight)
                }
            }
            sink.weight = Int32(weight)
            sink.last = 0
            SearchTokenizer.forEachPiece(text, into: &sink)
            // A gap, so that pairs never match across two fields.
            sink.offset += sink.last + 2
        }
        sink.page.finish()
        return sink.page
    }

    /// Adds the pieces of one field of a page, with the field's weight.
    struct FieldSink: SearchTokenizer.PieceSink {
        var page: PageTerms
        var weight: Int32 = 0
        var offset = 0
        var last = 0

        @inline(__always)
        mutating func pair(_ first: UInt32, _ second: UInt32, at position: Int) {
            let entry = page.entry(pairKey(first, second))
            entry.pointee.weight += weight
            entry.pointee.add(Int32(truncatingIfNeeded: offset + position))
            last = max(last, position)
            page.length += Int(weight)
        }

        @inline(__always)
        mutating func word(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) {
            let entry = page.entry(wordKey(bytes))
            if entry.pointee.textEnd == 0 {
                entry.pointee.textStart = Int32(page.text.count)
                page.text.append(contentsOf: bytes)
                entry.pointee.textEnd = Int32(page.text.count)
            }
            entry.pointee.weight += weight
            last = max(last, position)
            page.length += Int(weight)
        }
    }

    /// The text of a term.
    static func pairText(_ key: UInt64) -> String {
        var view = String.UnicodeScalarView()
        if let first = Unicode.Scalar(UInt32(key >> 21)) { view.append(first) }
        let second = UInt32(key & 0x1F_FFFF)
        if second != 0, let scalar = Unicode.Scalar(second) { view.append(scalar) }
        return String(view)
    }

    /// A term in a page, as the index keeps it until the lists are written (16 bytes:
    /// a 10,000-post site has millions). The weighted count saturates at 16,383 (BM25
    /// gives the same weight long before); a second position more than 65,535 places
    /// after the first is left out.
    struct Posting {
        var term: Int32
        var page: Int32
        var first: Int32
        var secondDistance: UInt16
        /// The weighted count, shifted left by 2, and the number of positions (0...2).
        var weightAndCount: UInt16

        init(term: Int32, page: Int32, entry: Entry) {
            self.term = term
            self.page = page
            first = entry.first
            var count = entry.count
            let distance = Int(entry.second) - Int(entry.first)
            if count > 1, distance < 0 || distance > Int(UInt16.max) { count = 1 }
            secondDistance = count > 1 ? UInt16(distance) : 0
            weightAndCount = UInt16(min(Int(entry.weight), 0x3FFF)) << 2 | UInt16(count)
        }

        var weight: Int { Int(weightAndCount >> 2) }
        var count: Int { Int(weightAndCount & 3) }
    }

    /// The terms whose keys fall in one partition, and their pages in page order, all
    /// in one flat list until they are written.
    final class Partition: @unchecked Sendable {
        var table = TermTable(capacity: 4_096)
        var keys: [UInt64] = []
        var texts: [String] = []
        /// The postings in the order they came, in blocks of `blockSize`: a list that
        /// doubles would copy itself as it grows and hold up to twice what it needs.
        var blocks: [[Posting]] = []
        static let defaultBlockSize = 32_768
        let blockSize: Int

        init(blockSize: Int = Partition.defaultBlockSize) {
            self.blockSize = blockSize
        }
        /// Filled by `encode`: each term's text and JSON list, in key order.
        var encoded: [(key: UInt64, text: String, bytes: [UInt8])] = []
        /// Each encoded term's shard and key, while the shards are put together.
        var shardKeys: [(shard: Int32, key: UInt64)] = []

        func add(_ pages: [PageTerms], firstPage: Int, partition p: Int) {
            // Worked on as local values (a class's stored arrays are checked for
            // exclusive access at every change).
            var table = self.table, keys = self.keys, texts = self.texts, blocks = self.blocks
            self.table = .empty
            self.keys = []
            self.texts = []
            self.blocks = []
            var postings = blocks.popLast() ?? Self.block(blockSize)
            // Read through buffers: the pages are shared by the partitions' threads, and
            // copying one out of the list would count references to its lists each time.
            pages.withUnsafeBufferPointer { pages in
                for offset in pages.indices {
                    let number = Int32(firstPage + offset)
                    let start = Int(pages[offset].bounds[p]), end = Int(pages[offset].bounds[p + 1])
                    guard start < end else { continue }
                    pages[offset].keys.withUnsafeBufferPointer { pageKeys in pages[offset].entries.withUnsafeBufferPointer { entries in
                        for i in start..<end {
                            let key = pageKeys[i], entry = entries[i]
                            let (index, inserted) = table.index(of: key, next: Int32(keys.count))
                            if inserted {
                                keys.append(key)
                                texts.append(key >> 63 == 0 ? pairText(key)
                                    : String(decoding: pages[offset].text[Int(entry.textStart)..<Int(entry.textEnd)], as: UTF8.self))
                            }
                            if postings.count == blockSize {
                                blocks.append(postings)
                                postings = Self.block(blockSize)
                            }
                            postings.append(Posting(term: index, page: number, entry: entry))
                        }
                    } }
                }
            }
            if !postings.isEmpty { blocks.append(postings) }
            self.table = table
            self.keys = keys
            self.texts = texts
            self.blocks = blocks
        }

        static func block(_ size: Int) -> [Posting] {
            var block: [Posting] = []
            block.reserveCapacity(size)
            return block
        }

        func encode(norms: [Double]) {
            // Each term's postings together, still in page order (a stable counting sort).
            var starts = [Int](repeating: 0, count: keys.count + 1)
            var total = 0
            for block in blocks {
                total += block.count
                for posting in block { starts[Int(posting.term) + 1] += 1 }
            }
            for t in 0..<keys.count { starts[t + 1] += starts[t] }
            var at = starts
            let grouped = [Posting](unsafeUninitializedCapacity: total) { buffer, count in
                for block in blocks {
                    for posting in block {
                        buffer[at[Int(posting.term)]] = posting
                        at[Int(posting.term)] += 1
                    }
                }
                count = total
            }
            blocks = []
            let order = keys.indices.sorted { keys[$0] < keys[$1] }
            encoded = order.map { t in (keys[t], texts[t], SearchIndexBuilder.encode(grouped[starts[t]..<starts[t + 1]], norms: norms)) }
            table = .empty
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
                              postingBlock: Int = Partition.defaultBlockSize,
                              document: @Sendable (Int) -> SearchDocument) -> [(name: String, bytes: [UInt8])] {
        let partitionCount = 1 << partitionBits
        let partitions = (0..<partitionCount).map { _ in Partition(blockSize: max(1, postingBlock)) }
        var lengths: [Int] = []
        lengths.reserveCapacity(pageCount)
        var chunkFiles: [(name: String, bytes: [UInt8])] = []
        var start = 0
        while start < pageCount {
            let end = min(pageCount, start + batchSize)
            let read = parallelMap(Array(start..<end)) { number -> (PageTerms, [UInt8]) in
                let page = document(number)
                return (Self.terms(of: page, weights: weights), Self.row(page))
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

        var total = 0
        for partition in partitions {
            for term in partition.encoded { total += term.bytes.count + term.text.utf8.count + 6 }
        }
        var shardCount = 1
        while total / shardCount > shardTarget { shardCount *= 2 }
        if let shards { shardCount = max(1, shards) }
        // A shard holds its terms in a fixed order without comparing strings: by key
        // (pairs by scalar values, then words). Each partition works out its terms'
        // shards, then each shard is sorted and written on its own.
        let divisor = UInt32(shardCount)
        DispatchQueue.concurrentPerform(iterations: partitionCount) { p in
            partitions[p].shardKeys = partitions[p].encoded.map { (Int32(FNV1a.hash($0.text) % divisor), $0.key) }
        }
        var members = [[(key: UInt64, partition: Int32, index: Int32)]](repeating: [], count: shardCount)
        for (p, partition) in partitions.enumerated() {
            for (index, entry) in partition.shardKeys.enumerated() {
                members[Int(entry.shard)].append((entry.key, Int32(p), Int32(index)))
            }
            partition.shardKeys = []
        }
        let shardFiles = parallelMap(members) { member -> [UInt8] in
            var list = member
            list.sort { $0.key < $1.key }
            var out: [UInt8] = [0x7B]
            for (n, member) in list.enumerated() {
                let term = partitions[Int(member.partition)].encoded[Int(member.index)]
                if n > 0 { out.append(0x2C) }
                JSONEscaping.append(term.text, to: &out)
                out.append(0x3A)
                out.append(0x5B)
                out.append(contentsOf: term.bytes)
                out.append(0x5D)
            }
            out.append(contentsOf: Array("}\n".utf8))
            return out
        }
        var files: [(name: String, bytes: [UInt8])] = []
        files.append(("meta.json", Array("{\"v\":2,\"pages\":\(pageCount),\"shards\":\(shardCount),\"chunk\":\(pagesPerChunk),\"positions\":\(maxPositions)}\n".utf8)))
        for (index, shard) in shardFiles.enumerated() { files.append(("s\(index).json", shard)) }
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
    static func encode(_ list: ArraySlice<Posting>, norms: [Double]) -> [UInt8] {
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
                appendNumber(Int(posting.secondDistance), to: &out)
            }
            previous = posting.page
        }
        return out
    }

    /// The start of a page's text, whitespace collapsed, cut at a character. Read as
    /// UTF-8 and copied as bytes: building it a scalar at a time cost more than all
    /// the rest of a page's row.
    static func excerpt(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(min(bytes.count, excerptCharacters * 4 + 4))
            var count = 0
            var space = false
            var i = 0
            let n = bytes.count
            while i < n {
                // A String's bytes are valid UTF-8: each scalar's bytes are copied as they are.
                let (scalar, length) = decodeScalar(bytes, at: i)
                let end = i + length
                if scalar.isUnicodeWhitespace {
                    space = !out.isEmpty
                    i = end
                    continue
                }
                if space {
                    out.append(0x20)
                    count += 1
                    space = false
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                count += 1
                i = end
                if count >= excerptCharacters { break }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A non-negative number's decimal digits (millions are written: no `String` each).
    static func appendNumber(_ value: Int, to out: inout [UInt8]) {
        if value >= 10 { appendNumber(value / 10, to: &out) }
        out.append(UInt8(0x30 + value % 10))
    }
}

/// Open addressing from a 64-bit key (never 0) to a small number: a partition's term
/// table (`Dictionary` hashes each key with SipHash, which a site's millions of terms
/// feel). `PageTerms` probes the same way, with its entries in the slots.
struct TermTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    /// The smallest table, made once: what a partition keeps when it no longer needs one.
    static let empty = TermTable(capacity: 0)

    init(capacity: Int) {
        let size = Self.size(for: capacity)
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        shift = Self.shift(for: size)
    }

    /// Slots for `capacity` keys: a power of two, at most half full.
    static func size(for capacity: Int) -> Int {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        return size
    }

    /// How far a key's mixed bits are shifted to give a slot of a table of `size`.
    static func shift(for size: Int) -> UInt64 {
        UInt64(64 - size.trailingZeroBitCount)
    }

    /// Where probing for `key` starts (the high bits of a multiplicative hash).
    @inline(__always)
    static func home(of key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0xD6E8_FEB8_6659_FD93) >> shift)
    }

    /// The value stored for `key`, storing `next` when there is none (then `inserted`).
    @inline(__always)
    mutating func index(of key: UInt64, next: Int32) -> (value: Int32, inserted: Bool) {
        let mask = keys.count - 1
        var slot = Self.home(of: key, shift: shift)
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
        shift = Self.shift(for: size)
        let mask = size - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var slot = Self.home(of: key, shift: shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
