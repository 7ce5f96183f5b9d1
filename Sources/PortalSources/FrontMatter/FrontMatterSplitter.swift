/// Finds the front-matter fences in normalised text (LF endings) in one pass over its lines.
package enum FrontMatterSplitter {
    /// Where the parts of a source are, as byte ranges of the normalised text.
    package struct Layout: Equatable {
        package var format: Document.Format
        /// Between the fences (no fence lines); nil without front matter.
        package var frontMatter: Range<Int>?
        /// Line of the opening fence (1-based); 0 without front matter.
        package var openingLine: Int
        package var body: Range<Int>
        package var bodyLine: Int
    }

    package enum Failure: Error, Equatable {
        /// An opening fence with no closing one; the line of the opening fence.
        case unterminated(fence: String, line: Int)
    }

    package static func split(_ text: [UInt8]) -> Result<Layout, Failure> {
        var lines = LineCursor(text)
        // Blank lines may precede the opening fence.
        var opening: LineCursor.Line?
        while let line = lines.next() {
            if !isBlank(line.range, in: text) {
                opening = line
                break
            }
        }
        if let opening, let end = jsonObjectEnd(text, from: opening.range.lowerBound) {
            // Hugo's JSON front matter: from the `{` to its matching `}`; the body starts
            // on the line after it.
            var bodyStart = end
            var bodyLine = opening.number
            for index in opening.range.lowerBound..<end where text[index] == 0x0A { bodyLine += 1 }
            while bodyStart < text.count, text[bodyStart] != 0x0A { bodyStart += 1 }
            bodyStart = min(bodyStart + 1, text.count)
            return .success(Layout(format: .json, frontMatter: opening.range.lowerBound..<end, openingLine: opening.number,
                                   body: bodyStart..<text.count, bodyLine: bodyLine + 1))
        }
        if let opening, text[opening.range.lowerBound] == 0x7B, startsJSONObject(text, at: opening.range.lowerBound) { // "{"
            return .failure(.unterminated(fence: "}", line: opening.number))
        }
        guard let opening, let fence = fenceKind(opening.range, in: text) else {
            return .success(Layout(format: .none, frontMatter: nil, openingLine: 0, body: 0..<text.count, bodyLine: 1))
        }
        let fenceByte = fence == .toml ? UInt8(ascii: "+") : UInt8(ascii: "-")
        // The first matching fence closes: bodies often hold `---` thematic breaks.
        while let line = lines.next() {
            guard line.range.lowerBound < line.range.upperBound, text[line.range.lowerBound] == fenceByte,
                  fenceKind(line.range, in: text) == fence else { continue }
            let bodyStart = min(line.range.upperBound + 1, text.count)
            return .success(Layout(
                format: fence,
                frontMatter: min(opening.range.upperBound + 1, line.range.lowerBound)..<line.range.lowerBound,
                openingLine: opening.number,
                body: bodyStart..<text.count,
                bodyLine: line.number + 1
            ))
        }
        return .failure(.unterminated(fence: fence == .toml ? "+++" : "---", line: opening.number))
    }

    /// Whether a `{` at `start` opens a JSON object: the next thing after spaces and line
    /// breaks is a quoted key or the closing brace (so MDX's `{/* … */}` is no front matter).
    package static func startsJSONObject(_ text: [UInt8], at start: Int) -> Bool {
        guard start < text.count, text[start] == 0x7B else { return false }
        var index = start + 1
        while index < text.count, text[index] == 0x20 || text[index] == 0x09 || text[index] == 0x0A || text[index] == 0x0D { index += 1 }
        return index < text.count && (text[index] == 0x22 || text[index] == 0x7D)
    }

    /// Past the `}` that closes the JSON object opened at `start`, or nil when none does
    /// (or no object opens there). Strings and their escapes are skipped.
    package static func jsonObjectEnd(_ text: [UInt8], from start: Int) -> Int? {
        guard startsJSONObject(text, at: start) else { return nil }
        var depth = 0
        var index = start
        var inString = false
        while index < text.count {
            let byte = text[index]
            if inString {
                if byte == 0x5C { index += 1 } else if byte == 0x22 { inString = false }
            } else if byte == 0x22 {
                inString = true
            } else if byte == 0x7B || byte == 0x5B {
                depth += 1
            } else if byte == 0x7D || byte == 0x5D {
                depth -= 1
                if depth == 0 { return byte == 0x7D ? index + 1 : nil }
            }
            index += 1
        }
        return nil
    }

    package static func isBlank(_ range: Range<Int>, in text: [UInt8]) -> Bool {
        for index in range where text[index] != 0x20 && text[index] != 0x09 {
            return false
        }
        return true
    }

    /// `+++` or `---` alone on a line, trailing spaces and tabs allowed.
    package static func fenceKind(_ range: Range<Int>, in text: [UInt8]) -> Document.Format? {
        guard range.count >= 3 else { return nil }
        let first = text[range.lowerBound]
        guard first == UInt8(ascii: "+") || first == UInt8(ascii: "-"),
              text[range.lowerBound + 1] == first, text[range.lowerBound + 2] == first,
              isBlank(range.lowerBound + 3..<range.upperBound, in: text) else { return nil }
        return first == UInt8(ascii: "+") ? .toml : .yaml
    }
}

/// Iterates the lines of LF-separated bytes, finding each end with `memchr`.
package struct LineCursor {
    package struct Line {
        /// Without the terminating LF.
        package var range: Range<Int>
        /// 1-based line number.
        package var number: Int
    }

    private let text: [UInt8]
    private var offset: Int
    private var number: Int

    package init(_ text: [UInt8], from offset: Int = 0, line: Int = 1) {
        self.text = text
        self.offset = offset
        self.number = line
    }

    package mutating func next() -> Line? {
        guard offset < text.count else { return nil }
        let end = SourceDecoder.firstIndex(of: 0x0A, in: text, from: offset) ?? text.count
        let line = Line(range: offset..<end, number: number)
        offset = end + 1
        number += 1
        return line
    }
}
