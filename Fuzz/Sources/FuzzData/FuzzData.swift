import Foundation
import FuzzSupport
@testable import PortalSources
@testable import PortalText

/// site.toml, data/authors.toml, data/authors.yaml and data/tags.toml of arbitrary
/// text: the first byte picks the file, the rest is its text. The `…Text` entry points
/// skip the memo that keeps the last parse of each file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzData(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let choice = data[0] % 4
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    switch choice {
    case 0: _ = SiteConfigLoader.parseText(text, path: "site.toml")
    case 1: _ = DataLoader.parseAuthorsTOMLText(text, file: "data/authors.toml")
    case 2: _ = DataLoader.parseAuthorsYAMLText(text, file: "data/authors.yaml")
    default: _ = DataLoader.parseTagNamesText(text, file: "data/tags.toml")
    }
    return 0
}

@main
enum Fuzzer {
    static func main() { runFuzzer(fuzzData) }
}
