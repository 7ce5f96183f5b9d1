/// One HTML file to render: the page kind and what it shows.
public enum RenderJob: Sendable, Hashable {
    case page(id: Int)
    case home(language: String, number: Int)
    case section(language: String, index: Int, number: Int)
    case tags(language: String)
    case tag(language: String, index: Int, number: Int)
    case authors(language: String)
    case author(language: String, index: Int, number: Int)
    case archives(language: String)
    case year(language: String, index: Int, number: Int)
    case month(language: String, year: Int, index: Int, number: Int)
    case notFound
    case root
}

extension RenderJob {
    /// The language of a list page; nil for a page, the 404 page and the root.
    package var listLanguage: String? {
        switch self {
        case let .home(language, _), let .section(language, _, _), let .tags(language), let .tag(language, _, _),
             let .authors(language), let .author(language, _, _), let .archives(language), let .year(language, _, _),
             let .month(language, _, _, _):
            return language
        case .page, .notFound, .root:
            return nil
        }
    }
}

/// First page at the plain path, then `page/N/`.
package struct Pagination: Sendable {
    package let itemCount: Int
    package let pageSize: Int
    package let basePath: String

    package var pageCount: Int { max(1, (itemCount + pageSize - 1) / pageSize) }

    package func path(_ number: Int) -> String { number <= 1 ? basePath : basePath + "page/\(number)/" }

    package func range(_ number: Int) -> Range<Int> {
        let start = min(itemCount, (number - 1) * pageSize)
        return start..<min(itemCount, start + pageSize)
    }
}
