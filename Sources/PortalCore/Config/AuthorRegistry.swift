import Foundation

/// Author profiles keyed by id, from `data/authors.toml` or `data/authors.yml`.
public struct AuthorRegistry: Sendable {
    public var profiles: [String: AuthorProfile]

    public init(profiles: [String: AuthorProfile] = [:]) {
        self.profiles = profiles
    }

    public func profile(for id: String) -> AuthorProfile? { profiles[id] }
}

/// Reads author and tag data files under `data/`.
public enum DataLoader {
    /// Loads `data/authors.toml`, `data/authors.yml` or `data/authors.yaml` (the first found).
    /// A missing file is an empty registry, not an error.
    public static func loadAuthors(siteRoot: String) -> (registry: AuthorRegistry, diagnostics: [Diagnostic]) {
        (AuthorRegistry(), []) // STUB
    }

    /// Loads `data/tags.toml`: per tag (keyed by tag as written, compared case-insensitively),
    /// a display name per language code (lower-cased): `[kubernetes]` / `zh-hans = "..."`.
    public static func loadTagNames(siteRoot: String) -> (names: [String: [String: String]], diagnostics: [Diagnostic]) {
        ([:], []) // STUB
    }
}
