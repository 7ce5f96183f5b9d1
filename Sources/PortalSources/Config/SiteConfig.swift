import Foundation
import PortalText

/// Everything `site.toml` says, validated and with defaults filled in.
public struct SiteConfig: Sendable {
    public var title: String
    /// Absolute base URL, always ending in `/`, e.g. `https://org.github.io/portal/`.
    public var baseURL: String
    /// Path part of `baseURL`, always starting and ending in `/`, e.g. `/portal/`.
    public var basePath: String
    public var defaultLanguage: String
    public var timeZone: TimeZone
    public var pageSize: Int
    /// Languages in output order: the default language first, then by weight, then by code.
    public var languages: [LanguageConfig]
    public var markdown: MarkdownOptions
    public var feed: FeedOptions
    /// Where a page's source can be edited: its path under the site root is added
    /// (`https://github.com/org/site/edit/main/` + `content/posts/a.md`). Empty: no link.
    public var editURL = ""
    /// `[[menus.<name>]]`: the menus of every language that has none of its own.
    public var menus: Menus = [:]
    /// `[related] count`: related posts at the end of each post (0 for none).
    public var relatedCount = 3
    /// `[taxonomies]`: groupings besides tags, by plural name.
    public var taxonomies: [Taxonomy] = []
    /// `[git] lastmod`: a page's lastmod is the date of the last commit that changed it.
    public var gitLastmod = false
    public var search = SearchOptions()
    public var chinese: ChineseOptions
    /// `[content]`: how `portal new` writes pages.
    public var content: ContentOptions
    /// `[params]`: free values handed to templates as `site.params`.
    public var params: [String: MetaValue]
    /// `[limits]`: what one page may ask a build to make.
    public var limits = SiteLimits()
    /// Where pages come from and how their URLs are made (mounts, permalinks, sections).
    public var layout = SiteLayout()

    /// Whether the default language's pages live at the site's root (`/about/`) rather
    /// than under `/{lang}/` (`defaultLanguageInSubdir = false`).
    public var defaultLanguageAtRoot: Bool { !layout.defaultLanguageInSubdir }

    public init(
        title: String = "portal",
        baseURL: String = "/",
        defaultLanguage: String = "en",
        timeZone: TimeZone = .utc,
        pageSize: Int = 10,
        languages: [LanguageConfig] = [],
        markdown: MarkdownOptions = MarkdownOptions(),
        feed: FeedOptions = FeedOptions(),
        chinese: ChineseOptions = ChineseOptions(),
        content: ContentOptions = ContentOptions(),
        params: [String: MetaValue] = [:]
    ) {
        self.title = title
        let normalized = SiteConfig.normalizeBaseURL(baseURL)
        self.baseURL = normalized.url
        self.basePath = normalized.path
        self.defaultLanguage = defaultLanguage
        self.timeZone = timeZone
        self.pageSize = max(1, pageSize)
        self.languages = languages.isEmpty
            ? [LanguageConfig(code: defaultLanguage, name: defaultLanguage, title: title)]
            : languages
        self.markdown = markdown
        self.feed = feed
        self.chinese = chinese
        self.content = content
        self.params = params
    }

    /// The configured language whose code matches `code` case-insensitively.
    public func language(matching code: String) -> LanguageConfig? {
        let lowered = code.lowercased()
        return languages.first { $0.code.lowercased() == lowered }
    }

    public var defaultLanguageConfig: LanguageConfig {
        language(matching: defaultLanguage) ?? languages[0]
    }

    /// Replaces the base URL (for `--base-url` and `PORTAL_BASE_URL`).
    public mutating func setBaseURL(_ url: String) {
        let normalized = SiteConfig.normalizeBaseURL(url)
        baseURL = normalized.url
        basePath = normalized.path
    }

    /// Why `raw` cannot be a site's base URL given on the command line, or nil: it must be
    /// an http or https URL with a host (`https://org.github.io/portal/`) or a path from
    /// the root (`/portal/`).
    public static func baseURLProblem(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("/") && !text.hasPrefix("//") { return nil }
        if let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
           let host = url.host, !host.isEmpty, !text.contains(" ") {
            return nil
        }
        let example = text.contains(".") && !text.contains(" ") && !text.contains("://")
            ? "https://" + text + (text.hasSuffix("/") ? "" : "/")
            : "https://example.org/ or /docs/"
        return "'\(text)' is not a base URL: give the scheme and host, such as \(example)"
    }

