import CCmarkGFM
import CCmarkParsing
import Foundation
import PortalText
import PortalSources

/// Registering extensions writes a global list without locks: done exactly once.
private let coreExtensionsRegistered: Void = {
    cmark_gfm_core_extensions_ensure_registered()
}()

/// cmark-gfm 0.29.0.gfm.6 switches a process-wide table of special characters on and
/// off around every inline parse (for `|`, `~`, `:`, `w`), so two parses at the same
/// time lose each other's strikethroughs, autolinks and table cells. CCmarkParsing
/// replaces the switch with one that only ever adds; when the library is seen to call
/// that replacement, parses run in parallel, and otherwise one at a time.
private let oneParseAtATime = Locked(())

private let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

/// Renders Markdown with cmark-gfm (tables, strikethrough, autolinks, tagfilter,
/// task lists, footnotes). The only file that imports the C library.
public struct MarkdownRenderer: Sendable {
    public let options: MarkdownOptions
    public let chinese: ChineseOptions

    /// Registers cmark-gfm's extensions; must run once before any parallel rendering.
    public static func prepare() {
        _ = coreExtensionsRegistered
        _ = specialCharactersAdded
    }

    /// One parse before any parallel work, so that the table of special characters is
    /// complete before two parsers read it at once.
    private static let specialCharactersAdded: Void = {
        _ = coreExtensionsRegistered
        defer { portal_cmark_arena_reset() }
        guard let parser = newParser() else { return }
        let sample = "a | b\n-|-\n~~c~~ www.d.org"
        cmark_parser_feed(parser, sample, sample.utf8.count)
        if let document = cmark_parser_finish(parser) { cmark_node_free(document) }
        cmark_parser_free(parser)
    }()

