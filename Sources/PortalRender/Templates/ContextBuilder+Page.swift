import Foundation
import PortalSources
import PortalMarkdown
import PortalSite
import PortalTemplates
import PortalSearch
import PortalText

extension ContextBuilder {
    /// schema.org `BlogPosting` of a dated page, as JSON that may stand inside `<script>`.
    static func articleJSONLD(headline: String, description: String, url: String, language: String, published: String?,
                              modified: String?, authors: [String], image: String?) -> String {
        let string = JSONEscaping.literal
        var fields = ["\"@context\":\"https://schema.org\"", "\"@type\":\"BlogPosting\"", "\"headline\":" + string(headline)]
        if !description.isEmpty { fields.append("\"description\":" + string(description)) }
        fields.append("\"url\":" + string(url))
        fields.append("\"inLanguage\":" + string(language))
        if let published { fields.append("\"datePublished\":" + string(published)) }
        if let modified { fields.append("\"dateModified\":" + string(modified)) }
        if !authors.isEmpty {
            fields.append("\"author\":[" + authors.map { "{\"@type\":\"Person\",\"name\":" + string($0) + "}" }.joined(separator: ",") + "]")
        }
        if let image { fields.append("\"image\":" + string(image)) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The text of a summary as one line of at most 160 characters, for meta descriptions.
    static func plainDescription(_ html: String) -> String {
        let text = HTMLText.plain(Array(html.utf8)).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard text.count > 160 else { return text }
        var cut = text.prefix(159)
        // Latin text ends at a word; Chinese anywhere.
        if let space = cut.lastIndex(of: " "), cut.distance(from: space, to: cut.endIndex) < 30 { cut = cut[..<space] }
        while let last = cut.last, last.isPunctuation || last.isWhitespace { cut = cut.dropLast() }
        return cut + "…"
    }

    /// The picture a shared link shows: `image`, `cover`, `featured_image` or the first of
    /// `images` in front matter, as an absolute URL.
    func shareImage(_ page: Page) -> String? {
        var written: String?
        for entry in page.metadata.params where written == nil {
            written = Self.imageParam(entry.key, entry.value)
        }
        // A page bundle's `featured.*` (Hugo's Academic and Wowchemy themes), beside the page.
        if written == nil, page.bundleDirectory != nil {
            let folder = (page.source.absolutePath as NSString).deletingLastPathComponent
            written = Self.featuredNames.first { FileManager.default.fileExists(atPath: folder + "/" + $0) }
        }
        // The site's default: `images` or `image` under site.toml's [params].
        if written == nil {
            for key in ["images", "image"] where written == nil {
                if let value = config.params[key] { written = Self.imageParam(key, value).map { $0.hasPrefix("/") || $0.contains("://") ? $0 : "/" + $0 } }
            }
        }
        guard let written, !written.isEmpty, !URLSafety.isDangerous(written) else { return nil }
        if written.hasPrefix("http://") || written.hasPrefix("https://") { return written }
        if written.hasPrefix("/") { return model.absoluteURL(written) }
        return model.absoluteURL(page.sitePath + written)
    }

    /// A page's params, with the site paths of the landing layout's links (`hero.actions`
    /// and `features` urls written `/en/docs/`) under the site's base path, as every link
    /// portal writes is.
    func landingParams(_ params: [(key: String, value: MetaValue)]) -> TemplateValue {
        guard !config.basePath.isEmpty, config.basePath != "/",
              params.contains(where: { $0.key == "hero" || $0.key == "features" }) else { return MetaValue.table(params).templateValue }
        func fixURLs(_ value: MetaValue) -> MetaValue {
            switch value {
            case let .array(items): return .array(items.map(fixURLs))
            case let .table(entries):
                return .table(entries.map { entry in
                    if entry.key == "url", case let .string(url) = entry.value, url.hasPrefix("/"), !url.hasPrefix("//") {
                        return (entry.key, .string(config.href(forLink: url).href))
                    }
                    return (entry.key, fixURLs(entry.value))
                })
            default: return value
            }
        }
        return MetaValue.table(params.map { entry in
            entry.key == "hero" || entry.key == "features" ? (entry.key, fixURLs(entry.value)) : entry
        }).templateValue
    }

    static let featuredNames = ["featured.jpg", "featured.jpeg", "featured.png", "featured.webp", "featured.gif"]

    /// An image named by a front matter or `[params]` key: `image`, `cover`,
    /// `featured_image`, the first of `images`, or `header.image` (Hugo's Academic theme).
    static func imageParam(_ key: String, _ value: MetaValue) -> String? {
        imageText(key, value).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }

    private static func imageText(_ key: String, _ value: MetaValue) -> String? {
        switch (key.lowercased(), value) {
        case ("image", let .string(text)), ("cover", let .string(text)), ("featured_image", let .string(text)): return text
        case ("images", let .array(values)): if case let .string(first)? = values.first { return first }
        case let ("header", .table(entries)), let ("cover", .table(entries)):
            for entry in entries where entry.key.lowercased() == "image" { if case let .string(text) = entry.value { return text } }
        default: break
        }
        return nil
    }

    /// The context of a post or standalone page (layout `page`).
    package func pageContext(_ id: Int) -> TemplateValue {
        let page = model.content.pages[id]
        let language = page.languageID
        let rendered = model.rendered[id]
        let summaryText = page.metadata.summary ?? ""
        // Without a summary or description of its own, a page is described by the start of
        // its text (what its card shows), not by the site's description.
        let description = summaryText.isEmpty ? Self.plainDescription(rendered.summaryHTML) : summaryText
        var context = common(job: .page(id: id), kind: "page", language: language, title: page.title,
                             sitePath: page.sitePath, description: description)
        if var og = context["head"]?["og"] {
            og["type"] = "article"
            if let published = date(page.date, language)?["iso"] { og["published"] = published }
            if let lastmod = page.lastmod, lastmod != page.date, let modified = date(lastmod, language)?["iso"] { og["modified"] = modified }
            og["tags"] = .list(page.tags.map { .string($0) })
            if let image = shareImage(page) { og["image"] = .string(image) }
            og["alternateLocales"] = .list(model.content.translations(of: page).map { model.languageValues[$0.languageID].lang["ogLocale"] ?? "" })
            context["head"]?["og"] = og
            if page.date != nil {
                let authors = (self.card(id)["authors"]?.items ?? []).compactMap { $0["name"]?.stringValue }
                context["head"]?["jsonLD"] = .html(Array(Self.articleJSONLD(
                    headline: page.title, description: description, url: model.absoluteURL(page.sitePath), language: config[language].code,
                    published: og["published"]?.stringValue, modified: og["modified"]?.stringValue, authors: authors,
                    image: og["image"]?.stringValue).utf8))
            }
        }
        let toc = tableOfContents(rendered.headings)
        // The page's card (made once for every list) already holds its summary, reading
        // time, tags, authors, date and section.
        let card = card(id)
        var values: TemplateValue = [
            "title": .string(page.title), "url": card["url"] ?? .string(model.url(page.sitePath)),
            "permalink": .string(model.absoluteURL(page.sitePath)),
            "summary": card["summary"] ?? .string(summaryHTML(page)), "content": .html(rendered.htmlBytes), "toc": .list(toc),
            "hasToc": .bool(rendered.headings.count >= config.markdown.tocMinHeadings),
            "readingTime": card["readingTime"] ?? .int(readingTime(page)), "wordCount": .int(rendered.cjkCharacters + rendered.latinWords),
            "tags": card["tags"] ?? [], "authors": card["authors"] ?? [], "isDraft": .bool(page.isDraft),
            "params": landingParams(page.metadata.params),
            "translations": .list(model.content.translations(of: page).map { other in
                ["code": .string(other.language), "name": .string(self.language(other.languageID).name), "url": .string(model.url(other.sitePath))]
            }),
        ]
        if let original = page.fallbackOf {
            // Shown in a language it was not written in: say so, and point search engines at the original.
            values["contentLang"] = .string(model.content.pages[original].language)
            values["fallbackNotice"] = .string(text("fallbackNotice", language, default: "This page has no translation yet; the original is shown."))
            context["head"]?["canonical"] = .string(model.absoluteURL(model.content.pages[original].sitePath))
        }
        if let date = card["date"] { values["date"] = date }
        // Only a page with a meeting shows its times (and loads the script that adds the reader's zone).
        if let meeting = model.meetings?.eventOfPage[id] {
            values["meeting"] = meetingValue(meeting, language)
            // Search engines read the meeting as a schema.org Event beside the article.
            if let event = eventJSONLD(meeting, page: page) {
                let article = context["head"]?["jsonLD"].flatMap { value -> String? in
                    if case let .html(bytes) = value { return String(decoding: bytes, as: UTF8.self) } else { return nil }
                }
                context["head"]?["jsonLD"] = .html(Array((article.map { "[" + $0 + "," + event + "]" } ?? event).utf8))
            }
        }
        // Only a page with code loads the copy button's script.
        if rendered.usesCode { values["code"] = true }
        // Only a page with math loads KaTeX.
        if rendered.usesMath, !config.markdown.katex.isEmpty { values["math"] = .string(config.markdown.katex) }
        // Only a page with a diagram loads the Mermaid module.
        if rendered.usesMermaid, !config.markdown.mermaid.isEmpty { values["mermaid"] = .string(config.markdown.mermaid) }
        if !config.editURL.isEmpty {
            // The source a fallback copy shows is its original's.
            let source = page.fallbackOf.map { model.content.pages[$0].source } ?? page.source
            values["editURL"] = .string(config.editURL + source.sitePath.percentEncodedPath)
        }
        if let lastmod = page.lastmod, lastmod != page.date, let value = date(lastmod, language) { values["lastmod"] = value }
        if let section = card["section"] { values["section"] = section }
        if let inside = model.children[id] {
            values["children"] = .list(inside.map { child in
                var item = self.card(child)
                item["isSection"] = .bool(model.content.pages[child].kind == .section)
                return item
            })
        }
        if let place = model.docs.positions[id] {
            values["docs"] = docsContext(page, section: place.section, path: place.path)
            if let previous = model.docs.neighbours[id]?.previous { values["prev"] = link(previous) }
            if let next = model.docs.neighbours[id]?.next { values["next"] = link(next) }
        } else if let position = model.sectionPosition[id],
           let list = model.content.section(named: page.section, language: page.languageID)?.pages {
            if position + 1 < list.count { values["prev"] = link(list[position + 1]) }
            if position > 0 { values["next"] = link(list[position - 1]) }
        }
        // A page outside any section and without a date (about, join, code of conduct), or
        // one whose layout says so, shows no date, reading time, byline or neighbours.
        let layout = model.theme.layout(named: page.metadata.layout)
        let standalone = layout == "standalone" || (layout == nil && page.section.isEmpty && page.date == nil)
        values["standalone"] = .bool(standalone)
        if !standalone, page.date != nil, model.docs.positions[id] == nil {
            let related = model.related(id, count: config.relatedCount)
            if !related.isEmpty {
                values["related"] = .list(related.map { other in
                    var item = link(other)
                    if let date = self.card(other)["date"] { item["date"] = date }
                    return item
                })
            }
        }
        if !model.archives.taxonomies.isEmpty {
            let taxonomies = taxonomyValues(page)
            if !taxonomies.terms.isEmpty { values["taxonomies"] = .list(taxonomies.terms) }
            if !taxonomies.series.isEmpty { values["series"] = .list(taxonomies.series) }
        }
        if layout != nil, layout != "standalone" { context["latest"] = latest(language) }
        context["page"] = values
        return context
    }

    /// The taxonomies a page names terms of, each with its terms; and, in place of the
    /// series taxonomy's terms, for each series the page is part of its place in the series
    /// (oldest first) and its neighbours there.
    private func taxonomyValues(_ page: Page) -> (terms: [TemplateValue], series: [TemplateValue]) {
        let language = page.languageID
        var terms: [TemplateValue] = []
        var series: [TemplateValue] = []
        for (index, archive) in model.archives.taxonomies.enumerated() {
            let places = archive.termPlaces(ofPage: page.id)
            guard !places.isEmpty else { continue }
            let list = archive.terms[language]
            let title = taxonomyTitle(archive.taxonomy, language: language)
            guard archive.taxonomy.isSeries else {
                terms.append(["name": .string(archive.taxonomy.plural), "title": .string(title),
                              "url": .string(model.url(model.paths.taxonomy(archive.taxonomy.plural, in: language))),
                              "terms": .list(places.map { ["name": .string(list[$0].name), "url": .string(model.url(list[$0].sitePath))] })])
                continue
            }
            for place in places {
                let term = list[place]
                // Lists are newest first; a series reads oldest first.
                // The model keeps every page's term places whenever the site has a series.
                let number = Int32(model.termOffsets[index + 1] + place)
                guard let newestFirst = model.termPlaces[page.id].first(where: { $0.term == number }).map({ Int($0.position) }) else { continue }
                let part = term.pages.count - newestFirst
                var item: TemplateValue = ["name": .string(term.name), "url": .string(model.url(term.sitePath)),
                                           "part": .int(part), "count": .int(term.pages.count)]
                if newestFirst + 1 < term.pages.count { item["prev"] = link(term.pages[newestFirst + 1]) }
                if newestFirst > 0 { item["next"] = link(term.pages[newestFirst - 1]) }
                series.append(item)
            }
        }
        return (terms, series)
    }

    /// The sidebar (open along the way to `path`), breadcrumbs and section of a documentation page.
    private func docsContext(_ page: Page, section: String, path: [Int]) -> TemplateValue {
        let nodes = model.docs.roots[page.languageID][section] ?? []
        func items(_ nodes: [DocsTree.Node], path: [Int]) -> TemplateValue {
            .list(nodes.enumerated().map { index, node in
                let onPath = path.first == index
                var item: TemplateValue = ["label": .string(node.label), "active": .bool(onPath && path.count == 1),
                                           "open": .bool(onPath), "hasChildren": .bool(!node.children.isEmpty)]
                if let id = node.page { item["url"] = .string(model.url(model.content.pages[id].sitePath)) }
                // Only the branch leading to the page is written out: a page's HTML stays
                // proportional to its depth, not to the size of the whole tree.
                if onPath, !node.children.isEmpty { item["children"] = items(node.children, path: Array(path.dropFirst())) }
                return item
            })
        }
        var crumbs: [TemplateValue] = []
        if let top = model.content.section(named: section, language: page.languageID) {
            crumbs.append(["label": .string(top.indexPage.map { model.content.pages[$0].metadata.linkTitle ?? top.title } ?? top.title),
                           "url": .string(model.url(top.sitePath))])
        }
        for node in model.docs.ancestors[page.id] ?? [] {
            var crumb: TemplateValue = ["label": .string(node.label)]
            if let id = node.page { crumb["url"] = .string(model.url(model.content.pages[id].sitePath)) }
            crumbs.append(crumb)
        }
        return ["sidebar": items(nodes, path: path), "breadcrumbs": .list(crumbs)]
    }

    private func link(_ id: Int) -> TemplateValue {
        // Two fields read in place, not the page copied.
        ["title": .string(model.content.pages[id].title), "url": .string(model.url(model.content.pages[id].sitePath))]
    }

    /// Nests level-2+ headings under the nearest shallower heading.
    package func tableOfContents(_ headings: [RenderedMarkdown.Heading]) -> [TemplateValue] {
        struct Node { var heading: RenderedMarkdown.Heading; var children: [Node] }
        func insert(_ node: Node, into nodes: inout [Node]) {
            if var last = nodes.last, last.heading.level < node.heading.level {
                insert(node, into: &last.children)
                nodes[nodes.count - 1] = last
            } else {
                nodes.append(node)
            }
        }
        var roots: [Node] = []
        for heading in headings { insert(Node(heading: heading, children: []), into: &roots) }
        func convert(_ node: Node) -> TemplateValue {
            ["id": .string(node.heading.id), "text": .string(node.heading.text), "level": .int(node.heading.level),
             "children": .list(node.children.map(convert))]
        }
        return roots.map(convert)
    }
}
