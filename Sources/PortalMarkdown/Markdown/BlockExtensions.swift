import CCmarkGFM
import CCmarkParsing
import Foundation
import PortalText

/// Block markup beyond CommonMark, turned into HTML on the parsed tree before the walk
/// sees it (so summaries, counts and search never see the markup):
///
/// - Docusaurus admonitions `:::note [title]` … `:::` (also `:::tip[Title]`, more colons
///   to nest) and GitHub alerts `> [!NOTE]` become callouts;
/// - a ```mermaid fence becomes `<pre class="mermaid">` with its source, which the
///   Mermaid script draws on pages that have one and which reads as text without it;
/// - in MDX sources, `import`/`export` lines and `{/* … */}` comments are dropped,
///   `<Tabs>`/`<TabItem>` become tabs that work without JavaScript, `<details>` and
///   `<summary>` stay, and other JSX component tags are dropped with a warning (what
///   they wrap is kept).
///
/// Only block nodes and the first inlines of paragraphs are looked at, so a page
/// without such markup pays one look per block. Code is never touched: fences and
/// code spans are other nodes. What is written is a custom block, which cmark-gfm
/// emits as it is, also when raw HTML is left out.
struct BlockExtensions {
    /// Apply the MDX rules (`.mdx` files and Docusaurus trees).
    let mdx: Bool
    /// Problems found, with the line in the body.
    var problems: [RenderedMarkdown.Problem] = []
    /// A ```mermaid fence was found.
    var usesMermaid = false
    private var tabsCount = 0
    /// TabItem value -> label, from the `values` of the `<Tabs>` being read.
    private var tabLabels: [String: String] = [:]
    private var tabDefault: String?
    private var firstTab = false

    init(mdx: Bool) {
        self.mdx = mdx
    }

    static let kinds: [String: String] = [
        "note": "Note", "tip": "Tip", "info": "Info", "warning": "Warning", "danger": "Danger",
        "caution": "Caution", "important": "Important", "success": "Success", "secondary": "Note",
    ]

    mutating func apply(to document: OpaquePointer) {
        transformChildren(of: document)
    }

