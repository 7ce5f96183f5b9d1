#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PortalText

/// One Hugo shortcode tag in a page body, where it is written.
package struct ShortcodeTag: Sendable, Equatable {
    package enum Form: Sendable, Equatable {
        /// `{{< name args >}}`: opens a pair, or stands alone when no closing tag follows.
        case opening
        /// `{{< /name >}}`
        case closing
        /// `{{< name args />}}`
        case selfClosing
        /// `{{</* name args */>}}`: shown as written, without the comment marks.
        case escaped
    }

    package struct Argument: Sendable, Equatable {
        /// Nil for a positional argument.
        package var key: String?
        package var value: String
    }

    package var form: Form
    package var name: String
    /// `{{% … %}}` rather than `{{< … >}}`.
    package var markdown: Bool
    package var arguments: [Argument]
    /// Byte range of the whole tag in the body.
    package var start: Int
    package var end: Int
    /// 1-based line, and column in characters, of the tag's first brace.
    package var line: Int
    package var column: Int
    /// What an escaped tag shows.
    package var literal = ""

    /// The tag as the author would write it, for messages: `{{< name >}}` or `{{% /name %}}`.
    package var written: String {
        let (open, close) = markdown ? ("{{%", "%}}") : ("{{<", ">}}")
        return "\(open) \(form == .closing ? "/" : "")\(name) \(close)"
    }
}

extension [ShortcodeTag.Argument] {
    /// The positional arguments, in order.
    package var positional: [String] { filter { $0.key == nil }.map(\.value) }

    /// The named argument `key` (any case).
    package func named(_ key: String) -> String? {
        first { $0.key?.lowercased() == key.lowercased() }?.value
    }
}

/// A problem found in a page body, with its 1-based line and character column.
package struct BodyProblem: Sendable, Equatable {
    package var line: Int
    package var column: Int
    package var message: String
    package var isError = false
}

