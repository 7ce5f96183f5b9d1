import Foundation
import PortalText

/// Turns front-matter entries into `PageMetadata` (SPEC 2.1): keys compared
/// case-insensitively, the first non-empty key of each field wins, every other
/// key goes to `params` in the order read.
package struct MetadataNormalizer {
    package let path: String
    package let timeZone: TimeZone

    /// Keys that fill a field (lower-cased); never copied to `params`.
    package static let fieldKeys: Set<String> = [
        "title", "date", "publishdate", "pubdate", "lastmod", "last_update", "updated", "draft", "unlisted",
        "tags", "authors", "author", "summary", "description", "abstract", "slug", "weight", "linktitle",
        "aliases", "translationkey", "url", "sidebar_position", "sidebar_label", "expirydate", "unpublishdate", "layout",
        "meeting",
    ]

    /// The keys a misspelt front-matter key is compared with, as they are usually written.
    package static let suggestedKeys = [
        "title", "date", "publishDate", "lastmod", "draft", "unlisted", "tags", "authors", "summary", "description",
        "slug", "weight", "linkTitle", "aliases", "translationKey", "url", "expiryDate", "layout",
    ]

    package func normalize(_ entries: [FrontMatterNode.Entry]) -> (metadata: PageMetadata, diagnostics: [Diagnostic]) {
        var metadata = PageMetadata()
        var diagnostics: [Diagnostic] = []
        func entry(_ key: String) -> FrontMatterNode.Entry? {
            entries.first { $0.key.caseInsensitiveEquals(key) }
        }
        func first(_ keys: String...) -> (key: String, node: FrontMatterNode)? {
            for key in keys {
                if let entry = entry(key), !entry.node.isEmpty {
                    return (entry.key, entry.node)
                }
            }
            return nil
        }
        func warn(_ key: String, _ expected: String, _ node: FrontMatterNode) {
            diagnostics.append(.warning("ignoring `\(key)`: expected \(expected)", at: location(node)))
        }
        func text(_ keys: String...) -> String? {
            for key in keys {
                guard let entry = entry(key), !entry.node.isEmpty else { continue }
                if let value = entry.node.text, !value.isEmpty, !isDate(entry.node) { return value }
                warn(entry.key, "text", entry.node)
            }
            return nil
        }

        metadata.title = text("title")
        if let (_, node) = first("date", "publishDate", "pubDate") {
            switch date(node) {
            case let .success(value): metadata.date = value
            case let .failure(error): diagnostics.append(error)
            }
        }
        var lastmodNode = first("lastmod")
        if lastmodNode == nil, let update = first("last_update"), let inner = update.node.entry("date"), !inner.isEmpty {
            lastmodNode = ("last_update.date", inner)
        }
        if let (_, node) = lastmodNode ?? first("updated") {
            switch date(node) {
            case let .success(value): metadata.lastmod = value
            case let .failure(error): diagnostics.append(error)
            }
        }
        if let (_, node) = first("expiryDate", "unpublishDate") {
            switch date(node) {
            case let .success(value): metadata.expiryDate = value
            case let .failure(error): diagnostics.append(error)
            }
        }
        if let (key, node) = first("draft") {
            if let flag = boolean(node) { metadata.draft = flag } else { warn(key, "true or false", node) }
        }
        if let (key, node) = first("unlisted") {
            if let flag = boolean(node) { metadata.unlisted = flag } else { warn(key, "true or false", node) }
        }
        if let (key, node) = first("tags") {
            metadata.lines["tags"] = entry(key)?.keyLine ?? node.line
            if let values = texts(node) { metadata.tags = Self.normalizedTags(values) } else { warn(key, "a list of tags", node) }
        }
        if let (key, node) = first("authors", "author") {
            metadata.lines["authors"] = entry(key)?.keyLine ?? node.line
            metadata.authors = authors(node, key: key, diagnostics: &diagnostics)
        }
        metadata.summary = text("summary", "description", "abstract")
        metadata.slug = text("slug")
        metadata.url = text("url")
        metadata.type = entry("type")?.node.text
        metadata.layout = text("layout")
        for key in ["slug", "title", "url", "layout"] {
            if let entry = entry(key) { metadata.lines[key] = entry.keyLine ?? entry.node.line }
        }
        if let (key, node) = first("weight", "sidebar_position") {
            if let weight = integer(node) {
                metadata.weight = weight
            } else if case let .scalar(text, _) = node.kind, let value = Double(text.trimmingWhitespace), value.isFinite, abs(value) < 1e15 {
                // Docusaurus allows `sidebar_position: 2.5` to place a page between two others.
                metadata.weight = Int(value.rounded(.down))
            } else {
                warn(key, "a whole number", node)
            }
        }
        metadata.linkTitle = text("linkTitle", "sidebar_label")
        if let (key, node) = first("aliases") {
            metadata.lines["aliases"] = entry(key)?.keyLine ?? node.line
            if let values = texts(node) { metadata.aliases = values } else { warn(key, "a list of paths", node) }
        }
        metadata.translationKey = text("translationKey")
        if let meetingEntry = entries.first(where: { $0.key.caseInsensitiveEquals("meeting") }), !meetingEntry.node.isEmpty {
            let line = meetingEntry.keyLine ?? meetingEntry.node.line
            metadata.lines["meeting"] = line
            metadata.meeting = MeetingReader(path: path).page(meetingEntry.node, keyLine: line, diagnostics: &diagnostics)
            // A meeting page without a date is dated by its meeting.
            if metadata.date == nil, let instant = metadata.meeting?.instant { metadata.date = instant }
        }
        metadata.params = entries.compactMap { entry in
            guard !Self.fieldKeys.contains(entry.key.lowercased()), let value = metaValue(entry.node) else { return nil }
            // A slip of the pen (`titel`, `tag`, `autors`) would silently become a param.
            if let meant = NearMiss.closest(to: entry.key, in: Self.suggestedKeys) {
                diagnostics.append(.warning("unknown front-matter key '\(entry.key)' (did you mean '\(meant)'?); it is kept as a param",
                                            at: SourceLocation(path: path, line: entry.keyLine ?? entry.node.line, column: 1)))
            }
            // A value no taxonomy can read keeps its line, for the warning when a taxonomy
            // is named so (a page's names and lists need none: most params are those).
            if !value.isNameOrNames { metadata.lines[entry.key] = entry.keyLine ?? entry.node.line }
            return (entry.key, value)
        }
        return (metadata, diagnostics)
    }

    package func location(_ node: FrontMatterNode) -> SourceLocation {
        SourceLocation(path: path, line: node.line, column: node.column)
    }

    private func isDate(_ node: FrontMatterNode) -> Bool {
        if case .value(.date) = node.kind { return true }
        return false
    }

    package func date(_ node: FrontMatterNode) -> Result<Date, Diagnostic> {
        switch node.kind {
        case let .value(.date(date, _)):
            return .success(date)
        case let .scalar(text, _), let .value(.string(text)):
            let trimmed = text.trimmingWhitespace
            if let parsed = FrontMatterDate.parse(trimmed, timeZone: timeZone) { return .success(parsed.date) }
            return .failure(.error("invalid date '\(trimmed)'", at: location(node)))
        case let .value(value):
            return .failure(.error("invalid date '\(value.stringValue ?? "")'", at: location(node)))
        case .null, .list, .table:
            return .failure(.error("invalid date: expected a date like 2022-09-15", at: location(node)))
        }
    }

    /// Booleans; for `draft`/`unlisted` also yes/no/on/off as YAML 1.1 writers use them.
    private func boolean(_ node: FrontMatterNode) -> Bool? {
        if case let .value(.bool(flag)) = node.kind { return flag }
        guard let text = node.text?.lowercased() else { return nil }
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    private func integer(_ node: FrontMatterNode) -> Int? {
        switch node.kind {
        case let .value(.int(value)): return value
        case let .value(.double(value)):
            return value.rounded() == value && abs(value) < 1e15 ? Int(value) : nil
        default:
            return node.text.flatMap { Int($0) }
        }
    }

    /// A list of texts (empty ones dropped), or a single text as a one-item list.
    private func texts(_ node: FrontMatterNode) -> [String]? {
        if case let .list(items) = node.kind {
            var values: [String] = []
            for item in items where !item.isEmpty {
                guard let value = item.text, !isDate(item) else { return nil }
                values.append(value)
            }
            return values.filter { !$0.isEmpty }
        }
        guard let value = node.text, !isDate(node) else { return nil }
        return value.isEmpty ? [] : [value]
    }

    /// Trimmed, without empties, first spelling of case-insensitive duplicates kept.
    package static func normalizedTags(_ values: [String]) -> [String] {
        var seen = Set<String>()
        var tags: [String] = []
        for value in values {
            let tag = value.trimmingWhitespace
            guard !tag.isEmpty, seen.insert(tag.lowercased()).inserted else { continue }
            tags.append(tag)
        }
        return tags
    }

    /// Ids (`[zhangwei]`, `zhangwei`) or inline profiles (`{name, title, url, image_url}`).
    private func authors(_ node: FrontMatterNode, key: String, diagnostics: inout [Diagnostic]) -> [AuthorReference] {
        let items: [FrontMatterNode]
        if case let .list(list) = node.kind { items = list } else { items = [node] }
        var references: [AuthorReference] = []
        for item in items where !item.isEmpty {
            var reference: AuthorReference?
            if case .table = item.kind {
                reference = inlineAuthor(item, diagnostics: &diagnostics)
            } else if let id = item.text, !id.isEmpty, !isDate(item) {
                reference = AuthorReference(id: id)
            }
            guard let reference else {
                diagnostics.append(.warning("ignoring an entry of `\(key)`: expected an author id or a table with `name`", at: location(item)))
                continue
            }
            if !references.contains(where: { $0.id == reference.id }) { references.append(reference) }
        }
        return references
    }

    private func inlineAuthor(_ node: FrontMatterNode, diagnostics: inout [Diagnostic]) -> AuthorReference? {
        func field(_ key: String) -> String? {
            guard let value = node.entry(key)?.text, !value.isEmpty else { return nil }
            return value
        }
        /// A field that becomes an `href` or `src`: only http, https, mailto or relative URLs.
        func link(_ key: String) -> String? {
            guard let value = field(key), let entry = node.entry(key) else { return nil }
            guard URLSafety.isAllowedLink(value) else {
                diagnostics.append(URLSafety.rejection(value, what: "`\(key)` of an author", at: location(entry)))
                return nil
            }
            return value
        }
        guard let name = field("name") else { return nil }
        let id = field("key") ?? field("id") ?? Self.authorID(forName: name)
        let profile = AuthorProfile(name: name, title: field("title"), url: link("url"),
                                    imageURL: link("image_url") ?? link("imageURL"))
        return AuthorReference(id: id, inlineProfile: profile)
    }

    /// `007` stays text: it is an identifier more often than a number.
    package static func hasLeadingZero(_ text: String) -> Bool {
        let digits = text.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        return digits.count > 1 && digits.first == UInt8(ascii: "0")
    }

    /// `Wang Fang` -> `wang-fang`.
    package static func authorID(forName name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: "-")
    }

    /// A param for templates: YAML plain scalars become booleans, integers or dates
    /// when their text is exactly one; decimals stay text (`1.10` is not `1.1`).
    package func metaValue(_ node: FrontMatterNode) -> MetaValue? {
        switch node.kind {
        case .null: return nil
        case let .value(value): return value
        case let .scalar(text, plain):
            guard plain else { return .string(text) }
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: break
            }
            if let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || (first >= 0x30 && first <= 0x39),
               text.utf8.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
               !Self.hasLeadingZero(text), let value = Int(text) {
                return .int(value)
            }
            if text.utf8.count >= 10, FileNameDate.leadingDay(of: text) != nil,
               let parsed = FrontMatterDate.parse(text, timeZone: timeZone) {
                return .date(parsed.date, hasTime: parsed.hasTime)
            }
            return .string(text)
        case let .list(items):
            return .array(items.compactMap(metaValue))
        case let .table(entries):
            return .table(entries.compactMap { entry in metaValue(entry.node).map { (entry.key, $0) } })
        }
    }
}
