import Foundation
import PortalText

/// Why `portal import` wrote nothing.
package enum SiteImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A wrong request: no such folder, not a Hugo or Docusaurus site, a site.toml in the way.
    case usage(String)
    /// The site's configuration could not be read, or the file not written.
    case failed([Diagnostic])

    package var description: String {
        switch self {
        case let .usage(message): return "error: \(message)"
        case let .failed(diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}

/// `portal import`: finds which generator built the site, reads its configuration and
/// writes a `site.toml` beside it (or where `--output` says).
package enum SiteImporter {
    package struct Result: Sendable {
        package var site: ImportedSite
        /// The path written.
        package var output: String
        package var text: String
        /// Warnings met on the way.
        package var diagnostics: [Diagnostic]
    }

    /// Reads the site in `siteRoot` (absolute); nothing is written.
    package static func read(siteRoot: String) throws(SiteImportError) -> (ImportedSite, [Diagnostic]) {
        guard ImportPaths.isFolder(siteRoot) else {
            throw .usage("the site folder \(siteRoot) does not exist")
        }
        let found: (ImportedSite?, [Diagnostic])
        if DocusaurusImporter.detect(siteRoot: siteRoot) {
            found = DocusaurusImporter.importSite(siteRoot: siteRoot)
        } else if HugoImporter.detect(siteRoot: siteRoot) {
            found = HugoImporter.importSite(siteRoot: siteRoot)
        } else {
            throw .usage("\(siteRoot) is neither a Hugo site (hugo.toml, config.toml, config.yaml, config.json "
                + "or config/_default/) nor a Docusaurus site (docusaurus.config.js or .ts)")
        }
        guard let site = found.0 else { throw .failed(found.1.sortedForDisplay()) }
        return (site, found.1.sortedForDisplay())
    }

    /// Where `--output` puts the file: an existing folder (or a path ending in `/`) gets
    /// `site.toml` inside it; any other path is the file itself. Without it, `site.toml`
    /// in the site folder. Relative paths are taken from `currentFolder`.
    package static func outputPath(_ output: String?, siteRoot: String, currentFolder: String) -> String {
        guard let output, !output.isEmpty else { return siteRoot + "/site.toml" }
        let absolute = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: currentFolder, isDirectory: true))
            .standardizedFileURL.path
        if output.hasSuffix("/") || ImportPaths.isFolder(absolute) {
            return absolute + "/site.toml"
        }
        return absolute
    }

    /// Reads the site and writes its `site.toml` to `output` (see `outputPath`); an
    /// existing file is kept unless `force`.
    package static func run(
        siteRoot: String, output: String?, force: Bool, currentFolder: String
    ) throws(SiteImportError) -> Result {
        let (site, diagnostics) = try read(siteRoot: siteRoot)
        let path = outputPath(output, siteRoot: siteRoot, currentFolder: currentFolder)
        if FileManager.default.fileExists(atPath: path) && !force {
            throw .usage("\(path) already exists; pass --force to replace it")
        }
        if ImportPaths.isFolder(path) {
            throw .usage("\(path) is a folder")
        }
        let folder = (path as NSString).deletingLastPathComponent
        let elsewhere = URL(fileURLWithPath: folder).standardizedFileURL.path != URL(fileURLWithPath: siteRoot).standardizedFileURL.path
        let text = SiteTOMLWriter.text(for: site, siteFolder: elsewhere ? siteRoot : nil)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .failed([.error("cannot write \(path): \(error.localizedDescription)")])
        }
        return Result(site: site, output: path, text: text, diagnostics: diagnostics)
    }
}
