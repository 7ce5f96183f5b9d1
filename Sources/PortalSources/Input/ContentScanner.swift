import Foundation
import Yams
import PortalText

/// Finds the Markdown sources and the files to copy under `content/` and `static/`.
public enum ContentScanner {
    package static let markdownExtensions: Set<String> = ["md", "markdown", "mdx", "txt"]

    /// Walks the content folders (`content/`, each language's `contentDir`, each
    /// `[[mounts]]` entry) and `static/` of `siteRoot`. Never throws: unreadable folders
    /// and links leaving the site are warnings.
    public static func scan(siteRoot: String, config: SiteConfig) -> ContentScan {
        let root = siteRoot.count > 1 && siteRoot.hasSuffix("/") ? String(siteRoot.dropLast()) : siteRoot
        var scan = ContentScan()
        let languages = LanguageMatcher(config: config)

        let mounts = contentMounts(of: config)
        for mount in mounts {
            let folder = root + "/" + mount.source
            guard DirectoryWalker.isDirectory(folder) else {
                if mount.source != "content" || mounts.count == 1 {
                    scan.diagnostics.append(.warning("no \(mount.source)/ folder in \(siteRoot)"))
                }
                continue
            }
            let walker = DirectoryWalker(siteRoot: root, isSkipped: isSkippedInContent)
            let (entries, diagnostics) = walker.walk(folder: folder, displayPrefix: mount.source + "/")
            scan.diagnostics += diagnostics
            // Files of a language's mount appear under that language's folder, so the rest
            // of the build sees one content tree whatever the layout on disk.
            let prefix = ([mount.language.map { $0.lowercased() }, mount.target.isEmpty ? nil : mount.target].compactMap { $0 })
                .map { $0 + "/" }.joined()
            // Each file is looked at on its own (on every core), then taken in the walk's order.
            let classified = parallelMap(entries) { entry in
                classify(entry, mount: mount, contentPath: prefix + entry.relativePath, languages: languages)
            }
            for item in classified {
                switch item {
                case .unpublished:
                    break
                case let .category(folder, category):
                    scan.categories[folder] = category
                case let .asset(asset):
                    scan.assets.append(asset)
                case let .source(source, conflict):
                    if let conflict { scan.diagnostics.append(conflict) }
                    scan.sources.append(source)
                }
            }
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

    /// The folders read as content: `content/` unless languages name their own
    /// `contentDir` or a mount reads it, then each language's `contentDir`, then `[[mounts]]`.
    public static func contentMounts(of config: SiteConfig) -> [ContentMount] {
        var mounts: [ContentMount] = config.languages.compactMap { language in
            language.contentDir.map { ContentMount(source: $0, target: "", language: language.code) }
        }
        mounts += config.layout.mounts
        let readsContent = mounts.contains { $0.source == "content" || $0.source.hasPrefix("content/") }
        if !readsContent && config.languages.allSatisfy({ $0.contentDir == nil }) {
            mounts.insert(ContentMount(source: "content", target: "", language: nil), at: 0)
        }
        return mounts
    }

    package static func sitePath(of asset: StaticAsset) -> String {
        (asset.fromContent ? "content/" : "static/") + asset.relativePath
    }

    /// What one file of a content folder is.
    private enum Classified: Sendable {
        /// A file other generators read and portal never publishes.
        case unpublished
        /// A Docusaurus category file, with its folder.
        case category(String, FolderCategory)
        case asset(StaticAsset)
        /// A page's source, with a warning when its name names two languages.
        case source(SourceFile, Diagnostic?)
    }

    private static func classify(_ entry: DirectoryWalker.Entry, mount: ContentMount, contentPath: String,
                                 languages: LanguageMatcher) -> Classified {
        let displayPath = mount.source + "/" + entry.relativePath
        let fileName = contentPath.splitUTF8("/").last ?? contentPath[...]
        if unpublishedFiles.contains(String(fileName)) {
            if fileName.hasPrefix("_category_.") {
                let folder = contentPath.splitUTF8("/").dropLast().joined(separator: "/")
                return .category(folder, readCategory(entry.absolutePath, json: fileName.hasSuffix(".json")))
            }
            return .unpublished
        }
        let dot = fileName.utf8.lastIndex(of: UInt8(ascii: "."))
        let fileExtension = dot.map { fileName[fileName.utf8.index(after: $0)...].lowercased() } ?? ""
        let isHTMLPage = (fileExtension == "html" || fileExtension == "htm") && startsWithFrontMatter(entry.absolutePath)
        guard let dot, dot != fileName.startIndex, markdownExtensions.contains(fileExtension) || isHTMLPage else {
            return .asset(StaticAsset(absolutePath: entry.absolutePath, relativePath: contentPath, fromContent: true))
        }
        let resolved = languages.resolve(contentPath: contentPath)
        var source = SourceFile(
            absolutePath: entry.absolutePath,
            sitePath: displayPath,
            contentPath: contentPath,
            language: resolved.language,
            translationPath: resolved.translationPath,
            isPlainText: fileExtension == "txt",
            mountTarget: mount.target
        )
        source.isHTML = isHTMLPage
        return .source(source, resolved.conflict.map { .warning($0, at: SourceLocation(path: displayPath)) })
    }

    /// Whether a file starts (after a byte order mark and blank lines) with `---` or `+++`.
    private static func startsWithFrontMatter(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var bytes = [UInt8]((try? handle.read(upToCount: 512)) ?? Data())
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let rest = bytes.drop { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }
        return rest.starts(with: Array("---".utf8)) || rest.starts(with: Array("+++".utf8))
    }

    /// `label` and `position` of a Docusaurus category file; what cannot be read is left out.
    private static func readCategory(_ path: String, json: Bool) -> FolderCategory {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else { return FolderCategory(label: nil, position: nil) }
        let object: Any? = json ? try? JSONSerialization.jsonObject(with: data) : (try? Yams.load(yaml: String(decoding: data, as: UTF8.self)))
        let table = object as? [String: Any] ?? [:]
        let position = (table["position"] as? NSNumber).map { Int(truncating: $0) } ?? (table["position"] as? Int)
        return FolderCategory(label: table["label"] as? String, position: position)
    }

    /// Files other generators read beside the pages and never publish: Docusaurus
    /// category metadata and blog author maps.
    package static let unpublishedFiles: Set<String> = [
        "_category_.json", "_category_.yml", "_category_.yaml", "authors.yml", "authors.yaml",
    ]

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
