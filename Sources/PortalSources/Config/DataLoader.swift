import Foundation
import PortalText

/// Reads author and tag data files under `data/`.
public enum DataLoader {
    /// Loads `data/authors.toml`, `data/authors.yml` or `data/authors.yaml` (the first found).
    /// A missing file is an empty registry, not an error.
    /// `file` (`[data] authors` of site.toml) names another file, which must exist.
    public static func loadAuthors(siteRoot: String, file configured: String? = nil) -> (registry: AuthorRegistry, diagnostics: [Diagnostic]) {
        let names = configured.map { [$0] } ?? ["authors.toml", "authors.yml", "authors.yaml"].map { "data/" + $0 }
        for file in names {
            switch readText(siteRoot: siteRoot, file: file) {
            case .missing:
                if configured != nil {
                    return (AuthorRegistry(), [.warning("no file \(file), which [data] authors in site.toml names", at: SourceLocation(path: "site.toml"))])
                }
                continue
            case let .failed(diagnostic):
                return (AuthorRegistry(), [diagnostic])
            case let .text(text):
                return file.hasSuffix(".toml")
                    ? parseAuthorsTOML(text, file: file)
                    : parseAuthorsYAML(text, file: file)
            }
        }
        return (AuthorRegistry(), [])
    }

    /// Loads `data/tags.toml`: per tag (keyed by tag as written, compared case-insensitively),
    /// a display name per language code (lower-cased): `[kubernetes]` / `zh-hans = "..."`.
    /// The display names of tags (`data/tags.toml`), or of a taxonomy's terms
    /// (`data/categories.toml`): one table per term, a name per language.
    public static func loadTagNames(siteRoot: String, file: String = "data/tags.toml") -> (names: [String: [String: String]], diagnostics: [Diagnostic]) {
        switch readText(siteRoot: siteRoot, file: file) {
        case .missing: return ([:], [])
        case let .failed(diagnostic): return ([:], [diagnostic])
        case let .text(text): return parseTagNames(text, file: file)
        }
    }

    package enum FileText {
        case missing
        case failed(Diagnostic)
        case text(String)
    }

    package static func readText(siteRoot: String, file: String) -> FileText {
        let path = (siteRoot as NSString).appendingPathComponent(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .missing
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed(.error("cannot read \(file)", at: SourceLocation(path: file)))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return .failed(.error("\(file) is not valid UTF-8", at: SourceLocation(path: file)))
        }
        return .text(text)
    }
}
