import Foundation
import PortalText
import PortalSources

/// Turns titles, file names and tags into URL path segments (SPEC 3): Unicode
/// letters stay (Chinese stays readable), ASCII is lower-cased, spaces and
/// punctuation become `-`. Dots, underscores and dashes inside a name stay, so
/// `cloudwego-meeting-8.11` keeps its dot as Hugo and Docusaurus keep it.
public struct Slugifier: Sendable, Hashable {
    public var style: ChineseOptions.SlugStyle
    /// Keep ASCII capitals (`disablePathToLower`: Docusaurus keeps `UserGuide` in URLs).
    public var keepsCase = false

    public init(style: ChineseOptions.SlugStyle = .unicode, keepsCase: Bool = false) {
        self.style = style
        self.keepsCase = keepsCase
    }

    public func slug(_ text: String) -> String {
        var source = text
        if style == .pinyin, source.unicodeScalars.contains(where: { $0.value > 0x7F }) {
            // ICU: Han to pinyin, then accents dropped ("服务治理" -> "fu wu zhi li").
            source = source.applyingTransform(.toLatin, reverse: false)?
                .applyingTransform(.stripDiacritics, reverse: false) ?? source
        }
        // Built as UTF-8 bytes: appending scalars to a String one by one costs far more.
        var out = dashJoined(source) { scalar, atStart in
            if scalar.isASCII {
                let v = scalar.value
                if (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || scalar == "_" { return scalar }
                if v >= 0x41 && v <= 0x5A { return keepsCase ? scalar : Unicode.Scalar(v + 32) }
                return scalar == "." && !atStart ? scalar : nil
            }
            let props = scalar.properties
            return props.isAlphabetic || props.numericType != nil || props.generalCategory == .nonspacingMark ? scalar : nil
        }
        // A trailing dot would vanish on some hosts; drop it.
        while out.last == UInt8(ascii: ".") { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// A slug that is never empty: falls back to a short stable hash of the text.
    public func nonEmptySlug(_ text: String) -> String {
        let value = slug(text)
        return value.isEmpty ? Slugifier.stableHash(text) : value
    }

    /// FNV-1a of the UTF-8 bytes, 8 hex digits: stable across runs and machines.
    public static func stableHash(_ text: String) -> String {
        let hex = String(FNV1a.hash(text), radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
