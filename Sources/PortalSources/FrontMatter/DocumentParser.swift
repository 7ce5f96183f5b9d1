import Foundation
import PortalText

/// Splits a source into front matter and body and normalises the front matter
/// (SPEC 2.1). Never throws: problems come back as located diagnostics.
public struct DocumentParser: Sendable {
    public let timeZone: TimeZone

    /// Front matter larger than this is refused (a page's metadata is a few hundred bytes).
    public static let maxFrontMatterBytes = 1 << 20

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// Parses the raw bytes of `source`. `document` is nil when an error makes
    /// the page unusable; warnings may come with a document.
    public func parse(_ bytes: [UInt8], source: SourceFile) -> (document: Document?, diagnostics: [Diagnostic]) {
        let path = source.sitePath
        func failure(_ problem: FrontMatterProblem) -> (document: Document?, diagnostics: [Diagnostic]) {
            (nil, [.error(problem.message, at: SourceLocation(path: path, line: problem.line, column: problem.column))])
        }
        let decoded: SourceDecoder.Decoded
        switch SourceDecoder.decode(bytes) {
        case let .success(value): decoded = value
        case let .failure(problem): return failure(problem)
        }
        let text = decoded.bytes
        let layout: FrontMatterSplitter.Layout
        switch FrontMatterSplitter.split(text) {
        case let .success(value): layout = value
        case let .failure(.unterminated(fence, line)):
            return failure(FrontMatterProblem(message: "unterminated front matter: no closing `\(fence)`", line: line, column: 1))
        }

        var metadata = PageMetadata()
        var diagnostics: [Diagnostic] = []
        if let range = layout.frontMatter {
            if range.count > Self.maxFrontMatterBytes {
                return failure(FrontMatterProblem(
                    message: "front matter is larger than 1 MB (\(range.count) bytes)", line: layout.openingLine, column: 1
                ))
            }
            let frontMatter = decoded.text(range)
            var repeats: [YAMLFrontMatterReader.RepeatedKey] = []
            // JSON is read as the YAML flow mapping it also is; its text starts on the
            // opening line, where YAML's and TOML's start on the line after the fence.
            let read: Result<[FrontMatterNode.Entry], FrontMatterProblem> = layout.format == .toml
                ? TOMLFrontMatterReader.read(frontMatter, lineOffset: layout.openingLine, timeZone: timeZone)
                : YAMLFrontMatterReader.read(frontMatter, lineOffset: layout.openingLine - (layout.format == .json ? 1 : 0),
                                             repeats: &repeats)
            let entries: [FrontMatterNode.Entry]
            switch read {
            case let .success(value): entries = value
            case let .failure(problem): return failure(problem)
            }
            let normalized = MetadataNormalizer(path: path, timeZone: timeZone).normalize(entries)
            metadata = normalized.metadata
            diagnostics = repeats.map { repeated in
                .warning("'\(repeated.key)' is repeated in the front matter (first at line \(repeated.firstLine)): the last value is used",
                         at: SourceLocation(path: path, line: repeated.line, column: 1))
            } + normalized.diagnostics
            if diagnostics.hasErrors { return (nil, diagnostics) }
        }
        if metadata.date == nil {
            metadata.date = FileNameDate.date(inContentPath: source.contentPath, timeZone: timeZone)
        }

        let body: String
        var bodyLine = layout.bodyLine
        if metadata.title == nil {
            let extraction = BodyTitle.extract(
                from: text, body: layout.body, bodyLine: layout.bodyLine,
                useHeading: !source.isPlainText, useFirstLine: layout.frontMatter == nil
            )
            metadata.title = extraction.title
            body = extraction.body
            bodyLine = extraction.bodyLine
        } else {
            body = decoded.text(layout.body)
        }
        let document = Document(source: source, format: layout.format, metadata: metadata, body: body, bodyLine: bodyLine)
        return (document, diagnostics)
    }
}
