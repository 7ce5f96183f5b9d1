import Foundation
import PortalText

extension DataLoader {
    /// Profile keys we read; Docusaurus' `email` and `page` are accepted and unused.
    package static let authorKeys: Set<String> = [
        "name", "title", "url", "image_url", "imageURL", "avatar", "socials", "bio", "description",
        "names", "email", "page",
    ]
    package static let imageKeys = ["image_url", "imageURL", "avatar"]

    /// Parses `data/authors.toml`: `[id]` tables with `name`, `title`, ... and `[id.names]`.
    package static func parseAuthorsTOML(_ text: String, file: String) -> (registry: AuthorRegistry, diagnostics: [Diagnostic]) {
        ParseMemos.authors.value(for: file, text: text) { parseAuthorsTOMLText(text, file: file) }
    }

    package static func parseAuthorsTOMLText(_ text: String, file: String) -> (registry: AuthorRegistry, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let root = TOMLValueReader.parseTable(text, file: file, diagnostics: &diagnostics) else {
            return (AuthorRegistry(), diagnostics)
        }
        var reader = TOMLValueReader(file: file, text: text, root: root)
        var profiles: [String: AuthorProfile] = [:]
        for id in root.keys {
            guard let table = reader.table(root, id, at: []) else { continue }
            let path = [id]
            reader.warnUnknownKeys(in: table, at: path, known: authorKeys)
            var imageURL: String?
            for key in imageKeys where imageURL == nil {
                imageURL = reader.link(table, key, at: path)
            }
            var profile = AuthorProfile(
                name: reader.string(table, "name", at: path) ?? id,
                title: reader.string(table, "title", at: path),
                url: reader.link(table, "url", at: path),
                imageURL: imageURL
            )
            profile.bio = reader.string(table, "bio", at: path) ?? reader.string(table, "description", at: path)
            if let socials = reader.table(table, "socials", at: path) {
                for network in reader.keysInSourceOrder(socials, at: path + ["socials"]) {
                    if let handle = reader.link(socials, network, at: path + ["socials"]) {
                        profile.socials.append(.init(network: network, handle: handle))
                    }
                }
            }
            if let names = reader.table(table, "names", at: path) {
                for code in names.keys {
                    if let name = reader.string(names, code, at: path + ["names"]) {
                        profile.localizedNames[code.lowercased()] = name
                    }
                }
            }
            profiles[id] = profile
        }
        return (AuthorRegistry(profiles: profiles), (diagnostics + reader.diagnostics).sortedForDisplay())
    }
}
