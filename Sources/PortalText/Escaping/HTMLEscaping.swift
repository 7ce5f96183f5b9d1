/// Escapes text for HTML element content and attribute values.
package enum HTMLEscaping {
    package static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        append(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    private static let special = ASCIISet("&<>\"'")

    private static func needsEscaping(_ text: String) -> Bool {
        let special = special
        return text.containsUTF8Byte { special.contains($0) }
    }

    /// Appends the UTF-8 bytes of `text` escaped, copying the runs between special characters
    /// whole; eight bytes at a time are checked for the five special characters at once.
    package static func append(_ text: String, to output: inout [UInt8]) {
        let special = special
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var runStart = 0
            var index = 0
            while index < count {
                if index + 8 <= count, !mayHoldSpecial(ByteWord.load(base, at: index)) {
                    index += 8
                    continue
                }
                let byte = base[index]
                if special.contains(byte) {
                    output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                    let replacement: StaticString
                    switch byte {
                    case 0x26: replacement = "&amp;"
                    case 0x3C: replacement = "&lt;"
                    case 0x3E: replacement = "&gt;"
                    case 0x22: replacement = "&quot;"
                    default: replacement = "&#39;"
                    }
                    output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                    runStart = index + 1
                }
                index += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
        }
    }

    /// Whether one of the eight bytes of `word` is `&`, `<`, `>`, `"` or `'`.
    @inline(__always)
    private static func mayHoldSpecial(_ word: UInt64) -> Bool {
        ByteWord.holds(word, UInt8(ascii: "&")) | ByteWord.holds(word, UInt8(ascii: "<")) | ByteWord.holds(word, UInt8(ascii: ">"))
            | ByteWord.holds(word, UInt8(ascii: "\"")) | ByteWord.holds(word, UInt8(ascii: "'")) != 0
    }
}
