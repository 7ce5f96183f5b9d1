import PortalSources
import PortalSite

/// One HTML file to render: the page kind and what it shows.
/// Lists name their language and their place in that language's list of sections or
/// archives (`SiteContent.sections`, `Archives.tags` …).
public enum RenderJob: Sendable, Hashable {
    case page(id: Int)
    case home(language: LanguageID, number: Int)
    case section(language: LanguageID, index: Int, number: Int)
    case tags(language: LanguageID)
    case tag(language: LanguageID, index: Int, number: Int)
    /// The terms of `archives.taxonomies[taxonomy]`, and one term's pages.
    case taxonomy(language: LanguageID, taxonomy: Int)
    case term(language: LanguageID, taxonomy: Int, index: Int, number: Int)
    case authors(language: LanguageID)
    case author(language: LanguageID, index: Int, number: Int)
    case archives(language: LanguageID)
    case year(language: LanguageID, index: Int, number: Int)
    case month(language: LanguageID, year: Int, index: Int, number: Int)
    case search(language: LanguageID)
    /// The 404 page of a language under its own prefix (`/en/404.html`); the site's
    /// `/404.html` is the default language's.
    case languageNotFound(language: LanguageID)
    case notFound
    case root
}

/// First page at the plain path, then `page/N/`.
package struct Pagination: Sendable {
    package let itemCount: Int
    package let pageSize: Int
    package let basePath: String

    package var pageCount: Int { max(1, (itemCount + pageSize - 1) / pageSize) }

    package func path(_ number: Int) -> String { SitePaths.paginated(basePath, page: number) }

    package func range(_ number: Int) -> Range<Int> {
        let start = min(itemCount, (number - 1) * pageSize)
        return start..<min(itemCount, start + pageSize)
    }
}
