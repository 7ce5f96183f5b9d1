import Foundation
import FuzzSupport
@testable import PortalSources
@testable import PortalText

/// A content file of arbitrary bytes: the decoder, the `---`/`+++` splitter, portal's
/// TOML reader and Yams, and the metadata normaliser, as a build runs them.
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

    // The whole input as front matter text, read by both readers a build uses.
    guard let text = String(validating: bytes, as: UTF8.self), !text.utf8.contains(0) else { return 0 }
    _ = TOMLFrontMatterReader.read(text, lineOffset: 1, timeZone: parser.timeZone)
    _ = YAMLFrontMatterReader.read(text, lineOffset: 1)
    return 0
}

@main
enum Fuzzer {
    static func main() { runFuzzer(fuzzFrontMatter) }
}
