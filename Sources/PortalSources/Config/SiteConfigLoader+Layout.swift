extension SiteConfigLoader {
    package static let mountKeys: Set<String> = ["source", "target", "lang"]
    package static let sectionKeys: Set<String> = ["layout"]
    package static let dataKeys: Set<String> = ["authors"]
    /// The tokens a `[permalinks]` pattern may use.
    package static let permalinkTokens: Set<String> = [
        "year", "month", "day", "section", "sections", "slug", "filename", "title", "contentbasename", "slugorfilename",
        "slugorcontentbasename",
    ]

    /// `defaultLanguageInSubdir`, `[[mounts]]`, `[permalinks]`, `[sections.<name>]` and `[data]`.
    package static func readLayout(_ root: TOMLTable, languages: [LanguageConfig], reader: inout TOMLValueReader) -> SiteLayout {
        var layout = SiteLayout()
        if let value = reader.bool(root, "defaultLanguageInSubdir", at: []) { layout.defaultLanguageInSubdir = value }
        if let value = reader.bool(root, "disablePathToLower", at: []) { layout.keepsPathCase = value }
        if let value = reader.string(root, "datedNames", at: []) {
            switch value {
            case "folders": layout.datedNamesAsFolders = true
            case "keep": layout.datedNamesAsFolders = false
            default: reader.error("'datedNames' must be \"keep\" (the whole name) or \"folders\" (the date as folders), not '\(value)'", at: ["datedNames"])
            }
        }

        if let node = root["mounts"] {
            if let entries = node.array, entries.allSatisfy({ $0.table != nil }) {
                for (index, entry) in entries.enumerated() {
                    guard let table = entry.table else { continue }
                    let path = ["mounts", String(index)]
                    reader.warnUnknownKeys(in: table, at: path, known: mountKeys)
                    guard let source = reader.string(table, "source", at: path) else {
                        reader.error("a [[mounts]] entry needs 'source', the folder to read (e.g. \"docs\")", at: ["mounts"])
                        continue
                    }
                    guard let folder = readFolder(source, key: path + ["source"], reader: &reader) else { continue }
                    let target = reader.string(table, "target", at: path) ?? ""
                    guard let place = readFolder(target, key: path + ["target"], reader: &reader, mayBeEmpty: true) else { continue }
                    var language: String?
                    if let code = reader.string(table, "lang", at: path) {
                        guard let match = languages.first(where: { $0.code.lowercased() == code.lowercased() }) else {
                            let codes = languages.map { "'\($0.code)'" }.joined(separator: ", ")
                            reader.error("mount language '\(code)' is not among the languages (\(codes.isEmpty ? "none configured" : codes))", at: path + ["lang"])
                            continue
                        }
                        language = match.code
                    }
                    layout.mounts.append(ContentMount(source: folder, target: place, language: language))
                }
            } else {
                reader.typeMismatch(["mounts"], expected: "an array of tables ([[mounts]])", found: node)
            }
        }

        if let table = reader.table(root, "permalinks", at: []) {
            for section in table.keys.sorted() {
                guard let pattern = reader.string(table, section, at: ["permalinks"]) else { continue }
                let unknown = PermalinkPattern.tokens(in: pattern).filter { !permalinkTokens.contains($0) }
                if let first = unknown.first {
                    reader.error("permalink pattern '\(pattern)' uses ':\(first)', which is not one of "
                        + permalinkTokens.sorted().map { ":" + $0 }.joined(separator: " "), at: ["permalinks", section])
                    continue
                }
                layout.permalinks[section] = pattern
            }
        }

        if let table = reader.table(root, "sections", at: []) {
            for name in table.keys.sorted() {
                guard let entry = reader.table(table, name, at: ["sections"]) else { continue }
                let path = ["sections", name]
                reader.warnUnknownKeys(in: entry, at: path, known: sectionKeys)
                var options = SectionOptions()
                if let value = reader.string(entry, "layout", at: path) {
                    if let kind = SectionOptions.Layout(rawValue: value.lowercased()) {
                        options.layout = kind
                    } else {
                        reader.error("'sections.\(name).layout' must be \"docs\" or \"blog\", not '\(value)'", at: path + ["layout"])
                    }
                }
                layout.sections[name] = options
            }
        }

        if let table = reader.table(root, "data", at: []) {
            reader.warnUnknownKeys(in: table, at: ["data"], known: dataKeys)
            if let file = reader.string(table, "authors", at: ["data"]) {
                layout.authorsFile = readFolder(file, key: ["data", "authors"], reader: &reader)
            }
        }
        return layout
    }

    /// A path inside the site folder, written with `/`, without `..` or a leading `/`;
    /// trailing slashes are dropped. Nil (reported) otherwise.
    package static func readFolder(_ raw: String, key: [String], reader: inout TOMLValueReader, mayBeEmpty: Bool = false) -> String? {
        let parts = raw.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if raw.hasPrefix("/") || raw.contains("\\") || parts.contains("..") || raw.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            reader.error("'\(TOMLValueReader.displayName(key))' must be a path inside the site folder, such as \"content/en\", not '\(raw)'", at: key)
            return nil
        }
        if parts.isEmpty && !mayBeEmpty {
            reader.error("'\(TOMLValueReader.displayName(key))' is empty: name a folder inside the site folder", at: key)
            return nil
        }
        return parts.joined(separator: "/")
    }
}

/// A `[permalinks]` pattern: literal text and `:token`s.
public enum PermalinkPattern {
    /// The tokens of `pattern` in order (`/:section/:year/:slug/` -> section, year, slug).
    public static func tokens(in pattern: String) -> [String] {
        parts(of: pattern).compactMap { if case let .token(name) = $0 { return name } else { return nil } }
    }

    public enum Part: Sendable, Hashable {
        case text(String)
        case token(String)
    }

    /// The pattern cut into text and tokens; a token is `:` followed by ASCII letters.
    public static func parts(of pattern: String) -> [Part] {
        var parts: [Part] = []
        var text = ""
        var index = pattern.startIndex
        while index < pattern.endIndex {
            let character = pattern[index]
            let next = pattern.index(after: index)
            if character == ":", next < pattern.endIndex, pattern[next].isASCII, pattern[next].isLetter {
                var end = next
                while end < pattern.endIndex, pattern[end].isASCII, pattern[end].isLetter { end = pattern.index(after: end) }
                if !text.isEmpty { parts.append(.text(text)); text = "" }
                parts.append(.token(String(pattern[next..<end])))
                index = end
            } else {
                text.append(character)
                index = next
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }
}
