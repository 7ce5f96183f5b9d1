import Foundation
import PortalText

/// Finds the Markdown sources and the files to copy under `content/` and `static/`.
public enum ContentScanner {
    package static let markdownExtensions: Set<String> = ["md", "markdown", "txt"]

    /// Walks `content/` and `static/` of `siteRoot`. Never throws: unreadable
    /// folders and links leaving the site are warnings.
    public static func scan(siteRoot: String, config: SiteConfig) -> ContentScan {
        let root = siteRoot.count > 1 && siteRoot.hasSuffix("/") ? String(siteRoot.dropLast()) : siteRoot
        var scan = ContentScan()
        let languages = LanguageMatcher(config: config)

        let contentFolder = root + "/content"
        if DirectoryWalker.isDirectory(contentFolder) {
            let walker = DirectoryWalker(siteRoot: root, isSkipped: isSkippedInContent)
            let (entries, diagnostics) = walker.walk(folder: contentFolder, displayPrefix: "content/")
            scan.diagnostics += diagnostics
            for entry in entries {
                classify(entry, languages: languages, into: &scan)
            }
        } else {
            scan.diagnostics.append(.warning("no content/ folder in \(siteRoot)"))
        }

        let staticFolder = root + "/static"
        if DirectoryWalker.isDirectory(staticFolder) {
            let walker = DirectoryWalker(siteRoot: root, isSkipped: isSkippedInStatic)
            let (entries, diagnostics) = walker.walk(folder: staticFolder, displayPrefix: "static/")
            scan.diagnostics += diagnostics
            scan.assets += entries.map { StaticAsset(absolutePath: $0.absolutePath, relativePath: $0.relativePath, fromContent: false) }
        }

        // Keys made once, records moved once.
        scan.sources = scan.sources.map(\.sitePath).indicesInByteOrder().map { scan.sources[$0] }
        scan.assets = scan.assets.map(sitePath(of:)).indicesInByteOrder().map { scan.assets[$0] }
        scan.diagnostics = scan.diagnostics.sortedForDisplay()
        return scan
    }

    package static func sitePath(of asset: StaticAsset) -> String {
        (asset.fromContent ? "content/" : "static/") + asset.relativePath
    }

    private static func classify(_ entry: DirectoryWalker.Entry, languages: LanguageMatcher, into scan: inout ContentScan) {
        let contentPath = entry.relativePath
        let fileName = contentPath.splitUTF8("/").last ?? contentPath[...]
        let dot = fileName.utf8.lastIndex(of: UInt8(ascii: "."))
        let fileExtension = dot.map { fileName[fileName.utf8.index(after: $0)...].lowercased() } ?? ""
        guard let dot, dot != fileName.startIndex, markdownExtensions.contains(fileExtension) else {
            scan.assets.append(StaticAsset(absolutePath: entry.absolutePath, relativePath: contentPath, fromContent: true))
            return
        }
        let resolved = languages.resolve(contentPath: contentPath)
        if let conflict = resolved.conflict {
            scan.diagnostics.append(.warning(conflict, at: SourceLocation(path: "content/" + contentPath)))
        }
        scan.sources.append(SourceFile(
            absolutePath: entry.absolutePath,
            sitePath: "content/" + contentPath,
            contentPath: contentPath,
            language: resolved.language,
            translationPath: resolved.translationPath,
            isPlainText: fileExtension == "txt"
        ))
    }

    /// Hidden files and folders, and the leftovers of editors (`a.md~`, `.a.md.swp`, `#a.md#`).
    package static func isSkippedInContent(_ name: String) -> Bool {
        name.hasPrefix(".") || isEditorLeftover(name)
    }

    /// `static/` is copied as it is (`.well-known/`, `.nojekyll` matter to hosts),
    /// except version-control and desktop clutter and editor leftovers.
    package static func isSkippedInStatic(_ name: String) -> Bool {
        [".git", ".svn", ".hg", ".DS_Store", ".gitkeep", ".gitignore", ".keep"].contains(name) || isEditorLeftover(name)
    }

    package static func isEditorLeftover(_ name: String) -> Bool {
        name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swo")
            || (name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#"))
    }
}
