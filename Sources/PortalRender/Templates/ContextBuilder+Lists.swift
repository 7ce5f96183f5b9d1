import Foundation
import PortalSources
import PortalSite
import PortalTemplates

extension ContextBuilder {
    /// A paginated list of pages: home, section, tag, author, month.
    /// `pageSize` overrides the site's for lists shown whole (months).
    package func listContext(job: RenderJob, kind: String, language: LanguageConfig, title: String, basePath: String,
                     ids: [Int], number: Int, content: [UInt8] = [], feed: String? = nil, pageSize: Int? = nil) -> TemplateValue {
        let pagination = Pagination(itemCount: ids.count, pageSize: pageSize ?? config.pageSize, basePath: basePath)
        let sitePath = pagination.path(number)
        var feeds: [TemplateValue] = [["title": .string(language.title.isEmpty ? config.title : language.title),
                                       "url": .string(model.url("/" + language.urlPrefix + "/index.xml"))]]
        if let feed, feed != "/" + language.urlPrefix + "/index.xml" { feeds.append(["title": .string(title), "url": .string(model.url(feed))]) }
        var context = common(
            job: job, kind: kind, language: language, title: title, sitePath: sitePath, feeds: feeds,
            pagination: (number > 1 ? pagination.path(number - 1) : nil, number < pagination.pageCount ? pagination.path(number + 1) : nil))
        var list: TemplateValue = [
            "title": .string(title), "content": .html(content),
            "pages": .list(ids[pagination.range(number)].map(card)),
            "paginator": paginator(pagination, number: number),
        ]
        if let feed { list["feed"] = .string(model.url(feed)) }
        context["list"] = list
        return context
    }

    package func homeContext(language code: String, number: Int) -> TemplateValue {
        let language = language(code)
        let ids = homePages(code)
        let home = model.content.homes[code].map { model.content.pages[$0] }
        let title = language.title.isEmpty ? config.title : language.title
        return listContext(job: .home(language: code, number: number), kind: "home", language: language,
                           title: home?.metadata.title ?? title, basePath: "/" + language.urlPrefix + "/", ids: ids, number: number,
                           content: home.map { model.rendered[$0.id].htmlBytes } ?? [], feed: "/" + language.urlPrefix + "/index.xml")
    }

    /// Posts the home lists: regular pages inside a section, newest first.
    package func homePages(_ code: String) -> [Int] {
        model.homePages[code] ?? []
    }

    package func sectionContext(language code: String, index: Int, number: Int) -> TemplateValue {
        let language = language(code)
        let section = model.content.sections[code]![index]
        return listContext(job: .section(language: code, index: index, number: number), kind: "section", language: language,
                           title: section.title, basePath: section.sitePath, ids: section.pages, number: number,
                           content: section.indexPage.map { model.rendered[$0].htmlBytes } ?? [])
    }

    package func tagsContext(language code: String) -> TemplateValue {
        let language = language(code)
        let title = text("tags", language, default: "Tags")
        var context = common(job: .tags(language: code), kind: "tags", language: language, title: title,
                             sitePath: "/" + language.urlPrefix + "/tags/")
        context["terms"] = .list((model.archives.tags[code] ?? []).map { term in
            ["name": .string(term.name), "url": .string(model.url(term.sitePath)), "count": .int(term.pages.count)]
        })
        context["list"] = ["title": .string(title)]
        return context
    }

    package func tagContext(language code: String, index: Int, number: Int) -> TemplateValue {
        let language = language(code)
        let term = model.archives.tags[code]![index]
        var context = listContext(job: .tag(language: code, index: index, number: number), kind: "tag", language: language,
                                  title: term.name, basePath: term.sitePath, ids: term.pages, number: number,
                                  feed: term.sitePath + "index.xml")
        context["term"] = ["name": .string(term.name), "url": .string(model.url(term.sitePath)), "count": .int(term.pages.count),
                           "feed": .string(model.url(term.sitePath + "index.xml"))]
        return context
    }

    package func authorsContext(language code: String) -> TemplateValue {
        let language = language(code)
        let title = text("authors", language, default: "Authors")
        var context = common(job: .authors(language: code), kind: "authors", language: language, title: title,
                             sitePath: "/" + language.urlPrefix + "/authors/")
        context["authors"] = .list((model.archives.authors[code] ?? []).map { author in
            var ref = authorRef(id: author.id, profile: author.profile, sitePath: author.sitePath, language: language)
            ref["count"] = .int(author.pages.count)
            return ref
        })
        context["list"] = ["title": .string(title)]
        return context
    }

