/// What `portal import` learned from a Hugo or Docusaurus site: the values its
/// `site.toml` will hold, and notes on what had no place there.
package struct ImportedSite: Sendable, Equatable {
    package enum Generator: String, Sendable, Equatable {
        case hugo = "Hugo"
        case docusaurus = "Docusaurus"
    }

    package struct Language: Sendable, Equatable {
        /// The code as the source writes it (`zh-cn`, `zh-Hans`): it becomes a URL segment.
        package var code: String
        package var name: String
        package var title: String
        package var description: String?
        package var weight: Int?
        /// Hugo `languages.<code>.contentDir`, relative to the site folder.
        package var contentDir: String?
        package var locale: String?

        package init(
            code: String, name: String, title: String, description: String? = nil,
            weight: Int? = nil, contentDir: String? = nil, locale: String? = nil
        ) {
            self.code = code
            self.name = name
            self.title = title
            self.description = description
            self.weight = weight
            self.contentDir = contentDir
            self.locale = locale
        }
    }

    /// A folder of the site shown at `target` under content/ ("" is content/ itself).
    package struct Mount: Sendable, Equatable {
        package var source: String
        package var target: String
        /// Nil for the default language.
        package var lang: String?

        package init(source: String, target: String, lang: String? = nil) {
            self.source = source
            self.target = target
            self.lang = lang
        }
    }

    package struct Permalink: Sendable, Equatable {
        package var section: String
        package var pattern: String

        package init(section: String, pattern: String) {
            self.section = section
            self.pattern = pattern
        }
    }

    package var generator: Generator
    /// The configuration files read, relative to the site folder.
    package var configFiles: [String]
    package var title: String?
    package var baseURL: String?
    package var defaultLanguage: String
    package var defaultLanguageInSubdir = false
    /// `disablePathToLower`: page paths keep capitals.
    package var keepsPathCase = false
    /// `datedNames = "folders"`.
    package var datedNamesAsFolders = false
    package var timeZone: String?
    package var pageSize: Int?
    package var languages: [Language] = []
    package var mounts: [Mount] = []
    package var permalinks: [Permalink] = []
    /// Section name -> layout.
    package var sectionLayouts: [String: String] = [:]
    /// `[data]`: name -> file, relative to the site folder.
    package var data: [String: String] = [:]
    /// `[taxonomies]` besides tags: singular name -> plural name.
    package var taxonomies: [String: String] = [:]
    package var markdownUnsafe: Bool?
    /// What was not carried over, one sentence each; written as `#` comments.
    package var notes: [String] = []

    package init(generator: Generator, configFiles: [String], defaultLanguage: String) {
        self.generator = generator
        self.configFiles = configFiles
        self.defaultLanguage = defaultLanguage
    }

    /// The default language first, then by weight (unset last), then by code.
    package var orderedLanguages: [Language] {
        languages.sorted { a, b in
            let aDefault = a.code == defaultLanguage
            let bDefault = b.code == defaultLanguage
            if aDefault != bDefault { return aDefault }
            let wa = a.weight ?? Int.max
            let wb = b.weight ?? Int.max
            if wa != wb { return wa < wb }
            return a.code < b.code
        }
    }

    /// Default-language mounts first, then by language code, target and source.
    package var orderedMounts: [Mount] {
        mounts.sorted { a, b in
            if (a.lang == nil) != (b.lang == nil) { return a.lang == nil }
            if let la = a.lang, let lb = b.lang, la != lb { return la < lb }
            if a.target != b.target { return a.target < b.target }
            return a.source < b.source
        }
    }
}

/// Names and locales of language codes, for sources that give only the code.
package enum LanguageNames {
    private static let names: [String: String] = [
        "ar": "العربية", "de": "Deutsch", "en": "English", "es": "Español", "fa": "فارسی",
        "fr": "Français", "hi": "हिन्दी", "id": "Bahasa Indonesia", "it": "Italiano", "ja": "日本語",
        "ko": "한국어", "nl": "Nederlands", "pl": "Polski", "pt": "Português", "pt-br": "Português (Brasil)",
        "ru": "Русский", "sv": "Svenska", "th": "ไทย", "tr": "Türkçe", "uk": "Українська", "vi": "Tiếng Việt",
    ]

    /// A readable name for `code`: the language's own name when known, else the code.
    package static func name(for code: String) -> String {
        let lowered = code.lowercased()
        if let script = chineseLocale(for: code) {
            return script == "zh-Hant" ? "繁體中文" : "简体中文"
        }
        if let name = names[lowered] { return name }
        let base = String(lowered.prefix { $0 != "-" && $0 != "_" })
        return names[base] ?? code
    }

    /// `zh-Hans` or `zh-Hant` for a Chinese code (`zh`, `zh-cn`, `zh-CN`, `zh-Hans`, `zh-TW`…), else nil.
    package static func chineseLocale(for code: String) -> String? {
        let parts = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard parts.first == "zh" else { return nil }
        let traditional: Set<String> = ["hant", "tw", "hk", "mo"]
        return parts.dropFirst().contains(where: traditional.contains) ? "zh-Hant" : "zh-Hans"
    }
}
