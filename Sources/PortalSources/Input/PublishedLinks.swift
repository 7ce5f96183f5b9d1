#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which symbolic links a site may publish through (in `content/`, `static/` and the
/// theme's `Templates/`): those whose target, every link resolved, lies inside the site
/// folder and is not one of its private files: `site.toml`, anything under `data/`,
/// or a hidden file or folder (`.git/`, `.env`). A link to `../site.toml` in `static/`
/// would otherwise publish the configuration.
public enum PublishedLinks {
    /// Why the file at `path` may not be published, or nil when it may (also when it is
    /// no link and lies in the site). `realSiteRoot` is the site folder's real path.
    public static func refusal(of path: String, realSiteRoot: String) -> String? {
        guard let target = realPath(path) else { return "broken symbolic link" }
        return refusal(target: target, realSiteRoot: realSiteRoot)
    }

    /// Why a file whose real path is `target` may not be published, or nil.
    public static func refusal(target: String, realSiteRoot: String) -> String? {
        let root = realSiteRoot.hasSuffix("/") ? String(realSiteRoot.dropLast()) : realSiteRoot
        guard target.hasPrefix(root + "/") else {
            return target == root ? "symbolic link points to the site folder itself" : "symbolic link points outside the site (\(target))"
        }
        let inside = target.dropFirst(root.count + 1)
        if inside == "site.toml" { return "symbolic link points to site.toml" }
        if inside == "data" || inside.hasPrefix("data/") { return "symbolic link points into data/ (\(inside))" }
        if inside.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            return "symbolic link points to a hidden file or folder (\(inside))"
        }
        return nil
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(validatingCString: resolved)
    }

    /// Whether `path` itself is a symbolic link.
    public static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
