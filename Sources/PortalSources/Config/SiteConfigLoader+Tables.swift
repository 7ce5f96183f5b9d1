import Foundation

extension SiteConfigLoader {
    package static let languageKeys: Set<String> = ["name", "title", "description", "locale", "weight", "contentDir", "menus"]
    package static let markdownKeys: Set<String> = ["unsafe", "tocMinHeadings", "mermaid", "highlight", "math", "katex"]
    package static let feedKeys: Set<String> = ["fullContent", "limit", "json"]
    package static let searchKeys: Set<String> = ["enabled", "titleWeight", "labelWeight", "sectionWeight", "bodyWeight", "exclude"]
    package static let contentKeys: Set<String> = ["frontMatter"]
    package static let chineseKeys: Set<String> = [
        "summaryCharacters", "summaryWords", "joinLines", "friendlyEmphasis",
        "slugStyle", "fallback", "charactersPerMinute", "wordsPerMinute", "autospace",
    ]

    /// `[languages.<code>]` tables in source order (the final order is set later).
    package static func readLanguages(_ root: TOMLTable, siteTitle: String, reader: inout TOMLValueReader) -> [LanguageConfig] {
        guard let table = reader.table(root, "languages", at: []) else { return [] }
        var languages: [LanguageConfig] = []
        var seen: [String: String] = [:]
        for code in reader.keysInSourceOrder(table, at: ["languages"]) {
            let path = ["languages", code]
            guard let entry = reader.table(table, code, at: ["languages"]) else { continue }
            guard isLanguageCode(code) else {
                reader.error("language code '\(code)' may hold only letters, digits and '-' (e.g. 'zh-Hans')", at: path)
                continue
            }
            if let earlier = seen[code.lowercased()] {
                reader.error("languages '\(earlier)' and '\(code)' differ only in case", at: path)
                continue
            }
            seen[code.lowercased()] = code
            reader.warnUnknownKeys(in: entry, at: path, known: languageKeys)
            let menus = readMenus(entry, at: path, reader: &reader)
            languages.append(LanguageConfig(
                code: code,
                name: reader.string(entry, "name", at: path) ?? code,
                title: reader.string(entry, "title", at: path) ?? siteTitle,
                description: reader.string(entry, "description", at: path) ?? "",
                locale: reader.string(entry, "locale", at: path),
                weight: reader.int(entry, "weight", at: path, minimum: Int.min) ?? 0,
                contentDir: reader.string(entry, "contentDir", at: path).flatMap { folder in
                    readFolder(folder, key: path + ["contentDir"], reader: &reader)
                }
            ))
            languages[languages.count - 1].menus = menus
        }
        return languages
    }

    /// Codes become URL segments and file-name suffixes: keep them to BCP 47 characters.
    package static func isLanguageCode(_ code: String) -> Bool {
        !code.isEmpty && !code.hasPrefix("-") && !code.hasSuffix("-")
            && code.unicodeScalars.allSatisfy { ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "-" }
    }

    /// A URL or path written into a page's script or link element as it is.
    private static func scriptLocation(_ table: TOMLTable, _ key: String, reader: inout TOMLValueReader, at path: [String]) -> String? {
        guard let value = reader.string(table, key, at: path) else { return nil }
        if value.contains(where: { $0.isWhitespace || "\"'<>&\\`".contains($0) }) {
            reader.error("'markdown.\(key)' must be a URL or a path (no spaces, quotes, '<', '>', '&' or '\\'), not '\(value)'",
                         at: path + [key])
            return nil
        }
        return value
    }

    package static func readMarkdown(_ root: TOMLTable, reader: inout TOMLValueReader) -> MarkdownOptions {
        var options = MarkdownOptions()
        guard let table = reader.table(root, "markdown", at: []) else { return options }
        let path = ["markdown"]
        reader.warnUnknownKeys(in: table, at: path, known: markdownKeys)
        if let value = table["unsafe"]?.string {
            if value == "sanitized" {
                options.unsafe = true
                options.sanitized = true
            } else {
                reader.error("'markdown.unsafe' must be true, false or \"sanitized\", not '\(value)'", at: path + ["unsafe"])
            }
        } else if let value = reader.bool(table, "unsafe", at: path) {
            options.unsafe = value
        }
        if let value = reader.int(table, "tocMinHeadings", at: path, minimum: 0) { options.tocMinHeadings = value }
        if let value = reader.bool(table, "highlight", at: path) { options.highlight = value }
        if let value = reader.bool(table, "math", at: path) { options.math = value }
        if let value = scriptLocation(table, "mermaid", reader: &reader, at: path) { options.mermaid = value }
        if let value = scriptLocation(table, "katex", reader: &reader, at: path) {
            options.katex = value.isEmpty || value.hasSuffix("/") ? value : value + "/"
        }
        return options
    }

