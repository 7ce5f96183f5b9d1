import Foundation
import PortalText
import PortalSources
import PortalMarkdown
import PortalSite
import PortalRender

/// Runs the whole pipeline in memory: config, discovery, front matter, resolution,
/// Markdown, archives, templates. Touches the disk only to read.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site; with a `cache`, unchanged sources are neither parsed nor rendered again,
    /// and with `changed` (site-relative paths, `portal serve`) an edit to the body of
    /// a page re-renders only that page's Markdown.
    public func build(cache: BuildCache? = nil, changed: [String]? = nil) -> BuildResult {
        if let cache, let changed, let patched = patch(cache: cache, changed: changed) { return patched }
        let result = fullBuild(cache: cache)
        if result.failed { cache?.live = nil }
        return result
    }

    /// The stages in order, each a function from what the ones before made to a new value.
    private func fullBuild(cache: BuildCache?) -> BuildResult {
        var run = BuildRun(strict: options.strict)
        guard let site = loadSite(&run) else { return run.finish([]) }
        var documents = parseDocuments(site, cache: cache, &run)
        var content = resolve(documents, site: site, cache: cache, &run)
        // The pages hold what they need of the documents.
        documents.documents = []
        // The archives need only the resolved pages: they are built beside the Markdown.
        let archiveWork = BackgroundWork { [content, authors = site.authors, tagNames = site.tagNames, termNames = site.termNames] in
            ArchiveBuilder(content: content, authors: content.authorProfiles(merging: authors), tagNames: tagNames, termNames: termNames).build()
        }
        let markdown = renderMarkdown(content, site: site, cache: cache, &run)
        let archives = run.take(archiveWork.wait(), stage: "archives")
        // `portal build` needs no Markdown source once it is rendered: letting it go keeps
        // the rest of the build about as much memory smaller as the sources weigh.
        // `portal serve` keeps it, to render an edited page again.
        if cache == nil { content.releaseBodies() }
        guard let theme = site.theme else { return run.finish([]) }
        // Pages read in place (a copy of each would count references to all its fields).
        for index in content.pages.indices {
            guard let layout = content.pages[index].metadata.layout, content.pages[index].fallbackOf == nil,
                  let problem = theme.layoutProblem(layout) else { continue }
            // Hugo sites name their old theme's layouts (`singlepage`): the page still builds.
            run.diagnostics.append(.warning(problem + "; the page uses the default layout",
                                            at: SourceLocation(path: content.pages[index].source.sitePath,
                                                               line: content.pages[index].metadata.lines["layout"] ?? 1, column: 1)))
        }
        guard !run.diagnostics.hasErrors else { return run.finish([]) }

        // Meetings: nothing to do for a site without series or a page with a `meeting`.
        let meetings = MeetingSchedule.make(content: content, data: site.meetings, now: options.now)
        run.diagnostics += meetings.diagnostics
        guard !run.diagnostics.hasErrors else { return run.finish([]) }
        let model = SiteModel(content: content, rendered: markdown.rendered, archives: archives, theme: theme, data: site.data,
                              meetings: meetings.schedule)
        run.diagnostics += model.menuProblems
        let box = ModelBox(model)
        let pages = renderPages(box, &run)
        let others = otherFiles(box, jobs: pages.jobs, site: site, &run)
        var files = pages.files + others
        // Which files collide and which links are broken are found side by side: each
        // reads the list of files alone, and most of their work runs on one thread.
        let originWork = BackgroundWork { [files, limits = site.config.limits] in OutputOrigins.problems(in: files, limits: limits) }
        let links = LinkChecker.checkPages(content: content, rendered: markdown.rendered, files: files)
        run.diagnostics += originWork.wait()
        let otherDiagnostics = run.diagnostics
        run.diagnostics += links.warnings.keys.sorted().flatMap { links.warnings[$0] ?? [] }
        run.clock.lap("links")
        files.sort { $0.path < $1.path }

        var pageCounts = PerLanguage(site.config) { _ in 0 }
        for index in content.pages.indices { pageCounts[content.pages[index].languageID] += 1 }
        run.statistics.pagesPerLanguage = site.config.languageIDs.map { language in (site.config[language].code, pageCounts[language]) }
        run.statistics.archivePages = pages.jobs.count - content.pages.count
        run.statistics.staticFiles = others.filter { if case .copy = $0.content { return true } else { return false } }.count
        if let cache {
            var bySource: [String: [Int]] = [:]
            for page in content.pages { bySource[page.source.sitePath, default: []].append(page.id) }
            cache.live = LiveSite(
                box: box, files: files, otherDiagnostics: otherDiagnostics, linkWarnings: links.warnings, checker: links.checker,
                parser: documents.parser, renderer: markdown.renderer, index: markdown.index, configKey: documents.configKey,
                linkKey: markdown.linkKey, pagesBySource: bySource, statistics: run.statistics)
        }
        return run.finish(files)
    }

    // MARK: Stages

    /// What the site folder holds besides its pages: configuration, theme, data, and the list of sources.
    private struct LoadedSite {
        package var config: SiteConfig
        package var theme: Theme?
        package var authors: AuthorRegistry
        package var tagNames: [String: [String: String]]
        /// Term names of each taxonomy, by plural name.
        package var termNames: [String: [String: [String: String]]]
        package var data: [DataFile]
        package var meetings: MeetingData
        package var scan: ContentScan
    }

    private func loadSite(_ run: inout BuildRun) -> LoadedSite? {
        let root = options.sourceRoot
        let loaded = SiteConfigLoader.load(siteRoot: root)
        run.diagnostics += loaded.diagnostics
        guard var config = loaded.config else { return nil }
        if let baseURL = options.baseURL {
            if URLSafety.isAllowedLink(baseURL) {
                config.setBaseURL(baseURL)
            } else {
                run.diagnostics.append(.warning("ignoring the base URL given (--base-url or PORTAL_BASE_URL): '\(URLSafety.shown(baseURL))' is not an http, https, mailto or relative URL"))
            }
        }
        let theme = Theme.load(siteRoot: root)
        let authors = DataLoader.loadAuthors(siteRoot: root, file: config.layout.authorsFile)
        let tagNames = DataLoader.loadTagNames(siteRoot: root)
        var termNames: [String: [String: [String: String]]] = [:]
        for taxonomy in config.taxonomies {
            let names = DataLoader.loadTagNames(siteRoot: root, file: "data/\(taxonomy.plural).toml")
            termNames[taxonomy.plural] = names.names
            run.diagnostics += names.diagnostics
        }
        let data = DataLoader.loadDataFiles(siteRoot: root, languages: config.languages.map(\.code), timeZone: config.timeZone)
        let meetings = DataLoader.loadMeetings(siteRoot: root, timeZone: config.timeZone)
        let scan = ContentScanner.scan(siteRoot: root, config: config)
        run.diagnostics += theme.diagnostics + authors.diagnostics + tagNames.diagnostics + data.diagnostics + meetings.diagnostics + scan.diagnostics
        run.clock.lap("config")
        return LoadedSite(config: config, theme: theme.theme, authors: authors.registry, tagNames: tagNames.names, termNames: termNames, data: data.files, meetings: meetings.meetings, scan: scan)
    }

    private struct ParsedDocuments {
        package var documents: [Document]
        package var parser: DocumentParser
        package var configKey: Int
    }

    /// Front matter, in parallel: each file is independent.
    private func parseDocuments(_ site: LoadedSite, cache: BuildCache?, _ run: inout BuildRun) -> ParsedDocuments {
        MarkdownRenderer.prepare()
        let parser = DocumentParser(timeZone: site.config.timeZone)
        let parse = { @Sendable (source: SourceFile) -> (Document?, [Diagnostic]) in
            guard let bytes = SourceReader.read(source.absolutePath) else {
                return (nil, [.error("cannot read file", at: SourceLocation(path: source.sitePath))])
            }
            return parser.parse(bytes, source: source)
        }
        cache?.prune(keeping: site.scan.sources)
        let configKey = cache == nil ? 0 : BuildCache.configKey(siteRoot: options.sourceRoot, baseURL: options.baseURL)
        let parsed = parallelMap(site.scan.sources) { source -> (Document?, [Diagnostic]) in
            cache?.parsed(source, configKey: configKey) { parse(source) } ?? parse(source)
        }
        run.diagnostics += parsed.flatMap(\.1)
        run.clock.lap("front matter")
        return ParsedDocuments(documents: parsed.compactMap(\.0), parser: parser, configKey: configKey)
    }

    private func resolve(_ parsed: ParsedDocuments, site: LoadedSite, cache: BuildCache?, _ run: inout BuildRun) -> SiteContent {
        let resolver = ContentResolver(config: site.config, includeDrafts: options.includeDrafts, includeFuture: options.includeFuture,
                                         includeExpired: options.includeExpired, now: options.now)
        var content = run.take(resolver.resolve(parsed.documents), stage: "resolve")
        content.categories = site.scan.categories
        if site.config.gitLastmod {
            // `portal serve` reads the history once: saves are not commits.
            let git = cache?.gitLastmod(siteRoot: options.sourceRoot) ?? GitLastmod.read(siteRoot: options.sourceRoot)
            if let problem = git.problem {
                run.diagnostics.append(.warning("[git] lastmod: \(problem); lastmod comes from front matter", at: SourceLocation(path: "site.toml")))
            }
            for index in content.pages.indices {
                let page = content.pages[index]
                // A fallback copy shows its original, whose file is the one committed.
                let source = page.fallbackOf.map { content.pages[$0].source.sitePath } ?? page.source.sitePath
                if let date = git.dates[source] { content.pages[index].lastmod = date }
            }
            run.clock.lap("git")
        }
        run.diagnostics += OutputOrigins.limitProblems(content: content, limits: site.config.limits)
        return content
    }

    private struct RenderedBodies {
        package var rendered: [RenderedMarkdown]
        package var renderer: MarkdownRenderer
        package var index: LinkIndex
        package var linkKey: Int
    }

    /// Markdown, in parallel; each page owns its link rewriter.
    private func renderMarkdown(_ content: SiteContent, site: LoadedSite, cache: BuildCache?, _ run: inout BuildRun) -> RenderedBodies {
        let renderer = MarkdownRenderer(options: site.config.markdown, chinese: site.config.chinese)
        let index = LinkIndex(content: content, assets: site.scan.assets)
        let markdownOptions = site.config.markdown
        let theme = site.theme
        let refs = RefResolver(content: content, index: index)
        let strings = theme.map { theme in PerLanguage(content.config) { theme.strings(for: content.config[$0]) } }
        let render = { @Sendable (page: Page) -> (RenderedMarkdown, [Diagnostic]) in
            if page.source.isHTML { return (Self.htmlPage(page.document.body, options: markdownOptions), []) }
            let links = PageLinkRewriter(page: page, content: content, index: index)
            let shortcodes = ShortcodeTemplates.forPage(page, theme: theme, content: content, links: links, refs: refs, strings: strings)
            let (markdown, errors) = renderer.render(page.document.body, links: links, file: page.source.sitePath,
                                                     bodyLine: page.document.bodyLine, mdx: page.source.isMDX, shortcodes: shortcodes)
            // A fallback copy shares its source: the original names the problem once.
            return (markdown, page.fallbackOf == nil ? errors : [])
        }
        // Bodies depend on the pages links point to and on the shortcode templates.
        let linkKey = cache == nil ? 0 : BuildCache.linkKey(content: content, assets: site.scan.assets) &+ (theme?.shortcodeKey ?? 0)
        let rendered = parallelMap(content.pages) { page -> (RenderedMarkdown, [Diagnostic]) in
            // A fallback copy shares its source with the original but links from another URL.
            guard page.fallbackOf == nil, let cache else { return render(page) }
            return cache.rendered(page.source, linkKey: linkKey) { render(page) }
        }
        run.diagnostics += rendered.flatMap(\.1)
        if !site.config.markdown.unsafe, let warning = Self.omittedHTMLWarning(rendered.map(\.0), pages: content.pages) {
            run.diagnostics.append(warning)
        }
        run.clock.lap("markdown")
        return RenderedBodies(rendered: rendered.map(\.0), renderer: renderer, index: index, linkKey: linkKey)
    }

    /// Every HTML page, rendered when its bytes are first asked for: by the thread that
    /// writes it in `portal build`, by the browser's request in `portal serve`.
    private func renderPages(_ box: ModelBox, _ run: inout BuildRun) -> (jobs: [RenderJob], files: [OutputFile]) {
        let model = box.model
        let renderer = PageRenderer(model: model)
        let jobs = renderer.jobs()
        let files = jobs.map { job in
            let path = renderer.outputPath(of: job)
            return OutputFile(path: path, content: Self.deferred { PageRenderer(model: box.model).render(job) },
                              origin: OutputOrigins.origin(of: job, path: path, model: model))
        }
        run.clock.lap("templates")
        return (jobs, files)
    }

    /// Feeds, the sitemap, redirects (pagination and aliases) and copied files.
    private func otherFiles(_ box: ModelBox, jobs: [RenderJob], site: LoadedSite, _ run: inout BuildRun) -> [OutputFile] {
        let model = box.model
        let pageRenderer = PageRenderer(model: model)
        let sitemap = SitemapWriter(model: model)
        var files: [OutputFile] = []
        for spec in FeedWriter(model: model).specs() {
            files.append(OutputFile(path: spec.outputPath, content: Self.deferred { FeedWriter(model: box.model).feed(spec) }, origin: .generated("feed")))
            if model.config.feed.json {
                files.append(OutputFile(path: spec.jsonOutputPath, content: Self.deferred { FeedWriter(model: box.model).jsonFeed(spec) },
                                        origin: .generated("feed")))
            }
        }
        for calendar in ICalendarWriter(model: model).files() {
            files.append(OutputFile(path: String(calendar.sitePath.drop { $0 == "/" }),
                                    content: .deferred(DeferredContent { ICalendarWriter(model: box.model).render(calendar.file, language: calendar.language) }),
                                    origin: .generated("calendar")))
        }
        files.append(OutputFile(path: SitemapWriter.path, content: Self.deferred { SitemapWriter(model: box.model).sitemap(jobs: jobs) },
                                origin: .generated("sitemap")))
        var robots = sitemap.robots()
        robots.origin = .generated("robots.txt")
        files.append(robots)
        files += pageRenderer.firstPageRedirects(jobs: jobs).map { file in
            var redirect = file
            redirect.origin = .generated("pagination redirect")
            return redirect
        }
        // An alias two pages declare stays with the first in source order (pages are in
        // that order); a fallback copy leaves its aliases to its original.
        var aliasOwners: [String: Page] = [:]
        for page in model.content.pages where page.fallbackOf == nil {
            for alias in page.metadata.aliases {
                let path = SitePaths.alias(Self.collapsingSlashes(alias), of: page.sitePath)
                let origin = OutputOrigins.origin(page, key: "aliases", note: "alias '\(alias)'")
                if let problem = Self.aliasProblem(alias, path: path) {
                    run.diagnostics.append(.error("alias '\(alias)' \(problem)", at: origin.location))
                    continue
                }
                if let owner = aliasOwners[SitePaths.outputPath(of: path)] {
                    run.diagnostics.append(.warning(
                        "alias '\(alias)' is also an alias of \(owner.source.sitePath), which keeps it: remove it from one of the two",
                        at: origin.location))
                    continue
                }
                aliasOwners[SitePaths.outputPath(of: path)] = page
                var redirect = pageRenderer.redirect(from: path, to: page.sitePath, language: page.languageID)
                redirect.origin = origin
                files.append(redirect)
                run.statistics.aliases += 1
            }
        }
        files += AssetPlanner(content: model.content, assets: site.scan.assets, theme: model.theme).files()
        files += SearchIndexFiles(model: model).files()
        run.clock.lap("feeds and assets")
        return files
    }

    // MARK: Helpers

    /// The body of an `.html` content page under the raw-HTML rule of `[markdown] unsafe`:
    /// left out, sanitized, or kept as written.
    package static func htmlPage(_ body: String, options: MarkdownOptions) -> RenderedMarkdown {
        let html = !options.unsafe ? "<!-- raw HTML omitted -->\n" : options.sanitized ? HTMLSanitizer.sanitize(body) : body
        var rendered = RenderedMarkdown(html: html, headings: [], summaryHTML: "", hasExplicitSummary: false, cjkCharacters: 0, latinWords: 0)
        rendered.rawHTMLCount = 1
        return rendered
    }

    /// One warning for the whole build when `[markdown] unsafe` is off and pages lost raw HTML.
    package static func omittedHTMLWarning(_ rendered: [RenderedMarkdown], pages: [Page]) -> Diagnostic? {
        var pageCount = 0
        var pieces = 0
        for (markdown, page) in zip(rendered, pages) where page.fallbackOf == nil {
            let found = markdown.rawHTMLCount
            if found > 0 {
                pageCount += 1
                pieces += found
            }
        }
        guard pageCount > 0 else { return nil }
        return .warning("\(pageCount) page\(pageCount == 1 ? "" : "s") lost \(pieces) piece\(pieces == 1 ? "" : "s") of raw HTML, "
            + "left out because `unsafe` under [markdown] in site.toml is off (set it to \"sanitized\" or true to keep it)")
    }

    /// `//a//b/` -> `/a/b/`: Hugo reads repeated slashes in an alias as one.
    package static func collapsingSlashes(_ alias: String) -> String {
        guard alias.contains("//") else { return alias }
        var out = ""
        for character in alias where !(character == "/" && out.last == "/") { out.append(character) }
        return out
    }

    /// Why an alias cannot be a page of the site, or nil when it can.
    package static func aliasProblem(_ alias: String, path: String) -> String? {
        if alias.trimmingCharacters(in: .whitespaces).isEmpty { return "is empty: write the old path of the page, such as /blog/old-name/" }
        if alias.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" }) {
            return "holds a control character or a backslash, which no URL path has"
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let inner = parts.last == "" ? parts.dropLast() : parts
        if inner.isEmpty { return "is the root of the site, which portal writes itself" }
        if inner.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return "is not a plain path (it has an empty, '.' or '..' part): write it from the site's root, such as /blog/old-name/"
        }
        return nil
    }

    /// Content made by `make` when first read; `make` renders from the model the box holds then.
    package static func deferred(_ make: @escaping @Sendable () -> OutputFile) -> OutputFile.Content {
        .deferred(DeferredContent {
            guard case let .bytes(bytes) = make().content else { return [] }
            return bytes
        })
    }
}

/// What a build collects on its way through the stages: diagnostics, counts and times.
private struct BuildRun {
    package let strict: Bool
    package var clock = StageClock()
    package var statistics = BuildStatistics()
    package var diagnostics: [Diagnostic] = []

    /// The value of a stage that also reports diagnostics, its time noted.
    package mutating func take<Value>(_ result: (Value, [Diagnostic]), stage: String) -> Value {
        diagnostics += result.1
        clock.lap(stage)
        return result.0
    }

    /// The result: no files when anything is an error (every warning, under `strict`).
    package func finish(_ files: [OutputFile]) -> BuildResult {
        var statistics = statistics
        statistics.stageTimes = clock.times
        let all = strict ? diagnostics.map { Diagnostic(.error, $0.message, at: $0.location) } : diagnostics
        return BuildResult(files: all.hasErrors ? [] : files, diagnostics: all.sortedForDisplay(), statistics: statistics)
    }
}

/// Measures the time of each stage for `--timings`.
package struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    package private(set) var times: [(stage: String, seconds: Double)] = []

    package mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        times.append((stage, Double(now - last) / 1e9))
        last = now
    }
}
