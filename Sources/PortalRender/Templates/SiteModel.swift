import Foundation
import PortalSources
import PortalMarkdown
import PortalSite
import PortalTemplates
import PortalText

/// Everything the renderers read, fixed after the barriers: pages, their
/// rendered Markdown, archives, theme and formats. Shared by all render tasks.
public struct SiteModel: Sendable {
    public private(set) var content: SiteContent
    /// Rendered Markdown by page id.
    public private(set) var rendered: [RenderedMarkdown]
    public let archives: Archives
    public private(set) var theme: Theme
    package let formatting: PerLanguage<DateFormatting>
    /// Translation key -> language -> site path of the first page.
    package let alternates: [String: [LanguageID: String]]
    /// Page id -> (section list position) for previous/next links.
    package let sectionPosition: [Int: Int]
    /// Documentation sections as trees (sidebar, breadcrumbs, reading order).
    package let docs: DocsTree
    /// A nested section's page (`docs/ops/_index.md`) -> its sub-sections and pages, in list order.
    package let children: [Int: [Int]]
    /// Per language: the posts a home lists (regular pages inside a section), newest first.
    package let homePages: PerLanguage<[Int]>
    /// `site.params` and each language's string table, converted once for every page.
    package let siteParams: TemplateValue
    package private(set) var stringValues: PerLanguage<TemplateValue>
    package private(set) var cards: CardCache
    /// `config.origin`, found once so that absolute URLs need no search per call.
    package let origin: String
    /// The `site` and `lang` values of every page of a language.
    package let languageValues: PerLanguage<LanguageValues>
    /// The main navigation of every language: sections, then tags, authors and archives.
    package private(set) var navItems: PerLanguage<[NavItem]>
    /// The files of `data/` as templates read them, by language (see `SiteModel+Data`).
    package private(set) var dataValues: PerLanguage<TemplateValue>
    /// The menus of site.toml, by language (see `SiteModel+Menus`).
    package private(set) var menus: PerLanguage<[Menu]>
    /// Menu entries that could not be placed, reported by the build.
    package private(set) var menuProblems: [Diagnostic]
    /// Per language, per tag (its place in `archives.tags`): the name, URL and count a
    /// page or card shows for it.
    package let tagRefs: PerLanguage<[TemplateValue]>
    /// The site's meetings (`data/meetings.*` and pages with a `meeting`); nil without any.
    package let meetings: MeetingSchedule?
    /// Per language, every term's pages (tags, then taxonomies), for related posts and series.
    package let termLists: PerLanguage<[[Int]]>
    /// Where each taxonomy's terms start in `termLists` (tags first, at 0).
    package let termOffsets: [Int]
    /// Each page's terms as places in `termLists` (empty with no related posts and no series).
    package let termPlaces: TermPlaceTable
    /// Each page's date, `distantPast` for none: related posts compare the dates of
    /// many pages, and these sit together in memory where the pages do not.
    package let pageDates: [Date]

    package struct LanguageValues: Sendable {
        package let site: TemplateValue
        package let lang: TemplateValue
    }

    package struct NavItem: Sendable {
        package let title: String
        package let url: String
        /// A page whose site path starts with this one shows the item as current; nil
        /// for a link that leaves the site's pages.
        package let sitePath: String?
        /// A link to another site.
        package var external = false
        /// A menu entry's children (one level).
        package var children: [NavItem] = []
        /// A menu entry: the page it links to is marked `aria-current="page"`, pages
        /// under it `"true"`; an automatic entry marks both `"true"`.
        package var fromMenu = false

        package init(title: String, url: String, sitePath: String?, external: Bool = false) {
            self.title = title
            self.url = url
            self.sitePath = sitePath
            self.external = external
            fromMenu = true
        }

        init(automatic title: String, url: String, sitePath: String) {
            self.title = title
            self.url = url
            self.sitePath = sitePath
        }
    }

    package var config: SiteConfig { content.config }
    package var paths: SitePaths { content.paths }

