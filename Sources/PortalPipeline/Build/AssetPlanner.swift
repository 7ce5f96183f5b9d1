import PortalSources
import PortalSite
import PortalRender

/// Decides where each copied file goes: theme assets under `/assets/`, `static/`
/// at the root, page-bundle files beside each language's page, other files
/// under `content/` at their own path.
package struct AssetPlanner: Sendable {
    package let content: SiteContent
    package let assets: [StaticAsset]
    package let theme: Theme

    package func files() -> [OutputFile] {
        var files = theme.assets.map {
            OutputFile(path: "assets/" + $0.path, content: $0.content, origin: .source("Templates/assets/" + $0.path))
        }
        var bundles: [String: [Page]] = [:]
        for page in content.pages {
            if let bundle = page.bundleDirectory { bundles[bundle, default: []].append(page) }
        }
        for asset in assets {
            let copy = OutputFile.Content.copy(from: asset.absolutePath)
            guard asset.fromContent else {
                files.append(OutputFile(path: asset.relativePath, content: copy, origin: .source("static/" + asset.relativePath)))
                continue
            }
            let origin = OutputFile.Origin.source("content/" + asset.relativePath)
            if let (bundle, pages) = owningBundle(asset.relativePath, bundles) {
                let inside = asset.relativePath.dropFirst(bundle.count + 1)
                for page in pages {
                    files.append(OutputFile(path: String(page.sitePath.dropFirst()) + inside, content: copy, origin: origin))
                }
            } else {
                files.append(OutputFile(path: asset.relativePath, content: copy, origin: origin))
            }
        }
        return files
    }

    private func owningBundle(_ path: String, _ bundles: [String: [Page]]) -> (String, [Page])? {
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty {
            let folder = parts.joined(separator: "/")
            if let pages = bundles[folder] { return (folder, pages) }
            parts = parts.dropLast()
        }
        return nil
    }
}
