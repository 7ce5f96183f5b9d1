import Foundation
import FuzzSupport
@testable import PortalTemplates
@testable import PortalText

/// A template of arbitrary text: parsed, and when it parses, rendered against a small
/// fixed context with itself and a fixed partial as partials.
private let context = TemplateValue.object([
    "title": .string("<Hello & 你好>"),
    "draft": .bool(false),
    "count": .int(3),
    "content": .html(Array("<p>body</p>".utf8)),
    "none": .null,
    "pages": .list([
        .object(["title": .string("a"), "url": .string("/a/"), "tags": .list([.string("x"), .string("y")])]),
        .object(["title": .string("b"), "url": .string("/b/"), "tags": .list([])]),
    ]),
    "site": .object(["title": .string("portal"), "language": .object(["code": .string("zh-Hans")])]),
])

/// Parsed anew for each input: LeakSanitizer cannot follow the tagged pointers of a
/// global array of nodes and would report it as a leak.
private func partial() -> [TemplateNode] {
    var parser = TemplateParser()
    return (try? parser.parse("<li>{{title}}</li>\n{{$block}}default{{/block}}")) ?? []
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    var parser = TemplateParser()
    guard let nodes = try? parser.parse(text) else { return 0 }
    let item = partial()
    var templates = ["page": nodes, "item": item]
    for reference in parser.partialReferences where templates[reference.name] == nil {
        templates[reference.name] = item
    }
    var renderer = TemplateRenderer(templates: templates)
    _ = renderer.renderBytes("page", context: context)
    return 0
}

@main
enum Fuzzer {
    static func main() { runFuzzer(fuzzTemplates) }
}
