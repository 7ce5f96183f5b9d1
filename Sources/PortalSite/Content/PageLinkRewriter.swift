import Foundation
import PortalText
import PortalSources
import PortalMarkdown

/// What link rewriting needs to know of the whole site.
public struct LinkIndex: Sendable {
    /// Content-relative source path (`posts/a.en.md`) -> page id.
    public var pagesBySourcePath: [String: Int]
    /// Translation path (`posts/a`) -> language -> page id, so `a.md` finds `a.en.md`.
    public var pagesByTranslationPath: [String: [LanguageID: Int]]
    /// Content-relative paths of files under content/ that are copied.
    public var assets: Set<String>
    /// Every page's site path, for root links written without a language.
    public var sitePaths: Set<String>

    public init(content: SiteContent, assets: [StaticAsset]) {
        var bySource: [String: Int] = [:]
        var byTranslation: [String: [LanguageID: Int]] = [:]
        sitePaths = Set(content.pages.map(\.sitePath))
        for page in content.pages where page.fallbackOf == nil {
            bySource[page.source.contentPath] = page.id
            byTranslation[page.source.translationPath, default: [:]][page.languageID] = page.id
        }
        pagesBySourcePath = bySource
        pagesByTranslationPath = byTranslation
        self.assets = Set(assets.filter(\.fromContent).map(\.relativePath))
    }
}

/// Rewrites one page's links while cmark-gfm walks it: root-relative links go
/// under the base path, relative images to where they are copied, links to
/// Markdown sources to their page. Links it cannot resolve are left as written
/// for `LinkChecker`, which reports every broken link once.
public struct PageLinkRewriter: LinkRewriting {
    package let page: Page
    package let content: SiteContent
    package let index: LinkIndex

    public init(page: Page, content: SiteContent, index: LinkIndex) {
        self.page = page
        self.content = content
        self.index = index
    }

    public func rewrite(_ destination: String, isImage: Bool, line: Int) -> String? {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || Self.hasScheme(destination) {
            return nil
        }
        let (path, suffix) = Self.splitSuffix(destination)
        if path.hasPrefix("/") {
            // `/docs/x/` written without a language means the page in the linking page's language.
            let home = content.paths.home(page.languageID)
            if home != "/", !path.hasPrefix(home) {
                var candidate = home + path.percentDecoded.dropFirst()
                if !candidate.hasSuffix("/"), !(candidate.split(separator: "/").last ?? "").contains(".") { candidate += "/" }
                if index.sitePaths.contains(candidate) { return content.config.href(forSitePath: candidate) + suffix }
            }
            let basePath = content.config.basePath
            if basePath == "/" || path.hasPrefix(basePath) { return nil }
            return basePath + path.dropFirst() + suffix
        }
        let decodedPath = path.percentDecoded
        let directory = page.source.contentPath.splitUTF8("/").dropLast().map(String.init)
        guard let resolved = Self.normalize(directory + decodedPath.splitUTF8("/", omittingEmptySubsequences: false).map(String.init)) else {
            return nil
        }
        let lowered = resolved.lowercased()
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") {
            let stem = String(resolved[..<(resolved.lastIndex(of: ".") ?? resolved.endIndex)])
            let variants = index.pagesByTranslationPath[stem]
            guard let targetID = index.pagesBySourcePath[resolved] ?? variants?[page.languageID] ?? variants?.values.min() else {
                return nil
            }
            var target = content.pages[targetID]
            if target.languageID != page.languageID,
               let sameLanguage = content.translations[target.translationGroup]?[page.languageID] {
                target = content.pages[sameLanguage]
            }
            return content.config.href(forSitePath: target.sitePath) + suffix
        }
        guard index.assets.contains(resolved) else {
            // Docusaurus writes links to pages as source paths without extension (`./resource-model`).
            guard !decodedPath.hasSuffix("/") else { return nil }
            let sources = [".md", ".mdx", "/index.md", "/README.md"].map { resolved + $0 }
            if let id = sources.lazy.compactMap({ index.pagesBySourcePath[$0] }).first {
                return content.config.href(forSitePath: content.pages[id].sitePath) + suffix
            }
            // A page of another language folder: the same path without the language.
            var parts = resolved.splitUTF8("/").map(String.init)
            if let first = parts.first, content.config.language(matching: first) != nil { parts.removeFirst() }
            let translation = parts.joined(separator: "/")
            if let variants = index.pagesByTranslationPath[translation] ?? index.pagesByTranslationPath[translation + "/index"],
               let targetID = variants[page.languageID] ?? variants.values.min() {
                return content.config.href(forSitePath: content.pages[targetID].sitePath) + suffix
            }
            return nil
        }
        if let bundle = page.bundleDirectory, resolved.hasPrefix(bundle + "/") {
            let inside = resolved.dropFirst(bundle.count + 1)
            return content.config.href(forSitePath: page.sitePath + inside) + suffix
        }
        return content.config.href(forSitePath: "/" + resolved) + suffix
    }

    package static func hasScheme(_ text: String) -> Bool {
        // RFC 3986: an ASCII letter, then ASCII letters, digits, `+`, `-` or `.`, up to `:`.
        let bytes = text.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != bytes.startIndex,
              Self.schemeStart.contains(bytes[bytes.startIndex]) else { return false }
        return bytes[..<colon].allSatisfy { Self.schemeBytes.contains($0) }
    }

    private static let schemeStart = ASCIISet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    private static let schemeBytes = ASCIISet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.")

    package static func splitSuffix(_ text: String) -> (String, String) {
        if let index = text.utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            return (String(text[..<index]), String(text[index...]))
        }
        return (text, "")
    }

    /// Resolves `.` and `..`; nil when the path climbs out of content/.
    package static func normalize(_ parts: [String]) -> String? {
        var stack: [String] = []
        for part in parts {
            switch part {
            case "", ".": continue
            case "..":
                if stack.isEmpty { return nil }
                stack.removeLast()
            default: stack.append(part)
            }
        }
        return stack.joined(separator: "/")
    }
}
