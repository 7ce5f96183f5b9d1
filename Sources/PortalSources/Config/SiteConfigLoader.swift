import Foundation
import PortalText

/// Reads and validates `site.toml`.
public enum SiteConfigLoader {
    package static let topLevelKeys: Set<String> = [
        "title", "baseURL", "defaultLanguage", "timeZone", "pageSize",
        "languages", "markdown", "feed", "chinese", "content", "params", "limits", "search",
        "defaultLanguageInSubdir", "disablePathToLower", "datedNames", "mounts", "permalinks", "sections", "data", "editURL", "menus", "git", "related", "taxonomies",
    ]

    /// Loads `site.toml` from `siteRoot`. Unknown keys are warnings naming the key;
    /// invalid TOML or values are errors located in `site.toml`.
    public static func load(siteRoot: String) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        let path = (siteRoot as NSString).appendingPathComponent("site.toml")
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [.error("no site.toml in \(siteRoot)")])
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return (nil, [.error("site.toml is not valid UTF-8", at: SourceLocation(path: "site.toml"))])
        }
        return parse(text, path: "site.toml")
    }

    /// Parses the text of a `site.toml` (`path` is used in messages).
    /// The text of the last call for `path` is parsed once (see `ParseMemo`).
    public static func parse(_ text: String, path: String = "site.toml") -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        ParseMemos.siteConfig.value(for: path, text: text) { parseText(text, path: path) }
    }

    package static func parseText(_ text: String, path: String) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let root = TOMLValueReader.parseTable(text, file: path, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        var reader = TOMLValueReader(file: path, text: text, root: root)
        reader.warnUnknownKeys(in: root, at: [], known: topLevelKeys)

        let title = reader.string(root, "title", at: []) ?? "portal"
        let baseURL = reader.link(root, "baseURL", at: []) ?? "/"
        var editURL = reader.link(root, "editURL", at: []) ?? ""
        if !editURL.isEmpty, !editURL.hasSuffix("/") { editURL += "/" }
        let pageSize = reader.int(root, "pageSize", at: [], minimum: 1) ?? 10
        let timeZone = readTimeZone(root, reader: &reader)
        let languages = readLanguages(root, siteTitle: title, reader: &reader)
        let defaultLanguage = resolveDefaultLanguage(root, languages: languages, reader: &reader)
        var markdown = readMarkdown(root, reader: &reader)
        let feed = readFeed(root, reader: &reader)
        let search = readSearch(root, reader: &reader)
        let chinese = readChinese(root, reader: &reader)
        let content = readContent(root, reader: &reader)
        let limits = readLimits(root, reader: &reader)
        let layout = readLayout(root, languages: languages, reader: &reader)
        let menus = readMenus(root, at: [], reader: &reader)
        let taxonomies = readTaxonomies(root, reader: &reader)
        var relatedCount = 3
        if let related = reader.table(root, "related", at: []) {
            reader.warnUnknownKeys(in: related, at: ["related"], known: ["count"])
            relatedCount = reader.int(related, "count", at: ["related"], minimum: 0) ?? 3
        }
        var gitLastmod = false
        if let git = reader.table(root, "git", at: []) {
            reader.warnUnknownKeys(in: git, at: ["git"], known: ["lastmod"])
            gitLastmod = reader.bool(git, "lastmod", at: ["git"]) ?? false
        }
        markdown.tableColumns = limits.tableColumns
        var params: [String: MetaValue] = [:]
        if let table = reader.table(root, "params", at: []) {
            for key in table.keys {
                if let value = table[key] {
                    params[key] = reader.metaValue(value, at: ["params", key], timeZone: timeZone)
                }
            }
        }

        diagnostics += reader.diagnostics
        guard !diagnostics.hasErrors, let defaultLanguage else {
            return (nil, diagnostics.sortedForDisplay())
        }
        var config = SiteConfig(
            title: title,
            baseURL: baseURL,
            defaultLanguage: defaultLanguage,
            timeZone: timeZone,
            pageSize: pageSize,
            languages: ordered(languages, defaultLanguage: defaultLanguage),
            markdown: markdown,
            feed: feed,
            chinese: chinese,
            content: content,
            params: params
        )
        config.limits = limits
        config.layout = layout
        config.search = search
        config.editURL = editURL
        config.menus = menus
        config.gitLastmod = gitLastmod
        config.relatedCount = relatedCount
        config.taxonomies = taxonomies
        return (config, diagnostics.sortedForDisplay())
    }

    package static func readTimeZone(_ root: TOMLTable, reader: inout TOMLValueReader) -> TimeZone {
        let utc = TimeZone(secondsFromGMT: 0) ?? TimeZone.current
        guard let identifier = reader.string(root, "timeZone", at: []) else { return utc }
        // TimeZone(identifier:) also accepts abbreviations such as "PST"; the key asks for an IANA id.
        guard TimeZone.knownTimeZoneIdentifiers.contains(identifier) || identifier == "UTC",
              let zone = TimeZone(identifier: identifier) else {
            reader.error("'timeZone' is not an IANA time zone: '\(identifier)' (e.g. 'Asia/Shanghai', 'UTC')", at: ["timeZone"])
            return utc
        }
        return zone
    }

    /// The configured code for `defaultLanguage`, matched case-insensitively;
    /// without the key, the first language by code. Nil after an error.
    package static func resolveDefaultLanguage(_ root: TOMLTable, languages: [LanguageConfig], reader: inout TOMLValueReader) -> String? {
        let fallback = "en"
        guard root["defaultLanguage"] != nil else {
            if languages.isEmpty { return fallback }
            return languages.map(\.code).sorted().first
        }
        guard let requested = reader.string(root, "defaultLanguage", at: []) else { return nil }
        if languages.isEmpty { return requested.isEmpty ? fallback : requested }
        if let match = languages.first(where: { $0.code.lowercased() == requested.lowercased() }) {
            return match.code
        }
        let codes = languages.map(\.code).sorted().map { "'\($0)'" }.joined(separator: ", ")
        reader.error("'defaultLanguage' is '\(requested)', which is not among the languages (\(codes))", at: ["defaultLanguage"])
        return nil
    }

    /// Default language first, then by weight, then by code.
    package static func ordered(_ languages: [LanguageConfig], defaultLanguage: String) -> [LanguageConfig] {
        languages.sorted { a, b in
            let aIsDefault = a.code == defaultLanguage
            let bIsDefault = b.code == defaultLanguage
            if aIsDefault != bIsDefault { return aIsDefault }
            if a.weight != b.weight { return a.weight < b.weight }
            return a.code < b.code
        }
    }
}
