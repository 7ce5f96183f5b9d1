import Foundation

/// The normalised front matter of one page (SPEC 2.1): every field is optional
/// because a page may have no front matter at all.
public struct PageMetadata: Sendable, Hashable {
    public var title: String?
    public var date: Date?
    public var lastmod: Date?
    /// `expiryDate` (Hugo; also `unpublishDate`): from then on the page is not built,
    /// unless the build asks for expired pages.
    public var expiryDate: Date?
    public var draft: Bool = false
    /// Docusaurus `unlisted: true`: built and reachable, but listed nowhere (no list,
    /// archive, feed or sitemap).
    public var unlisted: Bool = false
    public var tags: [String] = []
    public var authors: [AuthorReference] = []
    public var summary: String?
    public var slug: String?
    public var weight: Int?
    public var linkTitle: String?
    public var aliases: [String] = []
    public var translationKey: String?
    /// `url`: the whole path of the page under its language's home (`/about/`).
    public var url: String?
    /// `type` (Hugo), e.g. `docs` in a section's `_index.md`.
    public var type: String?
    /// `layout`: the template the page is rendered with (`Templates/<layout>.mustache`).
    public var layout: String?
    /// `meeting`: the meeting the page announces or records.
    public var meeting: PageMeeting?
    /// Every key that is not one of the fields above, as written.
    public var params: [(key: String, value: MetaValue)] = []
    /// The line of some fields' values in the source (`tags`, `authors`, `aliases`,
    /// `slug`, `title`), for messages about what they make.
    public var lines: [String: Int] = [:]

    public init() {}

    public static func == (lhs: PageMetadata, rhs: PageMetadata) -> Bool {
        lhs.title == rhs.title && lhs.date == rhs.date && lhs.lastmod == rhs.lastmod
            && lhs.draft == rhs.draft && lhs.tags == rhs.tags && lhs.authors == rhs.authors
            && lhs.summary == rhs.summary && lhs.slug == rhs.slug && lhs.weight == rhs.weight
            && lhs.linkTitle == rhs.linkTitle && lhs.aliases == rhs.aliases
            && lhs.translationKey == rhs.translationKey && lhs.unlisted == rhs.unlisted
            && lhs.url == rhs.url && lhs.type == rhs.type && lhs.expiryDate == rhs.expiryDate
            && lhs.layout == rhs.layout && lhs.meeting == rhs.meeting
            && MetaValue.table(lhs.params) == MetaValue.table(rhs.params)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(date)
        hasher.combine(slug)
    }
}

/// An author named by a page: an id, and optionally a profile written inline
/// (Docusaurus allows `authors: [{name: ..., url: ...}]`).
public struct AuthorReference: Sendable, Hashable {
    public var id: String
    public var inlineProfile: AuthorProfile?

    public init(id: String, inlineProfile: AuthorProfile? = nil) {
        self.id = id
        self.inlineProfile = inlineProfile
    }
}

/// An author profile from `data/authors.{toml,yml}` or written inline.
public struct AuthorProfile: Sendable, Hashable {
    public var name: String
    public var title: String?
    public var url: String?
    public var imageURL: String?
    /// Name per language code (lower-cased), from the `names` table.
    public var localizedNames: [String: String] = [:]
    /// `socials` (`github: sczyh30`) in source order.
    public var socials: [Social] = []
    public var bio: String?

    public struct Social: Sendable, Hashable {
        public var network: String
        public var handle: String
        public init(network: String, handle: String) {
            self.network = network
            self.handle = handle
        }
    }

    public init(name: String, title: String? = nil, url: String? = nil, imageURL: String? = nil) {
        self.name = name
        self.title = title
        self.url = url
        self.imageURL = imageURL
    }

    /// The name to show in `language` (a configured code).
    public func name(in language: String) -> String {
        localizedNames[language.lowercased()] ?? name
    }
}
