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

    /// Appends the UTF-8 bytes of `text` escaped, copying the runs between special characters whole.
    static func append(_ text: String, to output: inout [UInt8]) {
        let special = special
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices where special.contains(bytes[index]) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                let replacement: StaticString
                switch bytes[index] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                default: replacement = "&#39;"
                }
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