/// Finds shortcode tags in a Markdown body, the way Hugo reads them, except that
/// fenced code, code spans and HTML or MDX comments are left alone (an escaped tag
/// in code is handled later, on the code's text). Never fails: a tag that does not
/// end is reported and left as text.
package struct ShortcodeScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let mdx: Bool
    package private(set) var tags: [ShortcodeTag] = []
    package private(set) var problems: [BodyProblem] = []
    /// Line counting, advanced as tags are met in order.
    private var countedTo = 0
    private var countedLine = 1
    private var countedLineStart = 0

    /// The longest tag read: past it, an opening `{{<` with no end is reported.
    private static let longestTag = 16_384

    /// Whether `body` may hold a shortcode at all (a `{{<` or `{{%`): one fast scan.
    package static func mayContainShortcodes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var offset = 0
        while offset + 2 < bytes.count, let hit = memchr(base + offset, 0x7B, bytes.count - offset - 2) { // "{"
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if bytes[at + 1] == 0x7B, bytes[at + 2] == 0x3C || bytes[at + 2] == 0x25 { return true }
            offset = at + 1
        }
        return false
    }

    package static func scan(_ bytes: UnsafeBufferPointer<UInt8>, mdx: Bool) -> (tags: [ShortcodeTag], problems: [BodyProblem]) {
        var scanner = ShortcodeScanner(bytes: bytes, mdx: mdx)
        scanner.run()
        return (scanner.tags, scanner.problems)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, mdx: Bool) {
        self.bytes = bytes
        self.mdx = mdx
    }

    private func byte(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }

    private func starts(with text: StaticString, at i: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        let pointer = text.utf8Start
        for k in 0..<count where bytes[i + k] != pointer[k] { return false }
        return true
    }

    private func lineEnd(from i: Int) -> Int {
        var j = i
        while j < bytes.count, bytes[j] != 0x0A { j += 1 }
        return j
    }

    private mutating func run() {
        var i = 0
        var fence: (marker: UInt8, count: Int)?
        let count = bytes.count
        while i < count {
            if i == 0 || bytes[i - 1] == 0x0A {
                let end = lineEnd(from: i)
                if let open = fence {
                    if Self.isClosingFence(bytes, i, end, open) { fence = nil }
                    i = end + 1
                    continue
                }
                if let open = Self.openingFence(bytes, i, end) {
                    fence = open
                    i = end + 1
                    continue
                }
            }
            switch bytes[i] {
            case 0x5C: // "\": an escaped character is text
                i += byte(i + 1) == 0x0A ? 1 : 2
            case 0x60: // "`"
                i = skipCodeSpan(at: i)
            case 0x3C where starts(with: "<!--", at: i): // "<"
                i = skip(past: "-->", from: i + 4) ?? i + 4
            case 0x7B: // "{"
                if byte(i + 1) == 0x7B, byte(i + 2) == 0x3C || byte(i + 2) == 0x25 {
                    i = readTag(at: i)
                } else if mdx, byte(i + 1) == 0x2F, byte(i + 2) == 0x2A { // "{/*"
                    i = skip(past: "*/}", from: i + 3) ?? i + 3
                } else {
                    i += 1
                }
            default:
                i += 1
            }
        }
    }

    /// Past the end of `text` found at or after `from`, or nil.
    private func skip(past text: StaticString, from: Int) -> Int? {
        let count = text.utf8CodeUnitCount
        guard let base = bytes.baseAddress else { return nil }
        let first = Int32(text.utf8Start[0])
        var offset = from
        while offset < bytes.count, let hit = memchr(base + offset, first, bytes.count - offset) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if starts(with: text, at: at) { return at + count }
            offset = at + 1
        }
        return nil
    }

    private func skipCodeSpan(at i: Int) -> Int { Self.codeSpanEnd(bytes, at: i) }

    /// A code span opened by the backticks at `i`: past its closing run, which must be
    /// as long and come before a blank line; else past the opening run.
    static func codeSpanEnd(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        func byte(_ k: Int) -> UInt8 { k < bytes.count ? bytes[k] : 0 }
        var run = 0
        while byte(i + run) == 0x60 { run += 1 }
        var j = i + run
        var lineHasText = true
        while j < bytes.count {
            let b = bytes[j]
            if b == 0x0A {
                if !lineHasText { break }
                lineHasText = false
                j += 1
                continue
            }
            if b != 0x20 && b != 0x09 { lineHasText = true }
            if b == 0x60 {
                var other = 0
                while byte(j + other) == 0x60 { other += 1 }
                if other == run { return j + other }
                j += other
                continue
            }
            j += 1
        }
        return i + run
    }

    // MARK: Fences

    /// Where a line's text starts once block quote marks and one list marker are passed.
    private static func contentStart(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var p = start
        while p < end, bytes[p] == 0x20 || bytes[p] == 0x09 || bytes[p] == 0x3E { p += 1 } // " ", tab, ">"
        if p + 1 < end, bytes[p] == 0x2D || bytes[p] == 0x2A || bytes[p] == 0x2B, bytes[p + 1] == 0x20 { // "-", "*", "+"
            p += 2
        } else {
            var digits = p
            while digits < end, digits - p < 9, bytes[digits] >= 0x30, bytes[digits] <= 0x39 { digits += 1 }
            if digits > p, digits + 1 < end, bytes[digits] == 0x2E || bytes[digits] == 0x29, bytes[digits + 1] == 0x20 { p = digits + 2 }
        }
        while p < end, bytes[p] == 0x20 || bytes[p] == 0x09 { p += 1 }
        return p
    }

    static func openingFence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (marker: UInt8, count: Int)? {
        let p = contentStart(bytes, start, end)
        guard p < end, bytes[p] == 0x60 || bytes[p] == 0x7E else { return nil }
        let marker = bytes[p]
        var run = 0
        while p + run < end, bytes[p + run] == marker { run += 1 }
        guard run >= 3 else { return nil }
        if marker == 0x60, (p + run..<end).contains(where: { bytes[$0] == 0x60 }) { return nil }
        return (marker, run)
    }

    static func isClosingFence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ fence: (marker: UInt8, count: Int)) -> Bool {
        var p = start
        while p < end, bytes[p] == 0x20 || bytes[p] == 0x09 || bytes[p] == 0x3E { p += 1 }
        var run = 0
        while p + run < end, bytes[p + run] == fence.marker { run += 1 }
        guard run >= fence.count else { return false }
        return (p + run..<end).allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0D }
    }

    // MARK: Tags

    /// 1-based line and character column of byte `offset`; offsets come in increasing order.
    private mutating func position(of offset: Int) -> (line: Int, column: Int) {
        while countedTo < offset {
            if bytes[countedTo] == 0x0A {
                countedLine += 1
                countedLineStart = countedTo + 1
            }
            countedTo += 1
        }
        var column = 1
        for k in countedLineStart..<offset where bytes[k] & 0xC0 != 0x80 { column += 1 }
        return (countedLine, column)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private func skipSpaces(_ i: Int, limit: Int) -> Int {
        var j = i
        while j < limit, Self.isSpace(bytes[j]) { j += 1 }
        return j
    }

    /// Reads the tag at `i` (`{{<` or `{{%`); returns where scanning goes on.
    private mutating func readTag(at i: Int) -> Int {
        let markdown = bytes[i + 2] == 0x25
        let delimiter: UInt8 = markdown ? 0x25 : 0x3E // "%}}" or ">}}"
        let limit = min(bytes.count, i + Self.longestTag)
        func closes(_ j: Int) -> Bool { j + 2 < bytes.count && bytes[j] == delimiter && bytes[j + 1] == 0x7D && bytes[j + 2] == 0x7D }
        var p = skipSpaces(i + 3, limit: limit)
        let (line, column) = position(of: i)
        let opener = markdown ? "{{%" : "{{<"
        let closer = markdown ? "%}}" : ">}}"

        // `{{</* … */>}}`: shown as written without the comment marks.
        if byte(p) == 0x2F, byte(p + 1) == 0x2A {
            var j = p + 2
            while j + 1 < limit, !(bytes[j] == 0x2A && bytes[j + 1] == 0x2F) { j += 1 }
            let after = skipSpaces(j + 2, limit: limit)
            guard j + 1 < limit, closes(after) else {
                problems.append(.init(line: line, column: column, message: "escaped shortcode '\(opener)/*' does not end with '*/\(closer)'; it is shown as written"))
                return i + 3
            }
            let leading = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 3)..<p]), as: UTF8.self)
            let inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[(p + 2)..<j]), as: UTF8.self)
            let trailing = String(decoding: UnsafeBufferPointer(rebasing: bytes[(j + 2)..<after]), as: UTF8.self)
            var tag = ShortcodeTag(form: .escaped, name: "", markdown: markdown, arguments: [], start: i, end: after + 3, line: line, column: column)
            tag.literal = opener + leading + inner + trailing + closer
            tags.append(tag)
            return after + 3
        }

        var closing = false
        if byte(p) == 0x2F { // "/"
            closing = true
            p = skipSpaces(p + 1, limit: limit)
        }
        let nameStart = p
        while p < limit, Self.isNameByte(bytes[p]) {
            // `name/>}}`: the slash ends the tag, not the name.
            if bytes[p] == 0x2F, closes(skipSpaces(p + 1, limit: limit)) { break }
            p += 1
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<p]), as: UTF8.self)
        guard !name.isEmpty else {
            problems.append(.init(line: line, column: column, message: "'\(opener)' is not followed by a shortcode name; it is shown as written"))
            return i + 3
        }
        var arguments: [ShortcodeTag.Argument] = []
        var selfClosing = false
        while true {
            p = skipSpaces(p, limit: limit)
            if p >= limit {
                problems.append(.init(line: line, column: column,
                    message: "shortcode '\(opener) \(closing ? "/" : "")\(name)' does not end with '\(closer)'; it is shown as written"))
                return i + 3
            }
            if closes(p) { p += 3; break }
            if bytes[p] == 0x2F, closes(skipSpaces(p + 1, limit: limit)) { // "/>}}"
                selfClosing = true
                p = skipSpaces(p + 1, limit: limit) + 3
                break
            }
            if bytes[p] == 0x7B, byte(p + 1) == 0x7B, byte(p + 2) == 0x3C || byte(p + 2) == 0x25 {
                // Another tag starts before this one ends.
                problems.append(.init(line: line, column: column,
                    message: "shortcode '\(opener) \(name)' does not end with '\(closer)' before the next tag; it is shown as written"))
                return i + 3
            }
            guard let (first, next) = readValue(at: p, limit: limit, closes: closes) else {
                problems.append(.init(line: line, column: column, message: "a quoted argument of shortcode '\(opener) \(name)' is never closed; it is shown as written"))
                return i + 3
            }
            p = next
            if first.bare, byte(p) == 0x3D { // "=": a named argument
                let valueStart = p + 1
                guard valueStart < limit, !Self.isSpace(bytes[valueStart]), !closes(valueStart) else {
                    problems.append(.init(line: line, column: column, message: "argument '\(first.text)' of shortcode '\(opener) \(name)' has no value after '='; it is left out"))
                    p = valueStart
                    continue
                }
                guard let (value, after) = readValue(at: valueStart, limit: limit, closes: closes) else {
                    problems.append(.init(line: line, column: column, message: "a quoted argument of shortcode '\(opener) \(name)' is never closed; it is shown as written"))
                    return i + 3
                }
                arguments.append(.init(key: first.text, value: value.text))
                p = after
            } else {
                arguments.append(.init(key: nil, value: first.text))
            }
        }
        if closing, !arguments.isEmpty {
            problems.append(.init(line: line, column: column, message: "closing tag '\(opener) /\(name) \(closer)' takes no arguments; they are ignored"))
        }
        let form: ShortcodeTag.Form = closing ? .closing : selfClosing ? .selfClosing : .opening
        tags.append(ShortcodeTag(form: form, name: name, markdown: markdown, arguments: closing ? [] : arguments,
                                 start: i, end: p, line: line, column: column))
        return p
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D || b == 0x2E || b == 0x2F || b >= 0x80
    }

    /// A quoted, backtick or bare value at `i`; nil when a quote is never closed.
    private func readValue(at i: Int, limit: Int, closes: (Int) -> Bool) -> ((text: String, bare: Bool), Int)? {
        let first = bytes[i]
        if first == 0x22 { // "\""
            var text: [UInt8] = []
            var j = i + 1
            while j < limit, bytes[j] != 0x22 {
                if bytes[j] == 0x5C, j + 1 < limit, bytes[j + 1] == 0x22 || bytes[j + 1] == 0x5C {
                    j += 1
                }
                text.append(bytes[j])
                j += 1
            }
            guard j < limit else { return nil }
            return ((String(decoding: text, as: UTF8.self), false), j + 1)
        }
        if first == 0x60 { // "`": raw, may span lines
            var j = i + 1
            while j < limit, bytes[j] != 0x60 { j += 1 }
            guard j < limit else { return nil }
            return ((String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]), as: UTF8.self), false), j + 1)
        }
        var j = i
        while j < limit, !Self.isSpace(bytes[j]), bytes[j] != 0x3D, !closes(j), !(bytes[j] == 0x2F && closes(skipSpaces(j + 1, limit: limit))) {
            j += 1
        }
        if j == i, bytes[j] == 0x3D { j += 1 } // a lone "=" is a value, not a key
        return ((String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self), true), j)
    }
}
