/// Tag, author and date archives of every language. Pages are ids into `SiteContent.pages`.
public struct Archives: Sendable {
    /// Per language code: tags by descending count, then name.
    public let tags: [String: [Term]]
    /// Per language code: authors by descending count, then id.
    public var authors: [String: [AuthorArchive]]
    /// Per language code: years, newest first.
    public var years: [String: [YearArchive]]

    /// One tag in one language.
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

    /// Per language code: the place of each tag in `tags`, by key.
    private let termIndex: [String: [String: Int]]

    public init(tags: [String: [Term]], authors: [String: [AuthorArchive]], years: [String: [YearArchive]]) {
        self.tags = tags
        self.authors = authors
        self.years = years
        termIndex = Self.index(tags)
    }

    private static func index(_ tags: [String: [Term]]) -> [String: [String: Int]] {
        tags.mapValues { terms in
            var places: [String: Int] = [:]
            for (place, term) in terms.enumerated() where places[term.key] == nil { places[term.key] = place }
            return places
        }
    }

    public func term(_ key: String, language: String) -> Term? {
        guard let place = termIndex[language]?[key] else { return nil }
        return tags[language]?[place]
    }
}
