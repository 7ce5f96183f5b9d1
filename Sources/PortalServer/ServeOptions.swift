import Foundation
import PortalSources

/// What `portal serve` was asked for.
public struct ServeOptions: Sendable {
    /// Absolute path of the site folder.
    public var siteRoot: String
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// Drafts and future posts are shown unless this is set.
    public var noDrafts: Bool
    public var strict: Bool
    /// How long the sources must stay quiet before a rebuild starts.
    public var quietPeriod: Duration
    /// Watch by polling modification times instead of inotify.
    public var forcePolling: Bool
    public var pollInterval: Duration

    public init(siteRoot: String, host: String = "127.0.0.1", port: Int = 1313, noDrafts: Bool = false, strict: Bool = false,
                quietPeriod: Duration = .milliseconds(20), forcePolling: Bool = false, pollInterval: Duration = .milliseconds(300)) {
        self.siteRoot = siteRoot
        self.host = host
        self.port = port
        self.noDrafts = noDrafts
        self.strict = strict
        self.quietPeriod = quietPeriod
        self.forcePolling = forcePolling
        self.pollInterval = pollInterval
    }

    /// The folders and files a change in which triggers a rebuild, relative to the site root.
    static let watchedFolders = ["content", "Templates", "static", "data"]
    static let watchedFiles = ["site.toml"]

    /// `watchedFolders` and the top folders of what `site.toml` reads besides them:
    /// each language's `contentDir`, each `[[mounts]]` source, the `[data] authors` file
    /// (`docs`, `i18n`, `blog` of a Docusaurus site). Read when the preview starts.
    static func watchedFolders(siteRoot: String) -> [String] {
        guard let config = SiteConfigLoader.load(siteRoot: siteRoot).config else { return watchedFolders }
        var folders = watchedFolders
        let sources = ContentScanner.contentMounts(of: config).map(\.source) + [config.layout.authorsFile].compactMap { $0 }
        for source in sources {
            guard let top = source.split(separator: "/").first.map(String.init), !folders.contains(top) else { continue }
            folders.append(top)
        }
        return folders
    }

    /// Whether a site-relative path is one the watcher cares about (in `folders`, by default the fixed ones).
    static func isWatched(_ sitePath: String, folders: [String] = watchedFolders) -> Bool {
        if watchedFiles.contains(sitePath) { return true }
        let top = sitePath.split(separator: "/", maxSplits: 1).first.map(String.init) ?? sitePath
        return folders.contains(top)
    }

    /// Editor droppings (swap files, backups) never trigger a rebuild.
    static func isNoise(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913"
    }
}
