import Foundation
import PortalSources

/// A page after resolution: its language, section, slug, URL and sort keys are
/// fixed. Relations to other pages are indices into `SiteContent.pages`.
public struct Page: Sendable {
    public enum Kind: Sendable, Hashable {
        /// A post or standalone page.
        case regular
        /// A section's `_index.md`.
        case section
        /// The language home's `_index.md` at the top of `content/`.
        case home
        /// The title and text of a list the build makes itself: `tags/_index.md`,
        /// `tags/<tag>/_index.md`, `authors/_index.md`, `authors/<id>/_index.md`.
        case listText
    }

    public var id: Int
    public var kind: Kind
    /// The parsed source. Kept in a shared box: pages are copied often (lists, sorting,
    /// lookups), and a box is one reference to retain where the document holds a dozen.
    public var document: Document {
        _read { yield documentBox.document }
        set { documentBox = DocumentBox(newValue) }
    }
    private var documentBox: DocumentBox
    /// The language's code as configured (`zh-Hans`), for what the page shows.
    public var language: String
    public var languageID: LanguageID
    /// Top folder under content/ (language folder removed); "" for top-level pages.
    public var section: String
    public var title: String
    public var date: Date?
    public var lastmod: Date?
    public var slug: String
    /// Path under the site root, unencoded, with slashes: `/zh-hans/posts/a/`.
    public var sitePath: String
    /// Pages sharing this key are translations of each other.
    public var translationGroup: String
    /// Folder (content-relative) of a page bundle whose files are copied with the page.
    public var bundleDirectory: String?
    /// Tags as written (display spelling resolved later), duplicates removed.
    public var tags: [String]
    /// Set on a copy listed in a language the page was not written in (`[chinese] fallback`):
    /// the id of the original, which stays the canonical page.
    public var fallbackOf: Int? = nil

    public init(
        id: Int, kind: Kind, document: Document, language: String, languageID: LanguageID, section: String, title: String, date: Date?,
        lastmod: Date?, slug: String, sitePath: String, translationGroup: String, bundleDirectory: String?, tags: [String]
    ) {
        self.id = id
        self.kind = kind
        documentBox = DocumentBox(document)
        self.language = language
        self.languageID = languageID
        self.section = section
        self.title = title
        self.date = date
        self.lastmod = lastmod
        self.slug = slug
        self.sitePath = sitePath
        self.translationGroup = translationGroup
        self.bundleDirectory = bundleDirectory
        self.tags = tags
    }

    // Lent, not copied: reading `page.metadata.layout` would otherwise copy every field
    // of the metadata (and retain each) to read one.
    public var source: SourceFile { _read { yield documentBox.document.source } }
    public var metadata: PageMetadata { _read { yield documentBox.document.metadata } }
    public var isDraft: Bool { documentBox.document.metadata.draft }
    public var weight: Int { documentBox.document.metadata.weight ?? 0 }

    /// The folders the page sits in, language removed (`docs/ops` for `docs/ops/x.md`, for
    /// the bundle `docs/ops/x/index.md` and for the section page `docs/ops/_index.md`).
    public var folders: [Substring] {
        var parts = source.translationPath.split(separator: "/").dropLast()
        if bundleDirectory != nil, !parts.isEmpty { parts = parts.dropLast() }
        return Array(parts)
    }

    /// Output file path relative to the output folder, unencoded (`zh-hans/posts/a/index.html`).
    public var outputPath: String { SitePaths.outputPath(of: sitePath) }
}

/// A document that never changes once a page holds it (a new one replaces it whole).
private final class DocumentBox: Sendable {
    package let document: Document

    package init(_ document: Document) {
        self.document = document
    }
}

extension Page {
    /// Newest first; undated last; then weight, title and source path, so order never depends on scan order.
    package static func listOrder(_ a: Page, _ b: Page) -> Bool {
        switch (a.date, b.date) {
        case let (da?, db?) where da != db: return da > db
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.weight != b.weight { return a.weight < b.weight }
        if a.title != b.title { return a.title < b.title }
        return a.source.sitePath < b.source.sitePath
    }

    /// `listOrder` of `pages[a]` and `pages[b]`, read in place (a sort compares each
    /// page many times, and copying one counts references to each of its fields).
    package static func listOrder(_ pages: [Page], _ a: Int, _ b: Int) -> Bool {
        pages.withUnsafeBufferPointer { listOrder($0[a], $0[b]) }
    }
}
