extension RenderedMarkdown {
    /// A link or image of the body, kept for link checking.
    public struct Link: Sendable, Hashable {
        /// The destination as the Markdown wrote it.
        public var written: String
        /// The destination as the HTML carries it (after rewriting).
        public var destination: String
        public var isImage: Bool
        /// 1-based line in the body, and byte column of the `[` (or `!`) in that line.
        public var line: Int
        public var column: Int

        public init(written: String, destination: String, isImage: Bool, line: Int, column: Int) {
            self.written = written
            self.destination = destination
            self.isImage = isImage
            self.line = line
            self.column = column
        }
    }
}
