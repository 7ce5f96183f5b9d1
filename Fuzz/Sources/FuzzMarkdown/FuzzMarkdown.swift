import Foundation
import FuzzSupport
@testable import PortalMarkdown
@testable import PortalSources
@testable import PortalText
@testable import PortalSearch

/// A page body of arbitrary text through the Markdown stage with the Chinese options
/// on, raw HTML kept and sanitized; and the HTML sanitizer on its own.
private struct Rewriter: LinkRewriting {
    func rewrite(_ destination: String, isImage: Bool, line: Int) -> String? {
        destination.hasPrefix("/") ? "/base" + destination : nil
    }
}

/// Shortcodes of every kind: wrapping (`w…`), raw (`r…`), text (`t…`), HTML, unknown.
private struct Shortcodes: ShortcodeExpanding {
    func innerUse(of name: String) -> ShortcodeInnerUse? {
        switch name.first {
        case "w": return .wraps
        case "r": return .raw
        case "t", "h": return .standalone
        default: return nil
        }
    }

    func expand(_ call: ShortcodeCall) -> ShortcodeOutput {
        switch call.name.first {
        case "w": return ShortcodeOutput(html: "<div class=\"w\">\n", closing: "</div>\n")
        case "r": return ShortcodeOutput(html: "<pre>" + (call.inner ?? "").replacingOccurrences(of: "<", with: "&lt;") + "</pre>\n")
        case "t": return ShortcodeOutput(html: call.arguments.positional.first ?? "", isText: true)
        default: return ShortcodeOutput(html: "<span>\(call.number)</span>")
        }
    }
}

private let chinese = ChineseOptions(joinLines: true, friendlyEmphasis: true)
private let renderers = [
    MarkdownRenderer(options: MarkdownOptions(unsafe: true, sanitized: true, tableColumns: 64), chinese: chinese),
    MarkdownRenderer(options: MarkdownOptions(unsafe: false, tableColumns: 64), chinese: chinese),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    let renderer = renderers[bytes.count % renderers.count]
    // Every other input is read as MDX too (admonitions, alerts and JSX tags on the tree).
    _ = renderer.render(text, links: Rewriter(), file: "content/a.md", bodyLine: 1, mdx: bytes.first.map { $0 & 1 == 1 } ?? false,
                        shortcodes: Shortcodes())

    // Search reads any text and any HTML: the index of one page is built from both.
    let plain = HTMLText.plain(bytes)
    _ = SearchIndexBuilder.terms(of: SearchDocument(url: "/", title: String(text.prefix(40)), section: "", date: "", labels: [], body: plain),
                                 weights: SearchWeights())
    _ = SearchTokenizer.tokens(text)

    // Sanitizing is idempotent: cleaning clean HTML changes nothing.
    let cleaned = HTMLSanitizer.sanitize(text)
    let again = HTMLSanitizer.sanitize(cleaned)
    if again != cleaned {
        FileHandle.standardError.write(Data("sanitize is not idempotent:\n\(cleaned.debugDescription)\n\(again.debugDescription)\n".utf8))
        abort()
    }
    return 0
}

@main
enum Fuzzer {
    static func main() { runFuzzer(fuzzMarkdown) }
}
