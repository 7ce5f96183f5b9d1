import PortalSources
import PortalSite

extension SiteModel {
    /// The first page's path, language and page number of a paginated list; nil for other kinds.
    package func paginatedBase(of job: RenderJob) -> (language: LanguageID, basePath: String, number: Int)? {
        switch job {
        case let .home(language, number): return (language, content.paths.home(language), number)
        case let .section(language, index, number): return (language, content.sections[language][index].sitePath, number)
        case let .tag(language, index, number): return (language, archives.tags[language][index].sitePath, number)
        case let .author(language, index, number): return (language, archives.authors[language][index].sitePath, number)
        case let .term(language, taxonomy, index, number):
            return (language, archives.taxonomies[taxonomy].terms[language][index].sitePath, number)
        case let .year(language, index, number): return (language, archives.years[language][index].sitePath, number)
        default: return nil
        }
    }

    /// Where a job's page is written: `/zh-hans/tags/dapr/page/2/`, `/404.html`.
    /// Whether portal writes the search page of `language`: search is on and no page of
    /// the site's own (a Docsy `search.md`) stands at its path.
    package func hasSearchPage(_ language: LanguageID) -> Bool {
        guard config.search.enabled else { return false }
        let path = content.paths.search(in: language)
        return !content.pages.contains { $0.languageID == language && $0.sitePath == path }
    }

    package func sitePath(of job: RenderJob) -> String {
        if let list = paginatedBase(of: job) { return SitePaths.paginated(list.basePath, page: list.number) }
        let paths = content.paths
        switch job {
        case let .page(id): return content.pages[id].sitePath
        case let .tags(language): return paths.tags(in: language)
        case let .authors(language): return paths.authors(in: language)
        case let .taxonomy(language, taxonomy): return paths.taxonomy(archives.taxonomies[taxonomy].taxonomy.plural, in: language)
        case let .archives(language): return paths.archives(in: language)
        case let .search(language): return paths.search(in: language)
        case let .languageNotFound(language): return paths.home(language) + "404.html"
        // A month lists all its posts on one page (no `page/N/`).
        case let .month(language, year, index, _): return archives.years[language][year].months[index].sitePath
        case .notFound: return SitePaths.notFound
        default: return SitePaths.root
        }
    }
}
