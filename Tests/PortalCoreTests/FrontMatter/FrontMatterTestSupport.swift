import Foundation
@testable import PortalCore

/// Shared helpers for the front-matter tests.
enum FrontMatterFixture {
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
