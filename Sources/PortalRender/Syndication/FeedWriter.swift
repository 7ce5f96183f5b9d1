import PortalText
import PortalSources
import PortalSite

/// RSS 2.0 feeds per language, section, tag and author, with absolute URLs and RFC 822
/// dates in the site's time zone; with `[feed] json`, a JSON Feed 1.1 beside each.
package struct FeedWriter: Sendable {
    package let model: SiteModel

    package init(model: SiteModel) {
        self.model = model
    }

    /// One feed: its title, the list it follows and the language it is written in.
    package struct Spec: Sendable {
        package var title: String
        package var sitePath: String
        package var ids: [Int]
        package var language: LanguageID

        package var outputPath: String { String(SitePaths.feed(ofList: sitePath).dropFirst()) }
        package var jsonOutputPath: String { String(SitePaths.jsonFeed(ofList: sitePath).dropFirst()) }
    }

    package func feeds() -> [OutputFile] {
        specs().map(feed)
    }

    /// Every feed of the site: per language, per tag and per author.
    package func specs() -> [Spec] {
        var specs: [Spec] = []
        let builder = ContextBuilder(model: model)
        for language in model.config.languageIDs {
            let config = model.config[language]
            let siteTitle = config.title.isEmpty ? model.config.title : config.title
            specs.append(Spec(title: siteTitle, sitePath: model.paths.home(language), ids: builder.homePages(language), language: language))
            for section in model.content.sections[language] where Self.hasFeed(section, model: model) {
                specs.append(Spec(title: section.title + " · " + siteTitle, sitePath: section.sitePath, ids: section.pages, language: language))
            }
            for term in model.archives.tags[language] {
                specs.append(Spec(title: term.name + " · " + siteTitle, sitePath: term.sitePath, ids: term.pages, language: language))
            }
            for archive in model.archives.taxonomies {
                for term in archive.terms[language] {
                    specs.append(Spec(title: term.name + " · " + siteTitle, sitePath: term.sitePath, ids: term.pages, language: language))
                }
            }
            for author in model.archives.authors[language] {
                let name = author.profile?.name(in: config.code) ?? author.id
                specs.append(Spec(title: name + " · " + siteTitle, sitePath: author.sitePath, ids: author.pages, language: language))
            }
        }
        return specs
    }

    /// The pages a feed lists: the first `[feed] limit` of its list (all with 0).
    private func items(_ ids: [Int]) -> [Int] {
        let limit = model.config.feed.limit
        return limit > 0 ? Array(ids.prefix(limit)) : ids
    }

    /// A section of posts has a feed; a documentation section, read in its own order, has
    /// none. A section is documentation as a whole, so its first page tells (one look-up:
    /// every page of a long section's list asks).
    package static func hasFeed(_ section: SiteContent.Section, model: SiteModel) -> Bool {
        guard let first = section.pages.first else { return false }
        return model.docs.positions[first] == nil
    }

    package func feed(_ spec: Spec) -> OutputFile {
        feed(title: spec.title, sitePath: spec.sitePath, ids: spec.ids, language: spec.language)
    }

    package func feed(title: String, sitePath: String, ids: [Int], language id: LanguageID) -> OutputFile {
        let language = model.config[id]
        let formatting = model.formatting[id]
        let shown = items(ids)
        let builder = ContextBuilder(model: model)
        var xml: [UInt8] = []
        xml.reserveCapacity(1_024 + shown.count * 2_048)
        func raw(_ text: String) { xml.append(contentsOf: text.utf8) }
        func escaped(_ text: String) { XMLEscaping.append(text, to: &xml) }
        raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n<title>")
        escaped(title)
        raw("</title>\n<link>")
        escaped(model.absoluteURL(sitePath))
        raw("</link>\n<description>")
        // HTML, as each item's description is: plain text is escaped for HTML, then for XML.
        escaped(HTMLEscaping.escape(language.description.isEmpty ? title : language.description))
        raw("</description>\n<language>")
        escaped(language.code)
        raw("</language>\n<generator>portal</generator>\n")
        if let newest = shown.compactMap({ model.content.pages[$0].date }).max() {
            raw("<lastBuildDate>" + formatting.rfc822(newest) + "</lastBuildDate>\n")
        }
        raw("<atom:link href=\"")
        escaped(model.absoluteURL(SitePaths.feed(ofList: sitePath)))
        raw("\" rel=\"self\" type=\"application/rss+xml\"/>\n")
        for id in shown {
            let page = model.content.pages[id]
            let link = model.absoluteURL(page.sitePath)
            raw("<item>\n<title>")
            escaped(page.title)
            raw("</title>\n<link>")
            escaped(link)
            raw("</link>\n<guid isPermaLink=\"true\">")
            escaped(link)
            raw("</guid>\n")
            if let date = page.date { raw("<pubDate>" + formatting.rfc822(date) + "</pubDate>\n") }
            // The card every list shows already holds the page's authors and tags.
            let card = builder.card(id)
            for author in card["authors"]?.items ?? [] {
                if let name = author["name"]?.stringValue {
                    raw("<category domain=\"author\">")
                    escaped(name)
                    raw("</category>\n")
                }
            }
            for tag in card["tags"]?.items ?? [] {
                if let name = tag["name"]?.stringValue {
                    raw("<category>")
                    escaped(name)
                    raw("</category>\n")
                }
            }
            let body = model.config.feed.fullContent ? model.rendered[id].html : builder.summaryHTML(page)
            raw("<description>")
            escaped(absolutize(body))
            raw("</description>\n</item>\n")
        }
        raw("</channel>\n</rss>\n")
        return OutputFile(path: String(SitePaths.feed(ofList: sitePath).dropFirst()), content: .bytes(xml))
    }

    /// The JSON Feed 1.1 of `spec` (https://jsonfeed.org/version/1.1): the same items as
    /// the RSS feed, dates in RFC 3339.
    package func jsonFeed(_ spec: Spec) -> OutputFile {
        let language = model.config[spec.language]
        let formatting = model.formatting[spec.language]
        let shown = items(spec.ids)
        let builder = ContextBuilder(model: model)
        var json: [UInt8] = []
        json.reserveCapacity(512 + shown.count * 2_048)
        func raw(_ text: String) { json.append(contentsOf: text.utf8) }
        // `JSONEscaping.append` writes the quotes too.
        func string(_ text: String) { JSONEscaping.append(text, to: &json) }
        raw("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":")
        string(spec.title)
        raw(",\"home_page_url\":")
        string(model.absoluteURL(spec.sitePath))
        raw(",\"feed_url\":")
        string(model.absoluteURL(SitePaths.jsonFeed(ofList: spec.sitePath)))
        if !language.description.isEmpty {
            raw(",\"description\":")
            string(language.description)
        }
        raw(",\"language\":")
        string(language.code)
        raw(",\"items\":[")
        for (index, id) in shown.enumerated() {
            let page = model.content.pages[id]
            let link = model.absoluteURL(page.sitePath)
            if index > 0 { raw(",") }
            raw("\n{\"id\":")
            string(link)
            raw(",\"url\":")
            string(link)
            raw(",\"title\":")
            string(page.title)
            let body = model.config.feed.fullContent ? model.rendered[id].html : builder.summaryHTML(page)
            raw(",\"content_html\":")
            string(absolutize(body))
            if let date = page.date {
                raw(",\"date_published\":")
                string(formatting.iso(date))
            }
            if let lastmod = page.lastmod, lastmod != page.date {
                raw(",\"date_modified\":")
                string(formatting.iso(lastmod))
            }
            let card = builder.card(id)
            let tags = (card["tags"]?.items ?? []).compactMap { $0["name"]?.stringValue }
            if !tags.isEmpty {
                raw(",\"tags\":[")
                for (k, tag) in tags.enumerated() {
                    if k > 0 { raw(",") }
                    string(tag)
                }
                raw("]")
            }
            let authors = (card["authors"]?.items ?? []).compactMap { $0["name"]?.stringValue }
            if !authors.isEmpty {
                raw(",\"authors\":[")
                for (k, name) in authors.enumerated() {
                    if k > 0 { raw(",") }
                    raw("{\"name\":")
                    string(name)
                    raw("}")
                }
                raw("]")
            }
            raw("}")
        }
        raw("\n]}\n")
        return OutputFile(path: spec.jsonOutputPath, content: .bytes(json))
    }

    /// Feed readers resolve nothing against the page: root-relative `src` and `href` become absolute.
    package func absolutize(_ html: String) -> String {
        model.origin.isEmpty ? html : Self.absolutized(html, origin: model.origin)
    }

    /// `html` with `origin` put before the `/` of every `href="/` and `src="/`.
    package static func absolutized(_ html: String, origin: String) -> String {
        // Most summaries hold no link at all: `="/` is in every pattern.
        guard Self.containsRootRelative(html) else { return html }
        let patterns: [[UInt8]] = [Array("href=\"/".utf8), Array("src=\"/".utf8)]
        let originBytes = Array(origin.utf8)
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 256)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "h") || bytes[index] == UInt8(ascii: "s"),
               let pattern = patterns.first(where: { bytes[index...].starts(with: $0) }) {
                result += pattern.dropLast()
                result += originBytes
                index += pattern.count - 1
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `="/` occurs in `html`.
    private static func containsRootRelative(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "\""), bytes[index + 2] == UInt8(ascii: "/") { return true }
                index += 1
            }
            return false
        }
    }
}

