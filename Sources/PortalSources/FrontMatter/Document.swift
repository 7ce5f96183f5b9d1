/// A source split into normalised front matter and Markdown body.
public struct Document: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case toml
        case yaml
        /// Hugo's `{ … }`: a JSON object at the top of the file.
        case json
        case none
    }

    public var source: SourceFile
    public var format: Format
    public var metadata: PageMetadata
    /// The Markdown after the front matter (and after a title line taken from it).
    public var body: String
    /// Line of the source at which `body` starts (1-based), for messages.
    public var bodyLine: Int

    public init(source: SourceFile, format: Format, metadata: PageMetadata, body: String, bodyLine: Int) {
        self.source = source
        self.format = format
        self.metadata = metadata
        self.body = body
        self.bodyLine = bodyLine
    }
}
