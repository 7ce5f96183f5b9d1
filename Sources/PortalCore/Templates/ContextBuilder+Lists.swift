import Foundation

extension ContextBuilder {
    /// A paginated list of pages: home, section, tag, author, month.
    func listContext(job: RenderJob, kind: String, language: LanguageConfig, title: String, basePath: String,
                     ids: [Int], number: Int, content: String = "", feed: String? = nil) -> [String: Any] {
        let pagination = Pagination(itemCount: ids.count, pageSize: config.pageSize, basePath: basePath)
        let sitePath = pagination.path(number)
        var feeds: [[String: Any]] = [["title": language.title.isEmpty ? config.title : language.title,
                                       "url": model.url("/" + language.urlPrefix + "/index.xml")]]
        if let feed, feed != "/" + language.urlPrefix + "/index.xml" { feeds.append(["title": title, "url": model.url(feed)]) }
        var context = common(
            job: job, kind: kind, language: language, title: title, sitePath: sitePath, feeds: feeds,
            pagination: (number > 1 ? pagination.path(number - 1) : nil, number < pagination.pageCount ? pagination.path(number + 1) : nil))
        var list: [String: Any] = [
            "title": title, "content": content,
            "pages": ids[pagination.range(number)].map(card),
            "paginator": paginator(pagination, number: number),
        ]
        if let feed { list["feed"] = model.url(feed) }
        context["list"] = list
        return context
    }

    func homeContext(language code: String, number: Int) -> [String: Any] {
        let language = language(code)
        let ids = homePages(code)
        let home = model.content.homes[code].map { model.content.pages[$0] }
        let title = language.title.isEmpty ? config.title : language.title
        return listContext(job: .home(language: code, number: number), kind: "home", language: language,
                           title: home?.metadata.title ?? title, basePath: "/" + language.urlPrefix + "/", ids: ids, number: number,
                           content: home.map { model.rendered[$0.id].html } ?? "", feed: "/" + language.urlPrefix + "/index.xml")
    }

    /// Posts the home lists: regular pages inside a section, newest first.
    func homePages(_ code: String) -> [Int] {
        model.homePages[code] ?? []
    }

    func sectionContext(language code: String, index: Int, number: Int) -> [String: Any] {
        let language = language(code)
        let section = model.content.sections[code]![index]
        return listContext(job: .section(language: code, index: index, number: number), kind: "section", language: language,
                           title: section.title, basePath: section.sitePath, ids: section.pages, number: number,
                           content: section.indexPage.map { model.rendered[$0].html } ?? "")
    }

    func tagsContext(language code: String) -> [String: Any] {
        let language = language(code)
        let title = text("tags", language, default: "Tags")
        var context = common(job: .tags(language: code), kind: "tags", language: language, title: title,
                             sitePath: "/" + language.urlPrefix + "/tags/")
        context["terms"] = (model.archives.tags[code] ?? []).map { term in
            ["name": term.name, "url": model.url(term.sitePath), "count": term.pages.count] as [String: Any]
        }
        context["list"] = ["title": title]
        return context
    }

    func tagContext(language code: String, index: Int, number: Int) -> [String: Any] {
        let language = language(code)
        let term = model.archives.tags[code]![index]
        var context = listContext(job: .tag(language: code, index: index, number: number), kind: "tag", language: language,
                                  title: term.name, basePath: term.sitePath, ids: term.pages, number: number,
                                  feed: term.sitePath + "index.xml")
        context["term"] = ["name": term.name, "url": model.url(term.sitePath), "count": term.pages.count,
                           "feed": model.url(term.sitePath + "index.xml")]
        return context
    }

    func authorsContext(language code: String) -> [String: Any] {
        let language = language(code)
        let title = text("authors", language, default: "Authors")
        var context = common(job: .authors(language: code), kind: "authors", language: language, title: title,
                             sitePath: "/" + language.urlPrefix + "/authors/")
        context["authors"] = (model.archives.authors[code] ?? []).map { author in
            var ref = authorRef(id: author.id, profile: author.profile, sitePath: author.sitePath, language: language)
            ref["count"] = author.pages.count
            return ref
        }
        context["list"] = ["title": title]
        return context
    }

    func authorContext(language code: String, index: Int, number: Int) -> [String: Any] {
        let language = language(code)
        let author = model.archives.authors[code]![index]
        var ref = authorRef(id: author.id, profile: author.profile, sitePath: author.sitePath, language: language)
        var context = listContext(job: .author(language: code, index: index, number: number), kind: "author", language: language,
                                  title: ref["name"] as? String ?? author.id, basePath: author.sitePath, ids: author.pages,
                                  number: number, feed: author.sitePath + "index.xml")
        if let bio = author.profile?.bio { ref["bio"] = bio }
        ref["socials"] = (author.profile?.socials ?? []).map { social in
            ["network": social.network, "handle": social.handle, "url": Self.socialURL(social)]
        }
        ref["count"] = author.pages.count
        ref["feed"] = model.url(author.sitePath + "index.xml")
        context["author"] = ref
        return context
    }

