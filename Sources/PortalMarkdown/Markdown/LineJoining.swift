/// When a soft line break inside a paragraph disappears (`chinese.joinLines`).
///
/// Chinese and Japanese are written without spaces, so the newline an editor
/// wraps a line at must not turn into a space. The break is dropped when:
/// - either side is CJK punctuation (`，。：；！？、「」（）` and other full-width marks), or
/// - both sides are CJK characters (ideographs, kana, full-width forms).
/// Ambiguous-width punctuation (`“”‘’…—·`) counts as CJK punctuation only when the
/// character on the other side is CJK. Hangul does not join (Korean separates
/// words with spaces). Everywhere else, e.g. `中文⏎English` or between Latin
/// words, the break stays and renders as a space.
package enum LineJoining {
    package static func dropsBreak(between left: Unicode.Scalar, and right: Unicode.Scalar) -> Bool {
        let leftCJK = left.isCJK && !left.isHangul
        let rightCJK = right.isCJK && !right.isHangul
        if leftCJK && rightCJK { return true }
        if left.isCJK && left.isMarkdownPunctuation { return true }
        if right.isCJK && right.isMarkdownPunctuation { return true }
        if rightCJK && isAmbiguousPunctuation(left) { return true }
        if leftCJK && isAmbiguousPunctuation(right) { return true }
        return false
    }

    private static func isAmbiguousPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "“", "”", "‘", "’", "…", "—", "·", "‥", "–": return true
        default: return false
        }
    }
}
