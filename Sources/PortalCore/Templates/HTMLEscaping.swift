/// Escapes text for HTML element content and attribute values.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        append(text, to: &result)
        return result
    }

    /// Appends `text` escaped, copying the runs between special characters whole.
    static func append(_ text: String, to output: inout String) {
        guard needsEscaping(text) else { output += text; return }
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let replacement: String?
            switch bytes[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: replacement = nil
            }
            if let replacement {
                output += text[runStart..<index]
                output += replacement
                runStart = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        output += text[runStart..<bytes.endIndex]
    }

    private static let special = ASCIISet("&<>\"'")

    private static func needsEscaping(_ text: String) -> Bool {
        let special = special
        return text.containsUTF8Byte { special.contains($0) }
    }

    /// Appends the UTF-8 bytes of `text` escaped, copying the runs between special characters
    /// whole; eight bytes at a time are checked for the five special characters at once.
    static func append(_ text: String, to output: inout [UInt8]) {
        let special = special
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var runStart = 0
            var index = 0
            while index < count {
                if index + 8 <= count, !mayHoldSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
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
        @inline(__always) func holds(_ byte: UInt64) -> UInt64 {
            let x = word ^ (byte &* 0x0101_0101_0101_0101)
            return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        }
        return holds(0x26) | holds(0x3C) | holds(0x3E) | holds(0x22) | holds(0x27) != 0
    }
}
