import Foundation

extension ContextBuilder {
    /// The context of a post or standalone page (layout `page`).
    func pageContext(_ id: Int) -> [String: Any] {
        let page = model.content.pages[id]
        let language = language(page.language)
        let rendered = model.rendered[id]
        let summaryText = page.metadata.summary ?? ""
        var context = common(job: .page(id: id), kind: "page", language: language, title: page.title,
                             sitePath: page.sitePath, description: summaryText)
        let toc = tableOfContents(rendered.headings)
        var values: [String: Any] = [
            "title": page.title, "url": model.url(page.sitePath), "permalink": model.absoluteURL(page.sitePath),
            "summary": summaryHTML(page), "content": rendered.html, "toc": toc,
            "hasToc": rendered.headings.count >= config.markdown.tocMinHeadings,
            "readingTime": readingTime(page), "wordCount": rendered.cjkCharacters + rendered.latinWords,
            "tags": tagRefs(page), "authors": authorRefs(page, language), "isDraft": page.isDraft,
            "params": MetaValue.table(page.metadata.params).templateValue,
            "translations": model.content.translations(of: page).map { other in
                ["code": other.language, "name": self.language(other.language).name, "url": model.url(other.sitePath)]
            },
        ]
        if let original = page.fallbackOf {
            // Shown in a language it was not written in: say so, and point search engines at the original.
            values["contentLang"] = model.content.pages[original].language
            values["fallbackNotice"] = text("fallbackNotice", language, default: "This page has no translation yet; the original is shown.")
            if var head = context["head"] as? [String: Any] {
                head["canonical"] = model.absoluteURL(model.content.pages[original].sitePath)
                context["head"] = head
            }
        }
        if let date = date(page.date, language) { values["date"] = date }
        if let lastmod = page.lastmod, lastmod != page.date, let value = date(lastmod, language) { values["lastmod"] = value }
        if let section = sectionRef(page) { values["section"] = section }
        if let position = model.sectionPosition[id],
           let list = model.content.section(named: page.section, language: page.language)?.pages {
            if position + 1 < list.count { values["prev"] = link(list[position + 1]) }
            if position > 0 { values["next"] = link(list[position - 1]) }
        }
        context["page"] = values
        return context
    }

    private func link(_ id: Int) -> [String: Any] {
        let page = model.content.pages[id]
        return ["title": page.title, "url": model.url(page.sitePath)]
    }

    /// Nests level-2+ headings under the nearest shallower heading.
    func tableOfContents(_ headings: [RenderedMarkdown.Heading]) -> [[String: Any]] {
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
        func convert(_ node: Node) -> [String: Any] {
            ["id": node.heading.id, "text": node.heading.text, "level": node.heading.level, "children": node.children.map(convert)]
        }
        return roots.map(convert)
    }
}
