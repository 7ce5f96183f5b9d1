import Foundation
import PortalText
import PortalSources
import PortalSite
import PortalMarkdown
import PortalTemplates

/// The templates, string tables and assets a site renders with: the default
/// theme built into portal, with each file a site's `Templates/` holds in its place.
public struct Theme: Sendable {
    /// Compiled layouts and partials by name (`page`, `partials/card`).
    package let templates: [String: [TemplateNode]]
    /// The same templates as one program, which is what pages render with.
    package let program: TemplateProgram
    /// Lower-cased language code -> key -> string.
    public var strings: [String: [String: String]]
    /// Files under `assets/`, relative to it, with where their bytes come from.
    public var assets: [(path: String, content: OutputFile.Content)]
    /// Shortcode name -> how its template uses enclosed text (see `shortcodeUse`).
    package var shortcodes: [String: ShortcodeInnerUse] = [:]
    /// Changes whenever a shortcode template does: rendered bodies depend on them.
    package var shortcodeKey = 0

    package init(templates: [String: [TemplateNode]], strings: [String: [String: String]],
                 assets: [(path: String, content: OutputFile.Content)]) {
        self.templates = templates
        program = TemplateProgram(templates)
        self.strings = strings
        self.assets = assets
    }

    package static let layouts = ["home", "section", "page", "tags", "tag", "taxonomy", "term", "authors", "author", "archives", "year", "month", "404", "root", "alias", "search"]

    /// Loads the theme for the site at `siteRoot`; errors name the template file, line and column.
    public static func load(siteRoot: String) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var texts: [String: (text: String, origin: String)] = [:]
        for (path, text) in DefaultTheme.files { texts[path] = (text, "(built-in theme) Templates/" + path) }
        var assets: [String: OutputFile.Content] = [:]
        for (path, text) in DefaultTheme.files where path.hasPrefix("assets/") {
            assets[String(path.dropFirst("assets/".count))] = .bytes(Array(text.utf8))
        }
        var diagnostics: [Diagnostic] = []

