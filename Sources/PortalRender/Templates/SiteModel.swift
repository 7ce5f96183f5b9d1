import Foundation
import PortalSources
import PortalMarkdown
import PortalSite
import PortalTemplates

/// Everything the renderers read, fixed after the barriers: pages, their
/// rendered Markdown, archives, theme and formats. Shared by all render tasks.
public struct SiteModel: Sendable {
    public private(set) var content: SiteContent
    /// Rendered Markdown by page id.
    public private(set) var rendered: [RenderedMarkdown]
    public let archives: Archives
    public private(set) var theme: Theme
    package let formatting: [String: DateFormatting]
    /// Translation key -> language code -> site path of the first page.
    package let alternates: [String: [String: String]]
    /// Page id -> (section list position) for previous/next links.
    package let sectionPosition: [Int: Int]
    /// Per language: the posts a home lists (regular pages inside a section), newest first.
    package let homePages: [String: [Int]]
    /// `site.params` and each language's string table, converted once for every page.
    package let siteParams: TemplateValue
    package private(set) var stringValues: [String: TemplateValue]
    package private(set) var cards: CardCache
    /// `config.origin`, found once so that absolute URLs need no search per call.
    package let origin: String
    /// The `site` and `lang` values of every page, by language code.
    package let languageValues: [String: (site: TemplateValue, lang: TemplateValue)]
    /// The main navigation of every language: sections, then tags, authors and archives.
    package private(set) var navItems: [String: [NavItem]]
    /// Per language, per tag (its place in `archives.tags`): the name, URL and count a
    /// page or card shows for it.
    package let tagRefs: [String: [TemplateValue]]

    package struct NavItem: Sendable {
        package let title: String
        package let url: String
        /// A page whose site path starts with this one shows the item as current.
        package let sitePath: String
    }

    package var config: SiteConfig { content.config }

    public init(content: SiteContent, rendered: [RenderedMarkdown], archives: Archives, theme: Theme) {
        self.content = content
        self.rendered = rendered
        self.archives = archives
        self.theme = theme
        var formatting: [String: DateFormatting] = [:]
        for language in content.config.languages {
            formatting[language.code] = DateFormatting(locale: language.locale, timeZone: content.config.timeZone)
        }
        self.formatting = formatting
        var positions: [Int: Int] = [:]
        for sections in content.sections.values {
            for section in sections {
                for (position, id) in section.pages.enumerated() { positions[id] = position }
            }
        }
        sectionPosition = positions
        homePages = content.regularPages.mapValues { ids in ids.filter { content.pages[$0].section != "" } }
        alternates = SiteModel.collectAlternates(content: content, archives: archives)
        siteParams = MetaValue.table(content.config.params.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }).templateValue
        cards = CardCache(count: content.pages.count)
        stringValues = Self.stringValues(of: theme)
        let config = content.config
        let params = siteParams
        languageValues = Dictionary(config.languages.map { ($0.code, Self.values(of: $0, config: config, params: params)) }) { first, _ in first }
        origin = config.origin
        navItems = Self.navItems(content: content, theme: theme)
        tagRefs = archives.tags.mapValues { terms in
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
        copy.stringValues = Self.stringValues(of: theme)
        copy.navItems = Self.navItems(content: copy.content, theme: theme)
        return copy
    }

    private static func navItems(content: SiteContent, theme: Theme) -> [String: [NavItem]] {
        let config = content.config
        var result: [String: [NavItem]] = [:]
        for language in config.languages {
            let prefix = "/" + language.urlPrefix + "/"
            let strings = theme.strings(for: language)
            var items = (content.sections[language.code] ?? []).map { section in
                NavItem(title: section.title, url: config.href(forSitePath: section.sitePath), sitePath: section.sitePath)
            }
            for (key, folder) in [("tags", "tags/"), ("authors", "authors/"), ("archives", "archives/")] {
                items.append(NavItem(title: strings[key] ?? ContentResolver.displayName(ofFolder: key),
                                     url: config.href(forSitePath: prefix + folder), sitePath: prefix + folder))
            }
            result[language.code] = items
        }
        return result
    }

