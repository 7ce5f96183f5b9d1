import CCmarkGFM
import CCmarkParsing
import Foundation

/// Swaps the placeholders of a `ShortcodePlan` in the parsed tree for the shortcodes'
/// HTML, as custom nodes (written as they are, also when raw HTML is left out). A
/// placeholder cmark read as code is put back as written; so is an escaped tag's text
/// in code (`{{</* x */>}}` shows `{{< x >}}`, as in Hugo).
enum ShortcodeNodes {
    static func apply(_ plan: ShortcodePlan, to document: OpaquePointer) {
        var found: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                found.append(node)
            default:
                break
            }
        }
        cmark_iter_free(iterator)
        for node in found {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK:
                guard let literal = literal(node) else { continue }
                if let numbers = placeholders(in: literal) {
                    // cmark starts a custom block on a line of its own: leading line breaks are not needed.
                    let html = String(numbers.map { plan.html[$0] }.joined().drop { (c: Character) in c == "\n" })
                    if html.isEmpty {
                        cmark_node_unlink(node)
                    } else if let block = BlockExtensions.customNode(CMARK_NODE_CUSTOM_BLOCK, html: html.hasSuffix("\n") ? html : html + "\n") {
                        cmark_node_insert_before(node, block)
                        cmark_node_unlink(node)
                    }
                } else {
                    restore(literal, plan) { cmark_node_set_literal(node, $0) }
                }
            case CMARK_NODE_HTML_INLINE:
                guard let literal = literal(node) else { continue }
                if let numbers = placeholders(in: literal), numbers.count == 1 {
                    inline(node, html: plan.html[numbers[0]])
                } else {
                    restore(literal, plan) { cmark_node_set_literal(node, $0) }
                }
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                guard let literal = literal(node) else { continue }
                var text = literal
                restore(text, plan) { text = $0; return 1 }
                let shown = unescapingTags(text)
                if shown != literal { cmark_node_set_literal(node, shown) }
            default: // links and images: a placeholder cmark took for a destination
                if let url = cmark_node_get_url(node).map({ String(cString: $0) }) {
                    restore(url, plan) { cmark_node_set_url(node, $0) }
                }
            }
        }
    }

    private static func literal(_ node: OpaquePointer) -> String? {
        cmark_node_get_literal(node).map { String(cString: $0) }
    }

    /// The placeholder numbers of a literal made only of placeholders and blanks, else nil.
    static func placeholders(in literal: String) -> [Int]? {
        var numbers: [Int] = []
        var rest = Substring(literal)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if rest.isEmpty { return numbers.isEmpty ? nil : numbers }
            let block = rest.hasPrefix("<!--sc:")
            guard block || rest.hasPrefix("<sc-") else { return nil }
            rest = rest.dropFirst(block ? 7 : 4)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count).drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
            let end = block ? "-->" : ">"
            guard rest.hasPrefix(end) else { return nil }
            rest = rest.dropFirst(end.count)
            numbers.append(number)
        }
    }

    /// Puts back the written text of every placeholder in `text`; calls `set` when any was found.
    private static func restore(_ text: String, _ plan: ShortcodePlan, set: (String) -> Int32) {
        guard text.contains("<!--sc:") || text.contains("<sc-") else { return }
        var out = ""
        var rest = Substring(text)
        var changed = false
        while let open = rest.range(of: "<!--sc:") ?? rest.range(of: "<sc-") {
            let block = rest[open].hasPrefix("<!--")
            let afterPrefix = rest[open.upperBound...]
            let digits = afterPrefix.prefix { $0.isASCII && $0.isNumber }
            let end = block ? "-->" : ">"
            guard let number = Int(digits), number < plan.written.count,
                  let close = afterPrefix.range(of: end) else {
                out += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            out += rest[..<open.lowerBound]
            out += plan.written[number]
            rest = rest[close.upperBound...]
            changed = true
        }
        out += rest
        if changed { _ = set(out) }
    }

    /// `{{</* x */>}}` -> `{{< x >}}` (and the `%` form) in code.
    static func unescapingTags(_ text: String) -> String {
        guard text.contains("{{<") || text.contains("{{%") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            guard let delimiter = rest.first, delimiter == "<" || delimiter == "%" else { continue }
            let afterDelimiter = rest.dropFirst()
            let spaces = afterDelimiter.prefix { $0 == " " || $0 == "\t" }
            guard afterDelimiter.dropFirst(spaces.count).hasPrefix("/*"),
                  let close = afterDelimiter.range(of: "*/") else { continue }
            let body = afterDelimiter[afterDelimiter.index(afterDelimiter.startIndex, offsetBy: spaces.count + 2)..<close.lowerBound]
            let after = afterDelimiter[close.upperBound...]
            let trailing = after.prefix { $0 == " " || $0 == "\t" }
            guard after.dropFirst(trailing.count).hasPrefix(delimiter == "<" ? ">}}" : "%}}") else { continue }
            out += String(delimiter) + spaces + body + trailing
            rest = after.dropFirst(trailing.count)
        }
        out += rest
        return out
    }

    /// Elements that cannot sit in a paragraph: a shortcode giving one at a paragraph's
    /// edge is moved out of it.
    private static let blockElements: Set<String> = [
        "div", "aside", "figure", "details", "section", "pre", "table", "ul", "ol", "dl", "blockquote", "input", "nav", "p", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "video",
    ]

    static func startsWithBlockElement(_ html: String) -> Bool {
        var rest = Substring(html).drop { $0 == " " || $0 == "\n" }
        guard rest.hasPrefix("<") else { return false }
        rest = rest.dropFirst()
        if rest.hasPrefix("/") { rest = rest.dropFirst() }
        let name = rest.prefix { $0.isLetter || $0.isNumber }.lowercased()
        return blockElements.contains(name)
    }

    private static func inline(_ node: OpaquePointer, html: String) {
        guard !html.isEmpty else {
            cmark_node_unlink(node)
            return
        }
        if startsWithBlockElement(html), let paragraph = cmark_node_parent(node), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH {
            let first = cmark_node_first_child(paragraph) == node
            let last = cmark_node_last_child(paragraph) == node
            if first || last, let block = BlockExtensions.customNode(CMARK_NODE_CUSTOM_BLOCK, html: html.hasSuffix("\n") ? html : html + "\n") {
                if first {
                    cmark_node_insert_before(paragraph, block)
                    if let next = cmark_node_next(node), isBreak(next) { cmark_node_unlink(next) }
                } else {
                    cmark_node_insert_after(paragraph, block)
                    if let previous = cmark_node_previous(node), isBreak(previous) { cmark_node_unlink(previous) }
                }
                cmark_node_unlink(node)
                if cmark_node_first_child(paragraph) == nil { cmark_node_unlink(paragraph) }
                return
            }
        }
        // A template's last line break would show as a space inside the text.
        var trimmed = Substring(html)
        while let last = trimmed.last, last == "\n" || last == "\r" { trimmed = trimmed.dropLast() }
        if let custom = BlockExtensions.customNode(CMARK_NODE_CUSTOM_INLINE, html: String(trimmed)) {
            cmark_node_insert_before(node, custom)
            cmark_node_unlink(node)
        }
    }

    private static func isBreak(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }
}