    package func authorContext(language code: String, index: Int, number: Int) -> TemplateValue {
        let language = language(code)
        let author = model.archives.authors[code]![index]
        var ref = authorRef(id: author.id, profile: author.profile, sitePath: author.sitePath, language: language)
        var context = listContext(job: .author(language: code, index: index, number: number), kind: "author", language: language,
                                  title: profileName(ref) ?? author.id, basePath: author.sitePath, ids: author.pages,
                                  number: number, feed: author.sitePath + "index.xml")
        if let bio = author.profile?.bio { ref["bio"] = .string(bio) }
        ref["socials"] = .list((author.profile?.socials ?? []).map { social in
            ["network": .string(social.network), "handle": .string(social.handle), "url": .string(Self.socialURL(social))]
        })
        ref["count"] = .int(author.pages.count)
        ref["feed"] = .string(model.url(author.sitePath + "index.xml"))
        context["author"] = ref
        return context
    }

    private func profileName(_ ref: TemplateValue) -> String? {
        if case let .string(name)? = ref["name"] { return name }
        return nil
    }

    package static func socialURL(_ social: AuthorProfile.Social) -> String {
        if social.handle.contains("://") { return social.handle }
        switch social.network.lowercased() {
        case "github": return "https://github.com/" + social.handle
        case "x", "twitter": return "https://x.com/" + social.handle
        case "gitlab": return "https://gitlab.com/" + social.handle
        case "linkedin": return "https://www.linkedin.com/in/" + social.handle
        default: return social.handle
        }
    }

    package func archivesContext(language code: String) -> TemplateValue {
        let language = language(code)
        let title = text("archives", language, default: "Archives")
        var context = common(job: .archives(language: code), kind: "archives", language: language, title: title,
                             sitePath: "/" + language.urlPrefix + "/archives/")
        let formatting = model.formatting[code]
        context["years"] = .list((model.archives.years[code] ?? []).map { year in
            [
                "year": .string(String(year.year)), "url": .string(model.url(year.sitePath)), "count": .int(year.pages.count),
                "months": .list(year.months.map { month in
                    ["label": .string(formatting?.monthLabel(year: month.year, month: month.month) ?? "\(month.year)-\(month.month)"),
                     "url": .string(model.url(month.sitePath)), "count": .int(month.pages.count)]
                }),
            ]
        })
        context["list"] = ["title": .string(title)]
        return context
    }

    package func yearContext(language code: String, index: Int, number: Int) -> TemplateValue {
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
        context["year"] = ["year": .string(String(year.year)), "count": .int(year.pages.count)]
        context["months"] = .list(groups.map { group in
            let archive = year.months.first { $0.month == group.month }
            return ["label": .string(formatting?.monthLabel(year: year.year, month: group.month) ?? "\(group.month)"),
                    "url": .string(model.url(archive?.sitePath ?? year.sitePath)), "count": .int(archive?.pages.count ?? group.ids.count),
                    "pages": .list(group.ids.map(card))]
        })
        return context
    }

    package func monthContext(language code: String, year yearIndex: Int, index: Int, number: Int) -> TemplateValue {
        let language = language(code)
        let month = model.archives.years[code]![yearIndex].months[index]
        let label = model.formatting[code]?.monthLabel(year: month.year, month: month.month) ?? "\(month.year)-\(month.month)"
        return listContext(job: .month(language: code, year: yearIndex, index: index, number: number), kind: "month",
                           language: language, title: label, basePath: month.sitePath, ids: month.pages, number: number,
                           pageSize: max(1, month.pages.count))
    }

    package func notFoundContext() -> TemplateValue {
        let language = config.defaultLanguageConfig
        let title = text("notFoundTitle", language, default: "Page not found")
        var context = common(job: .notFound, kind: "404", language: language, title: title, sitePath: "/404.html")
        context["list"] = ["title": .string(title)]
        return context
    }

    package func rootContext() -> TemplateValue {
        let language = config.defaultLanguageConfig
        var context = common(job: .home(language: language.code, number: 1), kind: "root", language: language,
                             title: config.title, sitePath: "/")
        context["target"] = .string(model.url("/" + language.urlPrefix + "/"))
        context["languages"] = .list(config.languages.map { other in
            ["code": .string(other.code), "prefix": .string(other.urlPrefix), "name": .string(other.name),
             "url": .string(model.url("/" + other.urlPrefix + "/")), "isCurrent": .bool(other.code == language.code), "isTranslation": true]
        })
        context["head"]?["title"] = .string(config.title)
        context["head"]?["canonical"] = .string(model.absoluteURL("/"))
        context["head"]?["alternates"] = .list(config.languages.map { ["hreflang": .string($0.code), "url": .string(model.absoluteURL("/" + $0.urlPrefix + "/"))] }
            + [["hreflang": "x-default", "url": .string(model.absoluteURL("/" + language.urlPrefix + "/"))]])
        return context
    }

    package func aliasContext(target: String, language: LanguageConfig) -> TemplateValue {
        ["target": .string(target), "t": stringsValue(language), "lang": ["code": .string(language.code)],
         "head": ["canonical": .string(target), "title": .string(target)]]
    }
}
