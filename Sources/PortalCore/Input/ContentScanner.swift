// TEMPORARY STUB until the input stage lands.
public struct ContentScan: Sendable {
    public var sources: [SourceFile] = []
    public var assets: [StaticAsset] = []
    public var diagnostics: [Diagnostic] = []
}
public enum ContentScanner {
    public static func scan(siteRoot: String, config: SiteConfig) -> ContentScan { ContentScan() }
}
