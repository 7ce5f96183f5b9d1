import Foundation
import PortalSources
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the files a build copies (`.copy(from:)`) only when their real path,
/// symlinks resolved, may be published (see `PublishedLinks`): inside the site
/// folder and not `site.toml`, `data/` or a hidden file; or inside the folder that
/// `content/`, `static/` or `Templates/` itself leads to.
struct SourceGuard: Sendable {
    /// Real path of the site folder, with a trailing slash.
    let rootPrefix: String
    /// Real paths of `content/`, `static/` and `Templates/`, with a trailing slash.
    let folderPrefixes: [String]

    init(siteRoot: String) {
        let real = Self.realPath(siteRoot) ?? siteRoot
        rootPrefix = real.hasSuffix("/") ? real : real + "/"
        folderPrefixes = ["content", "static", "Templates"].compactMap { Self.realPath(siteRoot + "/" + $0).map { $0 + "/" } }
    }

    /// The file's bytes, or nil when it is missing or may not be published.
    func read(_ path: String) -> [UInt8]? {
        guard let real = Self.realPath(path), allows(real: real) else { return nil }
        return FileManager.default.contents(atPath: real).map { [UInt8]($0) }
    }

    /// Whether a file whose real path is `real` may be served.
    func allows(real: String) -> Bool {
        // `static/.well-known/…` is published as it is: the hidden-file rule is for links.
        if folderPrefixes.contains(where: { real.hasPrefix($0) }) { return true }
        return PublishedLinks.refusal(target: real, realSiteRoot: rootPrefix) == nil
    }

    /// Whether the site file at `path` (`static/x.txt`, `static/linked/x.txt`) is reached
    /// through a symbolic link that may not be served (a broken link included).
    func refusesLink(at path: String) -> Bool {
        guard let real = Self.realPath(path) else { return PublishedLinks.isLink(path) }
        return !allows(real: real)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
