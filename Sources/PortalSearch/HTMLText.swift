#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text a reader sees in a piece of HTML portal rendered: tags dropped (block
/// elements end a line, inline ones join their text, so `重<em>要</em>` stays one
/// word), the common entities decoded, nothing inside `<script>` or `<style>`.
package enum HTMLText {
    static let blockElements: Set<String> = [
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "pre", "blockquote", "aside", "section",
        "figure", "figcaption", "table", "ul", "ol", "dl", "dt", "dd", "summary", "details", "hr", "input", "label",
    ]

    /// A tag's name packed into one number (lower-case ASCII, first letter in the low
    /// byte; a name over 8 letters keeps 7 and its length), so that it is compared
    /// without making a string.
    static func code(_ name: String) -> UInt64 {
        var value: UInt64 = 0
        for (k, byte) in name.utf8.enumerated() where k < 8 { value |= UInt64(byte) << (8 * UInt64(k)) }
        return packed(value, length: name.utf8.count)
    }

    @inline(__always)
    static func packed(_ first8: UInt64, length: Int) -> UInt64 {
        length <= 8 ? first8 : (first8 & 0x00FF_FFFF_FFFF_FFFF) | UInt64(0x80 | min(length, 127)) << 56
    }

    static let blockCodes: [UInt64] = blockElements.map(code).sorted()
    static let scriptCode = code("script")
    static let styleCode = code("style")

    package static func plain(_ html: [UInt8]) -> String {
        let n = html.count
        let out = html.withUnsafeBufferPointer { html in
            [UInt8](unsafeUninitializedCapacity: n) { out, written in
                var w = 0
                var i = 0
                while i < n {
                    let byte = html[i]
                    if byte == 0x3C { // "<"
                        var j = i + 1
                        let closing = j < n && html[j] == 0x2F
                        if closing { j += 1 }
                        var name: UInt64 = 0
                        var length = 0
                        while j < n {
                            var c = html[j]
                            guard (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) else { break }
                            if c >= 0x41 && c <= 0x5A { c += 0x20 }
                            if length < 8 { name |= UInt64(c) << (8 * UInt64(length)) }
                            length += 1
                            j += 1
                        }
                        name = packed(name, length: length)
                        var end = j
                        while end < n, html[end] != 0x3E { end += 1 }
                        guard end < n else { break }
                        i = end + 1
                        if !closing, name == scriptCode || name == styleCode {
                            // Skip to the closing tag.
                            let closer: [UInt8] = name == scriptCode ? Array("</script".utf8) : Array("</style".utf8)
                            var k = i
                            while k + closer.count <= n {
                                if html[k] == 0x3C, (0..<closer.count).allSatisfy({ html[k + $0] | (html[k + $0] >= 0x41 && html[k + $0] <= 0x5A ? 0x20 : 0) == closer[$0] }) { break }
                                k += 1
                            }
                            i = k
                            continue
                        }
                        if name != 0, w == 0 || out[w - 1] != 0x0A, blockCodes.contains(name) {
                            out[w] = 0x0A
                            w += 1
                        }
                        continue
                    }
                    if byte == 0x26, let (decoded, length) = entity(html, at: i) { // "&"
                        // An entity is never shorter than what it stands for.
                        for b in decoded { out[w] = b; w += 1 }
                        i += length
                        continue
                    }
                    // Text up to the next tag or entity, found with `memchr` (text runs are
                    // long, entities rare) and copied at once.
                    let base = html.baseAddress!
                    let start = UnsafeRawPointer(base)
                    var stop = memchr(start + i + 1, 0x3C, n - i - 1).map { UnsafeRawPointer($0) - start } ?? n
                    if let amp = memchr(start + i + 1, 0x26, stop - i - 1) { stop = UnsafeRawPointer(amp) - start }
                    (out.baseAddress! + w).initialize(from: base + i, count: stop - i)
                    w += stop - i
                    i = stop
                }
                written = w
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    private static func entity(_ html: UnsafeBufferPointer<UInt8>, at start: Int) -> ([UInt8], Int)? {
        var j = start + 1
        while j < html.count, j - start < 12, html[j] != 0x3B { j += 1 }
        guard j < html.count, html[j] == 0x3B else { return nil }
        let body = String(decoding: html[(start + 1)..<j], as: UTF8.self)
        if let text = named[body] { return (Array(text.utf8), j - start + 1) }
        guard body.hasPrefix("#") else { return nil }
        let digits = body.dropFirst()
        let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (Array(String(scalar).utf8), j - start + 1)
    }
}
