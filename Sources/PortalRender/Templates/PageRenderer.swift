import PortalSources
import PortalSite
import PortalTemplates

/// Renders every HTML page of the site through the theme's layouts.
package struct PageRenderer: Sendable {
    package let model: SiteModel

    package init(model: SiteModel) {
        self.model = model
    }

    /// Every page the site has, in a fixed order.
    package func jobs() -> [RenderJob] {
        let content = model.content
        let archives = model.archives
        let size = model.config.pageSize
        func count(_ items: Int) -> Int { max(1, (items + size - 1) / size) }
        // With the default language at the root, its home is the root page.
        var jobs: [RenderJob] = model.config.defaultLanguageAtRoot ? [.notFound] : [.root, .notFound]
        for code in model.config.languageIDs {
            for page in content.pages where page.languageID == code && (page.kind == .regular || (page.kind == .section && model.content.section(named: page.section, language: code)?.indexPage != page.id)) {
                jobs.append(.page(id: page.id))
            }
            let home = ContextBuilder(model: model).homePages(code).count
            for n in 1...count(home) { jobs.append(.home(language: code, number: n)) }
            for (index, section) in content.sections[code].enumerated() {
                for n in 1...count(section.pages.count) { jobs.append(.section(language: code, index: index, number: n)) }
            }
            jobs.append(.tags(language: code))
            for (index, term) in archives.tags[code].enumerated() {
                for n in 1...count(term.pages.count) { jobs.append(.tag(language: code, index: index, number: n)) }
            }
            for (taxonomy, archive) in archives.taxonomies.enumerated() {
                jobs.append(.taxonomy(language: code, taxonomy: taxonomy))
                for (index, term) in archive.terms[code].enumerated() {
                    for n in 1...count(term.pages.count) { jobs.append(.term(language: code, taxonomy: taxonomy, index: index, number: n)) }
                }
            }
            jobs.append(.authors(language: code))
            for (index, author) in archives.authors[code].enumerated() {
                for n in 1...count(author.pages.count) { jobs.append(.author(language: code, index: index, number: n)) }
            }
            if model.hasSearchPage(code) { jobs.append(.search(language: code)) }
            if model.paths.home(code) != "/" { jobs.append(.languageNotFound(language: code)) }
            jobs.append(.archives(language: code))
            for (index, year) in archives.years[code].enumerated() {
                for n in 1...count(year.pages.count) { jobs.append(.year(language: code, index: index, number: n)) }
                for monthIndex in year.months.indices {
                    jobs.append(.month(language: code, year: index, index: monthIndex, number: 1))
                }
            }
        }
        return jobs
    }

    /// The layout, output path and HTML of one job.
    package func render(_ job: RenderJob) -> OutputFile {
        let builder = ContextBuilder(model: model)
        let layout: String
        let context: TemplateValue
        switch job {
        case let .page(id): (layout, context) = (model.theme.layout(named: model.content.pages[id].metadata.layout) ?? "page", builder.pageContext(id))
        case let .home(language, number):
            let chosen = model.content.homes[language].flatMap { model.theme.layout(named: model.content.pages[$0].metadata.layout) }
            (layout, context) = (chosen ?? "home", builder.homeContext(language: language, number: number))
        case let .section(language, index, number):
            (layout, context) = ("section", builder.sectionContext(language: language, index: index, number: number))
        case let .tags(language): (layout, context) = ("tags", builder.tagsContext(language: language))
        case let .tag(language, index, number): (layout, context) = ("tag", builder.tagContext(language: language, index: index, number: number))
        case let .taxonomy(language, taxonomy): (layout, context) = ("taxonomy", builder.taxonomyContext(language: language, taxonomy: taxonomy))
        case let .term(language, taxonomy, index, number):
            (layout, context) = ("term", builder.termContext(language: language, taxonomy: taxonomy, index: index, number: number))
        case let .authors(language): (layout, context) = ("authors", builder.authorsContext(language: language))
        case let .author(language, index, number):
            (layout, context) = ("author", builder.authorContext(language: language, index: index, number: number))
        case let .archives(language): (layout, context) = ("archives", builder.archivesContext(language: language))
        case let .year(language, index, number): (layout, context) = ("year", builder.yearContext(language: language, index: index, number: number))
        case let .month(language, year, index, number):
            (layout, context) = ("month", builder.monthContext(language: language, year: year, index: index, number: number))
        case let .search(language): (layout, context) = ("search", builder.searchContext(language: language))
        case .notFound: (layout, context) = ("404", builder.notFoundContext(job, language: model.config.defaultLanguageID))
        case let .languageNotFound(language): (layout, context) = ("404", builder.notFoundContext(job, language: language))
        case .root: (layout, context) = ("root", builder.rootContext())
        }
        let bytes = model.theme.renderBytes(context, layout: layout)
        return OutputFile(path: outputPath(of: job), content: .bytes(bytes))
    }

    /// Where the page of `job` is written, relative to the output folder.
    package func outputPath(of job: RenderJob) -> String {
        SitePaths.outputPath(of: model.sitePath(of: job))
    }

    /// A redirect page at `sitePath` (aliases, `page/1/`).
    package func redirect(from sitePath: String, to targetSitePath: String, language: LanguageID) -> OutputFile {
        let context = ContextBuilder(model: model).aliasContext(target: model.absoluteURL(targetSitePath), language: language)
        return OutputFile(path: SitePaths.outputPath(of: sitePath), content: .bytes(model.theme.renderBytes(context, layout: "alias")))
    }

    /// `page/1/` of every paginated list, sent to the list's plain URL.
    package func firstPageRedirects(jobs: [RenderJob]) -> [OutputFile] {
        jobs.compactMap { job in
            guard let list = model.paginatedBase(of: job), list.number == 1 else { return nil }
            return redirect(from: list.basePath + "page/1/", to: list.basePath, language: list.language)
        }
    }
}
