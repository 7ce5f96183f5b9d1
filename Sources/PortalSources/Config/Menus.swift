import PortalText

/// One entry of a menu in site.toml (`[[menus.main]]`, `[[languages.en.menus.footer]]`).
public struct MenuEntry: Sendable, Hashable {
    public var name: String
    /// A URL as written: a site path (`/en/about/`) or an address with a scheme.
    public var url: String?
    /// A content file or section the entry links to in the page's language (`about`,
    /// `/docs/_index.md`, `blog`), as Hugo's `pageRef`.
    public var pageRef: String?
    public var weight: Int
    /// The name children give as `parent` (default: `name`).
    public var identifier: String
    public var parent: String?
    /// Where the entry is written in site.toml, for messages.
    public var location: SourceLocation

    public init(name: String, url: String? = nil, pageRef: String? = nil, weight: Int = 0, identifier: String? = nil,
                parent: String? = nil, location: SourceLocation = SourceLocation(path: "site.toml")) {
        self.name = name
        self.url = url
        self.pageRef = pageRef
        self.weight = weight
        self.identifier = identifier ?? name
        self.parent = parent
        self.location = location
    }
}

/// Menus by name (`main` replaces the automatic section list in the default theme's
/// header; `footer` is listed in its footer; any other name reaches templates).
public typealias Menus = [String: [MenuEntry]]

extension SiteConfigLoader {
    package static let menuKeys: Set<String> = ["name", "url", "pageRef", "weight", "identifier", "parent"]

    /// `[[menus.<name>]]` tables under `table` (the root or a language's table).
    package static func readMenus(_ table: TOMLTable, at path: [String], reader: inout TOMLValueReader) -> Menus {
        guard let menus = reader.table(table, "menus", at: path) else { return [:] }
        var result: Menus = [:]
        for name in reader.keysInSourceOrder(menus, at: path + ["menus"]) {
            let menuPath = path + ["menus", name]
            guard let node = menus[name] else { continue }
            guard let entries = node.array, entries.allSatisfy({ $0.table != nil }) else {
                reader.typeMismatch(menuPath, expected: "an array of tables ([[\(TOMLValueReader.displayName(menuPath))]])", found: node)
                continue
            }
            var menu: [MenuEntry] = []
            for (index, entry) in entries.enumerated() {
                guard let fields = entry.table else { continue }
                let entryPath = menuPath + [String(index)]
                let location = SourceLocation(path: reader.file, line: entry.line, column: entry.column)
                // Located by the value: an entry of an array of tables has no key path of its own.
                for key in fields.keys.sorted() where !menuKeys.contains(key) {
                    guard let value = fields[key] else { continue }
                    var message = "unknown key '\(key)' in a [[\(TOMLValueReader.displayName(menuPath))]] entry"
                    if let suggestion = TOMLValueReader.suggestion(for: key, known: menuKeys) { message += " (did you mean '\(suggestion)'?)" }
                    reader.diagnostics.append(.warning(message, at: SourceLocation(path: reader.file, line: value.line, column: value.column)))
                }
                guard let title = reader.string(fields, "name", at: entryPath), !title.isEmpty else {
                    reader.diagnostics.append(.error("a menu entry needs 'name', the text it shows", at: location))
                    continue
                }
                let url = reader.string(fields, "url", at: entryPath)
                let pageRef = reader.string(fields, "pageRef", at: entryPath)
                if url == nil, pageRef == nil {
                    reader.diagnostics.append(.error("menu entry '\(title)' needs 'url' or 'pageRef'", at: location))
                    continue
                }
                if let url, url.contains(where: { $0.isWhitespace || "\"<>".contains($0) }) {
                    reader.diagnostics.append(.error("menu entry '\(title)': 'url' may not hold spaces, quotes, '<' or '>'", at: location))
                    continue
                }
                menu.append(MenuEntry(
                    name: title, url: url, pageRef: pageRef,
                    weight: reader.int(fields, "weight", at: entryPath, minimum: Int.min) ?? 0,
                    identifier: reader.string(fields, "identifier", at: entryPath),
                    parent: reader.string(fields, "parent", at: entryPath), location: location))
            }
            result[name] = menu
        }
        return result
    }
}
