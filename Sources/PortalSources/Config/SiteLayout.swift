/// Where a site keeps its pages and how their URLs are made: the settings that let a
/// Hugo or Docusaurus tree build where it stands (`[[mounts]]`, `contentDir`,
/// `[permalinks]`, `[sections.<name>]`, `defaultLanguageInSubdir`).
public struct SiteLayout: Sendable, Hashable {
    /// Folders read as content, each shown at a place of `content/`. Empty: `content/`
    /// alone (plus each language's `contentDir`).
    public var mounts: [ContentMount] = []
    /// URL pattern per top-level section (`blog = "/:section/:year/:month/:day/:slug/"`).
    public var permalinks: [String: String] = [:]
    /// `[sections.<name>]`: per top-level section settings.
    public var sections: [String: SectionOptions] = [:]
    /// Whether the default language lives under `/{lang}/` like the others (true, the
    /// default) or at the site's root (false, as Hugo and Docusaurus do by default).
    public var defaultLanguageInSubdir = true
    /// `[data] authors`: the author profiles file, relative to the site folder
    /// (default: `data/authors.toml`, `.yml` or `.yaml`).
    public var authorsFile: String?
    /// `disablePathToLower` (Hugo's name): page paths keep the capitals of file and
    /// folder names, as Docusaurus writes them (`/docs/UserGuide/`).
    public var keepsPathCase = false
    /// `datedNames = "folders"`: a page named with a date and without `slug` gets the
    /// date as folders (`2026/03/12/weekly/`, Docusaurus); "keep" (default): its whole name.
    public var datedNamesAsFolders = false

    public init() {}

    /// The settings of the top-level section `name`.
    public func section(_ name: String) -> SectionOptions { sections[name] ?? SectionOptions() }
}

/// One `[[mounts]]` entry, or a language's `contentDir`.
public struct ContentMount: Sendable, Hashable {
    /// Folder relative to the site folder (`i18n/zh/docusaurus-plugin-content-docs/current`).
    public var source: String
    /// Place under `content/` its files appear at (`docs`); "" is the content root.
    public var target: String
    /// Configured language code of every file in it; nil: from each file's name, else the default.
    public var language: String?

    public init(source: String, target: String, language: String?) {
        self.source = source
        self.target = target
        self.language = language
    }
}

/// `[sections.<name>]`.
public struct SectionOptions: Sendable, Hashable {
    public enum Layout: String, Sendable, Hashable {
        /// Newest first, dated pages (the default for sections without `_index.md` settings).
        case blog
        /// A documentation tree: ordered by weight, with sidebar, breadcrumbs and previous/next.
        case docs
    }

    public var layout: Layout?

    public init(layout: Layout? = nil) {
        self.layout = layout
    }
}
