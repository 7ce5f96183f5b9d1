extension Unicode.Scalar {
    /// A CJK character in the sense of the CJK-friendly emphasis proposal: East Asian
    /// Width W, F or H (ideographs, kana, Hangul, full-width forms and punctuation),
    /// minus the few ideographic symbols shown as emoji by default.
    @inlinable
    public var isCJK: Bool {
        let v = value
        if v < 0x1100 { return false }
        switch v {
        case 0x1100...0x11FF, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7FF,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF01...0xFFEE,
             0x16FE0...0x16FFF, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF, 0x20000...0x3FFFD:
            return true
        case 0x1F200...0x1F2FF:
            switch v {
            case 0x1F201, 0x1F21A, 0x1F22F, 0x1F232...0x1F236, 0x1F238...0x1F23A, 0x1F250, 0x1F251:
                return false
            default:
                return true
            }
        default:
            return false
        }
    }

    /// Han, Hiragana, Katakana or Hangul letters: what reading time counts one by one.
    @inlinable
    public var isCJKLetter: Bool {
        let v = value
        if v < 0x1100 { return false }
        switch v {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B,
             0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF,
             0x3131...0x318E, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA960...0xA97C, 0xAC00...0xD7A3, 0xD7B0...0xD7FB, 0xF900...0xFAFF,
             0xFF66...0xFF9D, 0xFFA0...0xFFDC, 0x1B000...0x1B16F, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Hangul is written with spaces between words, unlike Chinese and Japanese.
    @inlinable
    public var isHangul: Bool {
        switch value {
        case 0x1100...0x11FF, 0x3131...0x318E, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xFFA0...0xFFDC:
            return true
        default:
            return false
        }
    }

    /// Punctuation as cmark-gfm 0.29 sees it for emphasis: ASCII punctuation or a
    /// Unicode `P*` general category (symbols do not count).
    @inlinable
    public var isMarkdownPunctuation: Bool {
        let v = value
        if v < 0x80 {
            return (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v)
                || (0x5B...0x60).contains(v) || (0x7B...0x7E).contains(v)
        }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// Unicode's White_Space characters (what `properties.isWhitespace` says, and the
    /// members of `CharacterSet.whitespacesAndNewlines`), without looking a property up.
    @inlinable
    public var isUnicodeWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Unicode whitespace as cmark-gfm sees it (ASCII spaces and `Zs`).
    @inlinable
    public var isMarkdownWhitespace: Bool {
        switch value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Letters and digits that make up a word outside CJK text.
    @inlinable
    public var isWordCharacter: Bool {
        let v = value
        if v < 0x80 {
            return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        }
        if isCJK { return false }
        let p = properties
        return p.isAlphabetic || p.numericType != nil
    }
}

/// Calls `body` with each Unicode scalar of a UTF-8 buffer; malformed bytes become U+FFFD.
@inlinable
public func forEachScalar(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (Unicode.Scalar) -> Void) {
    var i = 0
    let n = bytes.count
    while i < n {
        let b0 = bytes[i]
        if b0 < 0x80 {
            body(Unicode.Scalar(b0))
            i += 1
            continue
        }
        let (scalar, length) = decodeScalar(bytes, at: i)
        body(scalar)
        i += length
    }
}

/// Decodes the scalar starting at `i` (a lead byte); returns it and its length in bytes.
@inlinable
public func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
    let n = bytes.count
    let b0 = UInt32(bytes[i])
    let replacement: Unicode.Scalar = "\u{FFFD}"
    var length: Int
    var value: UInt32
    switch b0 {
    case 0x00...0x7F: return (Unicode.Scalar(UInt8(b0)), 1)
    case 0xC2...0xDF: length = 2; value = b0 & 0x1F
    case 0xE0...0xEF: length = 3; value = b0 & 0x0F
    case 0xF0...0xF4: length = 4; value = b0 & 0x07
    default: return (replacement, 1)
    }
    if i + length > n { return (replacement, 1) }
    for k in 1..<length {
        let b = UInt32(bytes[i + k])
        if b & 0xC0 != 0x80 { return (replacement, 1) }
        value = (value << 6) | (b & 0x3F)
    }
    guard let scalar = Unicode.Scalar(value) else { return (replacement, length) }
    return (scalar, length)
}
