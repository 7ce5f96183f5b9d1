/// Renders Markdown with cmark-gfm (tables, strikethrough, autolinks, tagfilter,
/// task lists, footnotes). The only file that imports the C library.
public struct MarkdownRenderer: Sendable {
    public let options: MarkdownOptions
    public let chinese: ChineseOptions

    /// Registers cmark-gfm's extensions; must run once before any parallel rendering.
    public static func prepare() {}

    public init(options: MarkdownOptions, chinese: ChineseOptions) {
        self.options = options
        self.chinese = chinese
    }

    public func render(_ markdown: String, links: (any LinkRewriting)?) -> RenderedMarkdown {
        // STUB: replaced by the Markdown stage.
        RenderedMarkdown(html: markdown, headings: [], summaryHTML: "", hasExplicitSummary: false, cjkCharacters: 0, latinWords: 0)
    }
}
