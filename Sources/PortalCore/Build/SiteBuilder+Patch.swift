import Foundation

extension SiteBuilder {
    /// `portal serve`'s quick path: when every changed file is the Markdown of an existing
    /// page and only its body changed (same front matter), re-render just those bodies and
    /// swap the model the deferred pages read. Nil when a full build is needed.
    func patch(cache: BuildCache, changed: [String]) -> BuildResult? {
        guard options.deferRendering, !changed.isEmpty, var live = cache.live else { return nil }
        var clock = StageClock()
        let model = live.box.model
        var pages: [Page] = []
        for path in changed {
            guard path.hasPrefix("content/"), path.hasSuffix(".md"), let ids = live.pagesBySource[path],
                  let old = ids.first.map({ model.content.pages[$0] }) else { return nil }
            let source = old.source
            let (parsed, problems) = cache.parsed(source, configKey: live.configKey) {
                guard let bytes = SourceReader.read(source.absolutePath) else {
                    return (nil, [.error("cannot read file", at: SourceLocation(path: source.sitePath))])
                }
                return live.parser.parse(bytes, source: source)
            }
            guard let document = parsed, problems.isEmpty, document.metadata == old.document.metadata,
                  document.format == old.document.format, document.source == source else { return nil }
            for id in ids {
                var page = model.content.pages[id]
                page.document = document
                pages.append(page)
            }
        }
        clock.lap("front matter")

        var updatedContent = model.content
        for page in pages { updatedContent.pages[page.id] = page }
        let content = updatedContent
        let renderer = live.renderer, index = live.index, linkKey = live.linkKey
        let rendered = parallelMap(pages) { page -> RenderedMarkdown in
            let render = { renderer.render(page.document.body, links: PageLinkRewriter(page: page, content: content, index: index)) }
            // A fallback copy shares its source with the original but links from another URL.
            guard page.fallbackOf == nil else { return render() }
            return cache.rendered(page.source, linkKey: linkKey) { (render(), []) }.0
        }
        var updates: [Int: RenderedMarkdown] = [:]
        for (page, markdown) in zip(pages, rendered) { updates[page.id] = markdown }
        clock.lap("markdown")

        for (page, markdown) in zip(pages, rendered) where page.fallbackOf == nil {
            live.checker.targets.setHeadings(markdown.headings.map(\.id), for: page.outputPath)
        }
        for (page, markdown) in zip(pages, rendered) where page.fallbackOf == nil {
            live.linkWarnings[page.source.sitePath] = live.checker.check(LinkSource(page: page, rendered: markdown))
        }
        clock.lap("links")

        var diagnostics = live.diagnostics
        if options.strict { diagnostics = diagnostics.map { Diagnostic(.error, $0.message, at: $0.location) } }
        var statistics = live.statistics
        statistics.stageTimes = clock.times
        statistics.patchedPages = pages.count
        if diagnostics.hasErrors {
            return BuildResult(files: [], diagnostics: diagnostics.sortedForDisplay(), statistics: statistics)
        }
        live.box.model = model.replacing(pages: pages, rendered: updates)
        cache.live = live
        return BuildResult(files: live.files, diagnostics: diagnostics.sortedForDisplay(), statistics: statistics)
    }
}
