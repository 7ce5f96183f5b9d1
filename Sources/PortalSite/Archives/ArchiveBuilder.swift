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
    /// The same for each taxonomy, by plural name (`data/categories.toml`).
    public let termNames: [String: [String: [String: String]]]

    public init(content: SiteContent, authors: AuthorRegistry, tagNames: [String: [String: String]] = [:],
                termNames: [String: [String: [String: String]]] = [:]) {
        self.content = content
        self.authors = authors
        self.tagNames = tagNames
        self.termNames = termNames
    }

    public func build() -> (archives: Archives, diagnostics: [Diagnostic]) {
        let config = content.config
        let slugifier = Slugifier(style: config.chinese.slugStyle)
        var diagnostics: [Diagnostic] = []
        let paths = content.paths
        var authorArchives = PerLanguage(config) { _ in [Archives.AuthorArchive]() }
        var years = PerLanguage(config) { _ in [Archives.YearArchive]() }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = config.timeZone

        var warnedAuthors = Set<String>()
        let caselessProfiles = authors.caseless()

        for code in config.languageIDs {
            var authorPages: [String: [Int]] = [:]
            var inlineProfiles: [String: AuthorProfile] = [:]
            var authorSpelling: [String: String] = [:]
            var yearPages: [Int: [Int]] = [:]
            var monthPages: [Int: [Int: [Int]]] = [:]

            for id in content.regularPages[code] {
                let page = content.pages[id]
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
        let tags = group(content.pages.map(\.tags), names: tagNames, slugifier: slugifier) { paths.tag($0, in: $1) }
        var archives = Archives(tags: tags.terms, authors: authorArchives, years: years, pageTerms: tags.pageTerms)
        archives.taxonomies = config.taxonomies.map { taxonomy in
            let values = content.pages.map { page in
                let value = page.metadata.params.first { $0.key == taxonomy.plural }?.value
                if let value, !value.isNameOrNames, page.fallbackOf == nil {
                    diagnostics.append(.warning(Self.notNames(value, plural: taxonomy.plural),
                                                at: SourceLocation(path: page.source.sitePath, line: page.metadata.lines[taxonomy.plural] ?? 1)))
                }
                return Self.terms(value)
            }
            let grouped = group(values, names: termNames[taxonomy.plural] ?? [:], slugifier: slugifier) {
                paths.term($0, of: taxonomy.plural, in: $1)
            }
            return Archives.TaxonomyArchive(taxonomy: taxonomy, terms: grouped.terms, pageTerms: grouped.pageTerms)
        }
        return (archives, diagnostics)
    }

    /// Why a taxonomy's value (not a name or a list of names) is left out, in whole or in part.
    static func notNames(_ value: MetaValue, plural: String) -> String {
        if case let .array(items) = value, let odd = items.first(where: { !$0.isName }) {
            return "'\(plural)' lists \(odd.kindDescription), which is not a name: it is left out"
        }
        return "'\(plural)' is \(value.kindDescription), not a name or a list of names: the page is in no \(plural)"
    }

    /// The terms a page names under a taxonomy's key: one string (`series: "Getting started"`)
    /// or a list of them, blanks and repeats left out.
    static func terms(_ value: MetaValue?) -> [String] {
        switch value {
        case let .string(text)?: return MetadataNormalizer.normalizedTags([text])
        case let .array(items)?:
            return MetadataNormalizer.normalizedTags(items.compactMap { item in
                switch item {
                case let .string(text): return text
                case let .int(number): return String(number)
                default: return nil
                }
            })
        case let .int(number)?: return [String(number)]
        default: return []
        }
    }

    /// Groups the regular pages of each language by the terms `values` gives each page
    /// (by page id): terms by descending count, then name, each named by `names` (lower-cased
    /// term or key -> language prefix -> name) or by its first spelling in source-path order;
    /// and each page's terms as places in its language's list.
    func group(_ values: [[String]], names: [String: [String: String]], slugifier: Slugifier,
               sitePath: (String, LanguageID) -> String) -> (terms: PerLanguage<[Archives.Term]>, pageTerms: [[Int]]) {
        let config = content.config
        let keys = values.map { $0.map(slugifier.nonEmptySlug) }
        // First spelling of a term, over all languages, in source-path order.
        var firstSpelling: [String: String] = [:]
        for page in content.pages.sorted(by: { $0.source.sitePath < $1.source.sitePath }) where page.kind == .regular {
            for (term, key) in zip(values[page.id], keys[page.id]) where firstSpelling[key] == nil {
                firstSpelling[key] = term
            }
        }
        let terms = PerLanguage(config) { code -> [Archives.Term] in
            let prefix = config[code].urlPrefix
            var termPages: [String: [Int]] = [:]
            for id in content.regularPages[code] {
                var seen = Set<String>()
                for key in keys[id] where seen.insert(key).inserted { termPages[key, default: []].append(id) }
            }
            return termPages.map { key, pages in
                let name = names[key]?[prefix] ?? names[(firstSpelling[key] ?? key).lowercased()]?[prefix] ?? firstSpelling[key] ?? key
                return Archives.Term(key: key, name: name, sitePath: sitePath(key, code), pages: pages)
            }.sorted { ($0.pages.count, $1.name) > ($1.pages.count, $0.name) }
        }
        // Every page's terms as places in its language's list, for cards and pages.
        let places = terms.map { list in
            Dictionary(list.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let pageTerms = content.pages.map { page -> [Int] in
            let known = places[page.languageID]
            var seen = Set<Int>()
            return keys[page.id].compactMap { known[$0] }.filter { seen.insert($0).inserted }
        }
        return (terms, pageTerms)
    }
}
