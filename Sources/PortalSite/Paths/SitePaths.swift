import PortalSources

/// Every path the site writes, made in one place: a language's home, pages, sections,
/// tag, author and date archives, feeds, pagination, aliases, and the files at the root.
/// Site paths are unencoded, start with `/` and end with `/` for folders
/// (`/zh-hans/tags/dapr/`); `SiteConfig.href(forSitePath:)` makes a link of one, and
/// `outputPath(of:)` the file it is written to.
public struct SitePaths: Sendable {
    private let homes: PerLanguage<String>

    public init(config: SiteConfig) {
        let atRoot = config.defaultLanguageAtRoot
        homes = PerLanguage(config) { language in
            // With `disablePathToLower` the language keeps its capitals too (`/zh-Hans/`), as Docusaurus writes it.
            atRoot && language == config.defaultLanguageID ? "/"
                : "/" + (config.layout.keepsPathCase ? config[language].code : config[language].urlPrefix) + "/"
        }
    }

    /// `/zh-hans/`: the language's home, under which all its paths lie.
    public func home(_ language: LanguageID) -> String { homes[language] }

    /// `/zh-hans/index.xml`: the language's main feed.
    public func feed(_ language: LanguageID) -> String { Self.feed(ofList: homes[language]) }

    /// A page or section under the language's home: each folder and the slug are one segment.
    public func page(folders: [String], slug: String, in language: LanguageID) -> String {
        homes[language] + folders.map { $0 + "/" }.joined() + (slug.isEmpty ? "" : slug + "/")
    }

    public func section(_ slug: String, in language: LanguageID) -> String { homes[language] + slug + "/" }

    public func tags(in language: LanguageID) -> String { homes[language] + "tags/" }
    public func tag(_ key: String, in language: LanguageID) -> String { tags(in: language) + key + "/" }
    /// The list of a taxonomy's terms (`/en/categories/`) and one term's pages.
    public func taxonomy(_ plural: String, in language: LanguageID) -> String { homes[language] + plural + "/" }
    public func term(_ key: String, of plural: String, in language: LanguageID) -> String { taxonomy(plural, in: language) + key + "/" }
    public func authors(in language: LanguageID) -> String { homes[language] + "authors/" }
    public func author(_ key: String, in language: LanguageID) -> String { authors(in: language) + key + "/" }
    public func archives(in language: LanguageID) -> String { homes[language] + "archives/" }
    /// The search page and its index files.
    public func search(in language: LanguageID) -> String { homes[language] + "search/" }
    public func year(_ year: Int, in language: LanguageID) -> String { archives(in: language) + "\(year)/" }
    public func month(_ month: Int, of year: Int, in language: LanguageID) -> String {
        self.year(year, in: language) + (month < 10 ? "0" : "") + "\(month)/"
    }

    /// The same place in another language's tree (`/en/posts/a/` -> `/zh-hans/posts/a/`).
    public func moved(_ sitePath: String, from source: LanguageID, to target: LanguageID) -> String {
        let home = homes[source]
        guard sitePath.hasPrefix(home) else { return sitePath }
        return homes[target] + sitePath.dropFirst(home.count)
    }

    /// The site's root page (it sends readers to a language).
    public static let root = "/"
    /// The page a host shows for a missing file.
    public static let notFound = "/404.html"

    /// The feed of the list at `listPath` (`/en/tags/rpc/` -> `/en/tags/rpc/index.xml`).
    public static func feed(ofList listPath: String) -> String { listPath + "index.xml" }
    /// The JSON Feed beside it (`/en/tags/rpc/feed.json`), with `[feed] json`.
    public static func jsonFeed(ofList listPath: String) -> String { listPath + "feed.json" }

    /// Page `number` of a list at `basePath`: the first at the plain path, then `page/N/`.
    public static func paginated(_ basePath: String, page number: Int) -> String {
        number <= 1 ? basePath : basePath + "page/\(number)/"
    }

    /// Where an alias of the page at `pageSitePath` lies: as written when it starts with
    /// `/`, else beside the page (in the page's parent folder).
    public static func alias(_ alias: String, of pageSitePath: String) -> String {
        if alias.hasPrefix("/") { return alias }
        return pageSitePath.split(separator: "/").dropLast().map { "/" + $0 }.joined() + "/" + alias
    }

    /// The file a site path is written to, relative to the output folder: a folder's
    /// `index.html`, or the `.html` file a path names.
    public static func outputPath(of sitePath: String) -> String {
        var path = String(sitePath.drop { $0 == "/" })
        if path.hasSuffix(".html") { return path }
        if !path.isEmpty && !path.hasSuffix("/") { path += "/" }
        return path + "index.html"
    }
}
