/// Splits a source into front matter and body and normalises the front matter
/// (SPEC 2.1). Never throws: problems come back as located diagnostics.
public struct DocumentParser: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// Parses the raw bytes of `source`. `document` is nil when an error makes
    /// the page unusable; warnings may come with a document.
    public func parse(_ bytes: [UInt8], source: SourceFile) -> (document: Document?, diagnostics: [Diagnostic]) {
        // STUB: replaced by the front-matter stage.
        let text = String(decoding: bytes, as: UTF8.self)
        return (Document(source: source, format: .none, metadata: PageMetadata(), body: text, bodyLine: 1), [])
    }
}

import Foundation
