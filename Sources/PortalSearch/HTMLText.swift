/// The text a reader sees in a piece of HTML portal rendered: tags dropped (block
/// elements end a line, inline ones join their text, so `重<em>要</em>` stays one
/// word), the common entities decoded, nothing inside `<script>` or `<style>`.
package enum HTMLText {
    static let blockElements: Set<String> = [
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "pre", "blockquote", "aside", "section",
        "figure", "figcaption", "table", "ul", "ol", "dl", "dt", "dd", "summary", "details", "hr", "input", "label",
    ]

    package static func plain(_ html: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(html.count)
        var i = 0
        let n = html.count
        while i < n {
            let byte = html[i]
            if byte == 0x3C { // "<"
                var j = i + 1
                let closing = j < n && html[j] == 0x2F
                if closing { j += 1 }
                let nameStart = j
                while j < n, (html[j] >= 0x61 && html[j] <= 0x7A) || (html[j] >= 0x41 && html[j] <= 0x5A) || (html[j] >= 0x30 && html[j] <= 0x39) { j += 1 }
                let name = String(decoding: html[nameStart..<j], as: UTF8.self).lowercased()
                guard let end = html[j...].firstIndex(of: 0x3E) else { break }
                i = end + 1
                if !closing, name == "script" || name == "style" {
                    // Skip to the closing tag.
                    let closer = Array("</\(name)".utf8)
                    var k = i
                    while k + closer.count <= n, !html[k..<(k + closer.count)].elementsEqual(closer) { k += 1 }
                    i = k
                    continue
                }
                if blockElements.contains(name), out.last != 0x0A { out.append(0x0A) }
                continue
            }
            if byte == 0x26, let (decoded, length) = entity(html, at: i) { // "&"
                out.append(contentsOf: decoded)
                i += length
                continue
            }
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    private static func entity(_ html: [UInt8], at start: Int) -> ([UInt8], Int)? {
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
