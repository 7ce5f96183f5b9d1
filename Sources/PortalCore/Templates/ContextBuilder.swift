import Foundation

/// Builds the Mustache context of each page kind (the contract is in the
/// README's "Templates" section). All logic lives here, none in templates.
struct ContextBuilder: Sendable {
    let model: SiteModel

    var config: SiteConfig { model.config }

    func language(_ code: String) -> LanguageConfig {
        config.language(matching: code) ?? config.defaultLanguageConfig
    }

    func strings(_ language: LanguageConfig) -> [String: String] {
        model.theme.strings[language.urlPrefix] ?? model.theme.strings["en"] ?? [:]
    }

    func text(_ key: String, _ language: LanguageConfig, default fallback: String) -> String {
        strings(language)[key] ?? fallback
    }

    /// Keys every layout has: site, lang, languages, t, nav, head, kind, is.
    func common(job: RenderJob, kind: String, language: LanguageConfig, title: String, sitePath: String,
                description: String = "", feeds: [[String: Any]] = [], pagination: (prev: String?, next: String?) = (nil, nil)) -> [String: Any] {
        let prefix = "/" + language.urlPrefix + "/"
        let siteTitle = language.title.isEmpty ? config.title : language.title
        let languages: [[String: Any]] = config.languages.map { other in
            let target = other.code == language.code ? (sitePath, true) : model.counterpart(of: job, in: other)
            return ["code": other.code, "prefix": other.urlPrefix, "name": other.name, "url": model.url(target.0),
                    "isCurrent": other.code == language.code, "isTranslation": target.1]
        }
        var alternates: [[String: Any]] = []
        if let key = model.translationKey(of: job), let paths = model.alternates[key], paths.count > 1, pagination.prev == nil {
            for other in config.languages {
                if let path = paths[other.code] { alternates.append(["hreflang": other.code, "url": model.absoluteURL(path)]) }
            }
            if let path = paths[config.defaultLanguageConfig.code] {
                alternates.append(["hreflang": "x-default", "url": model.absoluteURL(path)])
            }
        }
        var head: [String: Any] = [
            "title": title == siteTitle ? siteTitle : title + " · " + siteTitle,
            "description": description.isEmpty ? language.description : description,
            "canonical": model.absoluteURL(sitePath),
            "feeds": feeds.isEmpty ? [["title": siteTitle, "url": model.url(prefix + "index.xml")]] : feeds,
            "alternates": alternates,
        ]
        if let prev = pagination.prev { head["prev"] = model.absoluteURL(prev) }
        if let next = pagination.next { head["next"] = model.absoluteURL(next) }

        var nav: [[String: Any]] = (model.content.sections[language.code] ?? []).map { section in
            ["title": section.title, "url": model.url(section.sitePath), "isActive": sitePath.hasPrefix(section.sitePath)]
        }
        for (key, folder) in [("tags", "tags/"), ("authors", "authors/"), ("archives", "archives/")] {
            nav.append(["title": text(key, language, default: ContentResolver.displayName(ofFolder: key)),
                        "url": model.url(prefix + folder), "isActive": sitePath.hasPrefix(prefix + folder)])
        }
        let kinds = ["home", "section", "page", "tags", "tag", "authors", "author", "archives", "year", "month"]
        var flags: [String: Bool] = [:]
        for name in kinds { flags[name] = name == kind }
        flags["notFound"] = kind == "404"
        return [
            "site": [
                "title": siteTitle, "description": language.description, "baseURL": config.baseURL,
                "home": model.url(prefix), "root": config.basePath, "assets": model.url("/assets/"),
                "params": MetaValue.table(config.params.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }).templateValue,
            ] as [String: Any],
            "lang": ["code": language.code, "prefix": language.urlPrefix, "name": language.name, "isCJK": language.isCJK] as [String: Any],
            "languages": languages,
            "t": strings(language),
            "nav": nav,
            "head": head,
            "kind": kind,
            "is": flags,
            "generator": "portal",
        ]
    }

    func date(_ date: Date?, _ language: LanguageConfig) -> [String: Any]? {
        guard let date, let formatting = model.formatting[language.code] else { return nil }
        let parts = formatting.components(date)
        return ["iso": formatting.iso(date), "display": formatting.long(date), "short": formatting.short(date),
                "year": String(parts.year), "month": parts.month < 10 ? "0\(parts.month)" : "\(parts.month)"]
    }

    func tagRefs(_ page: Page) -> [[String: Any]] {
        let slugifier = Slugifier(style: config.chinese.slugStyle)
        var seen = Set<String>()
        return page.tags.compactMap { tag in
            let key = slugifier.nonEmptySlug(tag)
            guard seen.insert(key).inserted, let term = model.archives.term(key, language: page.language) else { return nil }
            return ["name": term.name, "url": model.url(term.sitePath), "count": term.pages.count]
        }
    }

    func authorRef(id: String, profile: AuthorProfile?, sitePath: String, language: LanguageConfig) -> [String: Any] {
        var ref: [String: Any] = ["id": id, "name": profile?.name(in: language.code) ?? id, "url": model.url(sitePath)]
        if let title = profile?.title { ref["title"] = title }
        if let image = profile?.imageURL { ref["avatar"] = image.hasPrefix("/") ? model.url(image) : image }
        if let link = profile?.url { ref["link"] = link }
        return ref
    }

    func authorRefs(_ page: Page, _ language: LanguageConfig) -> [[String: Any]] {
        var seen = Set<String>()
        return page.metadata.authors.compactMap { reference in
            guard !reference.id.isEmpty, seen.insert(reference.id).inserted,
                  let archive = model.archives.authors[page.language]?.first(where: { $0.id == reference.id }) else { return nil }
            return authorRef(id: archive.id, profile: archive.profile, sitePath: archive.sitePath, language: language)
        }
    }

    func summaryHTML(_ page: Page) -> String {
        if let summary = page.metadata.summary, !summary.isEmpty { return HTMLEscaping.escape(summary) }
        return model.rendered[page.id].summaryHTML
    }

    func readingTime(_ page: Page) -> Int {
        model.rendered[page.id].readingMinutes(
            charactersPerMinute: config.chinese.charactersPerMinute, wordsPerMinute: config.chinese.wordsPerMinute)
    }

    func sectionRef(_ page: Page) -> [String: Any]? {
        guard let section = model.content.section(named: page.section, language: page.language) else { return nil }
        return ["title": section.title, "url": model.url(section.sitePath)]
    }

    func card(_ id: Int) -> [String: Any] {
        let page = model.content.pages[id]
        let language = language(page.language)
        var card: [String: Any] = [
            "title": page.title, "url": model.url(page.sitePath), "summary": summaryHTML(page),
            "tags": tagRefs(page), "authors": authorRefs(page, language), "readingTime": readingTime(page),
            "isDraft": page.isDraft,
        ]
        if let date = date(page.date, language) { card["date"] = date }
        if let section = sectionRef(page) { card["section"] = section }
        return card
    }

    /// Page links: the first, the last and two on each side of the current one, with gaps
    /// between; a fixed number per page, so long lists cost no more per page than short ones.
    func paginator(_ pagination: Pagination, number: Int) -> [String: Any] {
        let total = pagination.pageCount
        var numbers = Set([1, total])
        for n in max(1, number - 2)...min(total, number + 2) { numbers.insert(n) }
        var pages: [[String: Any]] = []
        var previous = 0
        for n in numbers.sorted() {
            if n > previous + 1 { pages.append(["isGap": true]) }
            pages.append(["number": n, "url": model.url(pagination.path(n)), "isCurrent": n == number])
            previous = n
        }
        var result: [String: Any] = ["current": number, "total": total, "isPaginated": total > 1, "pages": pages]
        if number > 1 { result["prev"] = model.url(pagination.path(number - 1)) }
        if number < total { result["next"] = model.url(pagination.path(number + 1)) }
        return result
    }
}