    /// A parser with portal's extensions attached. It allocates from the calling thread's
    /// arena: the caller resets the arena once it has copied out what it needs.
    private static func newParser() -> OpaquePointer? {
        // SOURCEPOS only while parsing (link line numbers); at render time it leaks data-sourcepos.
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS, portal_cmark_arena()) else { return nil }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        return parser
    }

    /// Whether Markdown parses run in parallel (see CCmarkParsing).
    public static let parsesInParallel = portal_cmark_parallel_parsing() != 0

    public init(options: MarkdownOptions, chinese: ChineseOptions) {
        self.options = options
        self.chinese = chinese
    }

    /// Renders a page body. Safe to call from many threads at once: every parser and
    /// its nodes live and die inside this call.
    /// `mdx`: the body is MDX (an `.mdx` file or a Docusaurus tree): see `BlockExtensions`.
    /// `shortcodes`: the site's Hugo shortcodes (see `ShortcodePlan`); nil leaves tags as text.
    public func render(_ body: String, links: (any LinkRewriting)?, mdx: Bool = false) -> RenderedMarkdown {
        render(body, links: links, mdx: mdx, shortcodes: nil)
    }

    package func render(_ body: String, links: (any LinkRewriting)?, mdx: Bool = false, shortcodes: (any ShortcodeExpanding)?) -> RenderedMarkdown {
        Self.prepare()
        let plan = shortcodes.flatMap { ShortcodePlan.make(body, mdx: mdx, expander: $0) }
        let expanded = plan.map { String(decoding: $0.text, as: UTF8.self) } ?? body
        let math = options.math ? MathPassthrough.protect(expanded) : nil
        let markdown = math ?? expanded
        // Runs last: the tree, the parser and the HTML buffers all live in this thread's
        // arena, and only copies leave this function.
        defer { portal_cmark_arena_reset() }
        let adjusted = chinese.friendlyEmphasis ? FriendlyEmphasis.adjust(markdown) : nil
        guard let parser = Self.newParser() else { return .empty }
        defer { cmark_parser_free(parser) }
        func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
            if let base = bytes.baseAddress, bytes.count > 0 {
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    cmark_parser_feed(parser, $0, bytes.count)
                }
            }
        }
        func parse() -> OpaquePointer? {
            if let adjusted {
                adjusted.withUnsafeBufferPointer(feed)
            } else {
                var text = markdown
                text.withUTF8(feed)
            }
            return cmark_parser_finish(parser)
        }
        let document = Self.parsesInParallel ? parse() : oneParseAtATime.withLock { _ in parse() }
        // Nothing in the tree is freed one by one: the arena's reset takes it all at once,
        // with the nodes unlinked on the way.
        guard let document else { return .empty }
        if let plan { ShortcodeNodes.apply(plan, to: document) }
        var blocks = BlockExtensions(mdx: mdx)
        blocks.apply(to: document)

        var walk = DocumentWalk(
            root: document, links: links, joinLines: chinese.joinLines, stripMarkers: adjusted != nil,
            summary: SummaryBuilder(characters: chinese.summaryCharacters, words: chinese.summaryWords))
        walk.source = markdown
        walk.ids.pinyin = chinese.slugStyle == .pinyin
        walk.adjustedSource = adjusted
        walk.sanitize = options.unsafe && options.sanitized
        walk.run()

        // After the walk, which took markers out of the code and counted its words.
        for node in walk.codeBlocks {
            Self.replaceCodeBlock(node, highlight: options.highlight)
        }

        for softBreak in walk.droppedBreaks {
            cmark_node_unlink(softBreak)
        }
        for (link, tail) in walk.autolinkTails {
            Self.moveTail(tail, outOf: link)
        }
        // Inline literals point into their block's text, which a replaced heading keeps
        // (unlinked, in the arena) until its former children are rendered.
        var headings: [RenderedMarkdown.Heading] = []
        for entry in walk.headings {
            Self.replaceHeading(entry.node, level: entry.heading.level, id: entry.heading.id)
            if entry.heading.level >= 2 { headings.append(entry.heading) }
        }
        let summaryStart = walk.split.flatMap { cmark_node_next($0) }
        for marker in walk.markers {
            cmark_node_unlink(marker)
        }

        let extensions = cmark_parser_get_syntax_extensions(parser)
        let html = renderHTML(document, extensions: extensions)
        var summaryHTML = ""
        var explicit = false
        if walk.split != nil {
            summaryHTML = summaryStart.map { renderPrefix(document, before: $0, extensions: extensions) } ?? String(decoding: html, as: UTF8.self)
            explicit = summaryHTML.contains(where: { !$0.isWhitespace })
            // A list shows many summaries on one page: their headings keep no ids, which
            // would repeat there (every meeting's "## Agenda").
            if !headings.isEmpty { summaryHTML = Self.removingHeadingIDs(summaryHTML) }
        }
        if !explicit {
            summaryHTML = walk.summary.html()
        }
        var rendered = RenderedMarkdown(
            htmlBytes: html, headings: headings, summaryHTML: summaryHTML, hasExplicitSummary: explicit,
            cjkCharacters: walk.metrics.cjkCharacters, latinWords: walk.metrics.latinWords, links: walk.foundLinks)
        rendered.rawHTMLCount = walk.rawHTML
        rendered.usesMermaid = blocks.usesMermaid
        rendered.usesCode = !walk.codeBlocks.isEmpty
        rendered.usesMath = math != nil
        rendered.problems = (plan?.problems.map { .init(line: $0.line, column: $0.column, message: $0.message, isError: $0.isError) } ?? [])
            + blocks.problems
        return rendered
    }

    /// The HTML as UTF-8 bytes: cmark-gfm writes valid UTF-8 for valid input (it puts
    /// U+FFFD for a NUL or an invalid character reference), and the body was checked.
    private func renderHTML(_ node: OpaquePointer, extensions: UnsafeMutablePointer<cmark_llist>?) -> [UInt8] {
        // Style attributes instead of `align`, which HTML5 no longer allows on table cells.
        let renderOptions = (options.unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        // The HTML is in the arena too (freed by the reset, never by free()).
        guard let cString = cmark_render_html_with_mem(node, renderOptions, extensions, portal_cmark_arena()) else { return [] }
        return Array(UnsafeRawBufferPointer(start: cString, count: strlen(cString)).bindMemory(to: UInt8.self))
    }

    /// The HTML of the top-level blocks before `start`: the rest is unlinked for the
    /// render and put back after (footnote references point into it).
    private func renderPrefix(
        _ document: OpaquePointer, before start: OpaquePointer, extensions: UnsafeMutablePointer<cmark_llist>?
    ) -> String {
        var tail: [OpaquePointer] = []
        var next: OpaquePointer? = start
        while let node = next {
            next = cmark_node_next(node)
            cmark_node_unlink(node)
            tail.append(node)
        }
        let html = renderHTML(document, extensions: extensions)
        for node in tail {
            cmark_node_append_child(document, node)
        }
        return String(decoding: html, as: UTF8.self)
    }

    /// Takes `tail` off the end of an autolink's text and puts it after the link.
    private static func moveTail(_ tail: String, outOf link: OpaquePointer) {
        guard let child = cmark_node_first_child(link), let literal = cmark_node_get_literal(child),
              let text = cmark_node_new_with_mem(CMARK_NODE_TEXT, portal_cmark_arena()) else { return }
        let written = String(cString: literal)
        guard written.hasSuffix(tail) else { return }
        cmark_node_set_literal(child, String(written.dropLast(tail.count)))
        cmark_node_set_literal(text, tail)
        cmark_node_insert_after(link, text)
    }

    /// `<h2 id="x">` -> `<h2>`, for the headings portal wrote (see `replaceHeading`).
    static func removingHeadingIDs(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<h") {
            out += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            guard let level = rest.first, ("1"..."6").contains(level), rest.dropFirst().hasPrefix(" id=\""),
                  let close = rest.dropFirst(6).firstIndex(of: "\"") else { continue }
            out.append(level)
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// A code block becomes a custom block with the HTML `CodeBlocks` writes for it, when
    /// that says more than cmark's plain `<pre><code>`.
    private static func replaceCodeBlock(_ node: OpaquePointer, highlight: Bool) {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let literal = cmark_node_get_literal(node)
        let code = UnsafeBufferPointer(start: literal.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) },
                                       count: literal.map { strlen($0) } ?? 0)
        guard var html = CodeBlocks.html(info: info, code: code, highlight: highlight) else { return }
        html.append(0)
        guard let block = html.withUnsafeBufferPointer({ bytes in
            bytes.withMemoryRebound(to: CChar.self) { BlockExtensions.customNode(CMARK_NODE_CUSTOM_BLOCK, cString: $0.baseAddress!) }
        }),
              cmark_node_insert_before(node, block) != 0 else { return }
        cmark_node_unlink(node)
    }

    /// cmark emits no heading ids: the heading becomes a custom block holding a custom
    /// inline whose enter/exit text is `<hN id="…">` / `</hN>`. Custom nodes are written
    /// as they are even without UNSAFE, and the id is a slug (no quotes or markup).
    /// The heading itself is unlinked (the arena keeps it until the render is done).
    private static func replaceHeading(_ heading: OpaquePointer, level: Int, id: String) {
        // Nodes that end up outside the tree after a failure go with the arena too.
        let arena = portal_cmark_arena()
        guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, arena),
              let inline = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, arena),
              cmark_node_append_child(block, inline) != 0,
              cmark_node_insert_before(heading, block) != 0 else { return }
        cmark_node_set_on_enter(inline, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(inline, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            if cmark_node_append_child(inline, child) == 0 { break }
        }
        cmark_node_unlink(heading)
    }
}

