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

    /// What the tokeniser hands its caller: a pair (or single character) of a Chinese
    /// run as two scalar values (`second` 0 for a single character), or a word.
    package enum Piece {
        case cjk(first: UInt32, second: UInt32, position: Int)
        case word(String, position: Int)
    }

    /// The folded scalar value (see the rules above).
    @inline(__always)
    package static func fold(_ value: UInt32) -> UInt32 {
        if value < 0x80 {
            return value >= 0x41 && value <= 0x5A ? value + 0x20 : value
        }
        if value >= 0xFF01 && value <= 0xFF5E { return fold(value - 0xFEE0) }
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
        var tokens: [Token] = []
        forEachPiece(text) { piece in
            switch piece {
            case let .cjk(first, second, position):
                var term = String.UnicodeScalarView()
                term.append(Unicode.Scalar(first)!)
                if second != 0 { term.append(Unicode.Scalar(second)!) }
                tokens.append(Token(term: String(term), position: position, isCJK: true))
            case let .word(word, position):
                tokens.append(Token(term: word, position: position, isCJK: false))
            }
        }
        return tokens
    }

    /// Calls `body` with each piece of `text`, in order.
    package static func forEachPiece(_ text: String, _ body: (Piece) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            var position = 0
            // The folded scalar at byte `i` and its length.
            func scalar(at i: Int) -> (UInt32, Int) {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 { return (fold(b0), 1) }
                if b0 < 0xE0, i + 1 < n { return (fold((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)), 2) }
                if b0 < 0xF0, i + 2 < n {
                    return (fold((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)), 3)
                }
                if i + 3 < n {
                    return (fold((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)), 4)
                }
                return (0xFFFD, 1)
            }
            var word: [UInt8] = []
            var parts: [String] = []
            while i < n {
                let (value, length) = scalar(at: i)
                if isCJKValue(value) {
                    var previous = value
                    var count = 1
                    var j = i + length
                    while j < n {
                        let (next, nextLength) = scalar(at: j)
                        guard isCJKValue(next) else { break }
                        body(.cjk(first: previous, second: next, position: position + count - 1))
                        previous = next
                        count += 1
                        j += nextLength
                    }
                    if count == 1 { body(.cjk(first: value, second: 0, position: position)) }
                    position += count
                    i = j
                } else if isWordValue(value) {
                    // A compound: words joined by one joiner at a time.
                    parts.removeAll(keepingCapacity: true)
                    word.removeAll(keepingCapacity: true)
                    var whole: [UInt8] = []
                    var j = i
                    while j < n {
                        let (next, nextLength) = scalar(at: j)
                        if isWordValue(next) && !isCJKValue(next) {
                            appendUTF8(next, to: &word)
                            appendUTF8(next, to: &whole)
                            j += nextLength
                        } else if (next == 0x2E || next == 0x2D || next == 0x5F), !word.isEmpty, j + nextLength < n {
                            let (after, _) = scalar(at: j + nextLength)
                            guard isWordValue(after), !isCJKValue(after) else { break }
                            parts.append(String(decoding: word, as: UTF8.self))
                            word.removeAll(keepingCapacity: true)
                            whole.append(UInt8(next))
                            j += nextLength
                        } else {
                            break
                        }
                    }
                    parts.append(String(decoding: word, as: UTF8.self))
                    if parts.count > 1 { body(.word(String(decoding: whole, as: UTF8.self), position: position)) }
                    for (k, part) in parts.enumerated() { body(.word(stem(part), position: position + k)) }
                    position += parts.count
                    i = j
                } else {
                    i += length
                }
            }
        }
    }

    @inline(__always)
    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        if value < 0x80 {
            out.append(UInt8(value))
        } else if value < 0x800 {
            out.append(UInt8(0xC0 | value >> 6)); out.append(UInt8(0x80 | value & 0x3F))
        } else if value < 0x10000 {
            out.append(UInt8(0xE0 | value >> 12)); out.append(UInt8(0x80 | value >> 6 & 0x3F)); out.append(UInt8(0x80 | value & 0x3F))
        } else {
            out.append(UInt8(0xF0 | value >> 18)); out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F)); out.append(UInt8(0x80 | value & 0x3F))
        }
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
        let utf8 = word.utf8
        guard utf8.count > 3, utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        let count = utf8.count
        func drop(_ n: Int, add: String = "") -> String {
            String(decoding: utf8.dropLast(n), as: UTF8.self) + add
        }
        if word.hasSuffix("ies"), count > 4 { return drop(3, add: "y") }
        if word.hasSuffix("sses") { return drop(2) }
        if word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("xes") || word.hasSuffix("zzes") { return drop(2) }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("s") { return drop(1) }
        if word.hasSuffix("ing"), count > 5 { return drop(3) }
        if word.hasSuffix("ed"), count > 4 { return drop(2) }
        return word
    }
}
