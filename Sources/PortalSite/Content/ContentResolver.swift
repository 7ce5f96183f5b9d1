import Foundation
import PortalText
import PortalSources

/// The barrier after front matter: decides which documents are built, gives
/// each its kind, section, slug and URL, links translations, and reports two
/// sources that would write the same file.
public struct ContentResolver: Sendable {
    public let config: SiteConfig
    public let includeDrafts: Bool
    public let includeFuture: Bool
    public let now: Date

    public init(config: SiteConfig, includeDrafts: Bool, includeFuture: Bool, now: Date) {
        self.config = config
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
    }

    public func resolve(_ documents: [Document]) -> (content: SiteContent, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let slugifier = Slugifier(style: config.chinese.slugStyle)
        let paths = SitePaths(config: config)
        var pages: [Page] = []
        var owners: [String: String] = [:]

        let built = documents.sorted(by: { $0.source.sitePath < $1.source.sitePath }).filter { document in
            let metadata = document.metadata
            if metadata.draft && !includeDrafts { return false }
            if let date = metadata.date, date > now, !includeFuture { return false }
            return true
        }
        // Each page's slug and URL depend on its document alone: made in parallel, checked in order.
        let made = parallelMap(built) { makePage($0, slugifier: slugifier, paths: paths) }
        for (document, madePage) in zip(built, made) {
            var page = madePage
            if let previous = owners[page.sitePath] {
                diagnostics.append(.error(
                    "'\(page.outputPath)' would be written by both \(previous) and \(document.source.sitePath)",
                    at: SourceLocation(path: document.source.sitePath)))
                continue
            }
            owners[page.sitePath] = document.source.sitePath
            if page.kind == .regular, page.section != "", page.date == nil {
                diagnostics.append(.warning(
                    "no date in front matter or file name: the page is listed last and left out of date archives",
                    at: SourceLocation(path: document.source.sitePath)))
            }
            page.id = pages.count
            pages.append(page)
        }
        if config.chinese.fallback { pages += fallbackCopies(of: pages, taken: Set(owners.keys), paths: paths) }
        return (assemble(pages), diagnostics)
    }

    /// A copy of each regular page in every language it has no translation in, at the
    /// same path under that language; skipped where a real page already owns the path.
    private func fallbackCopies(of pages: [Page], taken: Set<String>, paths: SitePaths) -> [Page] {
        var languagesOfGroup: [String: Set<LanguageID>] = [:]
        for page in pages { languagesOfGroup[page.translationGroup, default: []].insert(page.languageID) }
        var taken = taken
        var copies: [Page] = []
        for page in pages where page.kind == .regular {
            for language in config.languageIDs where !(languagesOfGroup[page.translationGroup] ?? []).contains(language) {
                let path = paths.moved(page.sitePath, from: page.languageID, to: language)
                guard taken.insert(path).inserted else { continue }
                var copy = page
                copy.id = pages.count + copies.count
                copy.language = config[language].code
                copy.languageID = language
                copy.sitePath = path
                copy.fallbackOf = page.id
                copies.append(copy)
            }
        }
        return copies
    }

