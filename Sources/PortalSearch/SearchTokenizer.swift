import Foundation

/// How search reads text, on the index side; `assets/search.js` reads queries by the
/// same rules (the cases in Tests/Fixtures/search/tokenizer-cases.json run on both):
///
/// - text is normalised (NFKC, so full-width letters are ASCII; lower case;
///   traditional Chinese characters simplified);
/// - a run of Han, kana or Hangul gives its overlapping character pairs (`服务网格` ->
///   `服务`, `务网`, `网格`) at consecutive positions, so a query matches where it
///   occurs as a substring; a run of one character gives that character;
/// - a run of letters and digits gives a word, lightly stemmed (`clusters` ->
///   `cluster`); words joined by `.`, `-` or `_` (`1.0.3`, `dapr-cli`) give the whole
///   (not stemmed) and then each part.
package enum SearchTokenizer {
    package struct Token: Equatable, Sendable {
        package var term: String
        /// Place in the text: consecutive pairs of a run of Chinese are 1 apart.
        package var position: Int
        /// Part of a run of Han, kana or Hangul (matched by position, not as a word).
        package var isCJK: Bool
    }

    package static func normalize(_ text: String) -> [Unicode.Scalar] {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        return folded.unicodeScalars.map { TraditionalSimplified.simplified($0) }
    }

    package static func tokens(_ text: String) -> [Token] {
        let scalars = normalize(text)
        var tokens: [Token] = []
        var position = 0
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if isCJK(scalar) {
                var j = i
                while j < scalars.count, isCJK(scalars[j]) { j += 1 }
                if j - i == 1 {
                    tokens.append(Token(term: String(scalar), position: position, isCJK: true))
                } else {
                    for k in i..<(j - 1) {
                        var pair = String.UnicodeScalarView()
                        pair.append(scalars[k])
                        pair.append(scalars[k + 1])
                        tokens.append(Token(term: String(pair), position: position + (k - i), isCJK: true))
                    }
                }
                position += j - i
                i = j
            } else if isWordScalar(scalar) {
                // A compound: words joined by one joiner at a time.
                var parts: [String] = []
                var current = String.UnicodeScalarView()
                var j = i
                while j < scalars.count {
                    let next = scalars[j]
                    if isWordScalar(next) && !isCJK(next) {
                        current.append(next)
                        j += 1
                    } else if isJoiner(next), !current.isEmpty, j + 1 < scalars.count, isWordScalar(scalars[j + 1]), !isCJK(scalars[j + 1]) {
                        parts.append(String(current))
                        current = String.UnicodeScalarView()
                        j += 1
                    } else {
                        break
                    }
                }
                parts.append(String(current))
                if parts.count > 1 {
                    let whole = String(String.UnicodeScalarView(scalars[i..<j]))
                    tokens.append(Token(term: whole, position: position, isCJK: false))
                }
                for (k, part) in parts.enumerated() {
                    tokens.append(Token(term: stem(part), position: position + k, isCJK: false))
                }
                position += parts.count
                i = j
            } else {
                i += 1
            }
        }
        return tokens
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF,       // kana
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF, // Han
             0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: // Hangul
            return true
        default:
            return false
        }
    }

    /// Letters, digits and combining marks (`\p{L}\p{N}\p{M}` in the script).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "-" || scalar == "_"
    }

    /// Light English stemming: plural and verb endings of words over three letters.
    /// Words with a digit are left as they are.
    package static func stem(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > 3, scalars.allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A }) else { return word }
        func drop(_ n: Int, add: String = "") -> String {
            String(String.UnicodeScalarView(scalars.dropLast(n))) + add
        }
        if word.hasSuffix("ies"), scalars.count > 4 { return drop(3, add: "y") }
        if word.hasSuffix("sses") { return drop(2) }
        if word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("xes") || word.hasSuffix("zzes") { return drop(2) }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("s") { return drop(1) }
        if word.hasSuffix("ing"), scalars.count > 5 { return drop(3) }
        if word.hasSuffix("ed"), scalars.count > 4 { return drop(2) }
        return word
    }
}
