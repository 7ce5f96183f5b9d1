import PortalText

/// Math passes through Markdown untouched (`[markdown] math = true`): `$…$` and `\(…\)`
/// inline, `$$…$$` and `\[…\]` displayed. Before parsing, each formula is written
/// again with every ASCII punctuation character backslash-escaped, so cmark-gfm gives
/// back exactly the characters written (`x\,dx` keeps its backslash, `a_1 * b_2` makes
/// no emphasis, a line inside display math never starts a list), between the
/// delimiters KaTeX's auto-render reads: `\(…\)` inline and `\[…\]` displayed.
///
/// No line is added or removed, so every line number stays right; columns on a line
/// after a formula move by the escapes. Fenced and indented code, code spans and HTML
/// comments are left alone, as is `\$`. A `$` opens inline math only before a
/// non-space, and closes it only after a non-space and before anything but a digit,
/// so "$5 and $10" stays text; no formula crosses a blank line.
package enum MathPassthrough {
    /// The body with its formulas protected, or nil when it has none.
    package static func protect(_ body: String) -> String? {
        var body = body
        return body.withUTF8 { bytes -> String? in
            guard bytes.contains(0x24) || bytes.contains(0x5C) else { return nil } // "$", "\"
            var scanner = Scanner(bytes: bytes)
            scanner.run()
            guard scanner.found > 0 else { return nil }
            return String(decoding: scanner.out, as: UTF8.self)
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var out: [UInt8] = []
        var found = 0
        /// Bytes before this were copied to `out`.
        var copied = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            out.reserveCapacity(bytes.count + 64)
        }

        func byte(_ i: Int) -> UInt8 { i >= 0 && i < bytes.count ? bytes[i] : 0 }

        func lineEnd(from i: Int) -> Int {
            var j = i
            while j < bytes.count, bytes[j] != 0x0A { j += 1 }
            return j
        }

        func isBlank(_ start: Int, _ end: Int) -> Bool {
            (start..<end).allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0D }
        }

        mutating func run() {
            var i = 0
            var fence: (marker: UInt8, count: Int)?
            var previousBlank = true
            var inIndentedCode = false
            while i < bytes.count {
                if i == 0 || bytes[i - 1] == 0x0A {
                    let end = lineEnd(from: i)
                    let blank = isBlank(i, end)
                    defer { previousBlank = blank }
                    if let open = fence {
                        if ShortcodeScanner.isClosingFence(bytes, i, end, open) { fence = nil }
                        i = end + 1
                        continue
                    }
                    if let open = ShortcodeScanner.openingFence(bytes, i, end) {
                        fence = open
                        i = end + 1
                        continue
                    }
                    // Indented code: four spaces or a tab after a blank line, until a
                    // line that is neither blank nor indented.
                    let indented = byte(i) == 0x09 || (0..<4).allSatisfy { byte(i + $0) == 0x20 }
                    inIndentedCode = !blank && indented && (previousBlank || inIndentedCode) || (blank && inIndentedCode)
                    if inIndentedCode {
                        i = end + 1
                        continue
                    }
                }
                switch bytes[i] {
                case 0x5C: // "\"
                    let next = byte(i + 1)
                    if next == 0x28 || next == 0x5B, let close = closing(of: next == 0x28 ? 0x29 : 0x5D, from: i + 2) { // "(" "["
                        emit(from: i, contentStart: i + 2, contentEnd: close, end: close + 2, display: next == 0x5B)
                        i = close + 2
                    } else {
                        i += next == 0x0A ? 1 : 2
                    }
                case 0x60: // "`"
                    i = ShortcodeScanner.codeSpanEnd(bytes, at: i)
                case 0x3C where byte(i + 1) == 0x21 && byte(i + 2) == 0x2D && byte(i + 3) == 0x2D: // "<!--"
                    i = past(0x2D, 0x2D, 0x3E, from: i + 4) ?? bytes.count
                case 0x24: // "$"
                    i = dollar(at: i)
                default:
                    i += 1
                }
            }
            if found > 0 { out.append(contentsOf: bytes[copied...]) }
        }

        /// `$$…$$` or `$…$` at `i`; returns where to go on.
        mutating func dollar(at i: Int) -> Int {
            if byte(i + 1) == 0x24 {
                var j = i + 2
                while j + 1 < bytes.count {
                    if bytes[j] == 0x5C { j += 2; continue }
                    if bytes[j] == 0x24, bytes[j + 1] == 0x24 {
                        guard j > i + 2 else { return j + 2 }
                        emit(from: i, contentStart: i + 2, contentEnd: j, end: j + 2, display: true)
                        return j + 2
                    }
                    if bytes[j] == 0x0A, blankLineFollows(j) { return i + 2 }
                    j += 1
                }
                return i + 2
            }
            let first = byte(i + 1)
            guard first != 0x20, first != 0x09, first != 0x0A, first != 0x0D, first != 0 else { return i + 1 }
            var j = i + 1
            while j < bytes.count {
                let b = bytes[j]
                if b == 0x5C { j += 2; continue }
                if b == 0x0A, blankLineFollows(j) { return i + 1 }
                if b == 0x24 {
                    let before = bytes[j - 1]
                    let after = byte(j + 1)
                    if before != 0x20, before != 0x09, before != 0x0A, !(after >= 0x30 && after <= 0x39) {
                        emit(from: i, contentStart: i + 1, contentEnd: j, end: j + 1, display: false)
                        return j + 1
                    }
                    return i + 1
                }
                j += 1
            }
            return i + 1
        }

        /// The `\)` or `\]` closing a formula opened before `from`, before a blank line.
        func closing(of bracket: UInt8, from: Int) -> Int? {
            var j = from
            while j + 1 < bytes.count {
                if bytes[j] == 0x5C {
                    if bytes[j + 1] == bracket { return j }
                    j += 2
                    continue
                }
                if bytes[j] == 0x0A, blankLineFollows(j) { return nil }
                j += 1
            }
            return nil
        }

        /// Whether the line after the newline at `j` is blank.
        func blankLineFollows(_ j: Int) -> Bool {
            isBlank(j + 1, lineEnd(from: j + 1))
        }

        func past(_ a: UInt8, _ b: UInt8, _ c: UInt8, from: Int) -> Int? {
            var j = from
            while j + 2 < bytes.count {
                if bytes[j] == a, bytes[j + 1] == b, bytes[j + 2] == c { return j + 3 }
                j += 1
            }
            return nil
        }

        /// Writes the formula between `contentStart` and `contentEnd` in place of
        /// `from..<end`: escaped, between `\\(`/`\\)` or `\\[`/`\\]`.
        mutating func emit(from: Int, contentStart: Int, contentEnd: Int, end: Int, display: Bool) {
            out.append(contentsOf: bytes[copied..<from])
            out.append(contentsOf: display ? [0x5C, 0x5C, 0x5B] : [0x5C, 0x5C, 0x28])
            for k in contentStart..<contentEnd {
                let b = bytes[k]
                if Self.isASCIIPunctuation(b) { out.append(0x5C) }
                out.append(b)
            }
            out.append(contentsOf: display ? [0x5C, 0x5C, 0x5D] : [0x5C, 0x5C, 0x29])
            copied = end
            found += 1
        }

        static func isASCIIPunctuation(_ b: UInt8) -> Bool {
            (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
        }
    }
}
