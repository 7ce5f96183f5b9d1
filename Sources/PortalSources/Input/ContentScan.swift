import PortalText

/// What `ContentScanner` found: Markdown sources, files to copy, and problems.
public struct ContentScan: Sendable {
    /// Markdown sources, sorted by `sitePath` in byte order.
    public var sources: [SourceFile]
    /// Files to copy from `content/` and `static/`, sorted by site path in byte order.
    public var assets: [StaticAsset]
    public var diagnostics: [Diagnostic]

    public init(sources: [SourceFile] = [], assets: [StaticAsset] = [], diagnostics: [Diagnostic] = []) {
        self.sources = sources
        self.assets = assets
        self.diagnostics = diagnostics
    }
}