extension RenderedMarkdown {
    fileprivate static let empty = RenderedMarkdown(
        html: "", headings: [], summaryHTML: "", hasExplicitSummary: false, cjkCharacters: 0, latinWords: 0)
}

/// One pass over the parsed document: rewrites links, strips emphasis markers, and
/// collects what the second phase changes (headings, soft breaks, more markers) plus
/// the text for counts and the automatic summary. The tree's shape is not changed
/// while the iterator runs.
private struct DocumentWalk {
    package let root: OpaquePointer
    package let links: (any LinkRewriting)?
    package let joinLines: Bool
    package let stripMarkers: Bool
    package var summary: SummaryBuilder
    package var metrics = TextMetrics()
    package var ids = HeadingIDs()
    package var headings: [(node: OpaquePointer, heading: RenderedMarkdown.Heading)] = []
    /// Raw HTML blocks and inline HTML met (`<!--more-->` markers aside).
    package var rawHTML = 0
    package var droppedBreaks: [OpaquePointer] = []
    package var markers: [OpaquePointer] = []
    /// Code blocks, which `CodeBlocks` writes once the walk is over.
    package var codeBlocks: [OpaquePointer] = []
    /// Autolinks that ran into full-width punctuation, with the text that goes after them.
    package var autolinkTails: [(link: OpaquePointer, tail: String)] = []
    /// Every link and image, as the HTML will carry it.
    package var foundLinks: [RenderedMarkdown.Link] = []
    /// The text cmark parsed, for columns (`adjustedSource` when markers were added);
    /// scanned for lines only once a link is found.
    package var source = ""
    package var adjustedSource: [UInt8]?
    /// `unsafe = "sanitized"`: raw HTML and link targets are cleaned (see `HTMLSanitizer`).
    package var sanitize = false
    private var columns: SourceColumns?
    /// The first more-marker at the top level.
    package var split: OpaquePointer?
    private var headingText: String.UnicodeScalarView?
    /// Depth inside tables and footnotes (no summary) and images (alt text: no text at all).
    private var noSummary = 0
    private var imageDepth = 0
    /// Node types seen so far and what they are (a handful per document: a list beats hashing).
    private var extensionKinds: [(type: UInt32, kind: ExtensionKind)] = []

