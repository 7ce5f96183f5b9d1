/// `sitemap.xml` with hreflang alternates for translations that exist, and `robots.txt`.
struct SitemapWriter: Sendable {
    let model: SiteModel

    func sitemap(jobs: [RenderJob]) -> OutputFile {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for job in jobs {
            guard let (sitePath, lastmod, language) = describe(job) else { continue }
            xml += "<url>\n<loc>\(XMLEscaping.escape(model.absoluteURL(sitePath)))</loc>\n"
            if let lastmod, let formatting = model.formatting[language] { xml += "<lastmod>\(formatting.iso(lastmod))</lastmod>\n" }
            if let key = model.translationKey(of: job), let paths = model.alternates[key], paths.count > 1 {
                for other in model.config.languages {
                    guard let path = paths[other.code] else { continue }
                    xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(other.code)\" href=\"\(XMLEscaping.escape(model.absoluteURL(path)))\"/>\n"
                }
                if let path = paths[model.config.defaultLanguageConfig.code] {
                    xml += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XMLEscaping.escape(model.absoluteURL(path)))\"/>\n"
                }
            }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }

    /// First pages only: paginated continuations, the root redirect and 404 are not listed.
    private func describe(_ job: RenderJob) -> (String, Date?, String)? {
        let content = model.content
        func newest(_ ids: [Int]) -> Date? { ids.compactMap { content.pages[$0].lastmod }.max() }
        switch job {
        case let .page(id):
            let page = content.pages[id]
            // Fallback copies name their original as canonical; the sitemap lists only originals.
            if page.fallbackOf != nil { return nil }
            return (page.sitePath, page.lastmod, page.language)
        case let .home(language, 1):
            return ("/" + (model.config.language(matching: language)?.urlPrefix ?? "") + "/", newest(content.regularPages[language] ?? []), language)
        case let .section(language, index, 1):
            let section = content.sections[language]![index]
            return (section.sitePath, newest(section.pages), language)
        case let .tags(language):
            return ("/" + (model.config.language(matching: language)?.urlPrefix ?? "") + "/tags/", nil, language)
        case let .tag(language, index, 1):
            let term = model.archives.tags[language]![index]
            return (term.sitePath, newest(term.pages), language)
        case let .authors(language):
            return ("/" + (model.config.language(matching: language)?.urlPrefix ?? "") + "/authors/", nil, language)
        case let .author(language, index, 1):
            let author = model.archives.authors[language]![index]
            return (author.sitePath, newest(author.pages), language)
        case let .archives(language):
            return ("/" + (model.config.language(matching: language)?.urlPrefix ?? "") + "/archives/", nil, language)
        case let .year(language, index, 1):
            let year = model.archives.years[language]![index]
            return (year.sitePath, newest(year.pages), language)
        case let .month(language, year, index, 1):
            let month = model.archives.years[language]![year].months[index]
            return (month.sitePath, newest(month.pages), language)
        default:
            return nil
        }
    }

    func robots() -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(model.absoluteURL("/sitemap.xml"))\n")
    }
}

import Foundation
