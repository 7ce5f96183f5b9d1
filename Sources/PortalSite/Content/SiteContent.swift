import PortalSources

/// All pages of a site once resolved: who is in which language and section,
/// which pages translate each other, and which page owns which URL.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    /// Every page that is built, indexed by `Page.id`.
    public var pages: [Page]
    /// Per language code: regular pages in list order (newest first).
    public var regularPages: [String: [Int]]
    /// Per language code: sections in navigation order.
    public var sections: [String: [Section]]
    /// Per language code: the home `_index.md`, if any.
    public var homes: [String: Int]
    /// translation group -> language code -> page id.
    public var translations: [String: [String: Int]]

    /// A section of one language: its folder name, optional `_index` page and posts.
    public struct Section: Sendable {
        public var name: String
        public var language: String
        public var title: String
        public var indexPage: Int?
        /// Regular pages of the section in list order.
        public var pages: [Int]
        public var weight: Int
        /// `/zh-hans/posts/`: the section list's path.
        public var sitePath: String
    }

    public func section(named name: String, language: String) -> Section? {
        sections[language]?.first { $0.name == name }
    }

    /// Translations of `page` in other languages, in configured language order.
    public func translations(of page: Page) -> [Page] {
        guard let group = translations[page.translationGroup] else { return [] }
        return config.languages.compactMap { language in
            guard language.code != page.language, let id = group[language.code] else { return nil }
            return pages[id]
        }
    }
}
