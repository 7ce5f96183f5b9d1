import Foundation
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

/// Shared helpers for the front-matter tests.
enum FrontMatterFixture {
    /// Edited copies of `texts`, the same on every run: each replaces, inserts or deletes a
    /// few characters, chosen among those that matter to TOML and YAML syntax.
    static func variants(of texts: [String], each count: Int) -> [String] {
        let pieces = [" ", "\"", "'", "\\", "#", "[", "]", "{", "}", "=", ":", ".", ",", "\n", "\t", "\r", "0", "1", "-", "+", "_",
                      "T", "Z", "z", "e", "x", "~", "!", "&", "*", "|", ">", "中", "\u{85}", "\u{2028}", "\u{FEFF}", "2021-02-30", "1e3", "\"\"\""]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            // SplitMix64.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
        }
        var result: [String] = []
        for text in texts where !text.isEmpty {
            for _ in 0..<count {
                var characters = Array(text)
                for _ in 0...next(3) {
                    let place = next(characters.count + 1)
                    switch next(3) {
                    case 0 where place < characters.count: characters[place...place] = ArraySlice(pieces[next(pieces.count)])
                    case 1 where place < characters.count: characters.remove(at: place)
                    default: characters.insert(contentsOf: pieces[next(pieces.count)], at: place)
                    }
                }
                result.append(String(characters))
            }
        }
        return result
    }

    /// The front matter (the text between the `fence` lines, with a final line feed) of
    /// every Markdown file under `../shared` when it is beside the project, or under the
    /// folder the environment variable `variable` names (a benchmark corpus holds thousands).
    static func corpusFrontMatters(fence: String, variable: String) -> [(path: String, text: String)] {
        let folder = ProcessInfo.processInfo.environment[variable] ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../../shared").standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [(path: String, text: String)] = []
        for case let path as String in walker where path.hasSuffix(".md") && found.count < 100_000 {
            guard let data = FileManager.default.contents(atPath: folder + "/" + path),
                  let text = String(data: data, encoding: .utf8), text.hasPrefix(fence + "\n"),
                  let close = text.range(of: "\n" + fence + "\n") else { continue }
            // An empty front matter (`---` twice) closes on the opening line's own line feed.
            let start = text.index(text.startIndex, offsetBy: fence.count + 1)
            found.append((path, (close.lowerBound >= start ? String(text[start..<close.lowerBound]) : "") + "\n"))
        }
        return found
    }

    /// A front-matter node as text: kind, value, line and column, nested (for comparing readers).
    static func describe(_ node: FrontMatterNode) -> String {
        let place = "@\(node.line):\(node.column)"
        switch node.kind {
        case let .scalar(text, plain): return "\(plain ? "plain" : "quoted")(\(text))\(place)"
        case let .value(value): return "value(\(value))\(place)"
        case .null: return "null\(place)"
        case let .list(items): return "[" + items.map(describe).joined(separator: ", ") + "]\(place)"
        case let .table(entries): return "{" + describe(entries) + "}\(place)"
        }
    }

    static func describe(_ entries: [FrontMatterNode.Entry]) -> String {
        entries.map { "\($0.key)=\(describe($0.node))" }.joined(separator: "; ")
    }

    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    static let utc = TimeZone(identifier: "UTC")!

    static func source(_ contentPath: String = "posts/a.md", plainText: Bool = false) -> SourceFile {
        let withoutExtension = contentPath.split(separator: ".").first.map(String.init) ?? contentPath
        return SourceFile(
            absolutePath: "/site/content/" + contentPath,
            sitePath: "content/" + contentPath,
            contentPath: contentPath,
            language: "zh-Hans",
            translationPath: withoutExtension,
            isPlainText: plainText
        )
    }

    static func parse(_ text: String, path: String = "posts/a.md", timeZone: TimeZone = shanghai,
                      plainText: Bool = false) -> (document: Document?, diagnostics: [Diagnostic]) {
        parseBytes(Array(text.utf8), path: path, timeZone: timeZone, plainText: plainText)
    }

    static func parseBytes(_ bytes: [UInt8], path: String = "posts/a.md", timeZone: TimeZone = shanghai,
                           plainText: Bool = false) -> (document: Document?, diagnostics: [Diagnostic]) {
        DocumentParser(timeZone: timeZone).parse(bytes, source: source(path, plainText: plainText))
    }

    /// Metadata of a source that must parse without errors.
    static func metadata(_ text: String, path: String = "posts/a.md", timeZone: TimeZone = shanghai) -> PageMetadata? {
        parse(text, path: path, timeZone: timeZone).document?.metadata
    }

    /// The single error's text as printed (`content/posts/a.md:3:9: error: …`).
    static func error(_ text: String, path: String = "posts/a.md") -> String? {
        errorOf(parse(text, path: path))
    }

    static func errorOf(_ result: (document: Document?, diagnostics: [Diagnostic])) -> String? {
        let errors = result.diagnostics.filter(\.isError)
        guard errors.count == 1, result.document == nil else { return nil }
        return errors[0].description
    }

    /// The instant of a wall-clock time given as ISO text with its offset.
    static func instant(_ iso: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: iso) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: iso)
    }
}