    static func socialURL(_ social: AuthorProfile.Social) -> String {
        if social.handle.contains("://") { return social.handle }
        switch social.network.lowercased() {
        case "github": return "https://github.com/" + social.handle
        case "x", "twitter": return "https://x.com/" + social.handle
        case "gitlab": return "https://gitlab.com/" + social.handle
        case "linkedin": return "https://www.linkedin.com/in/" + social.handle
        default: return social.handle
        }
    }

    func archivesContext(language code: String) -> [String: Any] {
        let language = language(code)
        let title = text("archives", language, default: "Archives")
        var context = common(job: .archives(language: code), kind: "archives", language: language, title: title,
                             sitePath: "/" + language.urlPrefix + "/archives/")
        let formatting = model.formatting[code]
        context["years"] = (model.archives.years[code] ?? []).map { year in
            [
                "year": String(year.year), "url": model.url(year.sitePath), "count": year.pages.count,
                "months": year.months.map { month in
                    ["label": formatting?.monthLabel(year: month.year, month: month.month) ?? "\(month.year)-\(month.month)",
                     "url": model.url(month.sitePath), "count": month.pages.count] as [String: Any]
                },
            ] as [String: Any]
        }
        context["list"] = ["title": title]
        return context
    }

    func yearContext(language code: String, index: Int, number: Int) -> [String: Any] {
        let language = language(code)
        let year = model.archives.years[code]![index]
        var context = listContext(job: .year(language: code, index: index, number: number), kind: "year", language: language,
                                  title: String(year.year), basePath: year.sitePath, ids: year.pages, number: number)
        let pagination = Pagination(itemCount: year.pages.count, pageSize: config.pageSize, basePath: year.sitePath)
        let shown = year.pages[pagination.range(number)]
        let formatting = model.formatting[code]
        var groups: [(month: Int, ids: [Int])] = []
        for id in shown {
            let month = model.content.pages[id].date.map { formatting?.components($0).month ?? 0 } ?? 0
            if groups.last?.month == month { groups[groups.count - 1].ids.append(id) } else { groups.append((month, [id])) }
        }
        context["year"] = ["year": String(year.year), "count": year.pages.count]
        context["months"] = groups.map { group in
            let archive = year.months.first { $0.month == group.month }
            return ["label": formatting?.monthLabel(year: year.year, month: group.month) ?? "\(group.month)",
                    "url": model.url(archive?.sitePath ?? year.sitePath), "count": archive?.pages.count ?? group.ids.count,
                    "pages": group.ids.map(card)] as [String: Any]
        }
        return context
    }

    func monthContext(language code: String, year yearIndex: Int, index: Int, number: Int) -> [String: Any] {
        let language = language(code)
        let month = model.archives.years[code]![yearIndex].months[index]
        let label = model.formatting[code]?.monthLabel(year: month.year, month: month.month) ?? "\(month.year)-\(month.month)"
        return listContext(job: .month(language: code, year: yearIndex, index: index, number: number), kind: "month",
                           language: language, title: label, basePath: month.sitePath, ids: month.pages, number: number)
    }

    func notFoundContext() -> [String: Any] {
        let language = config.defaultLanguageConfig
        let title = text("notFoundTitle", language, default: "Page not found")
        var context = common(job: .notFound, kind: "404", language: language, title: title, sitePath: "/404.html")
        context["list"] = ["title": title]
        return context
    }

    func rootContext() -> [String: Any] {
        let language = config.defaultLanguageConfig
        var context = common(job: .home(language: language.code, number: 1), kind: "root", language: language,
                             title: config.title, sitePath: "/")
        context["target"] = model.url("/" + language.urlPrefix + "/")
        context["languages"] = config.languages.map { other in
            ["code": other.code, "prefix": other.urlPrefix, "name": other.name, "url": model.url("/" + other.urlPrefix + "/"),
             "isCurrent": other.code == language.code, "isTranslation": true] as [String: Any]
        }
        var head = context["head"] as? [String: Any] ?? [:]
        head["title"] = config.title
        head["canonical"] = model.absoluteURL("/")
        head["alternates"] = config.languages.map { ["hreflang": $0.code, "url": model.absoluteURL("/" + $0.urlPrefix + "/")] }
            + [["hreflang": "x-default", "url": model.absoluteURL("/" + language.urlPrefix + "/")]]
        context["head"] = head
        return context
    }

    func aliasContext(target: String, language: LanguageConfig) -> [String: Any] {
        var context: [String: Any] = ["target": target, "t": strings(language), "lang": ["code": language.code]]
        context["head"] = ["canonical": target, "title": target]
        return context
    }
}
