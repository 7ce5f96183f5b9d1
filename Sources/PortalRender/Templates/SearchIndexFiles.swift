import PortalSources
import PortalSite
import PortalSearch
import PortalTemplates

/// The search index of each language (see `SearchIndexBuilder`), under the language's
/// `search/` beside its search page. A page is indexed with its title, its tags and
/// authors, its section and its rendered text; drafts only in builds that show them,
/// never fallback copies, unlisted pages or pages of `[search] exclude`d sections.
package struct SearchIndexFiles: Sendable {
    package let model: SiteModel
    /// What made the index files (collision messages name it; serve finds them by it).
    package static let origin = OutputFile.Origin.generated("the search index")

    package init(model: SiteModel) {
        self.model = model
    }

    package func files() -> [OutputFile] {
        let options = model.config.search
        guard options.enabled else { return [] }
        let weights = SearchWeights(title: options.titleWeight, labels: options.labelWeight, section: options.sectionWeight, body: options.bodyWeight)
        let excluded = Set(options.excludeSections)
        let builder = ContextBuilder(model: model)
        var files: [OutputFile] = []
        for language in model.config.languageIDs {
            let pages = model.content.pages.filter { page in
                page.languageID == language && page.fallbackOf == nil && !page.metadata.unlisted && !excluded.contains(page.section)
                    && (page.kind == .regular || page.kind == .section)
            }
            let documents = pages.map { page -> SearchDocument in
                let card = builder.card(page.id)
                let labels = (card["tags"]?.items ?? []).compactMap { $0["name"]?.stringValue }
                    + (card["authors"]?.items ?? []).compactMap { $0["name"]?.stringValue }
                return SearchDocument(
                    url: model.url(page.sitePath), title: page.title, section: card["section"]?["title"]?.stringValue ?? "",
                    date: card["date"]?["display"]?.stringValue ?? "", labels: labels,
                    body: HTMLText.plain(model.rendered[page.id].htmlBytes))
            }
            let folder = String(model.paths.search(in: language).dropFirst())
            for file in SearchIndexBuilder.build(documents, weights: weights) {
                files.append(OutputFile(path: folder + file.name, content: .bytes(file.bytes), origin: Self.origin))
            }
        }
        return files
    }
}
