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
