/// Tells a content file's language from its name or top folder (SPEC 2.2).
package struct LanguageMatcher: Sendable {
    /// Lower-cased code to the code as configured.
    package let codes: [String: String]
    package let defaultLanguage: String

    package init(config: SiteConfig) {
        var codes: [String: String] = [:]
        for language in config.languages where codes[language.code.lowercased()] == nil {
            codes[language.code.lowercased()] = language.code
        }
        self.codes = codes
        self.defaultLanguage = config.defaultLanguage
    }

    package struct Resolution: Sendable, Hashable {
        package var language: String
        /// Content path without language folder, language suffix or extension.
        package var translationPath: String
        /// Set when the suffix and the top folder name different languages.
        package var conflict: String?
    }

    /// `posts/a.zh-hans.md` → zh-Hans, `posts/a`; `en/posts/x/index.md` → en, `posts/x/index`.
    package func resolve(contentPath: String) -> Resolution {
        // Dots are found as bytes: names are split where the file system splits them.
        var components = contentPath.splitUTF8("/", omittingEmptySubsequences: true)
        var stem = components.popLast() ?? contentPath[...]
        if let dot = stem.utf8.lastIndex(of: UInt8(ascii: ".")), dot != stem.startIndex {
            stem = stem[..<dot]
        }

        var suffixLanguage: String?
        if let dot = stem.utf8.lastIndex(of: UInt8(ascii: ".")), dot != stem.startIndex,
           let code = codes[stem[stem.utf8.index(after: dot)...].lowercased()] {
            suffixLanguage = code
            stem = stem[..<dot]
        }

        var folderLanguage: String?
        if let first = components.first, let code = codes[first.lowercased()] {
            folderLanguage = code
            components.removeFirst()
        }

        var conflict: String?
        if let suffixLanguage, let folderLanguage, suffixLanguage != folderLanguage {
            conflict = "language suffix '\(suffixLanguage)' and folder '\(folderLanguage)' disagree; the suffix wins"
        }
        components.append(stem)
        return Resolution(
            language: suffixLanguage ?? folderLanguage ?? defaultLanguage,
            translationPath: components.joined(separator: "/"),
            conflict: conflict
        )
    }
}