    /// The page of `document`; its id is set once it is kept.
    private func makePage(_ document: Document, slugifier: Slugifier, paths: SitePaths) -> Page {
        let source = document.source
        let metadata = document.metadata
        let components = source.translationPath.splitUTF8("/").map(String.init)
        let fileStem = components.last ?? ""
        let folders = Array(components.dropLast())
        // The scanner gives every source a language of the configuration.
        let language = config.languageID(matching: source.language) ?? config.defaultLanguageID

        let kind: Page.Kind
        let sitePath: String
        let slug: String
        var bundleDirectory: String?
        if fileStem == "_index" {
            kind = folders.isEmpty ? .home : .section
            slug = folders.last.map { slugifier.nonEmptySlug($0) } ?? ""
            sitePath = paths.page(folders: folders.map { slugifier.nonEmptySlug($0) }, slug: "", in: language)
        } else {
            kind = .regular
            var nameForSlug = fileStem
            var parentFolders = folders
            if fileStem == "index", let bundle = folders.last {
                nameForSlug = bundle
                parentFolders = Array(folders.dropLast())
                let contentDir = source.contentPath.splitUTF8("/").dropLast().joined(separator: "/")
                bundleDirectory = contentDir
            }
            if let explicit = metadata.slug, !explicit.isEmpty {
                slug = slugifier.nonEmptySlug(explicit)
            } else {
                slug = slugifier.nonEmptySlug(FileNameDate.stripDatePrefix(nameForSlug))
            }
            // Date folders (`2022/09/15/`) carry the date, not a place in the site.
            let kept = parentFolders.filter { !$0.allSatisfy(\.isNumber) }
            sitePath = paths.page(folders: kept.map { slugifier.nonEmptySlug($0) }, slug: slug, in: language)
        }

        let section = components.count > 1 ? components[0] : ""
        let title = metadata.title
            ?? (kind == .home ? config[language].title : nil)
            ?? (kind == .section ? Self.displayName(ofFolder: folders.last ?? "") : nil)
            ?? FileNameDate.stripDatePrefix(fileStem == "index" ? (folders.last ?? fileStem) : fileStem)
        let group = metadata.translationKey.map { "key:" + $0 } ?? "path:" + source.translationPath

        return Page(
            id: 0, kind: kind, document: document, language: source.language, languageID: language, section: section,
            title: title, date: metadata.date, lastmod: metadata.lastmod ?? metadata.date, slug: slug,
            sitePath: sitePath, translationGroup: group, bundleDirectory: bundleDirectory, tags: metadata.tags)
    }

    package static func displayName(ofFolder folder: String) -> String {
        guard let first = folder.first else { return folder }
        return first.uppercased() + folder.dropFirst()
    }

    private func assemble(_ pages: [Page]) -> SiteContent {
        var regular = PerLanguage(config) { _ in [Int]() }
        var homes = PerLanguage(config) { _ in Int?.none }
        var translations: [String: [LanguageID: Int]] = [:]
        var sectionIndex = PerLanguage(config) { _ in [String: Int]() }
        var sectionPages = PerLanguage(config) { _ in [String: [Int]]() }
        let paths = SitePaths(config: config)

        for page in pages {
            let language = page.languageID
            // A fallback copy is listed, but it is no translation: hreflang never names it.
            if page.fallbackOf == nil { translations[page.translationGroup, default: [:]][language] = page.id }
            switch page.kind {
            case .home:
                homes[language] = page.id
            case .section:
                if page.source.translationPath.splitUTF8("/").count == 2 {
                    sectionIndex[language][page.section] = page.id
                }
            case .regular:
                regular[language].append(page.id)
                if page.section != "" {
                    sectionPages[language][page.section, default: []].append(page.id)
                }
            }
        }
        let order: (Int, Int) -> Bool = { Page.listOrder(pages[$0], pages[$1]) }
        for language in config.languageIDs { regular[language].sort(by: order) }

        let sections = PerLanguage(config) { language in
            let names = Set(sectionPages[language].keys).union(sectionIndex[language].keys)
            var list: [SiteContent.Section] = names.map { name in
                let index = sectionIndex[language][name]
                return SiteContent.Section(
                    name: name, language: language,
                    title: index.map { pages[$0].title } ?? Self.displayName(ofFolder: name),
                    indexPage: index,
                    pages: (sectionPages[language][name] ?? []).sorted(by: order),
                    weight: index.map { pages[$0].weight } ?? 0,
                    sitePath: paths.section(Slugifier(style: config.chinese.slugStyle).nonEmptySlug(name), in: language))
            }
            list.sort { ($0.weight, $0.name) < ($1.weight, $1.name) }
            return list
        }
        return SiteContent(config: config, pages: pages, regularPages: regular, sections: sections, homes: homes, translations: translations)
    }
}
