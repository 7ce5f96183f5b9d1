import Foundation
import PortalSources
import PortalSite
import PortalTemplates

extension ContextBuilder {
    /// A paginated list of pages: home, section, tag, author, month.
    /// `pageSize` overrides the site's for lists shown whole (months).
    package func listContext(job: RenderJob, kind: String, language: LanguageID, title: String, basePath: String,
                     ids: [Int], number: Int, content: [UInt8] = [], feed: String? = nil, pageSize: Int? = nil) -> TemplateValue {
        let pagination = Pagination(itemCount: ids.count, pageSize: pageSize ?? config.pageSize, basePath: basePath)
        let sitePath = pagination.path(number)
        let languageFeed = model.paths.feed(language)
        var feeds: [TemplateValue] = [feedLink(title: config[language].title.isEmpty ? config.title : config[language].title, feed: languageFeed)]
        if let feed, feed != languageFeed { feeds.append(feedLink(title: title, feed: feed)) }
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

    package func homeContext(language: LanguageID, number: Int) -> TemplateValue {
        let ids = homePages(language)
        let home = model.content.homes[language].map { model.content.pages[$0] }
        let title = config[language].title.isEmpty ? config.title : config[language].title
        var context = listContext(job: .home(language: language, number: number), kind: "home", language: language,
                                  title: home?.metadata.title ?? title, basePath: model.paths.home(language), ids: ids, number: number,
                                  content: home.map { model.rendered[$0.id].htmlBytes } ?? [], feed: model.paths.feed(language))
        if let home, model.theme.layout(named: home.metadata.layout) != nil {
            // A home with a layout of its own (the landing page) reads its front matter as a page does.
            context["page"] = ["title": .string(home.title), "content": .html(model.rendered[home.id].htmlBytes),
                               "params": landingParams(home.metadata.params)]
            context["latest"] = latest(language)
        }
        if number == 1, let meetings = nextMeetings(language) { context["meetings"] = meetings }
        return context
    }

    /// The newest posts of a language, as cards, for a landing page.
    package func latest(_ language: LanguageID, count: Int = 6) -> TemplateValue {
        .list(homePages(language).prefix(count).map { card($0) })
    }

    /// Posts the home lists: regular pages inside a section, newest first.
    package func homePages(_ language: LanguageID) -> [Int] {
        model.homePages[language]
    }

    package func sectionContext(language: LanguageID, index: Int, number: Int) -> TemplateValue {
        let section = model.content.sections[language][index]
        var context = listContext(job: .section(language: language, index: index, number: number), kind: "section", language: language,
                                  title: section.title, basePath: section.sitePath, ids: section.pages, number: number,
                                  content: section.indexPage.map { model.rendered[$0].htmlBytes } ?? [],
                                  feed: FeedWriter.hasFeed(section, model: model) ? SitePaths.feed(ofList: section.sitePath) : nil)
        // The meetings section lists upcoming and past meetings above its pages.
        if number == 1, let schedule = model.meetings, section.name == schedule.data.section, let lists = meetingLists(language) {
            context["meetings"] = lists
        }
        return context
    }

    /// The title and rendered text an `_index.md` gives the generated list at `sitePath`.
    private func listText(at sitePath: String) -> (title: String?, content: [UInt8]) {
        guard let page = model.content.listText(at: sitePath) else { return (nil, []) }
        return (page.metadata.title, model.rendered[page.id].htmlBytes)
    }

    package func tagsContext(language: LanguageID) -> TemplateValue {
        let sitePath = model.paths.tags(in: language)
        let title = listText(at: sitePath).title ?? text("tags", language, default: "Tags")
        return termsContext(job: .tags(language: language), kind: "tags", language: language, terms: model.archives.tags[language],
                            taxonomy: taxonomyValue("tags", title: title, sitePath: sitePath))
    }

    package func tagContext(language: LanguageID, index: Int, number: Int) -> TemplateValue {
        let taxonomy = taxonomyValue("tags", title: text("allTags", language, default: "All tags"), sitePath: model.paths.tags(in: language))
        return termContext(job: .tag(language: language, index: index, number: number), kind: "tag", language: language,
                           term: model.archives.tags[language][index], number: number, taxonomy: taxonomy)
    }

    /// The title of a taxonomy's list: its `_index.md`, else the theme's string named by
    /// its plural (`categories`), else the plural itself, capitalised.
    package func taxonomyTitle(_ taxonomy: Taxonomy, language: LanguageID) -> String {
        listText(at: model.paths.taxonomy(taxonomy.plural, in: language)).title
            ?? text(taxonomy.plural, language, default: ContentResolver.displayName(ofFolder: taxonomy.plural))
    }

    package func taxonomyContext(language: LanguageID, taxonomy index: Int) -> TemplateValue {
        let archive = model.archives.taxonomies[index]
        return termsContext(job: .taxonomy(language: language, taxonomy: index), kind: "taxonomy", language: language,
                            terms: archive.terms[language], taxonomy: taxonomyValue(archive.taxonomy, language: language))
    }

    package func termContext(language: LanguageID, taxonomy index: Int, index termIndex: Int, number: Int) -> TemplateValue {
        let archive = model.archives.taxonomies[index]
        return termContext(job: .term(language: language, taxonomy: index, index: termIndex, number: number), kind: "term",
                           language: language, term: archive.terms[language][termIndex], number: number,
                           taxonomy: taxonomyValue(archive.taxonomy, language: language))
    }

    /// A taxonomy's `name`, `title` and `url` (tags are one: its list, or `All tags` on a tag's page).
    private func taxonomyValue(_ name: String, title: String, sitePath: String) -> TemplateValue {
        ["name": .string(name), "title": .string(title), "url": .string(model.url(sitePath))]
    }

    private func taxonomyValue(_ taxonomy: Taxonomy, language: LanguageID) -> TemplateValue {
        taxonomyValue(taxonomy.plural, title: taxonomyTitle(taxonomy, language: language),
                      sitePath: model.paths.taxonomy(taxonomy.plural, in: language))
    }

    /// The list of a taxonomy's terms (`tags`, `taxonomy`): each term's name, URL and count.
    private func termsContext(job: RenderJob, kind: String, language: LanguageID, terms: [Archives.Term], taxonomy: TemplateValue) -> TemplateValue {
        let sitePath = model.sitePath(of: job)
        let title = taxonomy["title"]?.stringValue ?? ""
        var context = common(job: job, kind: kind, language: language, title: title, sitePath: sitePath)
        context["terms"] = .list(terms.map { term in
            ["name": .string(term.name), "url": .string(model.url(term.sitePath)), "count": .int(term.pages.count)]
        })
        context["taxonomy"] = taxonomy
        context["list"] = ["title": .string(title)]
        let written = listText(at: sitePath).content
        if !written.isEmpty { context["list"]?["text"] = .html(written) }
        return context
    }

    /// The paginated pages of one term (`tag`, `term`), with its feed.
    private func termContext(job: RenderJob, kind: String, language: LanguageID, term: Archives.Term, number: Int,
                             taxonomy: TemplateValue) -> TemplateValue {
        let written = listText(at: term.sitePath)
        let feed = SitePaths.feed(ofList: term.sitePath)
        var context = listContext(job: job, kind: kind, language: language, title: written.title ?? term.name, basePath: term.sitePath,
                                  ids: term.pages, number: number, feed: feed)
        if !written.content.isEmpty { context["list"]?["text"] = .html(written.content) }
        context["term"] = ["name": .string(written.title ?? term.name), "url": .string(model.url(term.sitePath)), "count": .int(term.pages.count),
                           "feed": .string(model.url(feed))]
        context["taxonomy"] = taxonomy
        return context
    }

    package func authorsContext(language: LanguageID) -> TemplateValue {
        let written = listText(at: model.paths.authors(in: language))
        let title = written.title ?? text("authors", language, default: "Authors")
        var context = common(job: .authors(language: language), kind: "authors", language: language, title: title,
                             sitePath: model.paths.authors(in: language))
        context["authors"] = .list(model.archives.authors[language].map { author in
            var ref = authorRef(id: author.id, profile: author.profile, sitePath: author.sitePath, language: language)
            ref["count"] = .int(author.pages.count)
            return ref
        })
        context["list"] = ["title": .string(title)]
        if !written.content.isEmpty { context["list"]?["text"] = .html(written.content) }
        return context
    }

    package func authorContext(language: LanguageID, index: Int, number: Int) -> TemplateValue {
        let author = model.archives.authors[language][index]
        var ref = authorRef(id: author.id, profile: author.profile, sitePath: author.sitePath, language: language)
        var context = listContext(job: .author(language: language, index: index, number: number), kind: "author", language: language,
                                  title: profileName(ref) ?? author.id, basePath: author.sitePath, ids: author.pages,
                                  number: number, feed: SitePaths.feed(ofList: author.sitePath))
        let written = listText(at: author.sitePath).content
        if !written.isEmpty { context["list"]?["text"] = .html(written) }
        if let bio = author.profile?.bio { ref["bio"] = .string(bio) }
        ref["socials"] = .list((author.profile?.socials ?? []).map { social in
            ["network": .string(social.network), "handle": .string(social.handle), "url": .string(Self.socialURL(social))]
        })
        ref["count"] = .int(author.pages.count)
        ref["feed"] = .string(model.url(SitePaths.feed(ofList: author.sitePath)))
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

    package func archivesContext(language: LanguageID) -> TemplateValue {
        let title = text("archives", language, default: "Archives")
        var context = common(job: .archives(language: language), kind: "archives", language: language, title: title,
                             sitePath: model.paths.archives(in: language))
        let formatting = model.formatting[language]
        context["years"] = .list(model.archives.years[language].map { year in
            [
                "year": .string(String(year.year)), "url": .string(model.url(year.sitePath)), "count": .int(year.pages.count),
                "months": .list(year.months.map { month in
                    ["label": .string(formatting.monthLabel(year: month.year, month: month.month)),
                     "url": .string(model.url(month.sitePath)), "count": .int(month.pages.count)]
                }),
            ]
        })
        context["list"] = ["title": .string(title)]
        return context
    }

    package func yearContext(language: LanguageID, index: Int, number: Int) -> TemplateValue {
        let year = model.archives.years[language][index]
        var context = listContext(job: .year(language: language, index: index, number: number), kind: "year", language: language,
                                  title: String(year.year), basePath: year.sitePath, ids: year.pages, number: number)
        let pagination = Pagination(itemCount: year.pages.count, pageSize: config.pageSize, basePath: year.sitePath)
        let shown = year.pages[pagination.range(number)]
        let formatting = model.formatting[language]
        var groups: [(month: Int, ids: [Int])] = []
        for id in shown {
            let month = model.content.pages[id].date.map { formatting.components($0).month } ?? 0
            if groups.last?.month == month { groups[groups.count - 1].ids.append(id) } else { groups.append((month, [id])) }
        }
        context["year"] = ["year": .string(String(year.year)), "count": .int(year.pages.count)]
        context["months"] = .list(groups.map { group in
            let archive = year.months.first { $0.month == group.month }
            return ["label": .string(formatting.monthLabel(year: year.year, month: group.month)),
                    "url": .string(model.url(archive?.sitePath ?? year.sitePath)), "count": .int(archive?.pages.count ?? group.ids.count),
                    "pages": .list(group.ids.map(card))]
        })
        return context
    }

    package func monthContext(language: LanguageID, year yearIndex: Int, index: Int, number: Int) -> TemplateValue {
        let month = model.archives.years[language][yearIndex].months[index]
        let label = model.formatting[language].monthLabel(year: month.year, month: month.month)
        return listContext(job: .month(language: language, year: yearIndex, index: index, number: number), kind: "month",
                           language: language, title: label, basePath: month.sitePath, ids: month.pages, number: number,
                           pageSize: max(1, month.pages.count))
    }

    /// The search page of a language: the box, and where the script finds the index.
    package func searchContext(language: LanguageID) -> TemplateValue {
        let title = text("search", language, default: "Search")
        let sitePath = model.paths.search(in: language)
        var context = common(job: .search(language: language), kind: "search", language: language, title: title, sitePath: sitePath)
        context["list"] = ["title": .string(title)]
        context["search"] = [
            "index": .string(model.url(sitePath)),
            "tags": .string(model.url(model.paths.tags(in: language))),
            "archives": .string(model.url(model.paths.archives(in: language))),
            "others": .list(config.languageIDs.filter { $0 != language }.map { other in
                ["name": .string(config[other].name), "code": .string(config[other].code), "url": .string(model.url(model.paths.search(in: other)))]
            }),
        ]
        return context
    }

    /// A 404 page in `language`: the site's `/404.html` in the default language, and one
    /// under each language's own prefix.
    package func notFoundContext(_ job: RenderJob, language: LanguageID) -> TemplateValue {
        let title = text("notFoundTitle", language, default: "Page not found")
        var context = common(job: job, kind: "404", language: language, title: title, sitePath: model.sitePath(of: job))
        context["list"] = ["title": .string(title)]
        return context
    }

    package func rootContext() -> TemplateValue {
        let language = config.defaultLanguageID
        let paths = model.paths
        var context = common(job: .home(language: language, number: 1), kind: "root", language: language,
                             title: config.title, sitePath: SitePaths.root)
        context["target"] = .string(model.url(paths.home(language)))
        context["languages"] = .list(config.languageIDs.map { id in
            let other = config[id]
            return ["code": .string(other.code), "prefix": .string(other.urlPrefix), "name": .string(other.name),
                    "url": .string(model.url(paths.home(id))), "isCurrent": .bool(id == language), "isTranslation": true]
        })
        context["head"]?["title"] = .string(config.title)
        context["head"]?["canonical"] = .string(model.absoluteURL(SitePaths.root))
        context["head"]?["alternates"] = .list(config.languageIDs.map { ["hreflang": .string(config[$0].code), "url": .string(model.absoluteURL(paths.home($0)))] }
            + [["hreflang": "x-default", "url": .string(model.absoluteURL(paths.home(language)))]])
        return context
    }

    package func aliasContext(target: String, language: LanguageID) -> TemplateValue {
        ["target": .string(target), "t": stringsValue(language), "lang": ["code": .string(config[language].code)],
         "head": ["canonical": .string(target), "title": .string(target)]]
    }
}
