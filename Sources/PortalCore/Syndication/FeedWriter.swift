/// RSS 2.0 feeds per language, tag and author, with absolute URLs and RFC 822
/// dates in the site's time zone.
struct FeedWriter: Sendable {
    let model: SiteModel

    /// One feed: its title, the list it follows and the language it is written in.
    struct Spec: Sendable {
        var title: String
        var sitePath: String
        var ids: [Int]
        var language: LanguageConfig

        var outputPath: String { String(sitePath.dropFirst()) + "index.xml" }
    }

    func feeds() -> [OutputFile] {
        specs().map(feed)
    }

    /// Every feed of the site: per language, per tag and per author.
    func specs() -> [Spec] {
        var specs: [Spec] = []
        let builder = ContextBuilder(model: model)
        for language in model.config.languages {
            let code = language.code
            let prefix = "/" + language.urlPrefix + "/"
            let siteTitle = language.title.isEmpty ? model.config.title : language.title
            specs.append(Spec(title: siteTitle, sitePath: prefix, ids: builder.homePages(code), language: language))
            for term in model.archives.tags[code] ?? [] {
                specs.append(Spec(title: term.name + " · " + siteTitle, sitePath: term.sitePath, ids: term.pages, language: language))
            }
            for author in model.archives.authors[code] ?? [] {
                let name = author.profile?.name(in: code) ?? author.id
                specs.append(Spec(title: name + " · " + siteTitle, sitePath: author.sitePath, ids: author.pages, language: language))
            }
        }
        return specs
    }

    func feed(_ spec: Spec) -> OutputFile {
        feed(title: spec.title, sitePath: spec.sitePath, ids: spec.ids, language: spec.language)
    }

    func feed(title: String, sitePath: String, ids: [Int], language: LanguageConfig) -> OutputFile {
        let formatting = model.formatting[language.code] ?? DateFormatting(locale: language.locale, timeZone: model.config.timeZone)
        let limit = model.config.feed.limit
        let shown = limit > 0 ? Array(ids.prefix(limit)) : ids
        let builder = ContextBuilder(model: model)
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n"
        xml += "<title>\(x(title))</title>\n<link>\(x(model.absoluteURL(sitePath)))</link>\n"
        xml += "<description>\(x(language.description.isEmpty ? title : language.description))</description>\n"
        xml += "<language>\(x(language.code))</language>\n<generator>portal</generator>\n"
        if let newest = shown.compactMap({ model.content.pages[$0].date }).max() {
            xml += "<lastBuildDate>\(formatting.rfc822(newest))</lastBuildDate>\n"
        }
        xml += "<atom:link href=\"\(x(model.absoluteURL(sitePath + "index.xml")))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        for id in shown {
            let page = model.content.pages[id]
            let link = model.absoluteURL(page.sitePath)
            xml += "<item>\n<title>\(x(page.title))</title>\n<link>\(x(link))</link>\n<guid isPermaLink=\"true\">\(x(link))</guid>\n"
            if let date = page.date { xml += "<pubDate>\(formatting.rfc822(date))</pubDate>\n" }
            // The card every list shows already holds the page's authors and tags.
            let card = builder.card(id)
            for author in card["authors"]?.items ?? [] {
                if let name = author["name"]?.stringValue { xml += "<category domain=\"author\">\(x(name))</category>\n" }
            }
            for tag in card["tags"]?.items ?? [] {
                if let name = tag["name"]?.stringValue { xml += "<category>\(x(name))</category>\n" }
            }
            let body = model.config.feed.fullContent ? model.rendered[id].html : builder.summaryHTML(page)
            xml += "<description>\(x(absolutize(body)))</description>\n</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return OutputFile(path: String(sitePath.dropFirst()) + "index.xml", text: xml)
    }

    /// Feed readers resolve nothing against the page: root-relative `src` and `href` become absolute.
    func absolutize(_ html: String) -> String {
        model.origin.isEmpty ? html : Self.absolutized(html, origin: model.origin)
    }

    /// `html` with `origin` put before the `/` of every `href="/` and `src="/`.
    static func absolutized(_ html: String, origin: String) -> String {
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

    func x(_ text: String) -> String { XMLEscaping.escape(text) }
}

/// Escapes text for XML and strips characters XML 1.0 forbids.
enum XMLEscaping {
    static func escape(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): result += [0x26, 0x61, 0x6D, 0x70, 0x3B] // &amp;
            case UInt8(ascii: "<"): result += [0x26, 0x6C, 0x74, 0x3B] // &lt;
            case UInt8(ascii: ">"): result += [0x26, 0x67, 0x74, 0x3B] // &gt;
            case UInt8(ascii: "\""): result += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B] // &quot;
            case 0x09, 0x0A, 0x0D: result.append(byte)
            case ..<0x20: continue
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not characters in XML.
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] >= 0xBE:
                index += 2
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
