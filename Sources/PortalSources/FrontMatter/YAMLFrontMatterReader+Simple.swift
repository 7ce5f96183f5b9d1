/// Most front matter is a flat list of `key: value` lines: quoted titles, plain dates
/// and slugs, and `[a, "b"]` lists. Those are read here without libyaml, giving the
/// same nodes `Yams.compose` gives; anything else (nesting, block scalars, escapes,
/// comments after a value, anchors, tags, repeated keys) returns nil and goes through
/// Yams, so its errors and its rules stay the only ones.
extension YAMLFrontMatterReader {
    package static func readSimple(_ text: String, lineOffset: Int) -> [FrontMatterNode.Entry]? {
        var text = text
        return text.withUTF8 { bytes -> [FrontMatterNode.Entry]? in
            guard !FrontMatterLines.holdsSpecialCharacters(bytes) else { return nil }
            var entries: [FrontMatterNode.Entry] = []
            var keys = Set<String>()
            let simple = FrontMatterLines.eachLine(of: bytes) { line, number in
                guard let first = line.first, !isBlank(line), first != UInt8(ascii: "#") else { return true }
                guard let (key, valueStart) = simpleKey(line), keys.insert(key).inserted,
                      let node = simpleValue(line, from: valueStart, line: number + lineOffset) else { return false }
                entries.append(FrontMatterNode.Entry(key: key, node: node))
                return true
            }
            return simple ? entries : nil
        }
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 }
    }

    /// `key:` at the start of the line, the key made of ASCII letters, digits, `_` and `-`,
    /// followed by one space; returns the key and where its value starts.
    private static func simpleKey(_ line: UnsafeBufferPointer<UInt8>) -> (String, Int)? {
        var index = 0
        while index < line.count, isKeyByte(line[index]) { index += 1 }
        guard index > 0, isKeyStart(line[0]), index + 1 < line.count,
              line[index] == UInt8(ascii: ":"), line[index + 1] == 0x20 else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: line[0..<index]), as: UTF8.self), index + 2)
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    /// The value from `index` to the end of the line: a quoted string without escapes,
    /// a flow list of such items, or a plain scalar that needs none of YAML's rules.
    private static func simpleValue(_ line: UnsafeBufferPointer<UInt8>, from index: Int, line number: Int) -> FrontMatterNode? {
        var begin = index
        while begin < line.count, line[begin] == 0x20 { begin += 1 }
        var end = line.count
        while end > begin, line[end - 1] == 0x20 { end -= 1 }
        guard begin < end else { return nil }
        let column = scalarColumn(line, begin)
        if line[begin] == UInt8(ascii: "[") {
            guard line[end - 1] == UInt8(ascii: "]") else { return nil }
            return simpleList(line, from: begin + 1, to: end - 1, line: number, column: column)
        }
        return simpleScalar(line, from: begin, to: end, inList: false, line: number, column: column)
    }

    private static func simpleList(_ line: UnsafeBufferPointer<UInt8>, from begin: Int, to end: Int, line number: Int, column: Int) -> FrontMatterNode? {
        var items: [FrontMatterNode] = []
        var index = begin
        while index < end, line[index] == 0x20 { index += 1 }
        if index == end { return FrontMatterNode(.list([]), line: number, column: column) }
        while index < end {
            var itemEnd = index
            if line[index] == UInt8(ascii: "\"") || line[index] == UInt8(ascii: "'") {
                // Quoted: up to the closing quote (checked to be the only other one below).
                itemEnd = index + 1
                while itemEnd < end, line[itemEnd] != line[index] { itemEnd += 1 }
                itemEnd += 1
            } else {
                while itemEnd < end, line[itemEnd] != UInt8(ascii: ",") { itemEnd += 1 }
            }
            var trimmed = min(itemEnd, end)
            while trimmed > index, line[trimmed - 1] == 0x20 { trimmed -= 1 }
            guard trimmed > index,
                  let item = simpleScalar(line, from: index, to: trimmed, inList: true, line: number, column: scalarColumn(line, index))
            else { return nil }
            items.append(item)
            index = trimmed
            while index < end, line[index] == 0x20 { index += 1 }
            if index == end { break }
            // Items are separated by a comma; a comma before `]` leaves an empty item (not simple).
            guard line[index] == UInt8(ascii: ","), index + 1 < end else { return nil }
            index += 1
            while index < end, line[index] == 0x20 { index += 1 }
            guard index < end else { return nil }
        }
        return FrontMatterNode(.list(items), line: number, column: column)
    }

    private static func simpleScalar(_ line: UnsafeBufferPointer<UInt8>, from begin: Int, to end: Int, inList: Bool, line number: Int, column: Int) -> FrontMatterNode? {
        let first = line[begin]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            // One quote at each end and none inside: no escapes, no doubled quotes.
            guard end - begin >= 2, line[end - 1] == first else { return nil }
            for index in (begin + 1)..<(end - 1) where line[index] == first || line[index] == UInt8(ascii: "\\") {
                return nil
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: line[(begin + 1)..<(end - 1)]), as: UTF8.self)
            return FrontMatterNode(.scalar(text, plain: false), line: number, column: column)
        }
        guard !isIndicator(first) else { return nil }
        var previous: UInt8 = 0
        for index in begin..<end {
            let byte = line[index]
            // `: ` ends a key and ` #` starts a comment (tabs and CRs never get here: see
            // FrontMatterLines.holdsSpecialCharacters); flow lists end items at `,` and brackets.
            if (byte == 0x20 && previous == UInt8(ascii: ":")) || (byte == UInt8(ascii: "#") && previous == 0x20) {
                return nil
            }
            if inList, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ":") {
                return nil
            }
            previous = byte
        }
        guard previous != UInt8(ascii: ":") else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: line[begin..<end]), as: UTF8.self)
        if isNull(text) { return FrontMatterNode(.null, line: number, column: column) }
        return FrontMatterNode(.scalar(text, plain: true), line: number, column: column)
    }

    /// Characters that give a plain scalar's first position another meaning in YAML.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), 0x20:
            return true
        default:
            return false
        }
    }

    /// libyaml's 1-based column: characters, not bytes, before `index`.
    private static func scalarColumn(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        var column = 1
        for position in 0..<index where line[position] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
