import PortalText
import PortalSources

/// Finds the page a Hugo `ref` / `relref` names, with Hugo's rules: a path starting
/// with `/` is read from the content root (of the page's language first), any other
/// path from the linking page's folder and then from the root, with or without its
/// extension, a folder meaning its `_index.md` or `index.md`; a bare file name that
/// none of those finds is looked up among all pages of the language, and must name one.
package struct RefResolver: Sendable {
    package let content: SiteContent
    package let index: LinkIndex
    /// Page name (see `refName`) -> page ids, made on the first bare-name lookup.
    private let names = Locked<[String: [Int]]?>(nil)

    package enum Outcome: Equatable {
        case found(page: Int, anchor: String)
        case notFound
        /// The bare name matches several pages: their source paths.
        case ambiguous([String])
    }

    package init(content: SiteContent, index: LinkIndex) {
        self.content = content
        self.index = index
    }

    /// The page `reference` names from `page`, in `language` (the page's own when nil).
    package func resolve(_ reference: String, from page: Page, language: LanguageID? = nil) -> Outcome {
        let wanted = language ?? page.languageID
        var path = reference.trimmingCharacters(in: .whitespaces)
        var anchor = ""
        if let hash = path.firstIndex(of: "#") {
            anchor = String(path[hash...])
            path = String(path[..<hash])
        }
        if path.isEmpty { return .found(page: page.id, anchor: anchor) }
        let root = Self.languageRoot(of: page.source)
        var candidates: [String] = []
        let written = path.splitUTF8("/", omittingEmptySubsequences: false).map(String.init)
        if path.hasPrefix("/") {
            if !root.isEmpty { candidates.append(root + path) }
            candidates.append(path)
        } else {
            let directory = page.source.contentPath.splitUTF8("/").dropLast().joined(separator: "/")
            candidates.append(directory + "/" + path)
            if !root.isEmpty { candidates.append(root + "/" + path) }
            candidates.append(path)
        }
        for candidate in candidates {
            let parts = candidate.splitUTF8("/", omittingEmptySubsequences: false).map(String.init)
            guard let normalized = PageLinkRewriter.normalize(parts), let id = lookup(normalized) else { continue }
            return .found(page: inLanguage(id, wanted), anchor: anchor)
        }
        // A bare name: any page of that file (or folder) name.
        guard written.count == 1 || (written.count == 2 && written[1].isEmpty) else { return .notFound }
        let name = Self.stem(of: written[0]).lowercased()
        let matches = pages(named: name)
        let sameLanguage = matches.filter { content.pages[$0].languageID == wanted }
        let pool = sameLanguage.isEmpty ? matches : sameLanguage
        let groups = Set(pool.map { content.pages[$0].translationGroup })
        guard let first = pool.first else { return .notFound }
        if groups.count > 1 {
            return .ambiguous(pool.map { content.pages[$0].source.sitePath }.sorted())
        }
        return .found(page: inLanguage(first, wanted), anchor: anchor)
    }

    private func pages(named name: String) -> [Int] {
        names.withLock { names in
            if names == nil {
                var byName: [String: [Int]] = [:]
                for page in content.pages where page.fallbackOf == nil { byName[Self.refName(of: page.source), default: []].append(page.id) }
                names = byName
            }
            return names?[name] ?? []
        }
    }

    /// The page at a content-relative path, written with or without its extension.
    private func lookup(_ path: String) -> Int? {
        if let id = index.pagesBySourcePath[path] { return id }
        let stem = Self.stem(of: path)
        for suffix in [".md", ".mdx", ".markdown", ".html", "/_index.md", "/index.md", "/_index.mdx", "/index.mdx", "/README.md"] {
            if let id = index.pagesBySourcePath[stem + suffix] { return id }
        }
        // A language folder or suffix: the translation path finds every variant.
        for key in [stem, stem + "/_index", stem + "/index"] {
            if let variants = index.pagesByTranslationPath[key], let id = variants.values.min() { return id }
        }
        var parts = stem.splitUTF8("/").map(String.init)
        if let first = parts.first, content.config.language(matching: first) != nil {
            parts.removeFirst()
            let inner = parts.joined(separator: "/")
            for key in [inner, inner + "/_index", inner + "/index"] {
                if let variants = index.pagesByTranslationPath[key], let id = variants.values.min() { return id }
            }
        }
        return nil
    }

    private func inLanguage(_ id: Int, _ language: LanguageID) -> Int {
        let found = content.pages[id]
        guard found.languageID != language, let other = content.translations[found.translationGroup]?[language] else { return id }
        return other
    }

    /// `a/b.md` -> `a/b`; names without a page extension stay.
    static func stem(of path: String) -> String {
        for ext in [".md", ".mdx", ".markdown", ".html"] where path.lowercased().hasSuffix(ext) {
            return String(path.dropLast(ext.count))
        }
        return path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The folder of a language's content inside the content tree (`en` for
    /// `en/docs/a.md` when the language has its own folder), or "".
    static func languageRoot(of source: SourceFile) -> String {
        let stem = Self.stem(of: source.contentPath)
        let translation = source.translationPath
        guard stem.count > translation.count, stem.hasSuffix("/" + translation) else { return "" }
        return String(stem.dropLast(translation.count + 1))
    }
}

extension RefResolver {
    /// The name a bare `ref` uses for a page: its file name without extension, or its
    /// folder's name for an `index.md` / `_index.md`.
    static func refName(of source: SourceFile) -> String {
        let parts = RefResolver.stem(of: source.translationPath).splitUTF8("/")
        guard var last = parts.last.map(String.init) else { return "" }
        if last == "index" || last == "_index" || last.lowercased() == "readme", parts.count >= 2 { last = String(parts[parts.count - 2]) }
        return last.lowercased()
    }
}