    private enum ExtensionKind { case table, tableCell, other }

    package init(root: OpaquePointer, links: (any LinkRewriting)?, joinLines: Bool, stripMarkers: Bool, summary: SummaryBuilder) {
        self.root = root
        self.links = links
        self.joinLines = joinLines
        self.stripMarkers = stripMarkers
        self.summary = summary
    }

    package mutating func run() {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, entering: event == CMARK_EVENT_ENTER)
        }
    }

    private mutating func visit(_ node: OpaquePointer, entering: Bool) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if stripMarkers { Self.stripLiteral(node) }
            feedLiteral(node)
        case CMARK_NODE_SOFTBREAK:
            if joinLines, let left = Self.edgeScalar(cmark_node_previous(node), last: true),
               let right = Self.edgeScalar(cmark_node_next(node), last: false),
               LineJoining.dropsBreak(between: left, and: right) {
                droppedBreaks.append(node)
            } else {
                feed(" ")
            }
        case CMARK_NODE_LINEBREAK:
            feed(" ")
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let isImage = type == CMARK_NODE_IMAGE
            if entering {
                if stripMarkers { Self.stripLinkTarget(node) }
                record(node, isImage: isImage)
            }
            if isImage { imageDepth += entering ? 1 : -1 }
        case CMARK_NODE_HEADING:
            if entering {
                headingText = String.UnicodeScalarView()
            } else {
                finishHeading(node)
            }
        case CMARK_NODE_HTML_BLOCK:
            if stripMarkers { Self.stripLiteral(node) }
            if let literal = cmark_node_get_literal(node), MoreMarker.matches(String(cString: literal)) {
                markers.append(node)
                if split == nil, cmark_node_parent(node) == root { split = node }
            } else {
                rawHTML += 1
                if sanitize { Self.sanitizeLiteral(node) }
            }
        case CMARK_NODE_HTML_INLINE:
            rawHTML += 1
            if stripMarkers { Self.stripLiteral(node) }
            if sanitize { Self.sanitizeLiteral(node) }
        case CMARK_NODE_CODE_BLOCK:
            if stripMarkers {
                Self.stripLiteral(node)
                Self.strip(cmark_node_get_fence_info(node)) { cmark_node_set_fence_info(node, $0) }
            }
            codeBlocks.append(node)
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            noSummary += entering ? 1 : -1
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE:
            if !entering { endBlock() }
        default:
            switch extensionKind(node, type: type) {
            case .table: noSummary += entering ? 1 : -1
            case .tableCell: if !entering { endBlock() }
            case .other: break
            }
        }
    }

    private mutating func extensionKind(_ node: OpaquePointer, type: cmark_node_type) -> ExtensionKind {
        for known in extensionKinds where known.type == type.rawValue { return known.kind }
        var kind = ExtensionKind.other
        if let name = cmark_node_get_type_string(node) {
            if strcmp(name, "table") == 0 {
                kind = .table
            } else if strcmp(name, "table_cell") == 0 {
                kind = .tableCell
            }
        }
        extensionKinds.append((type.rawValue, kind))
        return kind
    }

    private mutating func feedLiteral(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        if headingText != nil { forEachScalar(inUTF8: bytes) { headingText?.append($0) } }
        guard imageDepth == 0 else { return }
        metrics.add(utf8: bytes)
        guard headingText == nil, noSummary == 0 else { return }
        var i = 0
        while i < bytes.count, !summary.isFull {
            let (scalar, length) = decodeScalar(bytes, at: i)
            summary.add(scalar)
            i += length
        }
    }

    private mutating func feed(_ scalar: Unicode.Scalar) {
        if headingText != nil { headingText?.append(scalar) }
        guard imageDepth == 0 else { return }
        metrics.add(scalar)
        if headingText == nil, noSummary == 0 { summary.add(scalar) }
    }

    private mutating func endBlock() {
        metrics.endWord()
        if noSummary == 0, headingText == nil { summary.addBreak() }
    }

    private mutating func finishHeading(_ node: OpaquePointer) {
        var text = headingText.map { String($0) } ?? ""
        headingText = nil
        // `## Title {#custom-id}` (Hugo, Docusaurus): the id is given, and not shown.
        var explicitID: String?
        if text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards),
           let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_TEXT,
           let literal = cmark_node_get_literal(last) {
            let id = String(text[open.upperBound...].dropLast())
            let written = String(cString: literal)
            if !id.isEmpty, id.allSatisfy({ !$0.isWhitespace && $0 != "\"" && $0 != "<" && $0 != ">" && $0 != "&" && $0 != "'" }),
               let inLiteral = written.range(of: "{#" + id + "}", options: .backwards), written[inLiteral.upperBound...].allSatisfy(\.isWhitespace) {
                explicitID = id
                cmark_node_set_literal(last, String(String(written[..<inLiteral.lowerBound]).reversed().drop(while: \.isWhitespace).reversed()))
                text = String(String(text[..<open.lowerBound]).reversed().drop(while: \.isWhitespace).reversed())
            }
        }
        let plain = Self.hasPlainSpacing(text) ? text : text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let level = Int(cmark_node_get_heading_level(node))
        let heading = RenderedMarkdown.Heading(level: level, id: explicitID.map { ids.claim($0) } ?? ids.id(for: plain), text: plain)
        headings.append((node, heading))
        metrics.endWord()
    }

    /// Whether collapsing whitespace would leave `text` as it is: its only spaces are
    /// single ASCII spaces between words, each followed by a character that cannot
    /// join the space into one grapheme. Saves splitting most headings into Characters.
    private static func hasPlainSpacing(_ text: String) -> Bool {
        var previousWasSpace = true
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if previousWasSpace && !(scalar.value > 0x20 && scalar.value < 0x7F) && !scalar.isCJK {
                return false
            } else if scalar.value >= 0x7F && scalar.properties.isWhitespace || scalar.value < 0x20 {
                return false
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace
    }

    /// Rewrites the destination and keeps it, with its place, for link checking.
    private mutating func record(_ node: OpaquePointer, isImage: Bool) {
        guard let url = cmark_node_get_url(node) else { return }
        let written = String(cString: url)
        let line = Int(cmark_node_get_start_line(node))
        if columns == nil { columns = SourceColumns(adjustedSource ?? Array(source.utf8)) }
        let column = columns?.character(line: line, column: Int(cmark_node_get_start_column(node))) ?? 1
        var destination = written
        if !isImage, let cut = Self.fullWidthPunctuationCut(node, url: written) {
            // `见 https://example.org/a。然后` : the autolink stops before `。`.
            destination = String(written[..<cut])
            cmark_node_set_url(node, destination)
            autolinkTails.append((node, String(written[cut...])))
        }
        if sanitize, URLSafety.isDangerous(written) {
            // What cmark-gfm does to such a link without `unsafe`.
            cmark_node_set_url(node, "")
            destination = ""
        } else if let replacement = links?.rewrite(written, isImage: isImage, line: line) {
            cmark_node_set_url(node, replacement)
            destination = replacement
        }
        foundLinks.append(RenderedMarkdown.Link(written: written, destination: destination, isImage: isImage, line: line, column: column))
    }

    /// Where full-width punctuation starts in an autolink's URL (one whose text is its
    /// URL, as GFM's autolinks are), or nil. Such punctuation ends the sentence around
    /// the link in Chinese text: no URL holds it unencoded.
    private static func fullWidthPunctuationCut(_ node: OpaquePointer, url: String) -> String.Index? {
        guard url.utf8.contains(where: { $0 >= 0xE2 }), let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(child) else { return nil }
        let text = String(cString: literal)
        guard text == url || "http://" + text == url || "mailto:" + text == url,
              let cut = url.unicodeScalars.firstIndex(where: Self.isFullWidthPunctuation), cut > url.startIndex else { return nil }
        return cut
    }

    private static func isFullWidthPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,
             0x2018...0x201F, 0x2026, 0x2014:
            return true
        default:
            return false
        }
    }

    /// The first or last character a soft break touches: it looks into emphasis, links
    /// and strikethrough; anything else (images, HTML) gives nil and the break stays.
    private static func edgeScalar(_ start: OpaquePointer?, last: Bool) -> Unicode.Scalar? {
        var current = start
        while let node = current {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                guard let literal = cmark_node_get_literal(node) else { return nil }
                let bytes = UnsafeBufferPointer(
                    start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
                var index = last ? bytes.count : 0
                while last ? index > 0 : index < bytes.count {
                    guard let scalar = last
                        ? FriendlyEmphasis.scalar(before: index, in: bytes)
                        : FriendlyEmphasis.scalar(at: index, in: bytes) else { return nil }
                    if scalar != FriendlyEmphasis.marker { return scalar }
                    index += last ? -scalar.utf8.count : scalar.utf8.count
                }
                return nil
            }
            let isContainer = type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK
                || (type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_INLINE)
                    && type.rawValue > CMARK_NODE_FOOTNOTE_REFERENCE.rawValue)
            guard isContainer else { return nil }
            current = last ? cmark_node_last_child(node) : cmark_node_first_child(node)
        }
        return nil
    }

    private static func sanitizeLiteral(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let html = String(cString: literal)
        let cleaned = HTMLSanitizer.sanitize(html)
        if cleaned != html { cmark_node_set_literal(node, cleaned) }
    }

    private static func stripLiteral(_ node: OpaquePointer) {
        strip(cmark_node_get_literal(node)) { cmark_node_set_literal(node, $0) }
    }

    private static func stripLinkTarget(_ node: OpaquePointer) {
        strip(cmark_node_get_url(node)) { cmark_node_set_url(node, $0) }
        strip(cmark_node_get_title(node)) { cmark_node_set_title(node, $0) }
    }

    /// Removes friendly-emphasis markers from a node's string, setting it only when changed.
    private static func strip(_ value: UnsafePointer<CChar>?, set: (String) -> Int32) {
        guard let value else { return }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), count: strlen(value))
        if let cleaned = FriendlyEmphasis.removingMarkers(bytes) {
            _ = set(cleaned)
        }
    }
}
