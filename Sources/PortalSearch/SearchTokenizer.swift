/// How search reads text, on the index side; `assets/search.js` reads queries by the
/// same rules (the cases in Tests/Fixtures/search/tokenizer-cases.json run on both):
///
/// - each character is folded: ASCII and full-width Latin letters to lower-case ASCII
///   (`Ｋ` -> `k`), other letters to their lower case, traditional Chinese characters to
///   simplified ones (`區` -> `区`);
/// - a run of Han, kana or Hangul gives its overlapping character pairs (`服务网格` ->
///   `服务`, `务网`, `网格`) at consecutive positions, so a query matches where it
///   occurs as a substring; a run of one character gives that character;
/// - a run of letters and digits gives a word, lightly stemmed (`clusters` ->
///   `cluster`); words joined by `.`, `-` or `_` (`1.0.3`, `dapr-cli`) give the whole
///   (not stemmed) and then each part.
///
/// It reads UTF-8 bytes with an ASCII fast path: it runs over every page of a site.
package enum SearchTokenizer {
    package struct Token: Equatable, Sendable {
        package var term: String
        /// Place in the text: consecutive pairs of a run of Chinese are 1 apart.
        package var position: Int
        /// Part of a run of Han, kana or Hangul (matched by position, not as a word).
        package var isCJK: Bool
    }

    /// What the tokeniser hands its caller: each pair (or single character) of a Chinese
    /// run as two scalar values (`second` 0 for a single character), and each word as
    /// its UTF-8 bytes, valid during the call only (no `String` per word: a site has
    /// millions). A generic sink, not a closure: the index's sink is called for every
    /// character of a site and stays a plain value the compiler can see through.
    package protocol PieceSink {
        mutating func pair(_ first: UInt32, _ second: UInt32, at position: Int)
        mutating func word(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int)
    }

    /// Collects tokens as values (tests, and anything that wants them one by one).
    struct TokenList: PieceSink {
        var tokens: [Token] = []

        mutating func pair(_ first: UInt32, _ second: UInt32, at position: Int) {
            var term = String.UnicodeScalarView()
            term.append(Unicode.Scalar(first) ?? "\u{FFFD}")
            if second != 0 { term.append(Unicode.Scalar(second) ?? "\u{FFFD}") }
            tokens.append(Token(term: String(term), position: position, isCJK: true))
        }

        mutating func word(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) {
            tokens.append(Token(term: String(decoding: bytes, as: UTF8.self), position: position, isCJK: false))
        }
    }

    /// The folded scalar value (see the rules above).
    @inline(__always)
    package static func fold(_ value: UInt32) -> UInt32 {
        value < 0x10000 ? basic[Int(value)] & valueMask : foldUnlisted(value)
    }

    static let cjkFlag: UInt32 = 1 << 31
    static let wordFlag: UInt32 = 1 << 30
    static let valueMask: UInt32 = 0x1F_FFFF

    /// A character folded, with `cjkFlag` when the folded character is Han, kana or
    /// Hangul and `wordFlag` when it is another letter, digit or mark.
    @inline(__always)
    static func classified(_ value: UInt32) -> UInt32 {
        value < 0x10000 ? basic[Int(value)] : classifiedUnlisted(value)
    }

    /// `classified` for every character of the Basic Multilingual Plane, worked out
    /// once: a page's text then costs one look-up per character, not Unicode's tables.
    static let basic: [UInt32] = (0..<UInt32(0x10000)).map(classifiedUnlisted)

    /// `classified` from Unicode's tables.
    static func classifiedUnlisted(_ value: UInt32) -> UInt32 {
        let folded = foldUnlisted(value)
        return folded | (isCJKValue(folded) ? cjkFlag : isWordValue(folded) ? wordFlag : 0)
    }

    static func foldUnlisted(_ value: UInt32) -> UInt32 {
        if value < 0x80 {
            return value >= 0x41 && value <= 0x5A ? value + 0x20 : value
        }
        if value >= 0xFF01 && value <= 0xFF5E { return foldUnlisted(value - 0xFEE0) }
        if value == 0x3000 { return 0x20 }
        if isCJKValue(value) { return TraditionalSimplified.simplified(value) }
        guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else { return value }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : value
    }

    package static func normalize(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.map { Unicode.Scalar(fold($0.value)) ?? $0 }
    }

    package static func tokens(_ text: String) -> [Token] {
        var list = TokenList()
        forEachPiece(text, into: &list)
        return list.tokens
    }

    /// Hands each piece of `text` to `sink`, in order.
    @inline(__always)
    package static func forEachPiece<Sink: PieceSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { bytes in basic.withUnsafeBufferPointer { table in
            let n = bytes.count
            var i = 0
            var position = 0
            // The folded and classified scalar at byte `i`, and its length (valid
            // UTF-8: the text is a String).
            @inline(__always)
            func scalar(at i: Int) -> (UInt32, Int) {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 { return (table[Int(b0)], 1) }
                if b0 < 0xE0, i + 1 < n { return (table[Int((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))], 2) }
                if b0 < 0xF0, i + 2 < n {
                    return (table[Int((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))], 3)
                }
                if i + 3 < n {
                    return (classified((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)), 4)
                }
                return (classified(0xFFFD), 1)
            }
            // A word as folded, in memory of its own (a folded character takes at most
            // 1.5 times its bytes).
            let whole = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 2 * n + 8)
            defer { whole.deallocate() }
            var wordLength = 0
            var scratch: [UInt8] = []
            var parts: [Range<Int>] = []
            while i < n {
                let (entry, length) = scalar(at: i)
                let value = entry & valueMask
                if entry & cjkFlag != 0 {
                    var previous = value
                    var count = 1
                    var j = i + length
                    while j < n {
                        let (nextEntry, nextLength) = scalar(at: j)
                        guard nextEntry & cjkFlag != 0 else { break }
                        let next = nextEntry & valueMask
                        sink.pair(previous, next, at: position + count - 1)
                        previous = next
                        count += 1
                        j += nextLength
                    }
                    if count == 1 { sink.pair(value, 0, at: position) }
                    position += count
                    i = j
                } else if entry & wordFlag != 0 {
                    // A compound: words joined by one joiner at a time. `whole` holds it
                    // as written (folded); `parts` the ranges of its words in `whole`.
                    parts.removeAll(keepingCapacity: true)
                    wordLength = 0
                    var partStart = 0
                    var j = i
                    while j < n {
                        let (nextEntry, nextLength) = scalar(at: j)
                        let next = nextEntry & valueMask
                        if nextEntry & wordFlag != 0 {
                            wordLength += writeUTF8(next, to: whole.baseAddress! + wordLength)
                            j += nextLength
                        } else if (next == 0x2E || next == 0x2D || next == 0x5F), wordLength > partStart, j + nextLength < n {
                            let (after, _) = scalar(at: j + nextLength)
                            guard after & wordFlag != 0 else { break }
                            parts.append(partStart..<wordLength)
                            whole[wordLength] = UInt8(next)
                            wordLength += 1
                            partStart = wordLength
                            j += nextLength
                        } else {
                            break
                        }
                    }
                    parts.append(partStart..<wordLength)
                    let all = UnsafeBufferPointer(start: whole.baseAddress, count: wordLength)
                    if parts.count > 1 { sink.word(all, at: position) }
                    for (k, part) in parts.enumerated() {
                        let word = UnsafeBufferPointer(rebasing: all[part])
                        let (kept, addY) = stemmed(word)
                        if !addY {
                            sink.word(UnsafeBufferPointer(rebasing: word[0..<kept]), at: position + k)
                        } else {
                            scratch.removeAll(keepingCapacity: true)
                            scratch.append(contentsOf: word[0..<kept])
                            scratch.append(0x79) // "y"
                            scratch.withUnsafeBufferPointer { sink.word($0, at: position + k) }
                        }
                    }
                    position += parts.count
                    i = j
                } else {
                    i += length
                }
            }
        } }
    }

    /// Writes a scalar value's UTF-8 at `out`; returns how many bytes.
    @inline(__always)
    static func writeUTF8(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if value < 0x80 {
            out[0] = UInt8(value)
            return 1
        } else if value < 0x800 {
            out[0] = UInt8(0xC0 | value >> 6); out[1] = UInt8(0x80 | value & 0x3F)
            return 2
        } else if value < 0x10000 {
            out[0] = UInt8(0xE0 | value >> 12); out[1] = UInt8(0x80 | value >> 6 & 0x3F); out[2] = UInt8(0x80 | value & 0x3F)
            return 3
        }
        out[0] = UInt8(0xF0 | value >> 18); out[1] = UInt8(0x80 | value >> 12 & 0x3F)
        out[2] = UInt8(0x80 | value >> 6 & 0x3F); out[3] = UInt8(0x80 | value & 0x3F)
        return 4
    }

    @inline(__always)
    static func isCJKValue(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x31F0...0x31FF,       // kana
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF, // Han
             0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: // Hangul
            return true
        default:
            return false
        }
    }

    /// Letters, digits and combining marks (`\p{L}\p{N}\p{M}` in the script).
    @inline(__always)
    static func isWordValue(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Light English stemming: plural and verb endings of words over three letters.
    /// Words with a digit or a non-ASCII letter are left as they are.
    package static func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            let (kept, addY) = stemmed(bytes)
            return String(decoding: bytes[0..<kept], as: UTF8.self) + (addY ? "y" : "")
        }
    }

    /// The stem of a word's bytes: how many bytes it keeps, and whether a "y" follows.
    static func stemmed(_ word: UnsafeBufferPointer<UInt8>) -> (kept: Int, addY: Bool) {
        let count = word.count
        guard count > 3, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return (count, false) }
        func ends(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard count >= length else { return false }
            for k in 0..<length where word[count - length + k] != suffix.utf8Start[k] { return false }
            return true
        }
        if ends("ies"), count > 4 { return (count - 3, true) }
        if ends("sses") { return (count - 2, false) }
        if ends("ches") || ends("shes") || ends("xes") || ends("zzes") { return (count - 2, false) }
        if ends("ss") || ends("us") || ends("is") { return (count, false) }
        if ends("s") { return (count - 1, false) }
        if ends("ing"), count > 5 { return (count - 3, false) }
        if ends("ed"), count > 4 { return (count - 2, false) }
        return (count, false)
    }
}
