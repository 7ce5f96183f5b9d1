import Foundation

/// Reads and validates `site.toml`.
public enum SiteConfigLoader {
    /// Loads `site.toml` from `siteRoot`. Unknown keys are warnings naming the key;
    /// invalid TOML or values are errors located in `site.toml`.
    public static func load(siteRoot: String) -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        (SiteConfig(), []) // STUB
    }

    /// Parses the text of a `site.toml` (`path` is used in messages).
    public static func parse(_ text: String, path: String = "site.toml") -> (config: SiteConfig?, diagnostics: [Diagnostic]) {
        (SiteConfig(), []) // STUB
    }
}
