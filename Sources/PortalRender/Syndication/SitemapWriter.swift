import Foundation
import PortalSources
import PortalSite

/// `sitemap.xml` with hreflang alternates for translations that exist, and `robots.txt`.
package struct SitemapWriter: Sendable {
    package let model: SiteModel

    package init(model: SiteModel) {
        self.model = model
    }

    package static let path = "sitemap.xml"

    package func sitemap(jobs: [RenderJob]) -> OutputFile {
        var xml: [UInt8] = []
        xml.reserveCapacity(jobs.count * 200)
        func raw(_ text: String) { xml.append(contentsOf: text.utf8) }
        func escaped(_ text: String) { XMLEscaping.append(text, to: &xml) }
        raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        raw("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n")
        for job in jobs {
            guard let (sitePath, lastmod, language) = describe(job) else { continue }
            raw("<url>\n<loc>")
            escaped(model.absoluteURL(sitePath))
            raw("</loc>\n")
            if let lastmod { raw("<lastmod>" + model.formatting[language].iso(lastmod) + "</lastmod>\n") }
            if let key = model.translationKey(of: job), let paths = model.alternates[key], paths.count > 1 {
                for other in model.config.languageIDs {
                    guard let path = paths[other] else { continue }
                    raw("<xhtml:link rel=\"alternate\" hreflang=\"" + model.config[other].code + "\" href=\"")
                    escaped(model.absoluteURL(path))
                    raw("\"/>\n")
                }
                if let path = paths[model.config.defaultLanguageID] {
                    raw("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"")
                    escaped(model.absoluteURL(path))
                    raw("\"/>\n")
                }
            }
            raw("</url>\n")
        }
        raw("</urlset>\n")
        return OutputFile(path: Self.path, content: .bytes(xml))
    }

    /// First pages only: paginated continuations, the root redirect and 404 are not listed.
    private func describe(_ job: RenderJob) -> (String, Date?, LanguageID)? {
        let content = model.content
        func newest(_ ids: [Int]) -> Date? { ids.compactMap { content.pages[$0].lastmod }.max() }
        let lastmod: Date?
        let language: LanguageID
        switch job {
        case let .page(id):
            let page = content.pages[id]
            // Fallback copies name their original as canonical; the sitemap lists only originals.
            if page.fallbackOf != nil || page.metadata.unlisted { return nil }
            (lastmod, language) = (page.lastmod, page.languageID)
        case let .home(code, 1): (lastmod, language) = (newest(content.regularPages[code]), code)
        case let .section(code, index, 1): (lastmod, language) = (newest(content.sections[code][index].pages), code)
        case let .tag(code, index, 1): (lastmod, language) = (newest(model.archives.tags[code][index].pages), code)
        case let .author(code, index, 1): (lastmod, language) = (newest(model.archives.authors[code][index].pages), code)
        case let .term(code, taxonomy, index, 1): (lastmod, language) = (newest(model.archives.taxonomies[taxonomy].terms[code][index].pages), code)
        case let .taxonomy(code, _): (lastmod, language) = (nil, code)
        case let .year(code, index, 1): (lastmod, language) = (newest(model.archives.years[code][index].pages), code)
        case let .month(code, year, index, 1): (lastmod, language) = (newest(model.archives.years[code][year].months[index].pages), code)
        case let .tags(code), let .authors(code), let .archives(code): (lastmod, language) = (nil, code)
        default: return nil
        }
        return (model.sitePath(of: job), lastmod, language)
    }

    package func robots() -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(model.absoluteURL("/sitemap.xml"))\n")
    }
}