    /// One level of blocks: admonition fences must open and close among siblings.
    private mutating func transformChildren(of container: OpaquePointer) {
        var open: [(colons: Int, line: Int)] = []
        var child = cmark_node_first_child(container)
        while let node = child {
            var next = cmark_node_next(node)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                next = paragraph(node, open: &open) ?? next
            case CMARK_NODE_BLOCK_QUOTE:
                if !alert(node) { transformChildren(of: node) }
            case CMARK_NODE_LIST, CMARK_NODE_ITEM:
                transformChildren(of: node)
            case CMARK_NODE_HTML_BLOCK where mdx:
                jsx(node)
            case CMARK_NODE_CODE_BLOCK:
                mermaid(node)
            default:
                break
            }
            child = next
        }
        for fence in open.reversed() {
            problems.append(.init(line: fence.line, message: "admonition opened with '\(String(repeating: ":", count: fence.colons))' is never closed; it ends with its container"))
            if let close = Self.customBlock("</aside>\n") { cmark_node_append_child(container, close) }
        }
    }

    // MARK: Diagrams

    /// ```mermaid … ``` -> `<pre class="mermaid">source</pre>` (escaped: Mermaid reads the
    /// element's text, and a reader without JavaScript sees the source).
    private mutating func mermaid(_ node: OpaquePointer) {
        guard let info = cmark_node_get_fence_info(node) else { return }
        let language = String(cString: info).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" }).first
        guard language?.lowercased() == "mermaid" else { return }
        let source = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        guard let block = Self.customBlock("<pre class=\"mermaid\">" + HTMLEscaping.escape(source) + "</pre>\n") else { return }
        cmark_node_insert_before(node, block)
        cmark_node_unlink(node)
        usesMermaid = true
    }

    // MARK: Admonitions

    /// Handles a paragraph whose first or last line is an admonition fence. Returns the
    /// node to continue with when the paragraph was replaced.
    private mutating func paragraph(_ node: OpaquePointer, open: inout [(colons: Int, line: Int)]) -> OpaquePointer? {
        guard let first = cmark_node_first_child(node), cmark_node_get_type(first) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(first) else { return nil }
        if mdx, dropsMDXParagraph(node, first: literal) { return nil }
        if mdx, literal[0] == 0x3C, let text = Self.wholeText(of: node), text.hasSuffix(">") { // "<"
            // A JSX tag cmark read as text (one written over several lines).
            let next = cmark_node_next(node)
            if jsx(node, text: text) { return next }
            return nil
        }
        guard literal[0] == 0x3A, literal[1] == 0x3A, literal[2] == 0x3A else { // ":::"
            // A closing fence may end a paragraph that an admonition holds.
            if !open.isEmpty { closeAtEnd(of: node, open: &open) }
            return nil
        }
        let line = Int(cmark_node_get_start_line(node))
        let firstLine = Self.lineNodes(startingAt: first)
        let text = firstLine.nodes.compactMap { cmark_node_get_literal($0).map { String(cString: $0) } }.joined()
        let colons = text.prefix { $0 == ":" }.count
        let rest = text.dropFirst(colons).trimmingCharacters(in: .whitespaces)
        if rest.isEmpty {
            // A closing fence on the paragraph's first line.
            closeFence(colons: colons, line: line, before: node, open: &open)
            Self.remove(firstLine)
        } else if let (kind, title) = Self.parseOpening(rest) {
            let label = HTMLEscaping.escape(title ?? Self.kinds[kind] ?? kind.capitalized)
            let css = Self.kinds[kind] == nil ? "note" : kind
            if let block = Self.customBlock("<aside class=\"callout callout-\(css)\" role=\"note\">\n<p class=\"callout-title\">\(label)</p>\n") {
                cmark_node_insert_before(node, block)
            }
            open.append((colons, line))
            Self.remove(firstLine)
        } else {
            return nil
        }
        // A closing fence may end the same paragraph (`:::note\ntext\n:::`).
        closeAtEnd(of: node, open: &open)
        if cmark_node_first_child(node) == nil {
            let next = cmark_node_next(node)
            cmark_node_unlink(node)
            return next
        }
        return nil
    }

    /// `text\n:::`: the paragraph's last line closes the open admonition.
    private mutating func closeAtEnd(of node: OpaquePointer, open: inout [(colons: Int, line: Int)]) {
        guard let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(last), literal[0] == 0x3A, let previous = cmark_node_previous(last),
              cmark_node_get_type(previous) == CMARK_NODE_SOFTBREAK else { return }
        let text = String(cString: literal)
        guard text.count >= 3, text.allSatisfy({ $0 == ":" }) else { return }
        cmark_node_unlink(last)
        cmark_node_unlink(previous)
        closeFence(colons: text.count, line: Int(cmark_node_get_end_line(node)), before: cmark_node_next(node),
                   parent: cmark_node_parent(node), open: &open)
    }

    private mutating func closeFence(colons: Int, line: Int, before node: OpaquePointer?, parent: OpaquePointer? = nil,
                                     open: inout [(colons: Int, line: Int)]) {
        guard !open.isEmpty else {
            problems.append(.init(line: line, message: "'\(String(repeating: ":", count: colons))' closes no admonition; it is left out"))
            return
        }
        open.removeLast()
        guard let block = Self.customBlock("</aside>\n") else { return }
        if let node {
            cmark_node_insert_before(node, block)
        } else if let parent {
            cmark_node_append_child(parent, block)
        }
    }

    /// `note Title`, `tip[Title]`, `warning` -> kind and optional title.
    static func parseOpening(_ text: String) -> (String, String?)? {
        let kind = text.prefix { $0.isLetter }
        guard !kind.isEmpty else { return nil }
        var rest = text.dropFirst(kind.count).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("["), rest.hasSuffix("]") { rest = String(rest.dropFirst().dropLast()) }
        return (kind.lowercased(), rest.isEmpty ? nil : rest)
    }

    // MARK: GitHub alerts

    /// `> [!NOTE]` as the first line of a block quote: the quote becomes a callout.
    private mutating func alert(_ quote: OpaquePointer) -> Bool {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(first), literal[0] == 0x5B else { return false } // "["
        let firstLine = Self.lineNodes(startingAt: first)
        let text = firstLine.nodes.compactMap { cmark_node_get_literal($0).map { String(cString: $0) } }.joined()
        let kinds = ["NOTE": "note", "TIP": "tip", "IMPORTANT": "important", "WARNING": "warning", "CAUTION": "caution"]
        guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]"),
              let kind = kinds[String(text[text.index(text.startIndex, offsetBy: 2)..<close]).uppercased()] else { return false }
        let title = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
        let label = HTMLEscaping.escape(title.isEmpty ? (Self.kinds[kind] ?? kind) : title)
        guard let open = Self.customBlock("<aside class=\"callout callout-\(kind)\" role=\"note\">\n<p class=\"callout-title\">\(label)</p>\n"),
              let end = Self.customBlock("</aside>\n"), cmark_node_insert_before(quote, open) != 0 else { return false }
        Self.remove(firstLine)
        if cmark_node_first_child(paragraph) == nil { cmark_node_unlink(paragraph) }
        transformChildren(of: quote)
        while let child = cmark_node_first_child(quote) {
            if cmark_node_insert_before(quote, child) == 0 { break }
        }
        cmark_node_insert_before(quote, end)
        cmark_node_unlink(quote)
        return true
    }

    // MARK: MDX

    /// `import … from '…'`, `export …` and `{/* … */}` paragraphs are not content.
    private func dropsMDXParagraph(_ node: OpaquePointer, first literal: UnsafePointer<CChar>) -> Bool {
        let isImport = strncmp(literal, "import ", 7) == 0 || strncmp(literal, "export ", 7) == 0
        let isComment = strncmp(literal, "{/*", 3) == 0
        guard isImport || isComment, cmark_node_parent(node).map({ cmark_node_get_type($0) == CMARK_NODE_DOCUMENT }) ?? false else { return false }
        if isComment {
            guard let last = cmark_node_last_child(node), let end = cmark_node_get_literal(last) else { return false }
            let text = String(cString: end)
            guard text.hasSuffix("*/}") else { return false }
        }
        cmark_node_unlink(node)
        return true
    }

    /// A block of raw HTML that is a JSX tag of MDX.
    private mutating func jsx(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        _ = jsx(node, text: String(cString: literal))
    }

    /// The text of a paragraph made only of text and soft breaks, else nil.
    private static func wholeText(of paragraph: OpaquePointer) -> String? {
        var text = ""
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: text += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += "\n"
            default: return nil
            }
            child = cmark_node_next(node)
        }
        return text
    }

    /// Replaces `node` (a tag, or several lines of `<details>`/`<summary>`) with what it
    /// stands for; false when it is no JSX or details tag.
    private mutating func jsx(_ node: OpaquePointer, text raw: String) -> Bool {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("<") else { return false }
        let closing = text.hasPrefix("</")
        let name = text.dropFirst(closing ? 2 : 1).prefix { $0.isLetter || $0.isNumber || $0 == "." }
        let line = Int(cmark_node_get_start_line(node))
        var html: String?
        switch name {
        case "Tabs":
            if closing {
                html = "</div>\n"
            } else {
                tabsCount += 1
                firstTab = true
                tabLabels = Self.tabValues(text)
                tabDefault = Self.attribute("defaultValue", in: text)
                html = "<div class=\"tabs\">\n"
            }
        case "TabItem":
            if closing {
                html = "</div>\n"
            } else {
                let value = Self.attribute("value", in: text) ?? "tab"
                let label = Self.attribute("label", in: text) ?? tabLabels[value] ?? value
                let checked = tabDefault.map { $0 == value } ?? (firstTab || text.contains("default"))
                firstTab = false
                let slug = HeadingIDs.slug(value)
                let id = "tabs-\(tabsCount)-\(slug.isEmpty ? "tab" : slug)"
                html = "<input class=\"tab-input\" type=\"radio\" name=\"tabs-\(tabsCount)\" id=\"\(id)\"\(checked ? " checked" : "")>"
                    + "<label class=\"tab-label\" for=\"\(id)\">\(HTMLEscaping.escape(label))</label>\n<div class=\"tab-panel\">\n"
            }
        case "details", "summary":
            // Kept as written: plain elements with at most a summary's text.
            let lines = text.split(separator: "\n").map { Self.safeDetails($0.trimmingCharacters(in: .whitespaces)) }
            html = lines.contains(where: { $0 == nil }) ? nil : lines.compactMap { $0 }.joined()
        default:
            guard name.first?.isUppercase == true else { return false }
            problems.append(.init(line: line, message: "MDX component <\(name)> is not supported; its tags are left out and what it wraps is kept"))
            html = ""
        }
        guard let html, let block = Self.customBlock(html) else { return false }
        cmark_node_insert_before(node, block)
        cmark_node_unlink(node)
        return true
    }

    /// `<details>`, `</details>`, `<summary>Text</summary>` written again without attributes.
    private static func safeDetails(_ text: String) -> String? {
        if text == "<details>" || text.hasPrefix("<details ") { return "<details>\n" }
        if text == "</details>" { return "</details>\n" }
        if text.hasPrefix("<summary>"), text.hasSuffix("</summary>") {
            let inner = text.dropFirst("<summary>".count).dropLast("</summary>".count)
            return "<summary>" + HTMLEscaping.escape(String(inner)) + "</summary>\n"
        }
        return nil
    }

    /// `name="value"`, `name='value'` or `name={'value'}` in a JSX tag.
    static func attribute(_ name: String, in tag: String) -> String? {
        for quote in ["\"", "'", "{'", "{\""] {
            guard let start = tag.range(of: " " + name + "=" + quote) ?? tag.range(of: "\n" + name + "=" + quote) else { continue }
            let after = tag[start.upperBound...]
            let end = quote.hasSuffix("'") ? "'" : "\""
            guard let stop = after.range(of: end) else { continue }
            return String(after[..<stop.lowerBound])
        }
        return nil
    }

    /// `values={[{label: 'Script', value: 'script'}, …]}` of `<Tabs>`: value -> label.
    static func tabValues(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = tag[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let entry = String(rest[rest.index(after: open)..<close])
            if let label = quotedValue("label", in: entry), let value = quotedValue("value", in: entry) { result[value] = label }
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    private static func quotedValue(_ key: String, in entry: String) -> String? {
        guard let keyRange = entry.range(of: key + ":") else { return nil }
        let after = entry[keyRange.upperBound...].drop { $0 == " " }
        guard let quote = after.first, quote == "'" || quote == "\"" else { return nil }
        let inner = after.dropFirst()
        guard let end = inner.firstIndex(of: quote) else { return nil }
        return String(inner[..<end])
    }

    // MARK: Tree helpers

    /// The inline nodes of a paragraph's first line, and the soft break that ends it.
    private static func lineNodes(startingAt first: OpaquePointer) -> (nodes: [OpaquePointer], breakNode: OpaquePointer?) {
        var nodes: [OpaquePointer] = []
        var current: OpaquePointer? = first
        while let node = current {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { return (nodes, node) }
            nodes.append(node)
            current = cmark_node_next(node)
        }
        return (nodes, nil)
    }

    private static func remove(_ line: (nodes: [OpaquePointer], breakNode: OpaquePointer?)) {
        for node in line.nodes { cmark_node_unlink(node) }
        if let breakNode = line.breakNode { cmark_node_unlink(breakNode) }
    }

    /// A custom block written as `html` (the arena frees it with the tree).
    private static func customBlock(_ html: String) -> OpaquePointer? {
        customNode(CMARK_NODE_CUSTOM_BLOCK, html: html)
    }

    /// A custom block or inline written as `html`, as it is, also when raw HTML is left out.
    static func customNode(_ type: cmark_node_type, html: String) -> OpaquePointer? {
        html.withCString { customNode(type, cString: $0) }
    }

    static func customNode(_ type: cmark_node_type, cString html: UnsafePointer<CChar>) -> OpaquePointer? {
        guard let node = cmark_node_new_with_mem(type, portal_cmark_arena()) else { return nil }
        cmark_node_set_on_enter(node, html)
        return node
    }
}
