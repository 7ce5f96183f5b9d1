#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PortalText

/// `[limits] tableColumns`: cmark-gfm's table extension takes time that grows with the
/// square of the cells in a row (a row of 20,000 cells costs over a second), for every
/// row of a table and for a line followed by a delimiter row. A page is refused before
/// it is parsed when such a row has more cells than the limit.
///
/// Only lines holding a `|` are looked at (found with `memchr`), so a page without
/// tables costs one search; the lines around a row over the limit are read only then.
package enum TableColumnLimit {
    /// The error for the first table row of `body` with more than `limit` cells, or nil.
    /// `file` and `bodyLine` (the file's line where `body` starts) place it.
    package static func check(_ body: String, limit: Int, file: String, bodyLine: Int) -> Diagnostic? {
        var body = body
        return body.withUTF8 { bytes -> Diagnostic? in
            guard let (line, cells) = firstRowOverLimit(bytes, limit: limit) else { return nil }
            return .error(
                "a table row has \(cells) cells, more than the limit of \(limit) per row"
                    + " (raise it with `tableColumns = \(max(cells, limit * 2))` under `[limits]` in site.toml)",
                at: SourceLocation(path: file, line: bodyLine + line - 1, column: 1))
        }
    }

    /// The 1-based line and cell count of the first row over `limit` that cmark-gfm would
    /// read as a table row (or a table's header), or nil.
    package static func firstRowOverLimit(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> (line: Int, cells: Int)? {
        guard let base = bytes.baseAddress, limit > 0 else { return nil }
        let count = bytes.count
        var offset = 0
        // Lines before `scanned` are counted and known: whether a delimiter row of the
        // block they end in was seen (`inTable`), and how many newlines they hold.
        var scanned = 0
        var newlines = 0
        var inTable = false
        while offset < count, let hit = memchr(base + offset, Int32(UInt8(ascii: "|")), count - offset) {
            let pipe = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let start = lineStart(bytes, before: pipe)
            let end = lineEnd(bytes, from: pipe)
            offset = end + 1
            let cells = cellCount(bytes, start, end)
            guard cells > limit else { continue }
            // Rare: bring the block state up to this line.
            var s = scanned
            while s < start {
                let e = lineEnd(bytes, from: s)
                if isBlank(bytes, s, e) {
                    inTable = false
                } else if isDelimiterRow(bytes, s, e) {
                    inTable = true
                }
                newlines += 1
                s = e + 1
            }
            scanned = min(count, end + 1)
            let nextStart = end + 1
            let nextIsDelimiter = nextStart < count && isDelimiterRow(bytes, nextStart, lineEnd(bytes, from: nextStart))
            if inTable || isDelimiterRow(bytes, start, end) || nextIsDelimiter {
                return (newlines + 1, cells)
            }
            newlines += 1
        }
        return nil
    }

    package static func lineStart(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
        var i = index
        while i > 0, bytes[i - 1] != 0x0A { i -= 1 }
        return i
    }

    /// The index of the line's `\n`, or the end of the text.
    package static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = bytes.baseAddress, index < bytes.count,
              let hit = memchr(base + index, 0x0A, bytes.count - index) else { return bytes.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Cells of a row as the table extension splits it: unescaped `|` separate them, a
    /// leading and a trailing one only close the row.
    package static func cellCount(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var pipes = 0
        var i = start
        var first = -1, last = -1
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                pipes += 1
                if first < 0 { first = i }
                last = i
            }
            i += 1
        }
        guard pipes > 0 else { return 1 }
        var cells = pipes + 1
        if isBlank(bytes, start, first) { cells -= 1 }
        if isBlank(bytes, last + 1, end) { cells -= 1 }
        return max(1, cells)
    }

    package static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte != 0x20, byte != 0x09, byte != 0x0D { return false }
            i += 1
        }
        return true
    }

    /// `|---|:-:|`: only `|`, `-`, `:` and spaces (after any `>` of a quote), with a `-` and a `|`.
    package static func isDelimiterRow(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == UInt8(ascii: ">") { i += 1 }
        var dash = false, pipe = false
        while i < end {
            switch bytes[i] {
            case UInt8(ascii: "-"): dash = true
            case UInt8(ascii: "|"): pipe = true
            case UInt8(ascii: ":"), 0x20, 0x09, 0x0D: break
            default: return false
            }
            i += 1
        }
        return dash && pipe
    }
}

extension MarkdownRenderer {
    /// Renders a page's body, or refuses it when a table row has more cells than
    /// `[limits] tableColumns` (the error, placed in `file`, and an empty page).
    package func render(_ body: String, links: (any LinkRewriting)?, file: String, bodyLine: Int, mdx: Bool = false,
                        shortcodes: (any ShortcodeExpanding)? = nil) -> (RenderedMarkdown, [Diagnostic]) {
        if let error = TableColumnLimit.check(body, limit: options.tableColumns, file: file, bodyLine: bodyLine) {
            return (RenderedMarkdown(html: "", headings: [], summaryHTML: "", hasExplicitSummary: false, cjkCharacters: 0, latinWords: 0), [error])
        }
        let rendered = render(body, links: links, mdx: mdx, shortcodes: shortcodes)
        let warnings = rendered.problems.map { problem in
            Diagnostic(problem.isError ? .error : .warning, problem.message,
                       at: SourceLocation(path: file, line: bodyLine + problem.line - 1, column: problem.column))
        }
        return (rendered, warnings)
    }
}
