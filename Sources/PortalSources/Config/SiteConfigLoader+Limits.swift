
extension SiteConfigLoader {
    package static let limitKeys: Set<String> = ["tableColumns"]

    /// `[limits]`: bounds on what one page may ask of the build.
    package static func readLimits(_ root: TOMLTable, into markdown: inout MarkdownOptions, reader: inout TOMLValueReader) {
        guard let table = reader.table(root, "limits", at: []) else { return }
        let path = ["limits"]
        reader.warnUnknownKeys(in: table, at: path, known: limitKeys)
        if let value = reader.int(table, "tableColumns", at: path, minimum: 1) { markdown.tableColumns = value }
    }
}
