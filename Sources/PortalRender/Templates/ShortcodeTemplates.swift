import PortalText
import PortalSources
import PortalMarkdown
import PortalSite
import PortalTemplates

/// Expands a page's shortcodes with the theme's `Templates/shortcodes/<name>.mustache`
/// (a site's own file of that name replaces the built-in one). A template sees:
///
/// - `name`, `args` (positional arguments), `get` (named arguments, and positional ones
///   as `get.0`, `get.1`, …), `inner` (the enclosed text as written) and `content` (the
///   enclosed Markdown, rendered in place: a template that shows it wraps the text);
/// - `id` (unique on the page), `ordinal` (which use of this name inside the same
///   parent, from 0), `first`, `parent` (`name`, `args`, `get`, `id` of the enclosing
///   shortcode);
/// - `page` (`title`, `url`, `lang`, `section`, `params`), `site` (`title`, `baseURL`,
///   `params`), `lang`, `t` (the interface strings of the page's language);
/// - values worked out for the built-in ones: `kind` and `title` (callouts), `label`,
///   `checked` and `group` (tabs), `src`, `link`, `alt` (figure, video: paths resolved
///   as image links are), `url` (ref, relref), `value` (param), `videoID`, `embedURL`,
///   `watchURL` (youtube, bilibili), `summary`, `open` (details), `language` (highlight).
package struct ShortcodeTemplates: ShortcodeExpanding {
    package let theme: Theme
    package let page: Page
    package let content: SiteContent
    package let links: PageLinkRewriter
    package let refs: RefResolver
    private let strings: [String: String]

    /// `strings`: the theme's strings of the page's language, when the caller has them.
    package init(theme: Theme, page: Page, content: SiteContent, links: PageLinkRewriter, refs: RefResolver, strings: [String: String]? = nil) {
        self.theme = theme
        self.page = page
        self.content = content
        self.links = links
        self.refs = refs
        self.strings = strings ?? theme.strings(for: content.config[page.languageID])
    }

    /// The expander of `page`, or nil when its body holds no shortcode tag (one quick
    /// scan: a page without shortcodes pays nothing else).
    package static func forPage(
        _ page: Page, theme: Theme?, content: SiteContent, links: PageLinkRewriter, refs: RefResolver, strings: PerLanguage<[String: String]>?
    ) -> ShortcodeTemplates? {
        guard let theme else { return nil }
        var body = page.document.body
        guard body.withUTF8({ ShortcodeScanner.mayContainShortcodes($0) }) else { return nil }
        return ShortcodeTemplates(theme: theme, page: page, content: content, links: links, refs: refs, strings: strings?[page.languageID])
    }

    /// Where the enclosed Markdown goes in a wrapping template's output.
    private static let marker = "\u{1F}portal-shortcode-content\u{1F}"

    package func innerUse(of name: String) -> ShortcodeInnerUse? {
        theme.shortcodes[name] ?? theme.shortcodes[name.lowercased()]
    }

    package func expand(_ call: ShortcodeCall) -> ShortcodeOutput {
        let name = theme.shortcodes[call.name] != nil ? call.name : call.name.lowercased()
        let use = theme.shortcodes[name] ?? .standalone
        var problems: [(message: String, isError: Bool)] = []
        var context = baseContext(call)
        if use == .wraps, call.inner != nil { context["content"] = .html(Array(Self.marker.utf8)) }
        helpers(call, into: &context, problems: &problems)
        var renderer = TemplateRenderer(program: theme.program, capacity: 512)
        let html = String(decoding: renderer.renderBytes(Theme.shortcodeFolder + name, context: .object(context)), as: UTF8.self)
        var output: ShortcodeOutput
        if use == .wraps, call.inner != nil {
            if let split = html.range(of: Self.marker) {
                output = ShortcodeOutput(html: String(html[..<split.lowerBound]),
                                         closing: String(html[split.upperBound...]).replacingOccurrences(of: Self.marker, with: ""))
            } else {
                output = ShortcodeOutput(html: html, closing: "")
            }
        } else if call.inner == nil, !html.contains("<"), !html.trimmingCharacters(in: .whitespacesAndNewlines).contains("\n") {
            // Plain text (a URL, a value): it goes into the Markdown, so it works in a link's target.
            output = ShortcodeOutput(html: html.trimmingCharacters(in: .whitespacesAndNewlines), isText: true)
        } else {
            output = ShortcodeOutput(html: html)
        }
        output.problems = problems
        return output
    }

    // MARK: Context

    private func baseContext(_ call: ShortcodeCall) -> [String: TemplateValue] {
        let language = content.config[page.languageID]
        let config = content.config
        var context: [String: TemplateValue] = [
            "name": .string(call.name),
            "args": .list(call.arguments.positional.map { .string($0) }),
            "get": Self.getObject(call.arguments),
            "id": .string("sc-\(call.number + 1)"),
            "ordinal": .int(call.ordinal),
            "first": .bool(call.ordinal == 0),
            "hasInner": .bool(call.inner != nil),
            "lang": .string(language.code),
            "t": .object(strings.mapValues { .string($0) }),
            "page": [
                "title": .string(page.title), "url": .string(config.href(forSitePath: page.sitePath)),
                "lang": .string(language.code), "section": .string(page.section),
                "params": MetaValue.table(page.metadata.params).templateValue,
            ],
            "site": [
                "title": .string(language.title.isEmpty ? config.title : language.title), "baseURL": .string(config.baseURL),
                "params": MetaValue.table(config.params.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }).templateValue,
            ],
        ]
        if let inner = call.inner { context["inner"] = .string(Self.trimmingOuterNewlines(inner)) }
        if let parent = call.parent {
            context["parent"] = [
                "name": .string(parent.name), "args": .list(parent.arguments.positional.map { .string($0) }),
                "get": Self.getObject(parent.arguments), "id": .string("sc-\(parent.number + 1)"),
            ]
        }
        return context
    }

    private static func getObject(_ arguments: [ShortcodeTag.Argument]) -> TemplateValue {
        var members: [String: TemplateValue] = [:]
        var position = 0
        for argument in arguments {
            if let key = argument.key {
                if members[key] == nil { members[key] = .string(argument.value) }
            } else {
                members[String(position)] = .string(argument.value)
                position += 1
            }
        }
        return .object(members)
    }

    /// One line break at each end of enclosed text comes from writing the tags on lines of their own.
    static func trimmingOuterNewlines(_ text: String) -> String {
        var slice = Substring(text)
        if slice.hasPrefix("\r\n") { slice = slice.dropFirst(2) } else if slice.hasPrefix("\n") { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        if slice.hasSuffix("\n") { slice = slice.dropLast() }
        if slice.hasSuffix("\r") { slice = slice.dropLast() }
        return String(slice)
    }

    // MARK: Values for the built-in shortcodes

    /// Callout kinds the theme styles, and what other themes' names and colours mean.
    static let calloutKinds: [String: String] = [
        "note": "note", "tip": "tip", "info": "info", "warning": "warning", "danger": "danger", "caution": "caution",
        "important": "important", "primary": "note", "secondary": "note", "success": "tip", "hint": "tip",
        "example": "info", "question": "info", "abstract": "note", "summary": "note", "quote": "note",
        "attention": "warning", "error": "danger", "bug": "danger", "failure": "danger", "light": "note", "dark": "note",
    ]

    private func helpers(_ call: ShortcodeCall, into context: inout [String: TemplateValue], problems: inout [(message: String, isError: Bool)]) {
        let positional = call.arguments.positional
        let name = call.name.lowercased()

        // Callouts: `{{% alert title="…" color="warning" %}}`, `{{< notice tip "Title" >}}`,
        // `{{< admonition type="tip" title="…" >}}`, `{{< callout note >}}`.
        var kindWord = call.arguments.named("type") ?? call.arguments.named("color")
        var titleIndex = 0
        if kindWord == nil, let first = positional.first, Self.calloutKinds[first.lowercased()] != nil {
            kindWord = first
            titleIndex = 1
        }
        if kindWord == nil, Self.calloutKinds[name] != nil { kindWord = name }
        let kind = Self.calloutKinds[(kindWord ?? "note").lowercased()] ?? "note"
        context["kind"] = .string(kind)
        let capitalized = kind.prefix(1).uppercased() + kind.dropFirst()
        let defaultTitle = strings["callout" + capitalized] ?? capitalized
        if let title = call.arguments.named("title") ?? (positional.count > titleIndex && titleIndex > 0 ? positional[titleIndex] : nil) {
            if !title.isEmpty { context["title"] = .string(title) }
        } else if ["alert", "notice", "callout", "admonition"].contains(name) || Self.calloutKinds[name] != nil {
            context["title"] = .string(defaultTitle)
        }

        // Tabs: the label from the tab itself or from its parent's arguments (`{{< tabs A B >}}`).
        if let parent = call.parent {
            let parentPositional = parent.arguments.positional
            let label = call.arguments.named("name") ?? call.arguments.named("header") ?? call.arguments.named("title") ?? call.arguments.named("label")
                ?? (call.ordinal < parentPositional.count ? parentPositional[call.ordinal] : nil)
                ?? positional.first ?? "\(strings["tab"] ?? "Tab") \(call.ordinal + 1)"
            context["label"] = .string(label)
            context["group"] = .string("sc-\(parent.number + 1)")
            let wantedDefault = parent.arguments.named("defaultTab")
            context["checked"] = .bool(wantedDefault.map { $0 == label || $0 == String(call.ordinal) } ?? (call.ordinal == 0))
        }

        switch name {
        case "ref", "relref":
            let target = call.arguments.named("path") ?? positional.first ?? ""
            let language = (call.arguments.named("lang") ?? (positional.count > 1 ? positional[1] : nil)).flatMap { content.config.languageID(matching: $0) }
            switch refs.resolve(target, from: page, language: language) {
            case let .found(id, anchor):
                let sitePath = content.pages[id].sitePath
                let url = content.config.href(forSitePath: sitePath) + anchor
                context["url"] = .string(name == "ref" ? content.config.origin + url : url)
            case .notFound:
                problems.append(("\(name) \"\(target)\": no page found (looked for it from \(page.source.sitePath)'s folder, then from the content root, then by file name)", true))
                context["url"] = .string(target)
            case let .ambiguous(paths):
                problems.append(("\(name) \"\(target)\" names several pages (\(paths.prefix(4).joined(separator: ", "))): write the path from the content root", true))
                context["url"] = .string(target)
            }
        case "param":
            let key = call.arguments.named("name") ?? positional.first ?? ""
            let siteParams = content.config.params.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
            if let value = Self.lookup(key, in: page.metadata.params) ?? Self.lookup(key, in: siteParams) {
                context["value"] = .string(Self.plainText(value))
            } else {
                problems.append(("param \"\(key)\": the page's front matter and [params] in site.toml have no such value", false))
            }
        case "figure", "video", "img", "image":
            if let src = resolved(call.arguments.named("src") ?? positional.first, image: true, call) { context["src"] = .string(src) }
            if let poster = resolved(call.arguments.named("poster"), image: true, call) { context["poster"] = .string(poster) }
            if let link = resolved(call.arguments.named("link"), image: false, call) { context["link"] = .string(link) }
            if let attrlink = resolved(call.arguments.named("attrlink"), image: false, call) { context["attrlink"] = .string(attrlink) }
            let caption = call.arguments.named("caption") ?? ""
            context["alt"] = .string(call.arguments.named("alt") ?? (caption.isEmpty ? call.arguments.named("title") ?? "" : caption))
            if let title = call.arguments.named("title") { context["title"] = .string(title) }
            context["hasCaption"] = .bool([call.arguments.named("title"), call.arguments.named("caption"), call.arguments.named("attr")].contains { !($0 ?? "").isEmpty })
            context["size"] = .html(Array(Self.sizeAttributes(width: call.arguments.named("width"), height: call.arguments.named("height")).utf8))
        case "youtube":
            let id = call.arguments.named("id") ?? positional.first ?? ""
            context["videoID"] = .string(id)
            context["embedURL"] = .string("https://www.youtube-nocookie.com/embed/" + id.percentEncodedPath)
            context["watchURL"] = .string("https://www.youtube.com/watch?v=" + id.percentEncodedPath)
            context["title"] = .string(call.arguments.named("title") ?? strings["video"] ?? "Video")
        case "bilibili":
            var id = call.arguments.named("id") ?? call.arguments.named("bvid") ?? call.arguments.named("aid") ?? positional.first ?? ""
            let numeric = !id.isEmpty && id.allSatisfy(\.isNumber)
            if id.lowercased().hasPrefix("av") { id = String(id.dropFirst(2)) }
            let isAID = numeric || (call.arguments.named("aid") != nil)
            let page = call.arguments.named("p") ?? (positional.count > 1 ? positional[1] : "1")
            context["videoID"] = .string(id)
            context["embedURL"] = .string("https://player.bilibili.com/player.html?\(isAID ? "aid" : "bvid")=\(id.percentEncodedPath)&page=\(page.percentEncodedPath)&autoplay=0")
            context["watchURL"] = .string("https://www.bilibili.com/video/\(isAID ? "av" : "")\(id.percentEncodedPath)/")
            context["title"] = .string(call.arguments.named("title") ?? strings["video"] ?? "Video")
        case "details":
            context["summary"] = .string(call.arguments.named("summary") ?? call.arguments.named("title") ?? positional.first ?? strings["details"] ?? "Details")
            context["open"] = .bool(["true", "open", "1"].contains((call.arguments.named("open") ?? "").lowercased()))
        case "highlight":
            context["language"] = .string((call.arguments.named("lang") ?? positional.first ?? "").lowercased())
        default:
            break
        }
    }

    /// A path or URL from an argument, resolved as a link or image of the page is;
    /// nil when absent or a `javascript:`-like URL.
    private func resolved(_ value: String?, image: Bool, _ call: ShortcodeCall) -> String? {
        guard let value, !value.isEmpty, !URLSafety.isDangerous(value) else { return nil }
        return links.rewrite(value, isImage: image, line: call.line) ?? value
    }

    /// ` width="300"` for a number of pixels; a size with a unit (`50%`, `20em`) as a style.
    static func sizeAttributes(width: String?, height: String?) -> String {
        var attributes = ""
        var style: [String] = []
        for (name, value) in [("width", width), ("height", height)] {
            guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { continue }
            if value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber) {
                attributes += " \(name)=\"\(value)\""
            } else if value.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter || $0 == "." || $0 == "%") }) {
                style.append("\(name): \(value)")
            }
        }
        if !style.isEmpty { attributes += " style=\"\(style.joined(separator: "; "))\"" }
        return attributes
    }

    /// `a.b` in a front-matter table.
    private static func lookup(_ key: String, in table: [(key: String, value: MetaValue)]) -> MetaValue? {
        var parts = key.split(separator: ".").map(String.init)
        guard !parts.isEmpty else { return nil }
        let head = parts.removeFirst()
        guard let value = table.first(where: { $0.key.lowercased() == head.lowercased() })?.value else { return nil }
        if parts.isEmpty { return value }
        guard case let .table(inner) = value else { return nil }
        return lookup(parts.joined(separator: "."), in: inner)
    }

    private static func plainText(_ value: MetaValue) -> String {
        switch value {
        case let .string(s): return s
        case let .int(i): return String(i)
        case let .double(d): return String(d)
        case let .bool(b): return b ? "true" : "false"
        case let .array(items): return items.map(plainText).joined(separator: ", ")
        case .date, .table: return value.templateValue.text
        }
    }
}
