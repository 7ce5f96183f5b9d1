import PortalText

/// Builds an automatic summary from streamed plain text: up to `characters` CJK
/// characters or `words` Latin words (mixed text spends one budget: a word costs
/// `characters / words` characters), cut at the last sentence end past half the
/// budget, else at a word boundary, with `…` when cut. The result is escaped HTML.
public struct SummaryBuilder: Sendable {
    /// Costs are scaled by `characters * words` to stay in integers.
    private let characterCost: Int
    private let wordCost: Int
    private let budget: Int
    /// A word longer than this many scalars is charged again, so unspaced scripts stay bounded.
    private static let longWord = 24

    private var scalars: [Unicode.Scalar] = []
    private var cost = 0
    private var wordLength = 0
    private var pendingSpace = false
    /// Index just past the last sentence end, and the cost spent up to there.
    private var sentenceEnd: (index: Int, cost: Int)?
    /// A `.` waiting for a following space to count as a sentence end.
    private var pendingPeriod: (index: Int, cost: Int)?
    /// Index of the last clause mark (`，；：、` and `, ; :`), and the cost spent before it.
    private var clauseMark: (index: Int, cost: Int)?
    /// Set at a block boundary: how the next text joins the previous (see `add`).
    private var pendingBreak = false
    public private(set) var isTruncated = false

    public init(characters: Int, words: Int) {
        let characters = max(1, characters)
        let words = max(1, words)
        characterCost = words
        wordCost = characters
        budget = characters * words
        scalars.reserveCapacity(min(characters * 2, 512))
    }

    /// The summary of `text` in one call.
    public static func summarize(_ text: String, characters: Int, words: Int) -> String {
        var builder = SummaryBuilder(characters: characters, words: words)
        for scalar in text.unicodeScalars {
            if scalar == "\n" { builder.addBreak() } else { builder.add(scalar) }
        }
        return builder.html()
    }

    /// True once the budget is spent; later text is ignored.
    public var isFull: Bool { isTruncated }

    public mutating func add(_ scalar: Unicode.Scalar) {
        if isTruncated { return }
        if scalar.isMarkdownWhitespace {
            confirmPeriod()
            pendingSpace = !scalars.isEmpty
            wordLength = 0
            return
        }
        var unit = 0
        if scalar.isCJK {
            unit = characterCost
            wordLength = 0
        } else if scalar.isWordCharacter {
            if wordLength % Self.longWord == 0 { unit = wordCost }
            wordLength += 1
        } else {
            wordLength = 0
        }
        if cost + unit > budget {
            isTruncated = true
            return
        }
        if pendingSpace {
            // Blocks join as Chinese is written: nothing after full-width punctuation,
            // `；` between two runs of Chinese (list items, lines), a space in Latin text.
            if let previous = scalars.last, pendingBreak, previous.isCJK || Self.isFullWidthPunctuation(previous) {
                if Self.isFullWidthPunctuation(previous) {
                    // nothing
                } else if scalar.isCJK, cost + characterCost <= budget {
                    scalars.append("；")
                    cost += characterCost
                    clauseMark = (scalars.count - 1, cost - characterCost)
                } else {
                    scalars.append(" ")
                }
            } else if let previous = scalars.last, Self.isFullWidthPunctuation(previous) {
                // `发布。 下一句`: no space after full-width punctuation.
            } else {
                scalars.append(" ")
            }
            pendingSpace = false
        }
        pendingBreak = false
        if pendingPeriod != nil, !Self.isClosing(scalar) {
            pendingPeriod = nil  // "3.14", "e.g.x": not a sentence end
        }
        scalars.append(scalar)
        cost += unit
        if Self.isClauseMark(scalar) { clauseMark = (scalars.count - 1, cost) }
        if Self.isSentenceEnd(scalar) {
            sentenceEnd = (scalars.count, cost)
        } else if scalar == "." {
            pendingPeriod = (scalars.count, cost)
        } else if Self.isClosing(scalar) {
            if let end = sentenceEnd, end.index == scalars.count - 1 {
                sentenceEnd = (scalars.count, cost)
            } else if let period = pendingPeriod, period.index == scalars.count - 1 {
                pendingPeriod = (scalars.count, cost)
            }
        }
    }

    /// A block boundary: a space, and a place where the summary may end.
    public mutating func addBreak() {
        if isTruncated { return }
        pendingPeriod = nil
        if !scalars.isEmpty {
            sentenceEnd = (scalars.count, cost)
            pendingSpace = true
            pendingBreak = true
        }
        wordLength = 0
    }

    private mutating func confirmPeriod() {
        if let period = pendingPeriod {
            sentenceEnd = period
            pendingPeriod = nil
        }
    }

    /// The summary as escaped HTML.
    public func html() -> String {
        var end = scalars.count
        // Where a cut summary ends: the last sentence end past a third of the budget,
        // else the last clause mark past half of it, else the last word boundary.
        if isTruncated, let sentence = sentenceEnd, sentence.cost * 3 >= budget {
            end = sentence.index
        } else if isTruncated, let clause = clauseMark, clause.cost * 2 >= budget {
            end = clause.index
        }
        while end > 0, scalars[end - 1] == " " || (isTruncated && Self.isDangling(scalars[end - 1])) {
            end -= 1
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end * 3)
        for scalar in scalars[..<end] {
            UTF8.encode(scalar) { bytes.append($0) }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var out = HTMLEscaping.escape(text)
        // The ellipsis says text was cut inside a sentence, never after a finished one.
        var last = end - 1
        while last > 0, Self.isClosing(scalars[last]) { last -= 1 }
        let finished = end > 0 && (Self.isSentenceEnd(scalars[last]) || scalars[last] == ".")
        if isTruncated, end > 0, !finished {
            out += "…"
        }
        return out
    }

    private static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "!", "?", "…", "．", "｡": return true
        default: return false
        }
    }

    /// Marks that end a clause inside a sentence: a cut summary may end before one.
    private static func isClauseMark(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", "；", "：", "、", ",", ";": return true
        default: return false
        }
    }

    /// Full-width punctuation: no space is written after it.
    private static func isFullWidthPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "，", "；", "：", "、", "）", "」", "』", "】", "》", "〉", "”", "’", "…": return true
        default: return false
        }
    }

    /// Closing quotes and brackets that belong to the sentence they follow.
    private static func isClosing(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "”", "’", "」", "』", "）", "】", "》", "〉", ")", "]", "\"", "'": return true
        default: return false
        }
    }

    /// Punctuation that must not end a cut summary (it expects more text).
    private static func isDangling(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", "、", "；", "：", ",", ";", ":", "—", "-", "–", "<", "&", "/":
            return true
        default:
            switch s.properties.generalCategory {
            case .openPunctuation, .initialPunctuation: return true
            default: return false
            }
        }
    }
}
