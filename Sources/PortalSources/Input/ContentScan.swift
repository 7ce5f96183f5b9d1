import PortalText

/// A folder's label and place in a docs sidebar (Docusaurus `_category_.json`).
public struct FolderCategory: Sendable, Hashable {
    public var label: String?
    public var position: Int?

    public init(label: String?, position: Int?) {
        self.label = label
        self.position = position
    }
}

/// What `ContentScanner` found: Markdown sources, files to copy, and problems.
public struct ContentScan: Sendable {
    /// Markdown sources, sorted by `sitePath` in byte order.
    public var sources: [SourceFile]
    /// Files to copy from `content/` and `static/`, sorted by site path in byte order.
    public var assets: [StaticAsset]
    public var diagnostics: [Diagnostic]
    /// Docusaurus `_category_.json` / `.yml` of content folders: virtual folder path
    /// (`docs/guides`, `zh/docs/guides`) -> label and position.
    public var categories: [String: FolderCategory] = [:]

    public init(sources: [SourceFile] = [], assets: [StaticAsset] = [], diagnostics: [Diagnostic] = []) {
        self.sources = sources
        self.assets = assets
        self.diagnostics = diagnostics
    }
}
