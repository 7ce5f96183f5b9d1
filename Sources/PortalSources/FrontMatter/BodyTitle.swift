import Foundation

/// Takes a page title from the body when front matter names none (SPEC 2.1):
/// the first `# ` heading outside fenced code, else (only for files without front
/// matter) the first non-empty line. The line is removed from the body.
///
/// When only blank lines precede the title line, they go with it and `bodyLine`
/// moves past it, so later lines keep their file line numbers. A heading further
/// down is cut out alone: lines after it are then one line off in messages.
package enum BodyTitle {
    package struct Extraction: Equatable {
        package var title: String?
        package var body: String
        package var bodyLine: Int
    }

    package static func extract(from text: [UInt8], body: Range<Int>, bodyLine: Int,
                        useHeading: Bool, useFirstLine: Bool) -> Extraction {
        var cursor = LineCursor(text, from: body.lowerBound, line: bodyLine)
        var fence: (byte: UInt8, length: Int)?
        var firstNonBlank: LineCursor.Line?
        var headingLine: LineCursor.Line?
        var heading: String?
        while useHeading || firstNonBlank == nil, let line = cursor.next() {
            let isBlank = FrontMatterSplitter.isBlank(line.range, in: text)
            defer { if !isBlank, firstNonBlank == nil { firstNonBlank = line } }
            guard useHeading, !isBlank else { continue }
            var start = line.range.lowerBound
            while start < line.range.upperBound, start - line.range.lowerBound < 4, text[start] == 0x20 { start += 1 }
            guard start - line.range.lowerBound <= 3 else { continue }
            let lead = text[start]
            if lead == UInt8(ascii: "`") || lead == UInt8(ascii: "~") {
                var end = start
                while end < line.range.upperBound, text[end] == lead { end += 1 }
                let length = end - start
                if length >= 3 {
                    if let open = fence {
                        if open.byte == lead, length >= open.length,
                           FrontMatterSplitter.isBlank(end..<line.range.upperBound, in: text) { fence = nil }
                    } else {
                        fence = (lead, length)
                    }
                    continue
                }
            }
            guard fence == nil, lead == UInt8(ascii: "#"), start + 1 < line.range.upperBound,
                  text[start + 1] == 0x20 || text[start + 1] == 0x09 else { continue }
            let title = plainText(headingText(String(decoding: text[(start + 1)..<line.range.upperBound], as: UTF8.self)))
            if !title.isEmpty {
                heading = title
                headingLine = line
                break
            }
        }
        if let heading, let headingLine {
            return removing(headingLine, title: heading, from: text, body: body, bodyLine: bodyLine, firstNonBlank: firstNonBlank)
        }
        if useFirstLine, let line = firstNonBlank {
            let raw = String(decoding: text[line.range], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let title = plainText(String(raw.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces))
            if !title.isEmpty {
                return removing(line, title: title, from: text, body: body, bodyLine: bodyLine, firstNonBlank: line)
            }
        }
        return Extraction(title: nil, body: String(decoding: text[body], as: UTF8.self), bodyLine: bodyLine)
    }

    /// A title as a reader sees it: without inline Markdown (`**bold**`, `__bold__`,
    /// `~~x~~`, code ticks, `[text](url)` and `![alt](src)`, `*whole*`) and without
    /// the space written before full-width punctuation (`**会议主题** ：x` -> `会议主题：x`).
    package static func plainText(_ raw: String) -> String {
        guard raw.contains(where: { "*_~`[ ".contains($0) }) else { return raw }
        var text = raw
        // Links and images: keep what a reader sees.
        while let open = text.range(of: "]("), let close = text[open.upperBound...].firstIndex(of: ")"),
              let start = text[..<open.lowerBound].lastIndex(of: "[") {
            let label = text[text.index(after: start)..<open.lowerBound]
            let from = start > text.startIndex && text[text.index(before: start)] == "!" ? text.index(before: start) : start
            text.replaceSubrange(from...close, with: label)
        }
        for marker in ["**", "__", "~~", "`"] { text = text.replacingOccurrences(of: marker, with: "") }
        if text.count > 2, let first = text.first, first == "*" || first == "_", text.last == first {
            text = String(text.dropFirst().dropLast())
        }
        for mark in ["：", "，", "。", "；", "！", "？", "、", "）", "」", "】", "》"] {
            while text.contains(" " + mark) { text = text.replacingOccurrences(of: " " + mark, with: mark) }
        }
        let plain = text.trimmingCharacters(in: .whitespaces)
        return plain.isEmpty ? raw : plain
    }

    /// Text of an ATX heading without its optional closing `#`s.
    package static func headingText(_ raw: String) -> String {
        var title = raw.trimmingCharacters(in: .whitespaces)
        let withoutHashes = title.reversed().drop { $0 == "#" }
        if withoutHashes.count < title.count, withoutHashes.isEmpty || withoutHashes.first == " " || withoutHashes.first == "\t" {
            title = String(withoutHashes.reversed()).trimmingCharacters(in: .whitespaces)
        }
        return title
    }

    private static func removing(_ line: LineCursor.Line, title: String, from text: [UInt8], body: Range<Int>,
                                 bodyLine: Int, firstNonBlank: LineCursor.Line?) -> Extraction {
        let after = min(line.range.upperBound + 1, body.upperBound)
        let onlyBlankBefore = firstNonBlank.map { $0.number == line.number } ?? true
        if onlyBlankBefore {
            return Extraction(title: title, body: String(decoding: text[after..<body.upperBound], as: UTF8.self),
                              bodyLine: line.number + 1)
        }
        var bytes = Array(text[body.lowerBound..<line.range.lowerBound])
        bytes.append(contentsOf: text[after..<body.upperBound])
        return Extraction(title: title, body: String(decoding: bytes, as: UTF8.self), bodyLine: bodyLine)
    }
}