    public init(content: SiteContent, rendered: [RenderedMarkdown], archives: Archives, theme: Theme, data: [DataFile] = [],
                meetings: MeetingSchedule? = nil) {
        self.meetings = meetings
        self.content = content
        self.rendered = rendered
        self.archives = archives
        self.theme = theme
        let config = content.config
        formatting = PerLanguage(config) { DateFormatting(locale: config[$0].locale, timeZone: config.timeZone) }
        var positions: [Int: Int] = [:]
        for language in config.languageIDs {
            for section in content.sections[language] {
                for (position, id) in section.pages.enumerated() { positions[id] = position }
            }
        }
        sectionPosition = positions
        let docs = DocsTree(content: content)
        self.docs = docs
        children = Self.sectionChildren(content)
        // The home shows news: documentation pages are reached through their section.
        homePages = content.regularPages.map { ids in ids.filter { content.pages[$0].section != "" && !docs.isDocs(content.pages[$0]) } }
        alternates = SiteModel.collectAlternates(content: content, archives: archives)
        siteParams = MetaValue.table(config.params.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }).templateValue
        cards = CardCache(count: content.pages.count)
        stringValues = Self.stringValues(of: theme, config: config)
        let params = siteParams
        let paths = content.paths
        languageValues = PerLanguage(config) { Self.values(of: $0, config: config, paths: paths, params: params) }
        origin = config.origin
        dataValues = PerLanguage(config) { Self.dataValue(data, language: config[$0].code) }
        let menus = Self.menus(content: content)
        self.menus = menus.menus
        menuProblems = menus.problems
        navItems = Self.navItems(content: content, theme: theme, menus: menus.menus)
        let terms = Self.termLists(archives: archives)
        termLists = terms.lists
        termOffsets = terms.offsets
        let needsPlaces = config.relatedCount > 0 || config.taxonomies.contains(where: \.isSeries)
        termPlaces = needsPlaces ? TermPlaceTable(lists: terms.lists, pageCount: content.pages.count) : TermPlaceTable()
        pageDates = config.relatedCount > 0 ? content.pages.map { $0.date ?? .distantPast } : []
        tagRefs = archives.tags.map { terms in
            terms.map { ["name": .string($0.name), "url": .string(config.href(forSitePath: $0.sitePath)), "count": .int($0.pages.count)] }
        }
    }

    /// The same site after the bodies of some pages changed and nothing else
    /// (`portal serve`): lists, archives and URLs stay; cards are made again.
    /// Templates read a body only through `rendered`, so the pages themselves
    /// (their front matter unchanged) are kept rather than copied.
    package func replacing(rendered updates: [Int: RenderedMarkdown]) -> SiteModel {
        var copy = self
        for (id, markdown) in updates { copy.rendered[id] = markdown }
        copy.cards = CardCache(count: content.pages.count)
        return copy
    }

    /// The same site rendered with another theme (`portal serve`, after a template edit).
    package func replacing(theme: Theme) -> SiteModel {
        var copy = self
        copy.theme = theme
        copy.stringValues = Self.stringValues(of: theme, config: config)
        copy.navItems = Self.navItems(content: copy.content, theme: theme, menus: copy.menus)
        return copy
    }

    /// The header's links: the `main` menu when the language has one, else its sections
    /// and the tag, author and archive lists.
    private static func navItems(content: SiteContent, theme: Theme, menus: PerLanguage<[Menu]>) -> PerLanguage<[NavItem]> {
        let config = content.config
        let paths = content.paths
        return PerLanguage(config) { language in
            if let main = menus[language].first(where: { $0.name == "main" }) { return main.items }
            let strings = theme.strings(for: config[language])
            var items = content.sections[language].map { section in
                NavItem(automatic: section.title, url: config.href(forSitePath: section.sitePath), sitePath: section.sitePath)
            }
            // Taxonomies besides tags are reached from the pages that name their terms.
            for (key, path) in [("tags", paths.tags(in: language)), ("authors", paths.authors(in: language)),
                                ("archives", paths.archives(in: language))] {
                items.append(NavItem(automatic: strings[key] ?? ContentResolver.displayName(ofFolder: key),
                                     url: config.href(forSitePath: path), sitePath: path))
            }
            return items
        }
    }

    /// The `site` and `lang` values of the pages of `id`.
    package static func values(of id: LanguageID, config: SiteConfig, paths: SitePaths, params: TemplateValue) -> LanguageValues {
        let language = config[id]
        let url = { (sitePath: String) in TemplateValue.string(config.href(forSitePath: sitePath)) }
        let site: TemplateValue = [
            "title": .string(language.title.isEmpty ? config.title : language.title), "description": .string(language.description),
            "baseURL": .string(config.baseURL), "home": url(paths.home(id)), "root": .string(config.basePath),
            "assets": url("/assets/"), "params": params, "autospace": .bool(config.chinese.autospace),
            "search": config.search.enabled ? url(paths.search(in: id)) : .null,
        ]
        let lang: TemplateValue = ["code": .string(language.code), "prefix": .string(language.urlPrefix), "name": .string(language.name),
                                   "isCJK": .bool(language.isCJK), "ogLocale": .string(ContextBuilder.openGraphLocale(language))]
        return LanguageValues(site: site, lang: lang)
    }

    /// Each language's string table as a template object (English where a language has none).
    private static func stringValues(of theme: Theme, config: SiteConfig) -> PerLanguage<TemplateValue> {
        PerLanguage(config) { .object(theme.strings(for: config[$0]).mapValues(TemplateValue.string)) }
    }

    /// The key under which the same page is found in every language.
    package func translationKey(of job: RenderJob) -> String? {
        switch job {
        case let .page(id): return "page:" + content.pages[id].translationGroup
        case .home: return "home"
        case let .section(language, index, _): return "section:" + content.sections[language][index].name
        case .tags: return "tags"
        case let .tag(language, index, _): return "tag:" + archives.tags[language][index].key
        case .authors: return "authors"
        case let .author(language, index, _): return "author:" + archives.authors[language][index].key
        case let .taxonomy(_, taxonomy): return "taxonomy:" + archives.taxonomies[taxonomy].taxonomy.plural
        case let .term(language, taxonomy, index, _):
            let archive = archives.taxonomies[taxonomy]
            return "term:" + archive.taxonomy.plural + "/" + archive.terms[language][index].key
        case .archives: return "archives"
        case .search: return "search"
        case let .year(language, index, _): return "year:\(archives.years[language][index].year)"
        case let .month(language, year, index, _):
            let month = archives.years[language][year].months[index]
            return "month:\(month.year)-\(month.month)"
        case .notFound, .languageNotFound, .root: return nil
        }
    }

    package static func collectAlternates(content: SiteContent, archives: Archives) -> [String: [LanguageID: String]] {
        var map: [String: [LanguageID: String]] = [:]
        let paths = content.paths
        for page in content.pages {
            // A section's _index is its list page: both share the section key below.
            if page.kind == .regular, page.fallbackOf == nil {
                map["page:" + page.translationGroup, default: [:]][page.languageID] = page.sitePath
            }
        }
        for code in content.config.languageIDs {
            map["home", default: [:]][code] = paths.home(code)
            for section in content.sections[code] { map["section:" + section.name, default: [:]][code] = section.sitePath }
            map["tags", default: [:]][code] = paths.tags(in: code)
            if content.config.search.enabled { map["search", default: [:]][code] = paths.search(in: code) }
            map["authors", default: [:]][code] = paths.authors(in: code)
            map["archives", default: [:]][code] = paths.archives(in: code)
            for term in archives.tags[code] { map["tag:" + term.key, default: [:]][code] = term.sitePath }
            for author in archives.authors[code] { map["author:" + author.key, default: [:]][code] = author.sitePath }
            for archive in archives.taxonomies {
                let plural = archive.taxonomy.plural
                map["taxonomy:" + plural, default: [:]][code] = paths.taxonomy(plural, in: code)
                for term in archive.terms[code] { map["term:" + plural + "/" + term.key, default: [:]][code] = term.sitePath }
            }
            for year in archives.years[code] {
                map["year:\(year.year)", default: [:]][code] = year.sitePath
                for month in year.months { map["month:\(month.year)-\(month.month)", default: [:]][code] = month.sitePath }
            }
        }
        return map
    }

    /// Where the language switcher sends a reader of `job` who picks `language`.
    package func counterpart(of job: RenderJob, in language: LanguageID) -> (path: String, exists: Bool) {
        if let key = translationKey(of: job), let path = alternates[key]?[language] { return (path, true) }
        switch job {
        case let .page(id):
            let page = content.pages[id]
            if let section = content.section(named: page.section, language: language) { return (section.sitePath, false) }
            return (paths.home(language), false)
        case .tag: return (paths.tags(in: language), false)
        case .author: return (paths.authors(in: language), false)
        case let .term(_, taxonomy, _, _): return (paths.taxonomy(archives.taxonomies[taxonomy].taxonomy.plural, in: language), false)
        case .year, .month: return (paths.archives(in: language), false)
        default: return (paths.home(language), false)
        }
    }

    package func url(_ sitePath: String) -> String { config.href(forSitePath: sitePath) }
    /// The URL of a site path under the base URL's scheme and host (root-relative when it has
    /// none), percent-encoded.
    package func absoluteURL(_ sitePath: String) -> String { origin + url(sitePath) }
}

