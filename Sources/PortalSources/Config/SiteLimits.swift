/// `[limits]` of site.toml: bounds on what one page may ask a build to make, so that a
/// page with ten thousand tags fails with a message instead of writing forty thousand files.
public struct SiteLimits: Sendable, Hashable {
    /// Tags of one page (`tags`).
    public var tagsPerPage = 200
    /// Authors of one page (`authors` or `author`).
    public var authorsPerPage = 200
    /// Output files that one page brings into being: the page, its aliases, and the pages
    /// and feeds of the tags and authors it is the first to name.
    public var filesPerPage = 2000
    /// Cells in one row of a Markdown table (cmark-gfm's table extension slows down
    /// with very wide rows); the Markdown stage reads it from `MarkdownOptions.tableColumns`.
    public var tableColumns = 1_000

    public init() {}
}

extension SiteConfigLoader {
    package static let limitKeys: Set<String> = ["tagsPerPage", "authorsPerPage", "filesPerPage", "tableColumns"]

    package static func readLimits(_ root: TOMLTable, reader: inout TOMLValueReader) -> SiteLimits {
        var limits = SiteLimits()
        guard let table = reader.table(root, "limits", at: []) else { return limits }
        let path = ["limits"]
        reader.warnUnknownKeys(in: table, at: path, known: limitKeys)
        if let value = reader.int(table, "tagsPerPage", at: path, minimum: 1) { limits.tagsPerPage = value }
        if let value = reader.int(table, "authorsPerPage", at: path, minimum: 1) { limits.authorsPerPage = value }
        if let value = reader.int(table, "filesPerPage", at: path, minimum: 1) { limits.filesPerPage = value }
        if let value = reader.int(table, "tableColumns", at: path, minimum: 1) { limits.tableColumns = value }
        return limits
    }
}
