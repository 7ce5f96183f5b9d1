import PortalSources

/// All pages of a site once resolved: who is in which language and section,
/// which pages translate each other, and which page owns which URL.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    /// Where everything of the site is written.
    public let paths: SitePaths
    /// Every page that is built, indexed by `Page.id`.
    public var pages: [Page]
    /// Per language: regular pages in list order (newest first).
    public var regularPages: PerLanguage<[Int]>
    /// Per language: sections in navigation order.
    public var sections: PerLanguage<[Section]>
    /// Per language: the home `_index.md`, if any.
    public var homes: PerLanguage<Int?>
    /// translation group -> language -> page id.
    public var translations: [String: [LanguageID: Int]]
    /// Site path of a tag, author or list page the build makes -> the `_index.md` giving its title and text.
    public var listTexts: [String: Int] = [:]
    /// Docusaurus category labels and positions by virtual folder path (see `ContentScan`).
    public var categories: [String: FolderCategory] = [:]

    public init(config: SiteConfig, pages: [Page], regularPages: PerLanguage<[Int]>, sections: PerLanguage<[Section]>,
                homes: PerLanguage<Int?>, translations: [String: [LanguageID: Int]]) {
        self.config = config
        paths = SitePaths(config: config)
        self.pages = pages
        self.regularPages = regularPages
        self.sections = sections
        self.homes = homes
        self.translations = translations
    }

    /// A section of one language: its folder name, optional `_index` page and posts.
    public struct Section: Sendable {
        public var name: String
        public var language: LanguageID
        public var title: String
        public var indexPage: Int?
        /// Regular pages of the section in list order.
        public var pages: [Int]
        public var weight: Int
        /// `/zh-hans/posts/`: the section list's path.
        public var sitePath: String
    }

    public func section(named name: String, language: LanguageID) -> Section? {
        sections[language].first { $0.name == name }
    }

    /// The `_index.md` page giving the list at `sitePath` its title and text.
    public func listText(at sitePath: String) -> Page? {
        listTexts[sitePath].map { pages[$0] }
    }

    /// Translations of `page` in other languages, in configured language order.
    public func translations(of page: Page) -> [Page] {
        guard let group = translations[page.translationGroup] else { return [] }
        return config.languageIDs.compactMap { language in
            guard language != page.languageID, let id = group[language] else { return nil }
            return pages[id]
        }
    }
}

extension SiteContent {
    /// Empties every page's Markdown source (after it is rendered, when nothing will
    /// render it again).
    public mutating func releaseBodies() {
        for index in pages.indices { pages[index].document.body = "" }
    }
}
