import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PortalSources
import PortalSite

/// Size and modification time of a file: what tells a cache that it changed.
package struct FileStamp: Sendable, Hashable {
    package var size: Int64
    package var seconds: Int
    package var nanoseconds: Int

    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        #if canImport(Darwin)
        seconds = info.st_mtimespec.tv_sec
        nanoseconds = info.st_mtimespec.tv_nsec
        #else
        seconds = info.st_mtim.tv_sec
        nanoseconds = info.st_mtim.tv_nsec
        #endif
    }
}

extension BuildCache {
    /// What parsing and Markdown depend on besides the file: `site.toml` and the base URL override.
    package static func configKey(siteRoot: String, baseURL: String?) -> Int {
        var hasher = Hasher()
        let url = URL(fileURLWithPath: siteRoot).appendingPathComponent("site.toml")
        hasher.combine((try? Data(contentsOf: url)) ?? Data())
        hasher.combine(baseURL)
        return hasher.finalize()
    }

    /// What link rewriting sees of the whole site: every page's source, URL,
    /// language and translation group, and every copied asset. When this
    /// changes, every page's Markdown is rendered again.
    package static func linkKey(content: SiteContent, assets: [StaticAsset]) -> Int {
        var hasher = Hasher()
        for page in content.pages {
            hasher.combine(page.source.contentPath)
            hasher.combine(page.sitePath)
            hasher.combine(page.language)
            hasher.combine(page.translationGroup)
            hasher.combine(page.bundleDirectory)
        }
        for asset in assets {
            hasher.combine(asset.relativePath)
            hasher.combine(asset.fromContent)
        }
        return hasher.finalize()
    }
}
