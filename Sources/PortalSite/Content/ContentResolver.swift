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
    /// Build pages whose `expiryDate` has passed.
    public let includeExpired: Bool
    public let now: Date

    public init(config: SiteConfig, includeDrafts: Bool, includeFuture: Bool, includeExpired: Bool = false, now: Date) {
        self.config = config
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.includeExpired = includeExpired
        self.now = now
    }

    public func resolve(_ documents: [Document]) -> (content: SiteContent, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let slugifier = pathSlugifier
        let paths = SitePaths(config: config)
        var pages: [Page] = []
        var owners: [String: String] = [:]
        pages.reserveCapacity(documents.count)
        owners.reserveCapacity(documents.count)

        let bundles = Self.leafBundleFolders(documents)
        // Sorted and filtered by place, so each document kept is copied once.
        let order = documents.indices.sorted { documents[$0].source.sitePath < documents[$1].source.sitePath }
        var built: [Document] = []
        built.reserveCapacity(order.count)
        for index in order {
            if !bundles.isEmpty, Self.isBundleResource(documents[index].source, bundles: bundles) { continue }
            let metadata = documents[index].metadata
            if metadata.draft && !includeDrafts { continue }
            // A meeting page dated by its meeting announces it: it is built before the day.
            if let date = metadata.date, date > now, !includeFuture, metadata.meeting?.instant != date { continue }
            if let expiry = metadata.expiryDate, expiry <= now, !includeExpired { continue }
            built.append(documents[index])
        }
        // Each page's slug and URL depend on its document alone: made in parallel, checked in order.
        let made = parallelMap(built) { makePage($0, slugifier: slugifier, paths: paths) }
        // Top folders that hold pages: a page at such a section's own URL (`docs/index.md`
        // beside `docs/intro.md`, or Docusaurus's `slug: /`) is that section's index page.
        // Pages are read in place here: copying one counts references to each of its fields.
        var sectionsWithPages = Set<String>()
        var claimed = Set<String>()
        for index in made.indices {
            if made[index].kind == .regular && made[index].section != "" {
                sectionsWithPages.insert("\(made[index].languageID.index)/\(made[index].section)")
            }
            // Paths pages ask for by `slug` or `url`: a README that would be its folder's
            // index gives way to them and keeps its own name.
            if made[index].metadata.slug != nil || made[index].metadata.url != nil { claimed.insert(made[index].sitePath) }
        }
        for (index, document) in built.enumerated() {
            var page = made[index]
            let parts = page.source.translationPath.splitUTF8("/")
            if page.metadata.slug == nil, page.metadata.url == nil, claimed.contains(page.sitePath), parts.last?.lowercased() == "readme" {
                page.sitePath += slugifier.nonEmptySlug("readme") + "/"
                page.bundleDirectory = nil
                if page.section == "", parts.count > 1, let top = parts.first { page.section = String(top) }
            }
            if page.kind == .regular, let folder = parts.first.map(String.init),
               sectionsWithPages.contains("\(page.languageID.index)/\(folder)"),
               page.sitePath == paths.section(slugifier.nonEmptySlug(folder), in: page.languageID) {
                page.kind = .section
                page.section = folder
                page.bundleDirectory = nil
            }
            if let previous = owners[page.sitePath] {
                diagnostics.append(.error(
                    "'\(page.outputPath)' would be written by both \(previous) and \(document.source.sitePath)",
                    at: SourceLocation(path: document.source.sitePath)))
                continue
            }
            owners[page.sitePath] = document.source.sitePath
            page.id = pages.count
            pages.append(page)
        }
        diagnostics += undatedWarnings(pages)
        if config.chinese.fallback { pages += fallbackCopies(of: pages, taken: Set(owners.keys), paths: paths) }
        return (assemble(pages), diagnostics)
    }

    /// Folders of Hugo leaf bundles (`blog/launch/index.md` in `content/`): other Markdown
    /// files inside them are the bundle's resources, not pages, as Hugo reads them.
    /// Docusaurus trees (mounted at a place) have no bundles: there `index.md` is a
    /// category's index beside its pages.
    private static func leafBundleFolders(_ documents: [Document]) -> Set<String> {
        var folders = Set<String>()
        // Only a path ending in `/index` can name one: the others are not split.
        for document in documents where document.source.mountTarget.isEmpty && document.source.translationPath.hasSuffix("/index") {
            let parts = document.source.translationPath.split(separator: "/")
            guard parts.count > 1, parts.last == "index" else { continue }
            folders.insert(parts.dropLast().joined(separator: "/"))
        }
        return folders
    }

    private static func isBundleResource(_ source: SourceFile, bundles: Set<String>) -> Bool {
        guard source.mountTarget.isEmpty else { return false }
        let parts = source.translationPath.split(separator: "/")
        guard parts.last != "index" else { return false }
        var folder = ""
        for part in parts.dropLast() {
            folder += folder.isEmpty ? String(part) : "/" + part
            if bundles.contains(folder) { return true }
        }
        return false
    }

    /// "No date" is worth saying only where dates matter: in a section whose pages are
    /// mostly dated (a blog, meeting minutes), never in documentation.
    private func undatedWarnings(_ pages: [Page]) -> [Diagnostic] {
        var counts: [String: (dated: Int, all: Int)] = [:]
        for page in pages where page.kind == .regular && page.section != "" {
            let key = "\(page.languageID.index)/\(page.section)"
            counts[key, default: (0, 0)].all += 1
            if page.date != nil { counts[key, default: (0, 0)].dated += 1 }
        }
        return pages.compactMap { page in
            guard page.kind == .regular, page.section != "", page.date == nil,
                  config.layout.section(page.section).layout != .docs,
                  let count = counts["\(page.languageID.index)/\(page.section)"], count.dated * 2 > count.all else { return nil }
            return .warning("no date in front matter or file name: the page is listed last and left out of date archives",
                            at: SourceLocation(path: page.source.sitePath))
        }
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
    ///
    /// URLs follow Hugo: a page keeps its folder path under its language's home, `slug`
    /// replaces the last segment, `url` sets the whole path and `[permalinks]` a pattern
    /// per section. A name with a date and no `slug` keeps its whole name
    /// (`2026-03-12-weekly.md` -> `2026-03-12-weekly/`), or with `datedNames = "folders"`
    /// the date as folders (`2026/03/12/weekly/`, as Docusaurus writes blog URLs).
    private func makePage(_ document: Document, slugifier: Slugifier, paths: SitePaths) -> Page {
        let source = document.source
        let metadata = document.metadata
        let components = source.translationPath.splitUTF8("/").map(String.init)
        let fileStem = components.last ?? ""
        let folders = Array(components.dropLast())
        // The scanner gives every source a language of the configuration.
        let language = config.languageID(matching: source.language) ?? config.defaultLanguageID
        let slugify = { (text: String) in slugifier.nonEmptySlug(text) }
        // A slug the page sets is kept as written (never turned into pinyin).
        let written = Slugifier(style: .unicode, keepsCase: slugifier.keepsCase)
        let slugifyWritten = { (text: String) in written.nonEmptySlug(text) }

        let kind: Page.Kind
        var sitePath: String
        let slug: String
        var bundleDirectory: String?
        var parents = folders
        if fileStem == "_index" {
            if let top = folders.first, Self.generatedLists.contains(top), folders.count <= 2 {
                kind = .listText
            } else {
                kind = folders.isEmpty ? .home : .section
            }
            slug = folders.last.map(slugify) ?? ""
            sitePath = paths.page(folders: folders.map(slugify), slug: "", in: language)
        } else {
            kind = .regular
            var name = fileStem
            // Docusaurus makes a folder's README.md its index, as index.md is.
            let isIndex = fileStem == "index" || (!source.mountTarget.isEmpty && fileStem.lowercased() == "readme")
            if isIndex, let bundle = folders.last {
                name = bundle
                parents = Array(folders.dropLast())
                bundleDirectory = source.contentPath.splitUTF8("/").dropLast().joined(separator: "/")
            }
            let datesAsFolders = config.layout.datedNamesAsFolders
            // A dated folder (`blog/2022-09-06-release/notes.md`) gives its date as folders too.
            var segments = parents.flatMap { folder -> [String] in
                guard datesAsFolders, metadata.slug == nil, let dated = FileNameDate.datePrefix(of: folder) else { return [slugify(folder)] }
                return Self.dateFolders(of: folder, year: dated.year) + [slugify(dated.rest)]
            }
            if let explicit = metadata.slug, !explicit.isEmpty {
                if explicit.hasPrefix("/") {
                    // Docusaurus: a path from the docs or blog root.
                    let root = source.mountTarget.isEmpty ? Array(parents.prefix(1)) : source.mountTarget.split(separator: "/").map(String.init)
                    let parts = explicit.split(separator: "/").map { slugifyWritten(String($0)) }
                    segments = root.map(slugify) + parts.dropLast()
                    slug = parts.last ?? ""
                } else {
                    slug = slugifyWritten(explicit)
                }
            } else if datesAsFolders, let dated = FileNameDate.datePrefix(of: name) {
                segments += Self.dateFolders(of: name, year: dated.year)
                slug = slugify(dated.rest)
            } else {
                // The whole name, date included, as Hugo keeps it: minutes named by date never collide.
                slug = slugify(name)
            }
            sitePath = paths.page(folders: segments, slug: slug, in: language)
            if metadata.url == nil, let section = parents.first, let pattern = config.layout.permalinks[section] {
                sitePath = permalink(pattern, document: document, folders: parents, name: name, slugifier: slugifier, paths: paths, language: language)
            }
        }
        if let url = metadata.url, kind != .home {
            var parts = url.split(separator: "/").map(String.init)
            // `url = "/en/about/"` names the language itself: it is added once.
            if parts.first?.lowercased() == config[language].urlPrefix { parts.removeFirst() }
            sitePath = paths.page(folders: parts.map(slugify), slug: "", in: language)
        }

        let section = kind == .regular ? (parents.first ?? "") : (components.count > 1 ? components[0] : "")
        let title = metadata.title
            ?? (kind == .home ? config[language].title : nil)
            ?? (kind == .section ? Self.displayName(ofFolder: folders.last ?? "") : nil)
            ?? FileNameDate.stripDatePrefix(bundleDirectory != nil ? (folders.last ?? fileStem) : fileStem)
        let group = metadata.translationKey.map { "key:" + $0 } ?? "path:" + source.translationPath

        return Page(
            id: 0, kind: kind, document: document, language: source.language, languageID: language, section: section,
            title: title, date: metadata.date, lastmod: metadata.lastmod ?? metadata.date, slug: slug,
            sitePath: sitePath, translationGroup: group, bundleDirectory: bundleDirectory, tags: metadata.tags)
    }

    /// The year, month and day of a dated name as folders, as written (`2020-12-7-x` -> 2020, 12, 7).
    private static func dateFolders(of name: String, year: Int) -> [String] {
        let parts = name.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return [String(year)] }
        return parts.prefix(3).map { part in
            // `2022-09-15_x`: the day ends where the digits end.
            String(part.prefix { $0.isASCII && $0.isNumber })
        }
    }

    /// The path a `[permalinks]` pattern gives a regular page (Hugo's tokens).
    private func permalink(_ pattern: String, document: Document, folders: [String], name: String, slugifier: Slugifier,
                           paths: SitePaths, language: LanguageID) -> String {
        let metadata = document.metadata
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = config.timeZone
        let day = metadata.date.map { calendar.dateComponents([.year, .month, .day], from: $0) }
        func two(_ value: Int?) -> String { let v = value ?? 1; return v < 10 ? "0\(v)" : "\(v)" }
        let explicitSlug = metadata.slug.flatMap { $0.isEmpty ? nil : $0 }
        let title = metadata.title ?? FileNameDate.stripDatePrefix(name)
        var text = ""
        for part in PermalinkPattern.parts(of: pattern) {
            switch part {
            case let .text(literal): text += literal
            case let .token(token):
                switch token {
                case "year": text += String(format: "%04d", day?.year ?? 1)
                case "month": text += two(day?.month)
                case "day": text += two(day?.day)
                case "section": text += folders.first.map { slugifier.nonEmptySlug($0) } ?? ""
                case "sections": text += folders.map { slugifier.nonEmptySlug($0) }.joined(separator: "/")
                case "slug": text += explicitSlug.map { Slugifier(style: .unicode, keepsCase: slugifier.keepsCase).nonEmptySlug($0) } ?? slugifier.nonEmptySlug(title)
                case "title": text += slugifier.nonEmptySlug(title)
                case "filename", "contentbasename": text += slugifier.nonEmptySlug(name)
                default: text += slugifier.nonEmptySlug(explicitSlug ?? name) // slugorfilename, slugorcontentbasename
                }
            }
        }
        let segments = text.split(separator: "/").map(String.init)
        return paths.page(folders: segments, slug: "", in: language)
    }

    /// Makes the segments of page and section paths (`disablePathToLower` keeps capitals).
    private var pathSlugifier: Slugifier { Slugifier(style: config.chinese.slugStyle, keepsCase: config.layout.keepsPathCase) }

    /// Top folders whose lists the build makes: an `_index.md` there gives a list its text.
    package static let generatedLists: Set<String> = ["tags", "authors"]

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
        var listTexts: [String: Int] = [:]
        let paths = SitePaths(config: config)

        for index in pages.indices {
            let id = pages[index].id
            let language = pages[index].languageID
            // A fallback copy is listed, but it is no translation: hreflang never names it.
            if pages[index].fallbackOf == nil { translations[pages[index].translationGroup, default: [:]][language] = id }
            switch pages[index].kind {
            case .listText:
                listTexts[pages[index].sitePath] = id
            case .home:
                homes[language] = id
            case .section:
                let section = pages[index].section
                if pages[index].source.translationPath.splitUTF8("/").count == 2
                    || pages[index].sitePath == paths.section(pathSlugifier.nonEmptySlug(section), in: language) {
                    sectionIndex[language][section] = id
                }
            case .regular:
                // An unlisted page is built and reachable, but no list, archive or feed shows it.
                if pages[index].metadata.unlisted { continue }
                regular[language].append(id)
                if pages[index].section != "" {
                    sectionPages[language][pages[index].section, default: []].append(id)
                }
            }
        }
        let order: (Int, Int) -> Bool = { Page.listOrder(pages, $0, $1) }
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
                    sitePath: paths.section(pathSlugifier.nonEmptySlug(name), in: language))
            }
            list.sort { ($0.weight, $0.name) < ($1.weight, $1.name) }
            return list
        }
        var content = SiteContent(config: config, pages: pages, regularPages: regular, sections: sections, homes: homes, translations: translations)
        content.listTexts = listTexts
        return content
    }
}
