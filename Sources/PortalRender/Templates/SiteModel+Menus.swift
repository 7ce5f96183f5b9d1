import PortalSources
import PortalSite
import PortalText

extension SiteModel {
    /// The menus of one language as templates see them: entries in weight order (then
    /// as written), children under their parent, page references made URLs.
    package struct Menu: Sendable {
        package var name: String
        package var items: [NavItem]
    }

    /// Each language's menus from site.toml (its own, else the site's), and what was
    /// wrong with them: a `pageRef` that names no page, a `parent` that names no entry.
    static func menus(content: SiteContent) -> (menus: PerLanguage<[Menu]>, problems: [Diagnostic]) {
        let config = content.config
        var problems: [Diagnostic] = []
        let menus = PerLanguage(config) { language -> [Menu] in
            let own = config[language].menus
            let chosen = own.isEmpty ? config.menus : own
            guard !chosen.isEmpty else { return [] }
            let references = pageReferences(content: content, language: language)
            return chosen.keys.sorted().map { name in
                let items = items(of: chosen[name] ?? [], language: config[language], references: references,
                                  config: config, reportProblems: own.isEmpty ? language == config.defaultLanguageID : true,
                                  problems: &problems)
                return Menu(name: name, items: items)
            }
        }
        return (menus, problems)
    }

    private static func items(of entries: [MenuEntry], language: LanguageConfig, references: [String: String], config: SiteConfig,
                              reportProblems: Bool, problems: inout [Diagnostic]) -> [NavItem] {
        func report(_ message: String, _ entry: MenuEntry) {
            if reportProblems { problems.append(.warning(message, at: entry.location)) }
        }
        var resolved: [(entry: MenuEntry, item: NavItem)] = []
        for entry in entries {
            if let reference = entry.pageRef, entry.url == nil {
                guard let sitePath = references[normalizedReference(reference)] else {
                    report("menu entry '\(entry.name)': pageRef '\(reference)' names no page or section in \(language.code); the entry is left out", entry)
                    continue
                }
                resolved.append((entry, NavItem(title: entry.name, url: config.href(forSitePath: sitePath), sitePath: sitePath)))
            } else if let url = entry.url {
                if url.contains("://") || url.hasPrefix("mailto:") || url.hasPrefix("//") {
                    resolved.append((entry, NavItem(title: entry.name, url: url, sitePath: nil, external: true)))
                } else if url.hasPrefix("/") {
                    // A site path; a folder's trailing slash is added, as pages' URLs have one.
                    var link = config.href(forLink: url)
                    if !link.path.hasSuffix("/"), link.path.split(separator: "/").last?.contains(".") != true {
                        link = config.href(forLink: link.path + "/" + url.dropFirst(link.path.count))
                    }
                    resolved.append((entry, NavItem(title: entry.name, url: link.href, sitePath: link.hasSuffix ? nil : link.path)))
                } else {
                    resolved.append((entry, NavItem(title: entry.name, url: url, sitePath: nil)))
                }
            }
        }
        let order = resolved.indices.sorted { (resolved[$0].entry.weight, $0) < (resolved[$1].entry.weight, $1) }
        let identifiers = Set(resolved.filter { $0.entry.parent == nil }.map(\.entry.identifier))
        var top: [(identifier: String, item: NavItem)] = []
        var children: [String: [NavItem]] = [:]
        for index in order {
            let (entry, item) = resolved[index]
            if let parent = entry.parent {
                if identifiers.contains(parent) {
                    children[parent, default: []].append(item)
                    continue
                }
                let nested = resolved.contains { $0.entry.identifier == parent && $0.entry.parent != nil }
                report(nested ? "menu entry '\(entry.name)': menus nest one level, and '\(parent)' is itself a child; it is shown at the top"
                              : "menu entry '\(entry.name)': parent '\(parent)' is no entry of this menu; it is shown at the top", entry)
            }
            top.append((entry.identifier, item))
        }
        return top.map { identifier, item in
            var parent = item
            parent.children = children[identifier] ?? []
            return parent
        }
    }

    /// `about`, `/about/`, `about.md`, `docs/_index.md` -> `about`, `docs`.
    static func normalizedReference(_ reference: String) -> String {
        var path = Substring(reference.lowercased())
        while path.hasPrefix("/") { path = path.dropFirst() }
        while path.hasSuffix("/") { path = path.dropLast() }
        for suffix in [".mdx", ".md", ".markdown", ".html"] where path.hasSuffix(suffix) {
            path = path.dropLast(suffix.count)
            break
        }
        for suffix in ["/_index", "/index"] where path.hasSuffix(suffix) {
            path = path.dropLast(suffix.count)
            break
        }
        if path == "_index" || path == "index" { return "" }
        return String(path)
    }

    /// Normalised content paths and section names of one language -> site paths.
    private static func pageReferences(content: SiteContent, language: LanguageID) -> [String: String] {
        var references: [String: String] = [:]
        for section in content.sections[language] { references[normalizedReference(section.name)] = section.sitePath }
        for page in content.pages where page.languageID == language {
            references[normalizedReference(page.source.translationPath)] = page.sitePath
        }
        references[""] = content.paths.home(language)
        return references
    }
}