    package static func normalizeBaseURL(_ raw: String) -> (url: String, path: String) {
        var url = raw.trimmingCharacters(in: .whitespaces)
        if url.isEmpty { url = "/" }
        if !url.hasSuffix("/") { url += "/" }
        var path = "/"
        if let schemeRange = url.range(of: "://") {
            let afterScheme = url[schemeRange.upperBound...]
            if let slash = afterScheme.firstIndex(of: "/") {
                path = String(afterScheme[slash...])
            }
        } else {
            path = url.hasPrefix("/") ? url : "/" + url
        }
        return (url, path)
    }

    /// `scheme://host` of the base URL, or "" when it has none: the base URL is this
    /// followed by `basePath`.
    public var origin: String {
        baseURL.contains("://") ? String(decoding: baseURL.utf8.dropLast(basePath.utf8.count), as: UTF8.self) : ""
    }

    /// Root-relative URL under the base path for a site path such as `/zh-hans/`.
    public func url(forSitePath sitePath: String) -> String {
        let relative = sitePath.hasPrefix("/") ? String(sitePath.dropFirst()) : sitePath
        return basePath + relative
    }

    /// `url(forSitePath:)` percent-encoded, as `href`s carry it.
    public func href(forSitePath sitePath: String) -> String {
        url(forSitePath: sitePath).percentEncodedPath
    }

    /// A site path as written in site.toml or front matter (`/en/docs/#install`): the path
    /// part made an href, its `?query` or `#fragment` kept as written.
    public func href(forLink link: String) -> (href: String, path: String, hasSuffix: Bool) {
        let cut = link.firstIndex { $0 == "#" || $0 == "?" } ?? link.endIndex
        let path = String(link[..<cut])
        return (href(forSitePath: path) + link[cut...], path, cut != link.endIndex)
    }
}

/// One `[languages.<code>]` table.
public struct LanguageConfig: Sendable, Hashable {
    /// The code as configured, e.g. `zh-Hans`.
    public var code: String
    public var name: String
    public var title: String
    /// Optional `description` shown on the home page and in feeds.
    public var description: String
    /// ICU locale for dates, e.g. `zh_Hans` (from `locale`, else the code).
    public var locale: String
    public var weight: Int
    /// `contentDir`: a folder (relative to the site folder) holding this language's pages.
    public var contentDir: String?
    /// `[[languages.<code>.menus.<name>]]`: this language's menus (the site's `[menus]` otherwise).
    public var menus: Menus = [:]

    public init(code: String, name: String, title: String, description: String = "", locale: String? = nil, weight: Int = 0, contentDir: String? = nil) {
        self.code = code
        self.name = name
        self.title = title
        self.description = description
        self.locale = locale ?? code
        self.weight = weight
        self.contentDir = contentDir
    }

    /// The URL segment: the lower-cased code (`zh-hans`).
    public var urlPrefix: String { code.lowercased() }

    /// Whether this language writes in Chinese, Japanese or Korean.
    public var isCJK: Bool {
        let lowered = code.lowercased()
        return lowered.hasPrefix("zh") || lowered.hasPrefix("ja") || lowered.hasPrefix("ko")
    }
}

