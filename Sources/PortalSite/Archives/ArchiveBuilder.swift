import Foundation
import PortalText
import PortalSources

/// Groups the pages of each language by tag, author, year and month in one
/// pass over the pages, so the cost grows linearly with the site.
public struct ArchiveBuilder: Sendable {
    public let content: SiteContent
    public let authors: AuthorRegistry
    /// Tag display names: lower-cased tag -> lower-cased language code -> name.
    public let tagNames: [String: [String: String]]

    public init(content: SiteContent, authors: AuthorRegistry, tagNames: [String: [String: String]] = [:]) {
        self.content = content
        self.authors = authors
        self.tagNames = tagNames
    }

    public func build() -> (archives: Archives, diagnostics: [Diagnostic]) {
        let config = content.config
        let slugifier = Slugifier(style: config.chinese.slugStyle)
        var diagnostics: [Diagnostic] = []
        let paths = content.paths
        var tags = PerLanguage(config) { _ in [Archives.Term]() }
        var authorArchives = PerLanguage(config) { _ in [Archives.AuthorArchive]() }
        var years = PerLanguage(config) { _ in [Archives.YearArchive]() }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = config.timeZone

        // Each tag's key, once per page.
        let tagKeys = content.pages.map { $0.tags.map(slugifier.nonEmptySlug) }
        // First spelling of a tag, over all languages, in source-path order.
        var firstSpelling: [String: String] = [:]
        for page in content.pages.sorted(by: { $0.source.sitePath < $1.source.sitePath }) where page.kind == .regular {
            for (tag, key) in zip(page.tags, tagKeys[page.id]) where firstSpelling[key] == nil {
                firstSpelling[key] = tag
            }
        }
        var warnedAuthors = Set<String>()
        let caselessProfiles = authors.caseless()

        for code in config.languageIDs {
            let language = config[code]
            var termPages: [String: [Int]] = [:]
            var authorPages: [String: [Int]] = [:]
            var inlineProfiles: [String: AuthorProfile] = [:]
            var authorSpelling: [String: String] = [:]
            var yearPages: [Int: [Int]] = [:]
            var monthPages: [Int: [Int: [Int]]] = [:]

            for id in content.regularPages[code] {
                let page = content.pages[id]
                var seenTags = Set<String>()
                for key in tagKeys[id] where seenTags.insert(key).inserted {
                    termPages[key, default: []].append(id)
                }
                var seenAuthors = Set<String>()
                for reference in page.metadata.authors where !reference.id.isEmpty {
                    // Ids that differ only in case or punctuation (`volcano`, `Volcano`) are one
                    // author, shown by the first spelling met.
                    let key = slugifier.nonEmptySlug(reference.id)
                    guard seenAuthors.insert(key).inserted else { continue }
                    authorPages[key, default: []].append(id)
                    if authorSpelling[key] == nil { authorSpelling[key] = reference.id }
                    if let inline = reference.inlineProfile, inlineProfiles[key] == nil {
                        inlineProfiles[key] = inline
                    }
                    if authors.profile(for: reference.id) == nil, caselessProfiles[reference.id.lowercased()] == nil, reference.inlineProfile == nil,
                       warnedAuthors.insert(reference.id).inserted {
                        // Placed at the page's `authors` line, where the id is written.
                        diagnostics.append(.warning(
                            "unknown author '\(reference.id)': no profile in \(config.layout.authorsFile ?? "data/authors.toml or data/authors.yml")",
                            at: SourceLocation(path: page.source.sitePath, line: page.metadata.lines["authors"] ?? 1)))
                    }
                }
                if page.section != "", let date = page.date {
                    let parts = calendar.dateComponents([.year, .month], from: date)
                    let year = parts.year ?? 0, month = parts.month ?? 0
                    yearPages[year, default: []].append(id)
                    monthPages[year, default: [:]][month, default: []].append(id)
                }
            }

            tags[code] = termPages.map { key, pages in
                let name = tagNames[key]?[language.urlPrefix]
                    ?? tagNames[(firstSpelling[key] ?? key).lowercased()]?[language.urlPrefix]
                    ?? firstSpelling[key] ?? key
                return Archives.Term(key: key, name: name, sitePath: paths.tag(key, in: code), pages: pages)
            }.sorted { ($0.pages.count, $1.name) > ($1.pages.count, $0.name) }

            authorArchives[code] = authorPages.map { key, pages in
                let id = authorSpelling[key] ?? key
                return Archives.AuthorArchive(
                    id: id, key: key, profile: authors.profile(for: id) ?? caselessProfiles[id.lowercased()] ?? inlineProfiles[key],
                    sitePath: paths.author(key, in: code), pages: pages)
            }.sorted { ($0.pages.count, $1.id) > ($1.pages.count, $0.id) }

            years[code] = yearPages.keys.sorted(by: >).map { year in
                let months = (monthPages[year] ?? [:]).keys.sorted(by: >).map { month in
                    Archives.MonthArchive(
                        year: year, month: month,
                        sitePath: paths.month(month, of: year, in: code),
                        pages: monthPages[year]?[month] ?? [])
                }
                return Archives.YearArchive(year: year, sitePath: paths.year(year, in: code), pages: yearPages[year] ?? [], months: months)
            }
        }
        // Every page's tags as places in its language's list, for cards and pages.
        let places = tags.map { terms in
            Dictionary(terms.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let pageTerms = content.pages.map { page -> [Int] in
            let known = places[page.languageID]
            var seen = Set<Int>()
            return tagKeys[page.id].compactMap { known[$0] }.filter { seen.insert($0).inserted }
        }
        return (Archives(tags: tags, authors: authorArchives, years: years, pageTerms: pageTerms), diagnostics)
    }
}