    package static func readSearch(_ root: TOMLTable, reader: inout TOMLValueReader) -> SearchOptions {
        var options = SearchOptions()
        guard let table = reader.table(root, "search", at: []) else { return options }
        let path = ["search"]
        reader.warnUnknownKeys(in: table, at: path, known: searchKeys)
        if let value = reader.bool(table, "enabled", at: path) { options.enabled = value }
        if let value = reader.int(table, "titleWeight", at: path, minimum: 0) { options.titleWeight = value }
        if let value = reader.int(table, "labelWeight", at: path, minimum: 0) { options.labelWeight = value }
        if let value = reader.int(table, "sectionWeight", at: path, minimum: 0) { options.sectionWeight = value }
        if let value = reader.int(table, "bodyWeight", at: path, minimum: 0) { options.bodyWeight = value }
        if let node = table["exclude"] {
            if case let .array(array) = node.value, array.items.allSatisfy({ $0.string != nil }) {
                options.excludeSections = array.items.compactMap(\.string)
            } else {
                reader.typeMismatch(path + ["exclude"], expected: "an array of section names", found: node)
            }
        }
        return options
    }

    package static func readFeed(_ root: TOMLTable, reader: inout TOMLValueReader) -> FeedOptions {
        var options = FeedOptions()
        guard let table = reader.table(root, "feed", at: []) else { return options }
        let path = ["feed"]
        reader.warnUnknownKeys(in: table, at: path, known: feedKeys)
        if let value = reader.bool(table, "fullContent", at: path) { options.fullContent = value }
        if let value = reader.int(table, "limit", at: path, minimum: 0) { options.limit = value }
        if let value = reader.bool(table, "json", at: path) { options.json = value }
        return options
    }

    package static func readChinese(_ root: TOMLTable, reader: inout TOMLValueReader) -> ChineseOptions {
        var options = ChineseOptions()
        guard let table = reader.table(root, "chinese", at: []) else { return options }
        let path = ["chinese"]
        reader.warnUnknownKeys(in: table, at: path, known: chineseKeys)
        if let value = reader.int(table, "summaryCharacters", at: path, minimum: 1) { options.summaryCharacters = value }
        if let value = reader.int(table, "summaryWords", at: path, minimum: 1) { options.summaryWords = value }
        if let value = reader.bool(table, "joinLines", at: path) { options.joinLines = value }
        if let value = reader.bool(table, "friendlyEmphasis", at: path) { options.friendlyEmphasis = value }
        if let value = reader.bool(table, "fallback", at: path) { options.fallback = value }
        if let value = reader.bool(table, "autospace", at: path) { options.autospace = value }
        if let value = reader.int(table, "charactersPerMinute", at: path, minimum: 1) { options.charactersPerMinute = value }
        if let value = reader.int(table, "wordsPerMinute", at: path, minimum: 1) { options.wordsPerMinute = value }
        if let value = reader.string(table, "slugStyle", at: path) {
            if let style = ChineseOptions.SlugStyle(rawValue: value) {
                options.slugStyle = style
            } else {
                reader.error("'chinese.slugStyle' must be 'unicode' or 'pinyin', not '\(value)'", at: path + ["slugStyle"])
            }
        }
        return options
    }

    package static func readContent(_ root: TOMLTable, reader: inout TOMLValueReader) -> ContentOptions {
        var options = ContentOptions()
        guard let table = reader.table(root, "content", at: []) else { return options }
        let path = ["content"]
        reader.warnUnknownKeys(in: table, at: path, known: contentKeys)
        if let value = reader.string(table, "frontMatter", at: path) {
            if let format = ContentOptions.FrontMatterFormat(rawValue: value.lowercased()) {
                options.frontMatter = format
            } else {
                reader.error("'content.frontMatter' must be 'toml' or 'yaml', not '\(value)'", at: path + ["frontMatter"])
            }
        }
        return options
    }
}

extension SiteConfigLoader {
    /// Folder names a taxonomy may not take: the lists the build makes itself.
    package static let reservedTaxonomyNames: Set<String> = ["tags", "authors", "archives", "search", "page", "assets"]

    /// `[taxonomies]`, as Hugo writes it: singular name = plural name (`category =
    /// "categories"`). Tags are built in, so `tag = "tags"` is accepted and adds nothing.
    package static func readTaxonomies(_ root: TOMLTable, reader: inout TOMLValueReader) -> [Taxonomy] {
        guard let table = reader.table(root, "taxonomies", at: []) else { return [] }
        var taxonomies: [Taxonomy] = []
        var seen: Set<String> = []
        for singular in table.keys.sorted() {
            let path = ["taxonomies", singular]
            guard let plural = reader.string(table, singular, at: ["taxonomies"]) else { continue }
            if plural == "tags" { continue }
            guard !plural.isEmpty, plural.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) }) else {
                reader.error("taxonomy '\(singular)' is named '\(plural)': a taxonomy's name is its folder in URLs, so lower-case letters, digits, '-' and '_' only", at: path)
                continue
            }
            if reservedTaxonomyNames.contains(plural) {
                reader.error("taxonomy '\(singular)' is named '\(plural)', a list portal makes itself: choose another name", at: path)
                continue
            }
            guard seen.insert(plural).inserted else {
                reader.error("two taxonomies are named '\(plural)'", at: path)
                continue
            }
            taxonomies.append(Taxonomy(singular: singular, plural: plural))
        }
        // Output order: the order of the names, so every build lists them alike.
        return taxonomies.sorted { $0.plural < $1.plural }
    }
}
