import PortalSources

/// Tag, author and date archives of every language. Pages are ids into `SiteContent.pages`.
public struct Archives: Sendable {
    /// Per language: tags by descending count, then name.
    public let tags: PerLanguage<[Term]>
    /// Per language: authors by descending count, then id.
    public var authors: PerLanguage<[AuthorArchive]>
    /// Per language: years, newest first.
    public var years: PerLanguage<[YearArchive]>
    /// The taxonomies of `[taxonomies]`, in the config's order.
    public var taxonomies: [TaxonomyArchive] = []

    /// One taxonomy: its terms per language, grouped as tags are.
    public struct TaxonomyArchive: Sendable {
        public var taxonomy: Taxonomy
        /// Per language: terms by descending count, then name.
        public var terms: PerLanguage<[Term]>
        /// Per page id: the places in `terms[page language]` of the page's terms, in its order.
        let pageTerms: [[Int]]

        public init(taxonomy: Taxonomy, terms: PerLanguage<[Term]>, pageTerms: [[Int]]) {
            self.taxonomy = taxonomy
            self.terms = terms
            self.pageTerms = pageTerms
        }

        /// The terms of page `id`, as places in `terms` of its language.
        public func termPlaces(ofPage id: Int) -> [Int] {
            id < pageTerms.count ? pageTerms[id] : []
        }
    }

    /// The archive of the author `id` names in `language` (ids that share a slug are one author).
    public func author(_ id: String, in language: LanguageID, slugifier: Slugifier) -> AuthorArchive? {
        authors[language].first { $0.id == id } ?? {
            let key = slugifier.nonEmptySlug(id)
            return authors[language].first { $0.key == key }
        }()
    }

    /// One tag (or term of a taxonomy) in one language.
    public struct Term: Sendable {
        /// Slug shared by every spelling and language (`dapr`).
        public var key: String
        public var name: String
        public var sitePath: String
        public var pages: [Int]
    }

    /// One author in one language.
    public struct AuthorArchive: Sendable {
        public var id: String
        public var key: String
        public var profile: AuthorProfile?
        public var sitePath: String
        public var pages: [Int]
    }

    /// One year of dated posts in one language.
    public struct YearArchive: Sendable {
        public var year: Int
        public var sitePath: String
        /// Newest first.
        public var pages: [Int]
        /// Newest month first.
        public var months: [MonthArchive]
    }

    /// One month of a year.
    public struct MonthArchive: Sendable {
        public var year: Int
        public var month: Int
        public var sitePath: String
        public var pages: [Int]
    }

    /// Per page id: the places in `tags[page language]` of the page's tags, each once, in
    /// the page's order (tags no listed page of its language has are left out).
    private let pageTerms: [[Int]]

    public init(tags: PerLanguage<[Term]>, authors: PerLanguage<[AuthorArchive]>, years: PerLanguage<[YearArchive]>, pageTerms: [[Int]] = []) {
        self.tags = tags
        self.authors = authors
        self.years = years
        self.pageTerms = pageTerms
    }

    /// The tags of page `id`, as places in `tags` of its language.
    public func termPlaces(ofPage id: Int) -> [Int] {
        id < pageTerms.count ? pageTerms[id] : []
    }
}