/// Escapes text for XML and strips characters XML 1.0 forbids.
package enum XMLEscaping {
    package static func escape(_ text: String) -> String {
        var result: [UInt8] = []
        append(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends `text` escaped; runs without special bytes are copied whole, and eight
    /// bytes at a time are checked for them.
    package static func append(_ text: String, to result: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            result.reserveCapacity(result.count + count + count / 8)
            var runStart = 0
            var index = 0
            func flush(_ end: Int) {
                result.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: end - runStart))
            }
            while index < count {
                if index + 8 <= count, !mayNeedWork(ByteWord.load(base, at: index)) {
                    index += 8
                    continue
                }
                let byte = base[index]
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case 0x09, 0x0A, 0x0D:
                    index += 1
                    continue
                case ..<0x20:
                    replacement = ""
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not characters in XML.
                case 0xEF where index + 2 < count && base[index + 1] == 0xBF && base[index + 2] >= 0xBE:
                    flush(index)
                    index += 3
                    runStart = index
                    continue
                default:
                    index += 1
                    continue
                }
                flush(index)
                result.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                index += 1
                runStart = index
            }
            flush(count)
        }
    }

    /// Whether a byte of `word` is `&`, `<`, `>`, `"`, a control character or 0xEF.
    @inline(__always)
    private static func mayNeedWork(_ word: UInt64) -> Bool {
        ByteWord.holdsBelow(word, 0x20) | ByteWord.holds(word, UInt8(ascii: "&")) | ByteWord.holds(word, UInt8(ascii: "<"))
            | ByteWord.holds(word, UInt8(ascii: ">")) | ByteWord.holds(word, UInt8(ascii: "\"")) | ByteWord.holds(word, 0xEF) != 0
    }
}
