import Foundation

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

    private func fullBuild(cache: BuildCache?) -> BuildResult {
        var clock = StageClock()
        var statistics = BuildStatistics()
        var diagnostics: [Diagnostic] = []
        func finish(_ files: [OutputFile]) -> BuildResult {
            statistics.stageTimes = clock.times
            var all = diagnostics
            if options.strict {
                all = all.map { Diagnostic(.error, $0.message, at: $0.location) }
            }
            return BuildResult(files: all.hasErrors ? [] : files, diagnostics: all.sortedForDisplay(), statistics: statistics)
        }

        let root = options.sourceRoot
        let loaded = SiteConfigLoader.load(siteRoot: root)
        diagnostics += loaded.diagnostics
        guard var config = loaded.config else { return finish([]) }
        if let baseURL = options.baseURL { config.setBaseURL(baseURL) }
        let themeResult = Theme.load(siteRoot: root)
        diagnostics += themeResult.diagnostics
        let authors = DataLoader.loadAuthors(siteRoot: root)
        let tagNames = DataLoader.loadTagNames(siteRoot: root)
        diagnostics += authors.diagnostics + tagNames.diagnostics
        let scan = ContentScanner.scan(siteRoot: root, config: config)
        diagnostics += scan.diagnostics
        clock.lap("config")

        // Front matter, in parallel: each file is independent.
        MarkdownRenderer.prepare()
        let parser = DocumentParser(timeZone: config.timeZone)
        let parse = { @Sendable (source: SourceFile) -> (Document?, [Diagnostic]) in
            guard let bytes = SourceReader.read(source.absolutePath) else {
                return (nil, [.error("cannot read file", at: SourceLocation(path: source.sitePath))])
            }
            return parser.parse(bytes, source: source)
        }
        cache?.prune(keeping: scan.sources)
        let configKey = cache == nil ? 0 : BuildCache.configKey(siteRoot: root, baseURL: options.baseURL)
        let parsed = parallelMap(scan.sources) { source -> (Document?, [Diagnostic]) in
            cache?.parsed(source, configKey: configKey) { parse(source) } ?? parse(source)
        }
        let documents = parsed.compactMap(\.0)
        diagnostics += parsed.flatMap(\.1)
        clock.lap("front matter")

        let resolver = ContentResolver(config: config, includeDrafts: options.includeDrafts, includeFuture: options.includeFuture, now: options.now)
        let (content, resolveDiagnostics) = resolver.resolve(documents)
        diagnostics += resolveDiagnostics + OutputOrigins.limitProblems(content: content, limits: config.limits)
        clock.lap("resolve")

        // The archives need only the resolved pages: they are built beside the Markdown.
        let archiveBuilder = ArchiveBuilder(content: content, authors: authors.registry, tagNames: tagNames.names)
        let archiveWork = BackgroundWork { archiveBuilder.build() }

        // Markdown, in parallel; each page owns its link rewriter.
        let renderer = MarkdownRenderer(options: config.markdown, chinese: config.chinese)
        let index = LinkIndex(content: content, assets: scan.assets)
        let render = { @Sendable (page: Page) -> (RenderedMarkdown, [Diagnostic]) in
            (renderer.render(page.document.body, links: PageLinkRewriter(page: page, content: content, index: index)), [])
        }
        let linkKey = cache == nil ? 0 : BuildCache.linkKey(content: content, assets: scan.assets)
        let renderedPairs = parallelMap(content.pages) { page -> (RenderedMarkdown, [Diagnostic]) in
            // A fallback copy shares its source with the original but links from another URL.
            guard page.fallbackOf == nil, let cache else { return render(page) }
            return cache.rendered(page.source, linkKey: linkKey) { render(page) }
        }
        diagnostics += renderedPairs.flatMap(\.1)
        clock.lap("markdown")

        let (archives, archiveDiagnostics) = archiveWork.wait()
        diagnostics += archiveDiagnostics
        clock.lap("archives")

        guard let theme = themeResult.theme, !diagnostics.hasErrors else { return finish([]) }
        let model = SiteModel(content: content, rendered: renderedPairs.map(\.0), archives: archives, theme: theme)
        let pageRenderer = PageRenderer(model: model)
        let jobs = pageRenderer.jobs()
        let box = options.deferRendering ? ModelBox(model) : nil
        var files: [OutputFile]
        if let box {
            files = jobs.map { job in
                OutputFile(path: pageRenderer.outputPath(of: job), content: Self.deferred { PageRenderer(model: box.model).render(job) })
            }
        } else {
            files = parallelMap(jobs) { pageRenderer.render($0) }
        }
        var provenance = [String](repeating: "", count: files.count)
        for (i, job) in jobs.enumerated() {
            provenance[i] = OutputOrigins.describe(job, path: files[i].path, model: model)
        }
        clock.lap("templates")

        var extra: [(OutputFile, String)] = []
        let feedWriter = FeedWriter(model: model)
        if let box {
            extra += feedWriter.specs().map { spec in
                (OutputFile(path: spec.outputPath, content: Self.deferred { FeedWriter(model: box.model).feed(spec) }), "(feed)")
            }
        } else {
            extra += feedWriter.feeds().map { ($0, "(feed)") }
        }
        let sitemap = SitemapWriter(model: model)
        if let box {
            extra.append((OutputFile(path: SitemapWriter.path, content: Self.deferred { SitemapWriter(model: box.model).sitemap(jobs: jobs) }), "(sitemap)"))
        } else {
            extra.append((sitemap.sitemap(jobs: jobs), "(sitemap)"))
        }
        extra.append((sitemap.robots(), "(robots.txt)"))
        extra += pageRenderer.firstPageRedirects(jobs: jobs).map { ($0, "(pagination redirect)") }
        for page in content.pages {
            for alias in page.metadata.aliases {
                let aliasPath = alias.hasPrefix("/") ? alias : (page.sitePath.split(separator: "/").dropLast().map { "/" + $0 }.joined() + "/" + alias)
                extra.append((pageRenderer.redirect(from: aliasPath, to: page.sitePath, language: page.language), OutputOrigins.place(page, key: "aliases") + " (alias '\(alias)')"))
                statistics.aliases += 1
            }
        }
        extra += AssetPlanner(content: content, assets: scan.assets, theme: theme).files()
        clock.lap("feeds and assets")

        files += extra.map(\.0)
        provenance += extra.map(\.1)
        diagnostics += OutputOrigins.problems(files: files, provenance: provenance, limits: config.limits)
        let otherDiagnostics = diagnostics
        let links = LinkChecker.checkPages(content: content, rendered: renderedPairs.map(\.0), files: files)
        diagnostics += links.warnings.keys.sorted().flatMap { links.warnings[$0] ?? [] }
        clock.lap("links")
        files.sort { $0.path < $1.path }

        for language in config.languages {
            statistics.pagesPerLanguage.append((language.code, content.pages.filter { $0.language == language.code }.count))
        }
        statistics.archivePages = jobs.count - content.pages.count
        statistics.staticFiles = extra.filter { if case .copy = $0.0.content { return true } else { return false } }.count
        if let box, let cache {
            var bySource: [String: [Int]] = [:]
            for page in content.pages { bySource[page.source.sitePath, default: []].append(page.id) }
            cache.live = LiveSite(
                box: box, files: files, otherDiagnostics: otherDiagnostics, linkWarnings: links.warnings, checker: links.checker,
                parser: parser, renderer: renderer, index: index, configKey: configKey, linkKey: linkKey,
                pagesBySource: bySource, statistics: statistics)
        }
        return finish(files)
    }

    /// Content made by `make` when first read; `make` renders from the model the box holds then.
    static func deferred(_ make: @escaping @Sendable () -> OutputFile) -> OutputFile.Content {
        .deferred(DeferredContent {
            guard case let .bytes(bytes) = make().content else { return [] }
            return bytes
        })
    }
}

/// Measures the time of each stage for `--timings`.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var times: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        times.append((stage, Double(now - last) / 1e9))
        last = now
    }
}