/// `[markdown]` table.
public struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML through (cmark-gfm's tagfilter still defuses `<script>` and friends).
    public var unsafe: Bool
    /// Pages whose table of contents is shown need at least this many headings.
    public var tocMinHeadings: Int
    /// `unsafe = "sanitized"`: raw HTML passes, cleaned of scripts, event handlers and
    /// dangerous URLs (see `HTMLSanitizer`). Only with `unsafe`.
    public var sanitized: Bool
    /// `[limits] tableColumns`: at most this many cells in a row of a table.
    public var tableColumns: Int
    /// Where pages with a ```mermaid block load the Mermaid module from ("" loads
    /// nothing: the diagrams stay as their source).
    public var mermaid: String

    public static let defaultMermaid = "https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs"
    /// Highlight code at build time (`[markdown] highlight`); false leaves it plain.
    public var highlight: Bool
    /// Pass `$…$`, `$$…$$`, `\(…\)` and `\[…\]` through Markdown for KaTeX (`[markdown] math`).
    public var math = false
    /// The folder KaTeX is loaded from by pages with math: `katex.min.css`, `katex.min.js`
    /// and `contrib/auto-render.min.js` are read from it.
    public var katex = MarkdownOptions.defaultKaTeX

    public static let defaultKaTeX = "https://cdn.jsdelivr.net/npm/katex@0.16.22/dist/"

    public init(unsafe: Bool = false, tocMinHeadings: Int = 2, sanitized: Bool = false, tableColumns: Int = 1_000,
                mermaid: String = MarkdownOptions.defaultMermaid, highlight: Bool = true) {
        self.unsafe = unsafe
        self.tocMinHeadings = tocMinHeadings
        self.sanitized = sanitized
        self.tableColumns = tableColumns
        self.mermaid = mermaid
        self.highlight = highlight
    }
}

/// `[search]` table: the index `portal build` writes for the search page.
public struct SearchOptions: Sendable, Hashable {
    public var enabled = true
    /// How much a match counts in each field.
    public var titleWeight = 8
    public var labelWeight = 4
    public var sectionWeight = 2
    public var bodyWeight = 1
    /// Sections (top-level folders) whose pages are not indexed.
    public var excludeSections: [String] = []

    public init() {}
}

/// `[feed]` table.
public struct FeedOptions: Sendable, Hashable {
    /// Put the whole rendered page into `<description>` instead of the summary.
    public var fullContent: Bool
    /// At most this many items per feed (0: all).
    public var limit: Int
    /// Also write a JSON Feed 1.1 (`feed.json`) beside every RSS feed.
    public var json = false

    public init(fullContent: Bool = false, limit: Int = 20) {
        self.fullContent = fullContent
        self.limit = limit
    }
}

/// `[chinese]` table: rules for CJK text.
public struct ChineseOptions: Sendable, Hashable {
    /// Characters of CJK text in an automatic summary.
    public var summaryCharacters: Int
    /// Words of Latin text in an automatic summary.
    public var summaryWords: Int
    /// Drop the soft line break between two CJK characters instead of rendering a space.
    public var joinLines: Bool
    /// Treat `**强调：**文字` as emphasis although CommonMark's flanking rules do not.
    public var friendlyEmphasis: Bool
    /// `unicode` (default) keeps Chinese letters in slugs; `pinyin` transliterates them.
    public var slugStyle: SlugStyle
    /// List a page in languages it has no translation in, with a notice.
    public var fallback: Bool
    /// CJK characters read per minute, and Latin words per minute.
    public var charactersPerMinute: Int
    public var wordsPerMinute: Int
    /// Space between Han and Latin text drawn by the browser (CSS `text-autospace`),
    /// never written into the text.
    public var autospace = false

    public enum SlugStyle: String, Sendable, Hashable {
        case unicode
        case pinyin
    }

    public init(
        summaryCharacters: Int = 120,
        summaryWords: Int = 50,
        joinLines: Bool = true,
        friendlyEmphasis: Bool = true,
        slugStyle: SlugStyle = .unicode,
        fallback: Bool = false,
        charactersPerMinute: Int = 300,
        wordsPerMinute: Int = 200
    ) {
        self.summaryCharacters = summaryCharacters
        self.summaryWords = summaryWords
        self.joinLines = joinLines
        self.friendlyEmphasis = friendlyEmphasis
        self.slugStyle = slugStyle
        self.fallback = fallback
        self.charactersPerMinute = charactersPerMinute
        self.wordsPerMinute = wordsPerMinute
    }
}

/// A grouping of pages besides tags (`[taxonomies] category = "categories"`): pages name
/// its terms in front matter under the plural name, and each term gets a list page.
public struct Taxonomy: Sendable, Hashable {
    /// `category`.
    public var singular: String
    /// `categories`: the front-matter key and the folder of its pages.
    public var plural: String

    public init(singular: String, plural: String) {
        self.singular = singular
        self.plural = plural
    }

    /// A series reads in order: its pages link to the previous and next of the series.
    public var isSeries: Bool { plural == "series" }
}
