import Foundation
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
        var files: [OutputFile] = []
        for language in model.config.languageIDs {
            let index = index(of: language, shards: nil)
            for file in index.make() {
                files.append(OutputFile(path: index.folder + file.name, content: .bytes(file.bytes), origin: Self.origin))
            }
        }
        return files
    }

    /// The index files under the names they have in `existing` (the paths of a build's
    /// index files), made when one of them is first read: after a save, `portal serve`
    /// re-renders the page at once and the index when someone searches. Nil when the
    /// names would change (pages came or went): that takes a full build.
    package func lazyFiles(existing: Set<String>) -> [OutputFile]? {
        var files: [OutputFile] = []
        for language in model.config.languageIDs {
            let folder = Self.folder(of: language, in: model)
            var shards = 0
            while existing.contains(folder + "s\(shards).json") { shards += 1 }
            guard shards > 0 else { return nil }
            let index = index(of: language, shards: shards)
            let chunks = (index.pageCount + SearchIndexBuilder.pagesPerChunk - 1) / SearchIndexBuilder.pagesPerChunk
            let names = ["meta.json"] + (0..<shards).map { "s\($0).json" } + (0..<chunks).map { "d\($0).json" }
            let lazy = LazyIndex(index.make)
            for name in names {
                guard existing.contains(folder + name) else { return nil }
                files.append(OutputFile(path: folder + name, content: .deferred(DeferredContent { lazy.bytes(name) }), origin: Self.origin))
            }
        }
        return files.count == existing.count ? files : nil
    }

    /// The pages a language's index holds, in the site's order.
    static func pages(of language: LanguageID, in model: SiteModel) -> [Page] {
        let options = model.config.search
        guard options.enabled else { return [] }
        let excluded = Set(options.excludeSections)
        return model.content.pages.filter { page in
            page.languageID == language && page.fallbackOf == nil && !page.metadata.unlisted && !excluded.contains(page.section)
                && (page.kind == .regular || page.kind == .section)
        }
    }

    static func folder(of language: LanguageID, in model: SiteModel) -> String {
        String(model.paths.search(in: language).dropFirst())
    }

    /// A language's index: its folder, how many pages it holds, and what makes its files.
    private func index(of language: LanguageID, shards: Int?)
        -> (folder: String, pageCount: Int, make: @Sendable () -> [(name: String, bytes: [UInt8])]) {
        let folder = Self.folder(of: language, in: model)
        let options = model.config.search
        guard options.enabled else { return (folder, 0, { [] }) }
        let weights = SearchWeights(title: options.titleWeight, labels: options.labelWeight, section: options.sectionWeight, body: options.bodyWeight)
        let model = model
        let pages = Self.pages(of: language, in: model)
        return (folder, pages.count, {
            let builder = ContextBuilder(model: model)
            // Read a batch at a time, in parallel: no page's text outlives its batch.
            return SearchIndexBuilder.build(pageCount: pages.count, weights: weights, shards: shards) { number in
                let page = pages[number]
                let card = builder.card(page.id)
                let labels = (card["tags"]?.items ?? []).compactMap { $0["name"]?.stringValue }
                    + (card["authors"]?.items ?? []).compactMap { $0["name"]?.stringValue }
                return SearchDocument(
                    url: model.url(page.sitePath), title: page.title, section: card["section"]?["title"]?.stringValue ?? "",
                    date: card["date"]?["display"]?.stringValue ?? "", labels: labels,
                    body: HTMLText.plain(model.rendered[page.id].htmlBytes))
            }
        })
    }
}

/// Index files made together, the first time one of them is read.
final class LazyIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: [UInt8]]?
    private let make: @Sendable () -> [(name: String, bytes: [UInt8])]

    init(_ make: @escaping @Sendable () -> [(name: String, bytes: [UInt8])]) {
        self.make = make
    }

    func bytes(_ name: String) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if made == nil { made = Dictionary(make().map { ($0.name, $0.bytes) }, uniquingKeysWith: { first, _ in first }) }
        return made?[name] ?? []
    }
}
