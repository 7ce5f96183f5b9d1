import Foundation
import FuzzSupport
@testable import PortalSources
@testable import PortalText

/// A content file of arbitrary bytes: the decoder, the `---`/`+++` splitter, the flat
/// readers, TOMLKit and Yams, and the metadata normaliser, as a build runs them.
private let parser = DocumentParser(timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .utc)
private let sources = [
    SourceFile(absolutePath: "/site/content/blog/2021-12-23-a.en.md", sitePath: "content/blog/2021-12-23-a.en.md",
               contentPath: "blog/2021-12-23-a.en.md", language: "en", translationPath: "blog/2021-12-23-a"),
    SourceFile(absolutePath: "/site/content/notes/b.zh-hans.txt", sitePath: "content/notes/b.zh-hans.txt",
               contentPath: "notes/b.zh-hans.txt", language: "zh-Hans", translationPath: "notes/b", isPlainText: true),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let source = sources[bytes.count % sources.count]
    _ = parser.parse(bytes, source: source)

    // The whole input as front matter text: what a flat reader reads must be exactly
    // what TOMLKit or libyaml reads.
    guard let text = String(validating: bytes, as: UTF8.self), !text.utf8.contains(0) else { return 0 }
    if let quick = TOMLFrontMatterReader.readSimple(text, lineOffset: 1, timeZone: parser.timeZone) {
        let full = TOMLFrontMatterReader.readParsed(text, lineOffset: 1, timeZone: parser.timeZone)
        same(quick, full, "TOML", text)
    } else {
        _ = TOMLFrontMatterReader.readParsed(text, lineOffset: 1, timeZone: parser.timeZone)
    }
    if let quick = YAMLFrontMatterReader.readSimple(text, lineOffset: 1) {
        same(quick, YAMLFrontMatterReader.readComposed(text, lineOffset: 1), "YAML", text)
    } else {
        _ = YAMLFrontMatterReader.read(text, lineOffset: 1)
    }
    return 0
}

private func same(_ quick: [FrontMatterNode.Entry], _ full: Result<[FrontMatterNode.Entry], FrontMatterProblem>, _ format: String, _ text: String) {
    let expected: String
    switch full {
    case let .success(entries): expected = describe(entries)
    case let .failure(problem): expected = "error: \(problem.message)"
    }
    let got = describe(quick)
    if got != expected {
        FileHandle.standardError.write(Data("the flat \(format) reader differs on \(text.debugDescription)\nflat: \(got)\nfull: \(expected)\n".utf8))
        abort()
    }
}

private func describe(_ node: FrontMatterNode) -> String {
    let place = "@\(node.line):\(node.column)"
    switch node.kind {
    case let .scalar(text, plain): return "\(plain ? "plain" : "quoted")(\(text))\(place)"
    case let .value(value): return "value(\(value))\(place)"
    case .null: return "null\(place)"
    case let .list(items): return "[" + items.map(describe).joined(separator: ", ") + "]\(place)"
    case let .table(entries): return "{" + describe(entries) + "}\(place)"
    }
}

private func describe(_ entries: [FrontMatterNode.Entry]) -> String {
    entries.map { "\($0.key)=\(describe($0.node))" }.joined(separator: "; ")
}

@main
enum Fuzzer {
    static func main() { runFuzzer(fuzzFrontMatter) }
}