extension SiteModel {
    /// The sub-sections and pages directly inside each nested section (a folder with an
    /// `_index.md` below a top-level section): sections first by weight and title, then
    /// pages in list order. Empty when the site has no nested section.
    static func sectionChildren(_ content: SiteContent) -> [Int: [Int]] {
        var sections: [String: Int] = [:]
        for page in content.pages where page.kind == .section && page.fallbackOf == nil {
            let parts = page.folders
            guard parts.count > 1 else { continue }
            sections["\(page.languageID.index)/" + parts.joined(separator: "/")] = page.id
        }
        guard !sections.isEmpty else { return [:] }
        var children: [Int: [Int]] = [:]
        for page in content.pages where page.fallbackOf == nil && !page.metadata.unlisted {
            guard page.kind == .regular || page.kind == .section else { continue }
            // A section's own folder is its place; it belongs to the one above.
            var parts = page.kind == .section ? Array(page.folders.dropLast()) : page.folders
            // The nearest folder above with an `_index.md` is the page's section, as in Hugo.
            while !parts.isEmpty {
                if let parent = sections["\(page.languageID.index)/" + parts.joined(separator: "/")], parent != page.id {
                    children[parent, default: []].append(page.id)
                    break
                }
                parts.removeLast()
            }
        }
        for (parent, ids) in children {
            children[parent] = ids.sorted { a, b in
                let pa = content.pages[a], pb = content.pages[b]
                if (pa.kind == .section) != (pb.kind == .section) { return pa.kind == .section }
                if pa.kind == .section {
                    let wa = pa.weight == 0 ? Int.max : pa.weight, wb = pb.weight == 0 ? Int.max : pb.weight
                    return (wa, pa.title, pa.id) < (wb, pb.title, pb.id)
                }
                return Page.listOrder(pa, pb)
            }
        }
        return children
    }
}
