/// Compiles Mustache text into nodes: tags, the standalone-line rule of the
/// Mustache spec (a line holding only a section, comment or partial tag leaves
/// no trace in the output), set-delimiter tags, and the error positions.
package struct TemplateParser {
    package enum Kind: Equatable {
        case text, variable, raw, section, inverted, close, comment, partial, parent, block, delimiters
    }

    package struct Token {
        package var kind: Kind
        /// The text of a text token; the trimmed name of a tag.
        package var value: String
        package var line: Int
        package var column: Int
        /// Leading whitespace of a standalone partial, parent or block tag.
        package var indentation = ""
    }

    /// Partials the template names, with where (checked once every template is loaded).
    package var partialReferences: [(name: String, line: Int, column: Int)] = []

    package init() {}

    /// The nodes of `text`.
    package mutating func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var tokens = try Self.tokenize(Array(text.utf8))
        Self.removeStandaloneLines(&tokens)
        return try buildTree(tokens)
    }

    package static func tokenize(_ bytes: [UInt8]) throws(TemplateSyntaxError) -> [Token] {
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var tokens: [Token] = []
        var line = 1
        var lineStart = 0
        var textStart = 0
        var textLine = 1
        var textColumn = 1
        var i = 0

        func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
            guard index + delimiter.count <= bytes.count else { return false }
            for k in 0..<delimiter.count where bytes[index + k] != delimiter[k] { return false }
            return true
        }
        func column(_ index: Int) -> Int {
            // Count characters, not bytes, so Chinese text gives the column an editor shows.
            var count = 1
            for k in lineStart..<index where bytes[k] & 0xC0 != 0x80 { count += 1 }
            return count
        }
        func string(_ range: Range<Int>) -> String {
            String(decoding: bytes[range], as: UTF8.self)
        }

        while i < bytes.count {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
                i += 1
                continue
            }
            guard matches(open, at: i) else { i += 1; continue }
            if textStart < i { tokens.append(Token(kind: .text, value: string(textStart..<i), line: textLine, column: textColumn)) }
            let tagLine = line, tagColumn = column(i)
            var start = i + open.count
            var kind = Kind.variable
            var closing = close
            if start < bytes.count {
                switch bytes[start] {
                case UInt8(ascii: "{"): kind = .raw; closing = Array("}".utf8) + close
                case UInt8(ascii: "&"): kind = .raw
                case UInt8(ascii: "#"): kind = .section
                case UInt8(ascii: "^"): kind = .inverted
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "<"): kind = .parent
                case UInt8(ascii: "$"): kind = .block
                case UInt8(ascii: "="): kind = .delimiters; closing = Array("=".utf8) + close
                default: break
                }
                if kind != .variable { start += 1 }
            }
            var end = start
            while end < bytes.count, !matches(closing, at: end) {
                if bytes[end] == 0x0A {
                    guard kind == .comment else {
                        throw TemplateSyntaxError(message: "tag opened here is not closed on its line", line: tagLine, column: tagColumn)
                    }
                    line += 1
                    lineStart = end + 1
                }
                end += 1
            }
            guard end < bytes.count else {
                throw TemplateSyntaxError(message: "tag opened here is never closed", line: tagLine, column: tagColumn)
            }
            let inner = string(start..<end).trimmingTemplateSpace()
            if kind == .delimiters {
                let parts = inner.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw TemplateSyntaxError(message: "a set-delimiter tag needs two delimiters, like {{=<% %>=}}", line: tagLine, column: tagColumn)
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            }
            if kind != .comment && kind != .delimiters && inner.isEmpty {
                throw TemplateSyntaxError(message: "empty tag", line: tagLine, column: tagColumn)
            }
            tokens.append(Token(kind: kind, value: inner, line: tagLine, column: tagColumn))
            i = end + closing.count
            textStart = i
            textLine = line
            textColumn = column(i)
        }
        if textStart < bytes.count {
            tokens.append(Token(kind: .text, value: string(textStart..<bytes.count), line: textLine, column: textColumn))
        }
        return tokens
    }

    /// Drops the whitespace and line break around tags that stand alone on their line.
    package static func removeStandaloneLines(_ tokens: inout [Token]) {
        let standaloneKinds: [Kind] = [.section, .inverted, .close, .comment, .partial, .parent, .block, .delimiters]
        // Decide on the original tokens first; trimming one line must not change the next decision.
        var standalone: [Int] = []
        for k in tokens.indices where standaloneKinds.contains(tokens[k].kind) {
            if startsLine(tokens, before: k), endsLine(tokens, after: k) { standalone.append(k) }
        }
        for k in standalone {
            if k > 0 {
                let text = tokens[k - 1].value
                let kept = text.utf8.lastIndex(of: 0x0A).map { text.utf8.index(after: $0) } ?? text.utf8.startIndex
                tokens[k].indentation = String(text[kept...])
                tokens[k - 1].value = String(text[..<kept])
            }
            if k + 1 < tokens.count {
                let text = tokens[k + 1].value
                if let newline = text.utf8.firstIndex(of: 0x0A) {
                    tokens[k + 1].value = String(text[text.utf8.index(after: newline)...])
                } else {
                    tokens[k + 1].value = ""
                }
            }
        }
        tokens.removeAll { $0.kind == .text && $0.value.isEmpty }
    }

    private static func startsLine(_ tokens: [Token], before k: Int) -> Bool {
        guard k > 0 else { return true }
        let previous = tokens[k - 1]
        guard previous.kind == .text else { return false }
        let bytes = previous.value.utf8
        if let newline = bytes.lastIndex(of: 0x0A) {
            return bytes[bytes.index(after: newline)...].allSatisfy(isBlank)
        }
        return k == 1 && bytes.allSatisfy(isBlank)
    }

    private static func endsLine(_ tokens: [Token], after k: Int) -> Bool {
        guard k + 1 < tokens.count else { return true }
        let next = tokens[k + 1]
        guard next.kind == .text else { return false }
        let bytes = next.value.utf8
        if let newline = bytes.firstIndex(of: 0x0A) {
            return bytes[..<newline].allSatisfy { isBlank($0) || $0 == 0x0D }
        }
        return k + 2 == tokens.count && bytes.allSatisfy(isBlank)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }
}

extension String {
    package func trimmingTemplateSpace() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }),
              let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return "" }
        return String(self[first...last])
    }
}
