import Foundation
import PortalSources

/// How a site tells its pages' languages apart: by a suffix (`a.en.md`, the
/// default) or by a top folder per language (`content/en/…`).
public enum LanguageLayout: Sendable, Hashable {
    case suffix
    /// Configured code -> the folder under `content/` that holds its pages.
    case folders([String: String])

    /// Looks at `content/`: when a top folder is named after a configured language
    /// (case-insensitively), the site keeps each language in its own folder.
    public static func detect(siteRoot: String, config: SiteConfig) -> LanguageLayout {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: siteRoot + "/content")) ?? []
        var folders: [String: String] = [:]
        for name in names.sorted() where DirectoryWalker.isDirectory(siteRoot + "/content/" + name) {
            if let language = config.language(matching: name), folders[language.code] == nil {
                folders[language.code] = name
            }
        }
        return folders.isEmpty ? .suffix : .folders(folders)
    }
}
