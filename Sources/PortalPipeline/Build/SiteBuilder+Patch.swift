import Foundation
import PortalText
import PortalSources
import PortalMarkdown
import PortalSite
import PortalRender

extension SiteBuilder {
    /// `portal serve`'s quick path, when every changed file is one of these:
    /// - the Markdown of an existing page whose front matter did not change: only its
    ///   body is rendered again;
    /// - a layout, partial or string table under `Templates/`: the theme is loaded again;
    /// - a file the site copies as it is (static files, the theme's CSS): it is read
    ///   from disk when served, so there is nothing to do.
    /// The model the deferred pages read is then swapped. Nil when a full build is needed.
    package func patch(cache: BuildCache, changed: [String]) -> BuildResult? {
        guard !changed.isEmpty, var live = cache.live else { return nil }
        var clock = StageClock()
        var model = live.box.model
        var pages: [Page] = []
        var themeChanged = false
        for path in changed {
            // A shortcode template changes page bodies: a full build renders them again.
            if path.hasPrefix("Templates/" + Theme.shortcodeFolder) { return nil }
            if path.hasPrefix("Templates/"), path.hasSuffix(".mustache") || (path.hasPrefix("Templates/i18n/") && path.hasSuffix(".toml")) {
                themeChanged = true
                continue
            }
            if live.copiedSources.contains(options.sourceRoot + "/" + path), FileManager.default.fileExists(atPath: options.sourceRoot + "/" + path) {
                continue
            }
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
            // A table over the limit is an error: the full build reports it.
            if TableColumnLimit.check(document.body, limit: live.renderer.options.tableColumns, file: source.sitePath,
                                      bodyLine: document.bodyLine) != nil { return nil }
            for id in ids {
                var page = model.content.pages[id]
                page.document = document
                pages.append(page)
            }
        }
        clock.lap("front matter")
        if themeChanged {
            let loaded = Theme.load(siteRoot: options.sourceRoot)
            guard let theme = loaded.theme else {
                var statistics = live.statistics
                statistics.stageTimes = clock.times
                return BuildResult(files: [], diagnostics: loaded.diagnostics.sortedForDisplay(), statistics: statistics)
            }
            model = model.replacing(theme: theme)
            clock.lap("templates")
        }

        // Links resolve against the site as it was: only bodies changed, no page moved.
        let content = model.content
        let renderer = live.renderer, index = live.index, linkKey = live.linkKey
        let refs = RefResolver(content: content, index: index)
        let theme = model.theme
        let rendered = parallelMap(pages) { page -> RenderedMarkdown in
            let render = { () -> (RenderedMarkdown, [Diagnostic]) in
                let links = PageLinkRewriter(page: page, content: content, index: index)
                let shortcodes = ShortcodeTemplates.forPage(page, theme: theme, content: content, links: links, refs: refs, strings: nil)
                return renderer.render(page.document.body, links: links, file: page.source.sitePath, bodyLine: page.document.bodyLine,
                                       mdx: page.source.isMDX, shortcodes: shortcodes)
            }
            // A fallback copy shares its source with the original but links from another URL.
            guard page.fallbackOf == nil else { return render().0 }
            return cache.rendered(page.source, linkKey: linkKey, orMake: render).0
        }
        // What a body says (an unresolved ref, an unclosed shortcode) is reported by a full
        // build, which finds the body rendered, with its messages, in the cache.
        if rendered.contains(where: { !$0.problems.isEmpty }) { return nil }
        var updates: [Int: RenderedMarkdown] = [:]
        for (page, markdown) in zip(pages, rendered) { updates[page.id] = markdown }
        clock.lap("markdown")

        for (page, markdown) in zip(pages, rendered) where page.fallbackOf == nil {
            live.checker.targets.setHeadings(markdown.headings.map(\.id), for: page.outputPath)
        }
        var warningsChanged = false
        for (page, markdown) in zip(pages, rendered) where page.fallbackOf == nil {
            if live.setLinkWarnings(live.checker.check(LinkSource(page: page, rendered: markdown)), for: page.source.sitePath) {
                warningsChanged = true
            }
        }
        if warningsChanged { live.sortDiagnostics() }
        clock.lap("links")

        var diagnostics = live.diagnostics
        if options.strict { diagnostics = diagnostics.map { Diagnostic(.error, $0.message, at: $0.location) } }
        var statistics = live.statistics
        statistics.stageTimes = clock.times
        statistics.patchedPages = pages.count
        if diagnostics.hasErrors {
            return BuildResult(files: [], diagnostics: diagnostics, statistics: statistics)
        }
        let patched = model.replacing(rendered: updates)
        if model.config.search.enabled, !pages.isEmpty {
            // The search index follows the edited text when it is next read; the same
            // names are kept (pages that came or went take a full build).
            var positions: [String: Int] = [:]
            for (position, file) in live.files.enumerated() where file.origin == SearchIndexFiles.origin { positions[file.path] = position }
            guard let index = SearchIndexFiles(model: patched).lazyFiles(existing: Set(positions.keys)) else { return nil }
            for file in index { if let position = positions[file.path] { live.files[position] = file } }
            clock.lap("search index")
        }
        live.box.model = patched
        cache.live = live
        return BuildResult(files: live.files, diagnostics: diagnostics, statistics: statistics)
    }
}
