/// What cmark-gfm made of a page body.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The body as HTML, in UTF-8. Kept as bytes: templates copy them into pages as they
    /// are, and making a String of every page's HTML would check it all once more.
    public var htmlBytes: [UInt8]
    /// The body as HTML.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    /// Headings of level 2 and deeper, in order, with their `id`s.
    public var headings: [Heading]
    /// HTML of the text before `<!--more-->` / `<!-- truncate -->`, else an automatic
    /// summary (text, escaped, cut at a sentence or word boundary). Always safe HTML.
    public var summaryHTML: String
    /// Whether the summary came from a `more` marker.
    public var hasExplicitSummary: Bool
    /// CJK characters and Latin words of the body text.
    public var cjkCharacters: Int
    public var latinWords: Int
    /// Links and images in document order, with where they are.
    public var links: [Link]
    /// Pieces of raw HTML in the body (blocks and inline): left out unless `[markdown] unsafe`.
    public var rawHTMLCount = 0
    /// The page has math (`[markdown] math`; its template loads KaTeX).
    public var usesMath = false
    /// The page has a code block (its template loads the copy button's script).
    public var usesCode = false
    /// The page has a ```mermaid diagram (its template loads the Mermaid script).
    public var usesMermaid = false
    /// Markup the renderer understood only in part (an unclosed admonition, an unknown
    /// MDX component), by line of the body.
    public var problems: [Problem] = []

    public struct Problem: Sendable, Hashable {
        public var line: Int
        /// Character column on the line; 1 when only the line is known.
        public var column: Int
        public var message: String
        /// An error fails the build (an unresolved `ref`); the rest are warnings.
        public var isError: Bool

        public init(line: Int, column: Int = 1, message: String, isError: Bool = false) {
            self.line = line
            self.column = column
            self.message = message
            self.isError = isError
        }
    }

    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var id: String
        /// Plain text of the heading.
        public var text: String

        public init(level: Int, id: String, text: String) {
            self.level = level
            self.id = id
            self.text = text
        }
    }

    public init(html: String, headings: [Heading], summaryHTML: String, hasExplicitSummary: Bool, cjkCharacters: Int, latinWords: Int, links: [Link] = []) {
        self.init(htmlBytes: Array(html.utf8), headings: headings, summaryHTML: summaryHTML, hasExplicitSummary: hasExplicitSummary,
                  cjkCharacters: cjkCharacters, latinWords: latinWords, links: links)
    }

    public init(htmlBytes: [UInt8], headings: [Heading], summaryHTML: String, hasExplicitSummary: Bool, cjkCharacters: Int, latinWords: Int, links: [Link] = []) {
        self.htmlBytes = htmlBytes
        self.headings = headings
        self.summaryHTML = summaryHTML
        self.hasExplicitSummary = hasExplicitSummary
        self.cjkCharacters = cjkCharacters
        self.latinWords = latinWords
        self.links = links
    }
}

/// Rewrites the destination of each link and image in a page (root-relative
/// links under the base path, relative images to where they are copied, links
/// to other Markdown files to their page URL).
public protocol LinkRewriting: Sendable {
    /// The new destination, or nil to keep it. `line` is the line in the body.
    func rewrite(_ destination: String, isImage: Bool, line: Int) -> String?
}
