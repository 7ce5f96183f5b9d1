import Foundation
import PortalText
import PortalSources
import PortalSite
import PortalTemplates

/// Builds the Mustache context of each page kind (the contract is in the
/// README's "Templates" section). All logic lives here, none in templates.
package struct ContextBuilder: Sendable {
    package let model: SiteModel

    package var config: SiteConfig { model.config }

    package func language(_ id: LanguageID) -> LanguageConfig {
        config[id]
    }

    package func strings(_ language: LanguageID) -> [String: String] {
        model.theme.strings(for: config[language])
    }

    package func text(_ key: String, _ language: LanguageID, default fallback: String) -> String {
        strings(language)[key] ?? fallback
    }

    /// Keys every layout has: site, lang, languages, t, nav, menus, hasMenu, data, head, kind, is.
    package func common(job: RenderJob, kind: String, language id: LanguageID, title: String, sitePath: String,
                description: String = "", feeds: [TemplateValue] = [], pagination: (prev: String?, next: String?) = (nil, nil)) -> TemplateValue {
        let language = config[id]
        let siteTitle = language.title.isEmpty ? config.title : language.title
        let languages: [TemplateValue] = config.languageIDs.map { otherID in
            let other = config[otherID]
            let target = otherID == id ? (sitePath, true) : model.counterpart(of: job, in: otherID)
            return ["code": .string(other.code), "prefix": .string(other.urlPrefix), "name": .string(other.name),
                    "url": .string(model.url(target.0)), "isCurrent": .bool(otherID == id), "isTranslation": .bool(target.1)]
        }
        var alternates: [TemplateValue] = []
        if let key = model.translationKey(of: job), let paths = model.alternates[key], paths.count > 1, pagination.prev == nil {
            for other in config.languageIDs {
                if let path = paths[other] { alternates.append(["hreflang": .string(config[other].code), "url": .string(model.absoluteURL(path))]) }
            }
            if let path = paths[config.defaultLanguageID] {
                alternates.append(["hreflang": "x-default", "url": .string(model.absoluteURL(path))])
            }
        }
        var head: TemplateValue = [
            "title": .string(title == siteTitle ? siteTitle : title + " · " + siteTitle),
            "description": .string(description.isEmpty ? language.description : description),
            "canonical": .string(model.absoluteURL(sitePath)),
            "feeds": .list(feeds.isEmpty ? [feedLink(title: siteTitle, feed: model.paths.feed(id))] : feeds),
            "alternates": .list(alternates),
            // Open Graph and Twitter cards, for links shared in chat apps and social media.
            "og": ["type": "website", "title": .string(title), "siteName": .string(siteTitle), "locale": model.languageValues[id].lang["ogLocale"] ?? ""],
        ]
        if let prev = pagination.prev { head["prev"] = .string(model.absoluteURL(prev)) }
        if let next = pagination.next { head["next"] = .string(model.absoluteURL(next)) }

        let home = model.paths.home(id)
        let nav: [TemplateValue] = model.navItems[id].map { Self.navValue($0, sitePath: sitePath, home: home) }
        var menus: [(String, TemplateValue)] = []
        var hasMenu: [(String, TemplateValue)] = []
        for menu in model.menus[id] {
            menus.append((menu.name, .list(menu.items.map { Self.navValue($0, sitePath: sitePath, home: home) })))
            hasMenu.append((menu.name, .bool(!menu.items.isEmpty)))
        }
        let values = model.languageValues[id]
        return [
            "site": values.site,
            "lang": values.lang,
            "languages": .list(languages),
            "t": stringsValue(id),
            "nav": .list(nav),
            "menus": .object(TemplateObject(pairs: menus)),
            "hasMenu": .object(TemplateObject(pairs: hasMenu)),
            "data": model.dataValues[id],
            "head": head,
            "kind": .string(kind),
            "is": Self.kindFlags[kind] ?? Self.flags(of: kind),
            "generator": "portal",
        ]
    }

    /// A header or menu link on the page at `sitePath`: `current` is "page" on the page a
    /// menu entry names and "true" under it (an automatic entry says "true" for both);
    /// the language's home marks only itself.
    static func navValue(_ item: SiteModel.NavItem, sitePath: String, home: String) -> TemplateValue {
        var current: TemplateValue = .null
        if let path = item.sitePath {
            if path == sitePath {
                current = item.fromMenu ? "page" : "true"
            } else if sitePath.hasPrefix(path), path != home || !item.fromMenu {
                current = "true"
            }
        }
        var value: [(String, TemplateValue)] = [
            ("title", .string(item.title)), ("url", .string(item.url)), ("current", current),
            ("isActive", .bool(current != .null)), ("external", .bool(item.external)),
        ]
        if !item.children.isEmpty {
            value.append(("children", .list(item.children.map { navValue($0, sitePath: sitePath, home: home) })))
            value.append(("hasChildren", true))
        }
        return .object(TemplateObject(pairs: value))
    }

    /// A feed for the head: its title, RSS URL, and the JSON Feed's with `[feed] json`.
    package func feedLink(title: String, feed: String) -> TemplateValue {
        var link: TemplateValue = ["title": .string(title), "url": .string(model.url(feed))]
        if config.feed.json, feed.hasSuffix("index.xml") {
            link["json"] = .string(model.url(SitePaths.jsonFeed(ofList: String(feed.dropLast("index.xml".count)))))
        }
        return link
    }

    /// `zh_CN`, `zh_TW`, `en_US`…: Open Graph writes a language and a territory.
    static func openGraphLocale(_ language: LanguageConfig) -> String {
        let tag = language.locale.replacingOccurrences(of: "_", with: "-").lowercased()
        let parts = tag.split(separator: "-").map(String.init)
        guard let first = parts.first else { return "en_US" }
        if first == "zh" {
            if parts.contains(where: { ["hant", "tw"].contains($0) }) { return "zh_TW" }
            if parts.contains("hk") { return "zh_HK" }
            return "zh_CN"
        }
        if let region = parts.dropFirst().first(where: { $0.count == 2 }) { return first + "_" + region.uppercased() }
        return ["en": "en_US", "ja": "ja_JP", "ko": "ko_KR", "fr": "fr_FR", "de": "de_DE", "es": "es_ES"][first] ?? first
    }

    /// The page kinds `is.<kind>` tells apart (`is.notFound` is the 404 page).
    private static let kinds = ["home", "section", "page", "tags", "tag", "taxonomy", "term", "authors", "author", "archives", "year", "month", "search"]

    /// The `is` object of each kind, made once: every page of a kind shares it.
    private static let kindFlags = Dictionary(uniqueKeysWithValues: (kinds + ["404", "root"]).map { ($0, flags(of: $0)) })

    private static func flags(of kind: String) -> TemplateValue {
        var flags = kinds.map { ($0, TemplateValue.bool($0 == kind)) }
        flags.append(("notFound", .bool(kind == "404")))
        return .object(TemplateObject(pairs: flags))
    }

    /// The string table of `language` as a template object (built once per theme and language).
    package func stringsValue(_ language: LanguageID) -> TemplateValue {
        model.stringValues[language]
    }

    package func date(_ date: Date?, _ language: LanguageID) -> TemplateValue? {
        guard let date else { return nil }
        let forms = model.formatting[language].forms(date)
        return ["iso": .string(forms.iso), "display": .string(forms.long), "short": .string(forms.short),
                "year": .string(String(forms.year)), "month": .string(forms.month < 10 ? "0\(forms.month)" : "\(forms.month)")]
    }

    package func tagRefs(_ page: Page) -> TemplateValue {
        let refs = model.tagRefs[page.languageID]
        return .list(model.archives.termPlaces(ofPage: page.id).map { refs[$0] })
    }

    package func authorRef(id: String, profile: AuthorProfile?, sitePath: String, language: LanguageID) -> TemplateValue {
        var ref: TemplateValue = ["id": .string(id), "name": .string(profile?.name(in: config[language].code) ?? id), "url": .string(model.url(sitePath))]
        if let title = profile?.title { ref["title"] = .string(title) }
        if let image = profile?.imageURL { ref["avatar"] = .string(image.hasPrefix("/") ? model.url(image) : image) }
        if let link = profile?.url { ref["link"] = .string(link) }
        return ref
    }

    package func authorRefs(_ page: Page, _ language: LanguageID) -> TemplateValue {
        var seen = Set<String>()
        return .list(page.metadata.authors.compactMap { reference in
            guard !reference.id.isEmpty, seen.insert(reference.id).inserted,
                  let archive = model.archives.author(reference.id, in: page.languageID, slugifier: Slugifier(style: config.chinese.slugStyle)) else { return nil }
            return authorRef(id: archive.id, profile: archive.profile, sitePath: archive.sitePath, language: language)
        })
    }

    package func summaryHTML(_ page: Page) -> String {
        if let summary = page.metadata.summary, !summary.isEmpty { return HTMLEscaping.escape(summary) }
        return model.rendered[page.id].summaryHTML
    }

    package func readingTime(_ page: Page) -> Int {
        model.rendered[page.id].readingMinutes(
            charactersPerMinute: config.chinese.charactersPerMinute, wordsPerMinute: config.chinese.wordsPerMinute)
    }

    package func sectionRef(_ page: Page) -> TemplateValue? {
        guard let section = model.content.section(named: page.section, language: page.languageID) else { return nil }
        return ["title": .string(section.title), "url": .string(model.url(section.sitePath))]
    }

    package func card(_ id: Int) -> TemplateValue {
        model.cards.card(id) { makeCard(id) }
    }

    private func makeCard(_ id: Int) -> TemplateValue {
        let page = model.content.pages[id]
        let language = page.languageID
        var card: TemplateValue = [
            "title": .string(page.title), "url": .string(model.url(page.sitePath)), "summary": .string(summaryHTML(page)),
            "tags": tagRefs(page), "authors": authorRefs(page, language), "readingTime": .int(readingTime(page)),
            "isDraft": .bool(page.isDraft),
        ]
        if let date = date(page.date, language) { card["date"] = date }
        if let section = sectionRef(page) { card["section"] = section }
        return card
    }

    /// Page links: the first, the last and two on each side of the current one, with gaps
    /// between; a fixed number per page, so long lists cost no more per page than short ones.
    package func paginator(_ pagination: Pagination, number: Int) -> TemplateValue {
        let total = pagination.pageCount
        var numbers = Set([1, total])
        for n in max(1, number - 2)...min(total, number + 2) { numbers.insert(n) }
        var pages: [TemplateValue] = []
        var previous = 0
        for n in numbers.sorted() {
            if n > previous + 1 { pages.append(["isGap": true]) }
            pages.append(["number": .int(n), "url": .string(model.url(pagination.path(n))), "isCurrent": .bool(n == number)])
            previous = n
        }
        var result: TemplateValue = ["current": .int(number), "total": .int(total), "isPaginated": .bool(total > 1), "pages": .list(pages)]
        if number > 1 { result["prev"] = .string(model.url(pagination.path(number - 1))) }
        if number < total { result["next"] = .string(model.url(pagination.path(number + 1))) }
        return result
    }
}
