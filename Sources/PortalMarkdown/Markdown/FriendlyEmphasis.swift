#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PortalText

/// CJK-friendly emphasis (`chinese.friendlyEmphasis`), after the markdown-cjk-friendly
/// proposal: `**会议主题：**内容` and `是**“重要”**的` become strong text.
///
/// CommonMark refuses a `*` run as closer when punctuation is inside and a letter
/// outside (and as opener the other way round). The proposal relaxes both rules when
/// the punctuation or the letter is CJK. cmark-gfm cannot be told so; instead, before
/// parsing, a marker that cmark takes for punctuation is put on the outer side of each
/// run the relaxed rule accepts and the strict one refuses: with punctuation on both
/// sides, cmark's own rule accepts it. The marker is removed from every node after
/// parsing, so it never reaches the output. Only `*` runs are handled, not `_`.
package enum FriendlyEmphasis {
    /// U+1BFC BATAK SYMBOL BINDU NA METEK: `Po` in cmark-gfm's tables, never seen in our texts.
    package static let marker: Unicode.Scalar = "\u{1BFC}"
    package static let markerBytes: (UInt8, UInt8, UInt8) = (0xE1, 0xAF, 0xBC)

    /// The UTF-8 of the source with markers added (what cmark parses), or nil when nothing
    /// needs one (or the source already holds the marker character, which then could not
    /// be told apart).
    package static func adjust(_ source: String) -> [UInt8]? {
        var source = source
        return source.withUTF8 { bytes -> [UInt8]? in
            guard bytes.contains(UInt8(ascii: "*")), !containsMarker(bytes) else { return nil }
            let positions = markerPositions(bytes)
            if positions.isEmpty { return nil }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + positions.count * 3)
            var start = 0
            for position in positions {
                out.append(contentsOf: bytes[start..<position])
                out.append(markerBytes.0)
                out.append(markerBytes.1)
                out.append(markerBytes.2)
                start = position
            }
            out.append(contentsOf: bytes[start...])
            return out
        }
    }

    package static func containsMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3, let base = bytes.baseAddress else { return false }
        var i = 0
        while i + 2 < bytes.count {
            // The lead byte is rare in Chinese and English text: jump to it with memchr.
            guard let hit = memchr(base + i, Int32(markerBytes.0), bytes.count - 2 - i) else { return false }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if bytes[i + 1] == markerBytes.1, bytes[i + 2] == markerBytes.2 {
                return true
            }
            i += 1
        }
        return false
    }

    /// The text of `bytes` without markers, or nil when it holds none.
    package static func removingMarkers(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard containsMarker(bytes) else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if i + 2 < bytes.count, bytes[i] == markerBytes.0, bytes[i + 1] == markerBytes.1,
               bytes[i + 2] == markerBytes.2 {
                i += 3
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte offsets where a marker goes, ascending.
    package static func markerPositions(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var positions: [Int] = []
        let n = bytes.count
        var i = 0
        while i < n {
            // Most of a text holds neither `*` nor `\\`: skip it eight bytes at a time.
            if i + 8 <= n, let base = bytes.baseAddress,
               !holdsStarOrBackslash(ByteWord.load(base, at: i)) {
                i += 8
                continue
            }
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\"), i + 1 < n, isASCIIPunctuation(bytes[i + 1]) {
                i += 2
                continue
            }
            guard byte == UInt8(ascii: "*") else {
                i += 1
                continue
            }
            var j = i
            while j < n, bytes[j] == UInt8(ascii: "*") { j += 1 }
            let before = scalar(before: i, in: bytes)
            let after = scalar(at: j, in: bytes)
            if j - i == 4, let before, let after, before.isCJK || after.isCJK,
               !before.isMarkdownWhitespace, !after.isMarkdownWhitespace {
                // `**激活****（Activation）**`: two strong spans back to back. As one run of
                // four, it can open and close, and the rule of three then refuses to pair it
                // with either neighbour (`****` would stay in the text). A marker between
                // the halves makes the first only close and the second open.
                positions.append(i + 2)
            } else if needsMarkerAfter(before: before, after: after) {
                positions.append(j)
            } else if needsMarkerBefore(before: before, after: after, bytes: bytes, runStart: i) {
                positions.append(i)
            }
            i = j
        }
        return positions
    }

    @inline(__always)
    private static func holdsStarOrBackslash(_ word: UInt64) -> Bool {
        ByteWord.holds(word, UInt8(ascii: "*")) | ByteWord.holds(word, UInt8(ascii: "\\")) != 0
    }

    /// Closer: punctuation inside, a letter outside. cmark refuses it; the proposal
    /// accepts it when the punctuation is CJK, or the letter outside is CJK.
    private static func needsMarkerAfter(before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        guard let before, let after, before.isMarkdownPunctuation,
              !after.isMarkdownWhitespace, !after.isMarkdownPunctuation else { return false }
        return before.isCJK || after.isCJK
    }

    /// Opener: a letter outside, punctuation inside. Accepted when the punctuation is
    /// CJK, or the letter outside is CJK (optionally with a variation selector).
    private static func needsMarkerBefore(
        before: Unicode.Scalar?, after: Unicode.Scalar?, bytes: UnsafeBufferPointer<UInt8>, runStart: Int
    ) -> Bool {
        guard let before, let after, after.isMarkdownPunctuation,
              !before.isMarkdownWhitespace, !before.isMarkdownPunctuation else { return false }
        if after.isCJK || before.isCJK { return true }
        switch before.value {
        case 0xE0100...0xE01EF:
            return true  // ideographic variation selector: follows an ideograph
        case 0xFE00...0xFE0E:
            let selectorStart = runStart - (before.utf8.count)
            return scalar(before: selectorStart, in: bytes)?.isCJK ?? false
        default:
            return false
        }
    }

    private static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        Unicode.Scalar(b).isMarkdownPunctuation && b < 0x80
    }

    /// The scalar ending just before `index`; nil at the start of a line.
    package static func scalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 {
            start -= 1
        }
        let (scalar, _) = decodeScalar(bytes, at: start)
        return scalar == "\n" || scalar == "\r" ? nil : scalar
    }

    /// The scalar starting at `index`; nil at the end of a line.
    package static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        let (scalar, _) = decodeScalar(bytes, at: index)
        return scalar == "\n" || scalar == "\r" ? nil : scalar
    }
}
