import Foundation
import PortalText
import PortalMarkdown

/// Checks that every internal link and image of the rendered Markdown leads to a
/// file the build writes or copies, and every `#id` to an element of that file.
/// External links (a scheme, `//host`) are never fetched.
public struct LinkChecker: Sendable {
    /// Path of the base URL (`/portal/`): root-relative links must start with it.
    public let basePath: String
    public package(set) var targets: LinkTargets

    public init(basePath: String, targets: LinkTargets) {
        self.basePath = basePath
        self.targets = targets
    }

    /// Checks the links of every page written from Markdown (not the copies listed
    /// in other languages by `fallback`, whose links are the original's).
    public static func check(content: SiteContent, rendered: [RenderedMarkdown], files: [OutputFile]) -> [Diagnostic] {
        checkPages(content: content, rendered: rendered, files: files).warnings.flatMap(\.value)
    }

    /// The checker built for the site, and the warnings of each Markdown file (site-relative path).
    package static func checkPages(content: SiteContent, rendered: [RenderedMarkdown], files: [OutputFile])
        -> (checker: LinkChecker, warnings: [String: [Diagnostic]]) {
        // Pages and bodies read in place by index: copying a page or a body counts
        // references to each of its fields.
        let pages = content.pages
        let kept = pages.indices.filter { $0 < rendered.count && pages[$0].fallbackOf == nil }
        let targets = LinkTargets(
            files: files, pages: kept.map { (pages[$0].outputPath, pages[$0].source.sitePath, rendered[$0].headings.map(\.id)) })
        let checker = LinkChecker(basePath: content.config.basePath, targets: targets)
        let sources = kept.compactMap { rendered[$0].links.isEmpty ? nil : LinkSource(page: pages[$0], rendered: rendered[$0]) }
        let found = parallelMap(sources) { checker.check($0) }
        var warnings: [String: [Diagnostic]] = [:]
        for (source, list) in zip(sources, found) where !list.isEmpty { warnings[source.file, default: []] += list }
        return (checker, warnings)
    }

    /// One warning per broken link of `source`, in document order.
    public func check(_ source: LinkSource) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for link in source.links {
            if let problem = problem(with: link, in: source) {
                let location = SourceLocation(path: source.file, line: source.bodyLine + link.line - 1, column: link.column)
                warnings.append(.warning(problem, at: location))
            }
        }
        return warnings
    }

    /// What is wrong with `link`, or nil when it resolves (or is external).
    package func problem(with link: RenderedMarkdown.Link, in source: LinkSource) -> String? {
        let destination = link.destination
        if destination.isEmpty || destination.hasPrefix("//") || PageLinkRewriter.hasScheme(destination) { return nil }
        let (path, fragment) = Self.split(destination)
        let target: String
        if path.isEmpty {
            target = source.outputPath
        } else {
            guard let resolved = resolve(path, from: source.sitePath) else {
                return missing(link, in: source, sitePath: nil)
            }
            guard let found = existing(resolved) else {
                return missing(link, in: source, sitePath: "/" + resolved)
            }
            target = found
        }
        guard let fragment else { return nil }
        let id = fragment.percentDecoded
        if id.isEmpty || id.lowercased() == "top" || targets.hasAnchor(id, in: target) { return nil }
        let noun = link.isImage ? "missing image" : "broken link"
        if target == source.outputPath {
            return "\(noun) '\(link.written)': no heading or element with id '\(id)' on this page"
        }
        let place = targets.pageFiles[target] ?? (basePath + target)
        return "\(noun) '\(link.written)': no heading or element with id '\(id)' in \(place)"
    }

    /// The unencoded path below the site root (no leading `/`) that `path` leads to
    /// from a page at `pageSitePath`; nil when it leaves the site or its base path.
    package func resolve(_ path: String, from pageSitePath: String) -> String? {
        var parts: [String]
        if path.utf8.first == UInt8(ascii: "/") {
            // Inside the base path, which is dropped (its bytes: it is a prefix of them).
            let rest: Substring
            if path.utf8.starts(with: basePath.utf8) {
                rest = path[path.utf8.index(path.utf8.startIndex, offsetBy: basePath.utf8.count)...]
            } else if path + "/" == basePath {
                rest = ""
            } else {
                return nil
            }
            parts = rest.splitUTF8("/", omittingEmptySubsequences: false).map(String.init)
        } else {
            parts = pageSitePath.splitUTF8("/").map(String.init)
            parts += path.splitUTF8("/", omittingEmptySubsequences: false).map(String.init)
        }
        let directory = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..") || path == "." || path == ".."
        guard let normalized = PageLinkRewriter.normalize(parts) else { return nil }
        let decoded = normalized.percentDecoded
        return directory && !decoded.isEmpty ? decoded + "/" : decoded
    }

    /// The output path a resolved path is served from: a folder by its `index.html`,
    /// and `a/b` (without the slash) when `a/b/index.html` exists.
    package func existing(_ resolved: String) -> String? {
        if resolved.isEmpty || resolved.hasSuffix("/") {
            let index = resolved + "index.html"
            return targets.contains(index) ? index : nil
        }
        if targets.contains(resolved) { return resolved }
        return targets.contains(resolved + "/index.html") ? resolved + "/index.html" : nil
    }

    /// The message for a link whose file does not exist. Relative links to Markdown
    /// files and relative images name the source file they were looking for.
    package func missing(_ link: RenderedMarkdown.Link, in source: LinkSource, sitePath: String?) -> String {
        let written = link.written
        let (path, _) = Self.split(written)
        let decoded = path.percentDecoded
        let lowered = decoded.lowercased()
        let isMarkdown = lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown")
        let noun = link.isImage ? "missing image" : "broken link"
        if !path.hasPrefix("/"), isMarkdown || link.isImage {
            let directory = source.contentPath.splitUTF8("/").dropLast().map(String.init)
            let parts = directory + decoded.splitUTF8("/", omittingEmptySubsequences: false).map(String.init)
            guard let file = PageLinkRewriter.normalize(parts) else {
                return "\(noun) '\(written)': it leads outside content/"
            }
            return isMarkdown && !link.isImage
                ? "\(noun) '\(written)': no page at content/\(file)"
                : "\(noun) '\(written)': no file at content/\(file)"
        }
        guard let sitePath else {
            return "\(noun) '\(written)': it leads outside the site (base path \(basePath))"
        }
        return "\(noun) '\(written)': nothing is built at \(basePath)\(sitePath.dropFirst())"
    }

    /// Splits a destination into its path and its fragment (the query is dropped).
    package static func split(_ destination: String) -> (path: String, fragment: String?) {
        var path = destination
        var fragment: String?
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(path[path.utf8.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let question = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = String(path[..<question]) }
        return (path, fragment)
    }
}
