import PortalMarkdown

/// The links of one rendered page, with what checking them needs to know of the page.
public struct LinkSource: Sendable {
    /// The Markdown file, relative to the site root (`content/posts/a.en.md`), for messages.
    public var file: String
    /// The same file relative to `content/` (`posts/a.en.md`): relative Markdown links start there.
    public var contentPath: String
    /// Line of the file where the body starts: link lines count from it.
    public var bodyLine: Int
    /// Unencoded site path of the page (`/en/posts/a/`): relative URLs start there.
    public var sitePath: String
    public var links: [RenderedMarkdown.Link]

    public init(file: String, contentPath: String, bodyLine: Int, sitePath: String, links: [RenderedMarkdown.Link]) {
        self.file = file
        self.contentPath = contentPath
        self.bodyLine = bodyLine
        self.sitePath = sitePath
        self.links = links
    }

    public init(page: Page, rendered: RenderedMarkdown) {
        self.init(
            file: page.source.sitePath, contentPath: page.source.contentPath, bodyLine: page.document.bodyLine,
            sitePath: page.sitePath, links: rendered.links)
    }

    /// Output path of the page itself (`en/posts/a/index.html`).
    package var outputPath: String { String(sitePath.dropFirst()) + "index.html" }
}
