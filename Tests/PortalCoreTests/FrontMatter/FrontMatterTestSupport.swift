import Foundation
@testable import PortalCore

/// Shared helpers for the front-matter tests.
enum FrontMatterFixture {
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
            found.append((path, String(text[text.index(text.startIndex, offsetBy: fence.count + 1)..<close.lowerBound]) + "\n"))
        }
        return found
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
