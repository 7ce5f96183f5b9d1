import Foundation
import PortalText

/// Gives headings unique `id`s: slugs that keep Unicode letters and digits, or with
/// `slugStyle = "pinyin"` Han written in pinyin (`## 服务治理` -> `fu-wu-zhi-li`).
package struct HeadingIDs {
    /// Han in pinyin, as page slugs are with `slugStyle = "pinyin"`.
    package var pinyin = false
    private var used: Set<String> = []
    private var unnamed = 0
    /// The first suffix not yet tried for each repeated slug: every id `base-N` below
    /// it is taken, so repeats go on from there instead of probing `-1`, `-2`… again.
    private var nextSuffix: [String: Int] = [:]

    /// The slug of `text`: ASCII lower-cased, Unicode letters, marks and digits kept
    /// (Chinese stays), every other run of characters one `-`, no `-` at either end.
    package static func slug(_ text: String) -> String {
        let out = dashJoined(text) { scalar, _ in
            let v = scalar.value
            if v < 0x80 {
                if (0x41...0x5A).contains(v) { return Unicode.Scalar(UInt8(v + 0x20)) }
                return (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) ? scalar : nil
            }
            // CJK Unified Ideographs, all letters (Lo): most of a Chinese heading,
            // without a look-up of the general category.
            if v >= 0x4E00 && v <= 0x9FEF { return scalar }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .decimalNumber, .letterNumber, .otherNumber:
                return scalar
            default:
                return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An id the page gives itself (`{#custom-id}`), made unique like the others.
    package mutating func claim(_ id: String) -> String {
        guard used.contains(id) else {
            used.insert(id)
            return id
        }
        return self.id(for: id)
    }

    /// A unique id for a heading: its slug, `heading-N` when the slug is empty,
    /// then `-1`, `-2`… for repeats.
    package mutating func id(for text: String) -> String {
        var written = text
        if pinyin, text.unicodeScalars.contains(where: { $0.value > 0x7F }) {
            // ICU, as for page slugs: Han to pinyin, accents dropped.
            written = text.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? text
        }
        var base = Self.slug(written)
        if base.isEmpty {
            unnamed += 1
            base = "heading-\(unnamed)"
        }
        if used.insert(base).inserted { return base }
        var n = nextSuffix[base] ?? 1
        while !used.insert("\(base)-\(n)").inserted {
            n += 1
        }
        nextSuffix[base] = n + 1
        return "\(base)-\(n)"
    }
}
