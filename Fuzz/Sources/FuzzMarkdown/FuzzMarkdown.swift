import Foundation
import FuzzSupport
@testable import PortalMarkdown
@testable import PortalSources
@testable import PortalText

/// A page body of arbitrary text through the Markdown stage with the Chinese options
/// on, raw HTML kept and sanitized; and the HTML sanitizer on its own.
private struct Rewriter: LinkRewriting {
    func rewrite(_ destination: String, isImage: Bool, line: Int) -> String? {
        destination.hasPrefix("/") ? "/base" + destination : nil
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
    _ = renderer.render(text, links: Rewriter(), file: "content/a.md", bodyLine: 1, mdx: bytes.first.map { $0 & 1 == 1 } ?? false)

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