        let directory = (siteRoot as NSString).appendingPathComponent("Templates")
        let realSiteRoot = PublishedLinks.realPath(siteRoot) ?? siteRoot
        let realDirectory = PublishedLinks.realPath(directory).map { $0 + "/" }
        for path in Self.files(under: directory) {
            let absolute = directory + "/" + path
            // A linked file is used only when it stays in Templates/, or in the site and is not private.
            let real = PublishedLinks.realPath(absolute)
            if !(realDirectory.map { real?.hasPrefix($0) == true } ?? false),
               let refusal = real.map({ PublishedLinks.refusal(target: $0, realSiteRoot: realSiteRoot) }) ?? "broken symbolic link" {
                diagnostics.append(.warning("\(refusal); skipped", at: SourceLocation(path: "Templates/" + path)))
                continue
            }
            if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = .copy(from: absolute)
            } else if path.hasSuffix(".mustache") || path.hasSuffix(".toml") {
                guard let data = FileManager.default.contents(atPath: absolute),
                      let text = String(data: data, encoding: .utf8) else {
                    diagnostics.append(.error("cannot read template as UTF-8 text", at: SourceLocation(path: "Templates/" + path)))
                    continue
                }
                texts[path] = (text, "Templates/" + path)
            }
        }

        var templates: [String: [TemplateNode]] = [:]
        var references: [(template: String, partial: String, location: SourceLocation)] = []
        var strings: [String: [String: String]] = [:]
        // The built-in string tables first: a site's `i18n/en.toml` that sets one string
        // changes that string and keeps the others.
        var builtInKeys: Set<String> = []
        for (path, text) in DefaultTheme.files where path.hasPrefix("i18n/") && path.hasSuffix(".toml") {
            let code = String(path.dropFirst("i18n/".count).dropLast(".toml".count)).lowercased()
            if case let .success(table) = Self.strings(text, origin: "(built-in theme) Templates/" + path) {
                strings[code] = table
                builtInKeys.formUnion(table.keys)
            }
        }
        for path in texts.keys.sorted() {
            guard let entry = texts[path] else { continue }
            if path.hasSuffix(".mustache") {
                let name = String(path.dropLast(".mustache".count))
                var parser = TemplateParser()
                do {
                    templates[name] = try parser.parse(entry.text)
                    references += parser.partialReferences.map {
                        (name, $0.name, SourceLocation(path: entry.origin, line: $0.line, column: $0.column))
                    }
                } catch {
                    diagnostics.append(.error("invalid template: \(error.message)",
                        at: SourceLocation(path: entry.origin, line: error.line, column: error.column)))
                }
            } else if path.hasPrefix("i18n/"), path.hasSuffix(".toml") {
                let code = String(path.dropFirst("i18n/".count).dropLast(".toml".count)).lowercased()
                switch Self.strings(entry.text, origin: entry.origin) {
                case let .success(table):
                    strings[code, default: [:]].merge(table) { _, new in new }
                    // A key one slip away from a built-in one is most likely meant as it.
                    for key in table.keys.sorted() where !builtInKeys.contains(key) {
                        if let meant = NearMiss.closest(to: key, in: builtInKeys.sorted()) {
                            let lines = entry.text.split(separator: "\n", omittingEmptySubsequences: false)
                            let line = (lines.firstIndex { $0.drop { $0 == " " || $0 == "\t" }.hasPrefix(key) } ?? 0) + 1
                            diagnostics.append(.warning("string '\(key)' is not one the theme uses; did you mean '\(meant)'?",
                                                        at: SourceLocation(path: entry.origin, line: line, column: 1)))
                        }
                    }
                case let .failure(error):
                    diagnostics.append(error)
                }
            }
        }
        for reference in references where templates[reference.partial] == nil && texts[reference.partial + ".mustache"] == nil {
            diagnostics.append(.error("template '\(reference.partial)' not found (Templates/\(reference.partial).mustache)", at: reference.location))
        }
        for layout in layouts where texts[layout + ".mustache"] == nil {
            diagnostics.append(.error("missing layout Templates/\(layout).mustache"))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        let sortedAssets = assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var theme = Theme(templates: templates, strings: strings, assets: sortedAssets)
        var hasher = Hasher()
        for name in templates.keys.sorted() where name.hasPrefix(Self.shortcodeFolder) {
            let shortcode = String(name.dropFirst(Self.shortcodeFolder.count))
            theme.shortcodes[shortcode] = Self.shortcodeUse(name, templates: templates)
            hasher.combine(name)
            hasher.combine(texts[name + ".mustache"]?.text)
        }
        theme.shortcodeKey = hasher.finalize()
        return (theme, diagnostics)
    }

    package static let shortcodeFolder = "shortcodes/"

    /// `wraps` when the template shows `content` (the enclosed Markdown, rendered in
    /// place), else `raw` when it shows `inner` (the enclosed text as written), else
    /// `none`; partials it includes count.
    package static func shortcodeUse(_ name: String, templates: [String: [TemplateNode]]) -> ShortcodeInnerUse {
        var usesContent = false
        var usesInner = false
        var seen: Set<String> = []
        func visit(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case let .variable(tag, _):
                    note(tag)
                case let .section(tag, children, _):
                    note(tag)
                    visit(children)
                case let .partial(partial, _, overrides):
                    if seen.insert(partial).inserted, let body = templates[partial] { visit(body) }
                    for (_, body) in overrides ?? [:] { visit(body) }
                case let .block(_, defaults, _):
                    visit(defaults)
                case .text:
                    break
                }
            }
        }
        func note(_ tag: TemplateName) {
            switch tag.scope {
            case let .stack(path), let .local(path):
                if path.first == "content" { usesContent = true }
                if path.first == "inner" { usesInner = true }
            default:
                break
            }
        }
        seen.insert(name)
        visit(templates[name] ?? [])
        return usesContent ? .wraps : usesInner ? .raw : .standalone
    }

    /// Relative paths of the regular files below `directory`, sorted; hidden files skipped.
    package static func files(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        for case let path as String in enumerator {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }

    /// The layout a page's front matter names, when the theme can render it.
    package func layout(named layout: String?) -> String? {
        guard let layout, layoutProblem(layout) == nil else { return nil }
        return layout
    }

    /// A front matter `layout` the theme cannot render: a name that is no template name,
    /// or one with no `Templates/<layout>.mustache`. Nil when the theme has it.
    package func layoutProblem(_ layout: String) -> String? {
        let allowed = layout.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2F }
        guard allowed, !layout.isEmpty, !layout.hasPrefix("/"), !layout.hasSuffix("/"), !layout.contains("//"),
              !layout.hasPrefix("partials/"), !layout.hasPrefix("shortcodes/") else {
            return "layout '\(layout)' is no template name (lower-case letters, digits, '-', '_' and '/')"
        }
        guard templates[layout] != nil else {
            return "layout '\(layout)' has no template: add Templates/\(layout).mustache (the default theme has landing and standalone)"
        }
        return nil
    }

    /// The interface strings of `language`: `i18n/{code}.toml`, else the file of its
    /// `locale` (`zh-cn` with `locale = "zh-Hans"`), else of its first subtag (`en-us` ->
    /// `en`); any Chinese code falls back to `zh-hans`; English when nothing matches.
    package func strings(for language: LanguageConfig) -> [String: String] {
        let code = language.urlPrefix
        var candidates = [code, language.locale.lowercased().replacingOccurrences(of: "_", with: "-")]
        if let primary = code.split(separator: "-").first { candidates.append(String(primary)) }
        if code == "zh" || code.hasPrefix("zh-") { candidates.append(code.contains("tw") || code.contains("hk") || code.contains("hant") ? "zh-hant" : "zh-hans") }
        candidates.append("en")
        for candidate in candidates { if let found = strings[candidate] { return found } }
        return [:]
    }

    /// The HTML of `layout` rendered with `context`.
    package func render(_ context: TemplateValue, layout: String) -> String {
        String(decoding: renderBytes(context, layout: layout), as: UTF8.self)
    }

    /// The UTF-8 bytes of `layout` rendered with `context`, as they are written to disk.
    package func renderBytes(_ context: TemplateValue, layout: String) -> [UInt8] {
        var renderer = TemplateRenderer(program: program)
        return renderer.renderBytes(layout, context: context)
    }
}

extension Theme {
    /// The strings of an `i18n/*.toml` text, parsed once per text (see `ParseMemo`).
    package static func strings(_ text: String, origin: String) -> Result<[String: String], Diagnostic> {
        ParseMemos.strings.value(for: origin, text: text) {
            do throws(TOMLError) {
                let table = try TOMLParser.parse(text)
                var values: [String: String] = [:]
                for (key, node) in table.orderedEntries { if let text = node.string { values[key] = text } }
                return .success(values)
            } catch {
                return .failure(.error("invalid TOML: \(error.message)",
                    at: SourceLocation(path: origin, line: error.line, column: error.column)))
            }
        }
    }
}