    /// The `site` and `lang` values of the pages of `language`.
    package static func values(of language: LanguageConfig, config: SiteConfig, params: TemplateValue) -> (site: TemplateValue, lang: TemplateValue) {
        let url = { (sitePath: String) in TemplateValue.string(config.href(forSitePath: sitePath)) }
        let site: TemplateValue = [
            "title": .string(language.title.isEmpty ? config.title : language.title), "description": .string(language.description),
            "baseURL": .string(config.baseURL), "home": url("/" + language.urlPrefix + "/"), "root": .string(config.basePath),
            "assets": url("/assets/"), "params": params,
        ]
        let lang: TemplateValue = ["code": .string(language.code), "prefix": .string(language.urlPrefix), "name": .string(language.name),
                                   "isCJK": .bool(language.isCJK)]
        return (site, lang)
    }

    private static func stringValues(of theme: Theme) -> [String: TemplateValue] {
        theme.strings.mapValues { table in .object(table.mapValues(TemplateValue.string)) }
    }

    /// The key under which the same page is found in every language.
    package func translationKey(of job: RenderJob) -> String? {
        switch job {
        case let .page(id): return "page:" + content.pages[id].translationGroup
        case .home: return "home"
        case let .section(language, index, _): return "section:" + (content.sections[language]?[index].name ?? "")
        case .tags: return "tags"
        case let .tag(language, index, _): return "tag:" + (archives.tags[language]?[index].key ?? "")
        case .authors: return "authors"
        case let .author(language, index, _): return "author:" + (archives.authors[language]?[index].id ?? "")
        case .archives: return "archives"
        case let .year(language, index, _): return "year:\(archives.years[language]?[index].year ?? 0)"
        case let .month(language, year, index, _):
            let month = archives.years[language]?[year].months[index]
            return "month:\(month?.year ?? 0)-\(month?.month ?? 0)"
        case .notFound, .root: return nil
        }
    }

    package static func collectAlternates(content: SiteContent, archives: Archives) -> [String: [String: String]] {
        var map: [String: [String: String]] = [:]
        for page in content.pages {
            // A section's _index is its list page: both share the section key below.
            if page.kind == .regular, page.fallbackOf == nil {
                map["page:" + page.translationGroup, default: [:]][page.language] = page.sitePath
            }
        }
        for language in content.config.languages {
            let code = language.code
            let prefix = "/" + language.urlPrefix + "/"
            map["home", default: [:]][code] = prefix
            for section in content.sections[code] ?? [] { map["section:" + section.name, default: [:]][code] = section.sitePath }
            map["tags", default: [:]][code] = prefix + "tags/"
            map["authors", default: [:]][code] = prefix + "authors/"
            map["archives", default: [:]][code] = prefix + "archives/"
            for term in archives.tags[code] ?? [] { map["tag:" + term.key, default: [:]][code] = term.sitePath }
            for author in archives.authors[code] ?? [] { map["author:" + author.id, default: [:]][code] = author.sitePath }
            for year in archives.years[code] ?? [] {
                map["year:\(year.year)", default: [:]][code] = year.sitePath
                for month in year.months { map["month:\(month.year)-\(month.month)", default: [:]][code] = month.sitePath }
            }
        }
        return map
    }

    /// Where the language switcher sends a reader of `job` who picks `language`.
    package func counterpart(of job: RenderJob, in language: LanguageConfig) -> (path: String, exists: Bool) {
        if let key = translationKey(of: job), let path = alternates[key]?[language.code] { return (path, true) }
        let prefix = "/" + language.urlPrefix + "/"
        switch job {
        case let .page(id):
            let page = content.pages[id]
            if let section = content.section(named: page.section, language: language.code) { return (section.sitePath, false) }
            return (prefix, false)
        case .tag: return (prefix + "tags/", false)
        case .author: return (prefix + "authors/", false)
        case .year, .month: return (prefix + "archives/", false)
        default: return (prefix, false)
        }
    }

    package func url(_ sitePath: String) -> String { config.href(forSitePath: sitePath) }
    /// The URL of a site path under the base URL's scheme and host (root-relative when it has
    /// none), percent-encoded.
    package func absoluteURL(_ sitePath: String) -> String { origin + url(sitePath) }
}
