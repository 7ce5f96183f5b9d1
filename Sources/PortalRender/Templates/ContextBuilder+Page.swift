import Foundation
import PortalSources
import PortalMarkdown
import PortalTemplates

extension ContextBuilder {
    /// The context of a post or standalone page (layout `page`).
    package func pageContext(_ id: Int) -> TemplateValue {
        let page = model.content.pages[id]
        let language = page.languageID
        let rendered = model.rendered[id]
        let summaryText = page.metadata.summary ?? ""
        var context = common(job: .page(id: id), kind: "page", language: language, title: page.title,
                             sitePath: page.sitePath, description: summaryText)
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
            "params": MetaValue.table(page.metadata.params).templateValue,
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
        if let lastmod = page.lastmod, lastmod != page.date, let value = date(lastmod, language) { values["lastmod"] = value }
        if let section = card["section"] { values["section"] = section }
        if let position = model.sectionPosition[id],
           let list = model.content.section(named: page.section, language: page.languageID)?.pages {
            if position + 1 < list.count { values["prev"] = link(list[position + 1]) }
            if position > 0 { values["next"] = link(list[position - 1]) }
        }
        context["page"] = values
        return context
    }

    private func link(_ id: Int) -> TemplateValue {
        let page = model.content.pages[id]
        return ["title": .string(page.title), "url": .string(model.url(page.sitePath))]
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
