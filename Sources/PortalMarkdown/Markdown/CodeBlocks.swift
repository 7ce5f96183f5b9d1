import CCmarkGFM
#if Highlighting
import CSyntaxHighlight
#endif
import PortalText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a fence's info string asks for, in Hugo's and Docusaurus's spellings:
///
/// - Hugo: ```` ```go {linenos=true, hl_lines=[2,"4-5"], linenostart=10} ````
///   (`linenos` may be `table` or `inline`; `hl_lines` may be a string `"2-3 5"`);
/// - Docusaurus: ```` ```go title="main.go" {2-3,5} showLineNumbers ```` (also
///   `showLineNumbers=10`).
///
/// Line numbers to highlight count from the block's first line, whatever number it shows.
package struct FenceInfo: Equatable, Sendable {
    package var language = ""
    package var lineNumbers = false
    package var firstLineNumber = 1
    package var highlighted: Set<Int> = []
    package var title: String?

    /// Attribute names that may start an info string that has no language.
    private static let keys: Set<String> = ["title", "showlinenumbers", "linenos", "hl_lines", "linenostart"]

    package init() {}

    package init(_ info: String) {
        var rest = Substring(info)
        rest = rest.drop { $0 == " " || $0 == "\t" }
        // The language: the first word, up to a space, `{` or `=` (`shell=` is shell).
        let word = rest.prefix { !($0 == " " || $0 == "\t" || $0 == "{" || $0 == "=") }
        let afterWord = rest.dropFirst(word.count)
        if !word.isEmpty, !(afterWord.first == "=" && Self.keys.contains(word.lowercased())) {
            language = String(word)
            rest = afterWord.first == "=" ? afterWord.drop { $0 == "=" } : afterWord
        }
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
            guard let first = rest.first else { break }
            if first == "{" {
                let group = Self.balanced(rest)
                rest = rest.dropFirst(group.count)
                let inner = group.dropFirst().dropLast(group.hasSuffix("}") ? 1 : 0)
                if inner.contains("=") { readAttributes(inner) } else { highlighted.formUnion(Self.ranges(inner)) }
                continue
            }
            let key = rest.prefix { !($0 == " " || $0 == "\t" || $0 == "=" || $0 == "{") }
            rest = rest.dropFirst(key.count)
            var value: Substring?
            if rest.first == "=" {
                rest = rest.dropFirst()
                let raw = Self.value(rest)
                rest = rest.dropFirst(raw.count)
                value = Self.unquoted(raw)
            }
            if key.isEmpty, value == nil { rest = rest.dropFirst() } else { apply(String(key), value) }
        }
    }

    /// `key=value, key=[…], …` inside Hugo's braces.
    private mutating func readAttributes(_ text: Substring) {
        var rest = text
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
            guard !rest.isEmpty else { return }
            let key = rest.prefix { !($0 == "=" || $0 == "," || $0 == " ") }
            rest = rest.dropFirst(key.count).drop { $0 == " " }
            var value: Substring?
            if rest.first == "=" {
                rest = rest.dropFirst().drop { $0 == " " }
                let raw = Self.value(rest, stopAtComma: true)
                rest = rest.dropFirst(raw.count)
                value = Self.unquoted(raw)
            }
            if key.isEmpty { rest = rest.dropFirst() } else { apply(String(key), value) }
        }
    }

    private mutating func apply(_ key: String, _ value: Substring?) {
        switch key.lowercased() {
        case "title":
            if let value, !value.isEmpty { title = String(value) }
        case "showlinenumbers":
            lineNumbers = true
            if let value, let start = Int(value) { firstLineNumber = start }
        case "linenos":
            lineNumbers = value.map { $0.lowercased() != "false" } ?? true
        case "linenostart":
            if let value, let start = Int(value) { firstLineNumber = start }
        case "hl_lines":
            if let value { highlighted.formUnion(Self.ranges(value)) }
        default:
            break
        }
    }

    /// A value: quoted, bracketed, or up to a space (or a comma inside braces).
    private static func value(_ text: Substring, stopAtComma: Bool = false) -> Substring {
        guard let first = text.first else { return text }
        if first == "\"" || first == "'" {
            if let end = text.dropFirst().firstIndex(of: first) { return text[...end] }
            return text
        }
        if first == "[" { return balanced(text, open: "[", close: "]") }
        return text.prefix { !($0 == " " || $0 == "\t" || (stopAtComma && $0 == ",")) }
    }

    private static func unquoted(_ raw: Substring) -> Substring {
        if raw.count >= 2, let first = raw.first, first == "\"" || first == "'", raw.last == first {
            return raw.dropFirst().dropLast()
        }
        return raw
    }

    /// From an opening bracket to its closing one (or the end), quotes respected.
    private static func balanced(_ text: Substring, open: Character = "{", close: Character = "}") -> Substring {
        var depth = 0
        var quote: Character?
        for index in text.indices {
            let character = text[index]
            if let q = quote {
                if character == q { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == open {
                depth += 1
            } else if character == close {
                depth -= 1
                if depth == 0 { return text[...index] }
            }
        }
        return text
    }

    /// `2-3,5`, `[2,"4-5"]`, `"2-3 5"` -> {2, 3, 4, 5}. At most 10,000 lines per range.
    static func ranges(_ text: Substring) -> Set<Int> {
        var lines = Set<Int>()
        let parts = text.split { $0 == "," || $0 == " " || $0 == "[" || $0 == "]" || $0 == "\"" || $0 == "'" }
        for part in parts {
            let bounds = part.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map { Int($0) }
            if bounds.count == 1, let line = bounds[0], line > 0 {
                lines.insert(line)
            } else if bounds.count == 2, let low = bounds[0], let high = bounds[1], low > 0, high >= low, high - low < 10_000 {
                lines.formUnion(low...high)
            }
        }
        return lines
    }
}

/// Fenced and indented code as HTML: highlighted at build time by KSyntaxHighlighting
/// (classes, never inline colours), with the line numbers, highlighted lines and title
/// the fence asks for. Docusaurus's magic comments (`// highlight-next-line`,
/// `# highlight-start` … `# highlight-end`) mark lines and are left out.
package enum CodeBlocks {
    /// Fence languages spelled differently from a KSyntaxHighlighting definition or file
    /// extension; "" means plain text.
    static let aliases: [String: String] = [
        "shell": "bash", "sh": "bash", "console": "", "shell-session": "", "sh-session": "",
        "golang": "go", "yml": "yaml", "js": "javascript", "ts": "typescript", "docker": "dockerfile",
        "text": "", "txt": "", "plain": "", "plaintext": "", "none": "", "output": "", "log": "",
        "properties": "java properties", "conf": "ini", "mysql": "sql (mysql)", "postgresql": "sql (postgresql)",
        "postgres": "sql (postgresql)", "psql": "sql (postgresql)", "plsql": "sql (oracle)", "json5": "json", "jsonc": "json",
        "hcl": "terraform", "tf": "terraform", "gradle": "groovy", "make": "makefile", "patch": "diff", "ps1": "powershell",
        "pwsh": "powershell", "objc": "objective-c", "vue": "html", "svelte": "html",
    ]

    /// The definition a fence language names, or nil for plain text.
    static func definitionName(_ language: String) -> String? {
        let lowered = language.lowercased()
        guard lowered.utf8.count <= 64, lowered.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        let name = aliases[lowered] ?? lowered
        return name.isEmpty ? nil : name
    }

    /// The code highlighted as HTML lines, or nil when the language is unknown.
    static func highlight(_ code: UnsafeBufferPointer<UInt8>, language: String) -> [UInt8]? {
        #if Highlighting
        guard let name = definitionName(language) else { return nil }
        var length = 0
        let html = code.withMemoryRebound(to: CChar.self) { chars in
            portal_highlight(name, chars.baseAddress, chars.count, &length)
        }
        guard let html else { return nil }
        defer { portal_highlight_free(html) }
        return [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            if length > 0 { memcpy(buffer.baseAddress!, html, length) }
            count = length
        }
        #else
        return nil
        #endif
    }

    /// Whether this build highlights code (the Highlighting trait, on by default; the
    /// release archive is built without it and prints code blocks plain).
    package static let highlightingAvailable: Bool = {
        #if Highlighting
        return true
        #else
        return false
        #endif
    }()

    static func highlight(_ code: String, language: String) -> String? {
        var code = code
        return code.withUTF8 { highlight($0, language: language) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The HTML for a code block with this info string and text, or nil when cmark's own
    /// `<pre><code>` says it all (no language portal knows, no line options, no title).
    package static func html(info: String, code: UnsafeBufferPointer<UInt8>, highlight: Bool) -> [UInt8]? {
        var fence = FenceInfo(info)
        let magic = Self.containsMagicWord(code)
        if !magic, fence.title == nil, !fence.lineNumbers, fence.highlighted.isEmpty {
            // The common case: one call, no line by line work.
            guard highlight, !fence.language.isEmpty else { return nil }
            let length = code.count > 0 && code[code.count - 1] == 0x0A ? code.count - 1 : code.count
            let body = UnsafeBufferPointer(start: code.baseAddress, count: length)
            guard let highlighted = Self.highlight(body, language: fence.language) else { return nil }
            var html = Array("<pre class=\"hl\"><code class=\"language-".utf8)
            html.reserveCapacity(highlighted.count + 64)
            HTMLEscaping.append(fence.language, to: &html)
            html.append(contentsOf: "\">".utf8)
            html.append(contentsOf: highlighted)
            if !highlighted.isEmpty { html.append(0x0A) }
            html.append(contentsOf: "</code></pre>\n".utf8)
            return html
        }
        var lines = String(decoding: code, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let marked = magicComments(&lines)
        fence.highlighted.formUnion(marked)
        let body = highlight ? Self.highlight(lines.joined(separator: "\n"), language: fence.language) : nil
        let perLine = fence.lineNumbers || !fence.highlighted.isEmpty
        if body == nil, !perLine, fence.title == nil, marked.isEmpty { return nil }
        // Empty code highlights to "", which is no line.
        let htmlLines = lines.isEmpty ? [] : body.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            ?? lines.map { HTMLEscaping.escape($0) }

        var html = ""
        if let title = fence.title {
            html += "<figure class=\"code-block\"><figcaption class=\"code-title\">" + HTMLEscaping.escape(title) + "</figcaption>"
        }
        html += body == nil ? "<pre>" : "<pre class=\"hl\">"
        html += "<code"
        var classes: [String] = []
        if !fence.language.isEmpty { classes.append("language-" + HTMLEscaping.escape(fence.language)) }
        if fence.lineNumbers { classes.append("numbered") }
        if !classes.isEmpty { html += " class=\"" + classes.joined(separator: " ") + "\"" }
        if fence.lineNumbers, fence.firstLineNumber != 1 {
            html += " style=\"counter-reset: line \(fence.firstLineNumber - 1)\""
        }
        html += ">"
        for (index, line) in htmlLines.enumerated() {
            if perLine {
                html += fence.highlighted.contains(index + 1) ? "<span class=\"line hl-line\">" : "<span class=\"line\">"
                html += line
                html += "</span>\n"
            } else {
                html += line
                html += "\n"
            }
        }
        html += "</code></pre>"
        if fence.title != nil { html += "</figure>" }
        return Array((html + "\n").utf8)
    }

    /// Whether `highlight-` occurs in the code (only then can a line be a magic comment).
    static func containsMagicWord(_ code: UnsafeBufferPointer<UInt8>) -> Bool {
        let word: StaticString = "highlight-"
        let count = word.utf8CodeUnitCount
        guard code.count >= count, let base = code.baseAddress else { return false }
        var index = 0
        while index <= code.count - count {
            if base[index] == 0x68, memcmp(base + index, word.utf8Start, count) == 0 { return true } // "h"
            index += 1
        }
        return false
    }

    /// Removes Docusaurus's magic comment lines and returns the (1-based) numbers of the
    /// lines they mark, counted after the removal.
    static func magicComments(_ lines: inout [String]) -> Set<Int> {
        guard lines.contains(where: { $0.contains("highlight-") }) else { return [] }
        var kept: [String] = []
        var marked = Set<Int>()
        var nextLine = false
        var inRange = false
        for line in lines {
            switch directive(line) {
            case "highlight-next-line": nextLine = true
            case "highlight-start": inRange = true
            case "highlight-end": inRange = false
            default:
                kept.append(line)
                if nextLine || inRange { marked.insert(kept.count) }
                nextLine = false
            }
        }
        lines = kept
        return marked
    }

    /// `// highlight-next-line`, `# highlight-start`, `<!-- highlight-end -->`, … -> the
    /// directive; nil for any other line.
    private static func directive(_ line: String) -> String? {
        var text = Substring(line).drop { $0 == " " || $0 == "\t" }
        var closer: String?
        for (open, close) in [("//", ""), ("#", ""), ("--", ""), (";", ""), ("%", ""), ("/*", "*/"), ("<!--", "-->"), ("{/*", "*/}")]
        where text.hasPrefix(open) {
            text = text.dropFirst(open.count)
            closer = close
            break
        }
        guard let closer else { return nil }
        var word = text.drop { $0 == " " }
        while let last = word.last, last == " " || last == "\t" || last == "\r" { word = word.dropLast() }
        if !closer.isEmpty {
            guard word.hasSuffix(closer) else { return nil }
            word = word.dropLast(closer.count)
            while word.last == " " { word = word.dropLast() }
        }
        switch word {
        case "highlight-next-line", "highlight-start", "highlight-end": return String(word)
        default: return nil
        }
    }
}
