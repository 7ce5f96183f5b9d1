/// Renders every HTML page of the site through the theme's layouts.
struct PageRenderer: Sendable {
    let model: SiteModel

    /// Every page the site has, in a fixed order.
    func jobs() -> [RenderJob] {
        let content = model.content
        let archives = model.archives
        let size = model.config.pageSize
        func count(_ items: Int) -> Int { max(1, (items + size - 1) / size) }
        var jobs: [RenderJob] = [.root, .notFound]
        for language in model.config.languages {
            let code = language.code
            for page in content.pages where page.language == code && (page.kind == .regular || (page.kind == .section && model.content.section(named: page.section, language: code)?.indexPage != page.id)) {
                jobs.append(.page(id: page.id))
            }
            let home = ContextBuilder(model: model).homePages(code).count
            for n in 1...count(home) { jobs.append(.home(language: code, number: n)) }
            for (index, section) in (content.sections[code] ?? []).enumerated() {
                for n in 1...count(section.pages.count) { jobs.append(.section(language: code, index: index, number: n)) }
            }
            jobs.append(.tags(language: code))
            for (index, term) in (archives.tags[code] ?? []).enumerated() {
                for n in 1...count(term.pages.count) { jobs.append(.tag(language: code, index: index, number: n)) }
            }
            jobs.append(.authors(language: code))
            for (index, author) in (archives.authors[code] ?? []).enumerated() {
                for n in 1...count(author.pages.count) { jobs.append(.author(language: code, index: index, number: n)) }
            }
            jobs.append(.archives(language: code))
            for (index, year) in (archives.years[code] ?? []).enumerated() {
                for n in 1...count(year.pages.count) { jobs.append(.year(language: code, index: index, number: n)) }
                for (monthIndex, month) in year.months.enumerated() {
                    for n in 1...count(month.pages.count) {
                        jobs.append(.month(language: code, year: index, index: monthIndex, number: n))
                    }
                }
            }
        }
        return jobs
    }

    /// The layout, output path and HTML of one job.
    func render(_ job: RenderJob) -> OutputFile {
        let builder = ContextBuilder(model: model)
        let size = model.config.pageSize
        let context: [String: Any]
        let layout: String
        let sitePath: String
        func paged(_ base: String, _ number: Int) -> String {
            Pagination(itemCount: 0, pageSize: size, basePath: base).path(number)
        }
        switch job {
        case let .page(id):
            let page = model.content.pages[id]
            (layout, sitePath, context) = ("page", page.sitePath, builder.pageContext(id))
        case let .home(language, number):
            let prefix = "/" + builder.language(language).urlPrefix + "/"
            (layout, sitePath, context) = ("home", paged(prefix, number), builder.homeContext(language: language, number: number))
        case let .section(language, index, number):
            let section = model.content.sections[language]![index]
            (layout, sitePath, context) = ("section", paged(section.sitePath, number), builder.sectionContext(language: language, index: index, number: number))
        case let .tags(language):
            (layout, sitePath, context) = ("tags", "/" + builder.language(language).urlPrefix + "/tags/", builder.tagsContext(language: language))
        case let .tag(language, index, number):
            let term = model.archives.tags[language]![index]
            (layout, sitePath, context) = ("tag", paged(term.sitePath, number), builder.tagContext(language: language, index: index, number: number))
        case let .authors(language):
            (layout, sitePath, context) = ("authors", "/" + builder.language(language).urlPrefix + "/authors/", builder.authorsContext(language: language))
        case let .author(language, index, number):
            let author = model.archives.authors[language]![index]
            (layout, sitePath, context) = ("author", paged(author.sitePath, number), builder.authorContext(language: language, index: index, number: number))
        case let .archives(language):
            (layout, sitePath, context) = ("archives", "/" + builder.language(language).urlPrefix + "/archives/", builder.archivesContext(language: language))
        case let .year(language, index, number):
            let year = model.archives.years[language]![index]
            (layout, sitePath, context) = ("year", paged(year.sitePath, number), builder.yearContext(language: language, index: index, number: number))
        case let .month(language, yearIndex, index, number):
            let month = model.archives.years[language]![yearIndex].months[index]
            (layout, sitePath, context) = ("month", paged(month.sitePath, number), builder.monthContext(language: language, year: yearIndex, index: index, number: number))
        case .notFound:
            return OutputFile(path: "404.html", text: model.theme.render(builder.notFoundContext(), layout: "404"))
        case .root:
            (layout, sitePath, context) = ("root", "/", builder.rootContext())
        }
        return OutputFile(path: String(sitePath.dropFirst()) + "index.html", text: model.theme.render(context, layout: layout))
    }

    /// A redirect page at `sitePath` (aliases, `page/1/`).
    func redirect(from sitePath: String, to targetSitePath: String, language: String) -> OutputFile {
        let builder = ContextBuilder(model: model)
        let context = builder.aliasContext(target: model.absoluteURL(targetSitePath), language: builder.language(language))
        var path = String(sitePath.drop { $0 == "/" })
        if !path.hasSuffix(".html") {
            if !path.isEmpty && !path.hasSuffix("/") { path += "/" }
            path += "index.html"
        }
        return OutputFile(path: path, text: model.theme.render(context, layout: "alias"))
    }

    /// `page/1/` of every paginated list, sent to the list's plain URL.
    func firstPageRedirects() -> [OutputFile] {
        var files: [OutputFile] = []
        for job in jobs() {
            switch job {
            case let .home(language, 1):
                let base = "/" + ContextBuilder(model: model).language(language).urlPrefix + "/"
                files.append(redirect(from: base + "page/1/", to: base, language: language))
            case let .section(language, index, 1):
                let base = model.content.sections[language]![index].sitePath
                files.append(redirect(from: base + "page/1/", to: base, language: language))
            case let .tag(language, index, 1):
                let base = model.archives.tags[language]![index].sitePath
                files.append(redirect(from: base + "page/1/", to: base, language: language))
            case let .author(language, index, 1):
                let base = model.archives.authors[language]![index].sitePath
                files.append(redirect(from: base + "page/1/", to: base, language: language))
            case let .year(language, index, 1):
                let base = model.archives.years[language]![index].sitePath
                files.append(redirect(from: base + "page/1/", to: base, language: language))
            case let .month(language, year, index, 1):
                let base = model.archives.years[language]![year].months[index].sitePath
                files.append(redirect(from: base + "page/1/", to: base, language: language))
            default: continue
            }
        }
        return files
    }
}
