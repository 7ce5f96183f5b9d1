import Foundation
import PortalText
import PortalSources

/// Reads a Hugo site's configuration into an `ImportedSite`.
package enum HugoImporter {
    /// Root configuration files, in the order Hugo prefers them; the first present is read.
    package static let rootFiles = [
        "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
        "config.toml", "config.yaml", "config.yml", "config.json",
    ]
    package static let configFolder = "config/_default"

    /// Keys (lower-cased) of which one shows that a `config.*` file is Hugo's.
    static let hugoKeys: Set<String> = [
        "baseurl", "title", "languagecode", "defaultcontentlanguage", "languages", "theme",
        "params", "module", "permalinks", "contentdir", "menu", "menus", "taxonomies", "markup",
    ]

    /// The configuration files of a Hugo site in `siteRoot`, in merge order (the folder
    /// `config/_default` first, the root file on top); nil when there are none.
    package static func configFiles(siteRoot: String) -> [String]? {
        var files: [String] = []
        let folder = siteRoot + "/" + configFolder
        if let names = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            for name in names.sorted() where ConfigFileReader.Format(fileName: name) != nil {
                if ImportPaths.isFile(folder + "/" + name) { files.append(configFolder + "/" + name) }
            }
        }
        if let root = rootFiles.first(where: { ImportPaths.isFile(siteRoot + "/" + $0) }) {
            files.append(root)
        }
        return files.isEmpty ? nil : files
    }

    /// Whether `siteRoot` looks like a Hugo site: a `hugo.*` file or `config/_default`, or a
    /// `config.*` file that holds a Hugo key or sits beside `content/`.
    package static func detect(siteRoot: String) -> Bool {
        guard let files = configFiles(siteRoot: siteRoot) else { return false }
        if files.contains(where: { $0.hasPrefix("hugo.") || $0.hasPrefix(configFolder) }) { return true }
        if ImportPaths.isFolder(siteRoot + "/content") { return true }
        var ignored: [Diagnostic] = []
        guard let file = files.last,
              let table = ConfigFileReader.read(path: siteRoot + "/" + file, name: file, diagnostics: &ignored) else { return false }
        return table.keys.contains { hugoKeys.contains($0.lowercased()) }
    }

    /// The merged configuration: each file of `config/_default` under the key its name
    /// gives (`languages.toml` -> `languages`, `menus.en.toml` -> `languages.en.menus`).
    package static func loadConfig(siteRoot: String, files: [String]) -> (ImportTable?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var merged = ImportTable()
        for file in files {
            guard let table = ConfigFileReader.read(path: siteRoot + "/" + file, name: file, diagnostics: &diagnostics) else {
                continue
            }
            merged.merge(.table(table), at: keyPath(forConfigFile: file))
        }
        return (diagnostics.hasErrors ? nil : merged, diagnostics)
    }

    /// Where a file's table goes in the merged configuration.
    package static func keyPath(forConfigFile file: String) -> [String] {
        guard file.hasPrefix(configFolder + "/") else { return [] }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let parts = name.split(separator: ".").map(String.init)
        guard let key = parts.first, key != "hugo", key != "config" else { return [] }
        if parts.count == 2 { return ["languages", parts[1], key] }
        return [key]
    }

    package static func importSite(siteRoot: String) -> (ImportedSite?, [Diagnostic]) {
        guard let files = configFiles(siteRoot: siteRoot) else {
            return (nil, [.error("no Hugo configuration in \(siteRoot)")])
        }
        let (config, diagnostics) = loadConfig(siteRoot: siteRoot, files: files)
        guard let config else { return (nil, diagnostics) }
        return (map(config, files: files, siteRoot: siteRoot), diagnostics)
    }

    // MARK: Mapping

    /// Root keys (lower-cased) that are mapped, or have a note of their own.
    static let handledRootKeys: Set<String> = [
        "baseurl", "title", "languagecode", "defaultcontentlanguage", "defaultcontentlanguageinsubdir",
        "timezone", "paginate", "pagination", "languages", "permalinks", "markup", "taxonomies",
        "menu", "menus", "params", "contentdir", "theme", "module", "outputs", "outputformats", "disablepathtolower",
    ]
    static let handledLanguageKeys: Set<String> = [
        "languagename", "title", "weight", "contentdir", "description", "params", "menu", "menus", "languagecode",
    ]

    package static func map(_ config: ImportTable, files: [String], siteRoot: String) -> ImportedSite {
        let requestedDefault = config.string("defaultContentLanguage").flatMap { $0.isEmpty ? nil : $0 } ?? "en"
        var site = ImportedSite(generator: .hugo, configFiles: files, defaultLanguage: requestedDefault)
        let configName = files.last ?? "the configuration"

        if let title = config.string("title") { site.title = title }
        if let baseURL = config.string("baseURL") {
            if baseURL.isEmpty {
                site.baseURL = "/"
                site.notes.append("baseURL is empty in \(configName); \"/\" is written: set the site's address before deploying.")
            } else {
                site.baseURL = baseURL
            }
        }
        site.defaultLanguageInSubdir = config.bool("defaultContentLanguageInSubdir") ?? false
        site.keepsPathCase = config.bool("disablePathToLower") ?? false
        mapTimeZone(config, into: &site)
        mapPageSize(config, into: &site)
        mapLanguages(config, siteRoot: siteRoot, into: &site)
        mapPermalinks(config, into: &site)
        if let unsafe = config.bool("markup", "goldmark", "renderer", "unsafe") {
            site.markdownUnsafe = unsafe
        } else {
            site.markdownUnsafe = false
        }
        mapModule(config, into: &site)
        mapDocsy(config, siteRoot: siteRoot, into: &site)
        noteTaxonomies(config, into: &site)
        noteMenus(config, into: &site)
        noteParams(config, into: &site)
        noteOthers(config, into: &site)
        return site
    }

    static func mapTimeZone(_ config: ImportTable, into site: inout ImportedSite) {
        guard let zone = config.string("timeZone"), !zone.isEmpty else { return }
        if TimeZone.knownTimeZoneIdentifiers.contains(zone) || zone == "UTC" {
            site.timeZone = zone
        } else {
            site.notes.append("timeZone '\(zone)' is not an IANA time zone name portal knows; it is left out (dates are read as UTC).")
        }
    }

    static func mapPageSize(_ config: ImportTable, into site: inout ImportedSite) {
        if let size = config.int("pagination", "pagerSize") ?? config.int("paginate"), size >= 1 {
            site.pageSize = size
        }
        if let pagination = config.table("pagination") {
            let rest = pagination.keys.filter { $0.lowercased() != "pagersize" }
            if !rest.isEmpty { site.notes.append("pagination: \(list(rest)) not carried over.") }
        }
    }

    static func mapLanguages(_ config: ImportTable, siteRoot: String, into site: inout ImportedSite) {
        let siteTitle = config.string("title") ?? "portal"
        let rootContentDir = config.string("contentDir").flatMap(ImportPaths.cleanRelative)
        let inheritedDir = rootContentDir == "content" ? nil : rootContentDir
        let rootDescription = config.string("params", "description") ?? config.string("description")
        let rootLanguageCode = config.string("languageCode")

        var languages: [ImportedSite.Language] = []
        if let table = config.table("languages") {
            for entry in table.entries {
                let code = entry.key
                guard let settings = entry.value.table else {
                    site.notes.append("languages.\(code) is not a table; the language is left out.")
                    continue
                }
                var language = ImportedSite.Language(
                    code: code,
                    name: settings.string("languageName") ?? LanguageNames.name(for: code),
                    title: settings.string("title") ?? siteTitle,
                    description: settings.string("description") ?? settings.string("params", "description") ?? rootDescription,
                    weight: settings.int("weight"),
                    contentDir: settings.string("contentDir").flatMap(ImportPaths.cleanRelative) ?? inheritedDir
                )
                let languageCode = settings.string("languageCode")
                    ?? (code.lowercased() == site.defaultLanguage.lowercased() ? rootLanguageCode : nil)
                language.locale = locale(for: code, languageCode: languageCode)
                languages.append(language)
                noteLanguageExtras(code: code, settings: settings, into: &site)
            }
        }
        if let match = languages.first(where: { $0.code.lowercased() == site.defaultLanguage.lowercased() }) {
            site.defaultLanguage = match.code
        } else {
            if !languages.isEmpty {
                site.notes.append("defaultContentLanguage '\(site.defaultLanguage)' has no languages table; one is added.")
            }
            languages.append(ImportedSite.Language(
                code: site.defaultLanguage,
                name: LanguageNames.name(for: site.defaultLanguage),
                title: siteTitle,
                description: rootDescription,
                contentDir: inheritedDir,
                locale: locale(for: site.defaultLanguage, languageCode: rootLanguageCode)
            ))
        }
        for language in languages {
            if let dir = language.contentDir, !ImportPaths.isFolder(siteRoot + "/" + dir) {
                site.notes.append("languages.\(language.code).contentDir '\(dir)' does not exist.")
            }
        }
        site.languages = languages
    }

    /// `zh-Hans`/`zh-Hant` for Chinese codes; otherwise Hugo's languageCode when it says more than the code.
    static func locale(for code: String, languageCode: String?) -> String? {
        if let chinese = LanguageNames.chineseLocale(for: code) { return chinese }
        guard let languageCode, !languageCode.isEmpty, languageCode.lowercased() != code.lowercased() else { return nil }
        return languageCode
    }

    static func noteLanguageExtras(code: String, settings: ImportTable, into site: inout ImportedSite) {
        let extra = settings.keys.filter { !handledLanguageKeys.contains($0.lowercased()) }
        if !extra.isEmpty {
            site.notes.append("languages.\(code): \(list(extra)) not carried over.")
        }
        if let params = settings.table("params") {
            let keys = params.keys.filter { $0.lowercased() != "description" }
            if !keys.isEmpty { site.notes.append("languages.\(code).params: \(list(keys)) not carried over.") }
        }
    }

    static func mapPermalinks(_ config: ImportTable, into site: inout ImportedSite) {
        guard let table = config.table("permalinks") else { return }
        var found: [String: String] = [:]
        for entry in table.entries {
            if let pattern = entry.value.string {
                found[entry.key] = pattern
            } else if let kind = entry.value.table {
                if entry.key.lowercased() == "page" {
                    for inner in kind.entries {
                        if let pattern = inner.value.string { found[inner.key] = pattern }
                    }
                } else {
                    site.notes.append("permalinks.\(entry.key) (\(list(kind.keys))) not carried over: only page permalinks are.")
                }
            }
        }
        site.permalinks = found.keys.sorted().map { ImportedSite.Permalink(section: $0, pattern: found[$0] ?? "") }
    }

    /// Hugo module mounts whose target is under content/ become mounts; others are noted.
    static func mapModule(_ config: ImportTable, into site: inout ImportedSite) {
        guard let module = config.table("module") else { return }
        for item in module.value(at: ["mounts"])?.array ?? [] {
            guard let mount = item.table, let source = mount.string("source"), let target = mount.string("target") else { continue }
            let cleanTarget = ImportPaths.cleanRelative(target) ?? target
            guard cleanTarget == "content" || cleanTarget.hasPrefix("content/") else {
                site.notes.append("module mount \(source) -> \(target) not carried over: only mounts into content/ are.")
                continue
            }
            let inside = cleanTarget == "content" ? "" : String(cleanTarget.dropFirst("content/".count))
            var lang = mount.string("lang")
            if let code = lang, code.lowercased() == site.defaultLanguage.lowercased() { lang = nil }
            site.mounts.append(ImportedSite.Mount(source: ImportPaths.cleanRelative(source) ?? source, target: inside, lang: lang))
            let extra = mount.keys.filter { !["source", "target", "lang"].contains($0.lowercased()) }
            if !extra.isEmpty { site.notes.append("module mount \(source): \(list(extra)) not carried over.") }
        }
        let imports = (module.value(at: ["imports"])?.array ?? []).compactMap { $0.table?.string("path") }
        if !imports.isEmpty {
            site.notes.append("module imports (\(list(imports))) not carried over: portal uses its own theme.")
        }
        let rest = module.keys.filter { !["mounts", "imports"].contains($0.lowercased()) }
        if !rest.isEmpty { site.notes.append("module: \(list(rest)) not carried over.") }
    }

    /// Themes named in `theme` or module imports.
    static func themes(_ config: ImportTable) -> [String] {
        var names: [String] = []
        switch config["theme"] {
        case let .string(name)?: names.append(name)
        case let .array(items)?: names += items.compactMap(\.string)
        default: break
        }
        names += (config.value(at: ["module", "imports"])?.array ?? []).compactMap { $0.table?.string("path") }
        return names
    }

    /// Docsy lays out its `docs` section as documentation.
    static func mapDocsy(_ config: ImportTable, siteRoot: String, into site: inout ImportedSite) {
        let themeNames = themes(config)
        if config["theme"] != nil, !themeNames.isEmpty {
            site.notes.append("theme \(list(themeNames)) not carried over: portal builds with its own theme.")
        }
        guard themeNames.contains(where: { $0.lowercased().contains("docsy") }) else { return }
        var contentDirs = Set(site.languages.map { $0.contentDir ?? "content" })
        if contentDirs.isEmpty { contentDirs = ["content"] }
        let hasDocs = contentDirs.contains { ImportPaths.isFolder(siteRoot + "/" + $0 + "/docs") }
            || site.mounts.contains { $0.target == "docs" }
        if hasDocs { site.sectionLayouts["docs"] = "docs" }
    }

    /// Hugo's taxonomies besides tags become portal's `[taxonomies]`; without the table
    /// Hugo groups by tags and categories, and so does the imported site.
    static func noteTaxonomies(_ config: ImportTable, into site: inout ImportedSite) {
        guard let taxonomies = config.table("taxonomies") else {
            site.taxonomies = ["category": "categories"]
            return
        }
        var skipped: [String] = []
        for entry in taxonomies.entries {
            guard let plural = entry.value.string, plural != "tags" else { continue }
            let valid = !plural.isEmpty && !SiteConfigLoader.reservedTaxonomyNames.contains(plural)
                && plural.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
            if valid { site.taxonomies[entry.key] = plural } else { skipped.append(plural) }
        }
        if !skipped.isEmpty {
            site.notes.append("taxonomies \(list(skipped)) not carried over: a taxonomy's name is its folder in URLs (lower-case letters, digits, '-' and '_'), other than tags, authors, archives and search.")
        }
    }

    static func noteMenus(_ config: ImportTable, into site: inout ImportedSite) {
        var parts: [String] = []
        for key in ["menu", "menus"] {
            if let written = config.writtenKey(key), let menus = config.table(key) {
                parts += describeMenus(menus, prefix: "\(written).")
            }
        }
        for language in config.table("languages")?.entries ?? [] {
            guard let settings = language.value.table else { continue }
            for key in ["menu", "menus"] {
                if let written = settings.writtenKey(key), let menus = settings.table(key) {
                    parts += describeMenus(menus, prefix: "languages.\(language.key).\(written).")
                }
            }
        }
        if !parts.isEmpty {
            site.notes.append("menus not carried over (portal's theme makes its own navigation): \(parts.joined(separator: ", ")).")
        }
    }

    static func describeMenus(_ menus: ImportTable, prefix: String) -> [String] {
        menus.entries.map { entry in
            let count = entry.value.array?.count ?? entry.value.table?.count ?? 1
            return "\(prefix)\(entry.key) (\(count) entr\(count == 1 ? "y" : "ies"))"
        }
    }

    static func noteParams(_ config: ImportTable, into site: inout ImportedSite) {
        // `params.description` is carried over as the languages' description.
        guard let params = config.table("params") else { return }
        let keys = params.keys.filter { $0.lowercased() != "description" }
        guard !keys.isEmpty else { return }
        site.notes.append("params not carried over (the theme's settings): \(list(keys)).")
    }

    static func noteOthers(_ config: ImportTable, into site: inout ImportedSite) {
        if config["outputs"] != nil || config["outputFormats"] != nil {
            let names = ["outputs", "outputFormats"].compactMap { config.writtenKey($0) }
            site.notes.append("output formats (\(list(names))) not carried over: portal writes HTML pages, feeds and a sitemap.")
        }
        if let markup = config.table("markup") {
            var rest: [String] = []
            for entry in markup.entries {
                if entry.key.lowercased() == "goldmark", let goldmark = entry.value.table {
                    for inner in goldmark.entries {
                        if inner.key.lowercased() == "renderer", let renderer = inner.value.table {
                            rest += renderer.keys.filter { $0.lowercased() != "unsafe" }.map { "goldmark.renderer.\($0)" }
                        } else {
                            rest.append("goldmark.\(inner.key)")
                        }
                    }
                } else {
                    rest.append(entry.key)
                }
            }
            if !rest.isEmpty { site.notes.append("markup: \(list(rest)) not carried over.") }
        }
        var seen = Set<String>()
        let others = config.keys.filter { key in
            let lowered = key.lowercased()
            return !handledRootKeys.contains(lowered) && seen.insert(lowered).inserted
        }
        if !others.isEmpty {
            site.notes.append("other settings not carried over: \(list(others.sorted { $0.lowercased() < $1.lowercased() })).")
        }
    }

    static func list(_ names: [String]) -> String {
        names.joined(separator: ", ")
    }
}

/// File-system questions the importers ask, and the cleaning of relative paths.
package enum ImportPaths {
    package static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    package static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// `./content/en/` -> `content/en`; "" for the folder itself. Nil for an absolute path
    /// or one that climbs out with `..`.
    package static func cleanRelative(_ path: String) -> String? {
        guard !path.hasPrefix("/") else { return nil }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return nil }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// `a` and `b` joined with one `/`, either may be empty or start with `/`.
    package static func join(_ a: String, _ b: String) -> String {
        let parts = [a, b].compactMap { cleanRelative(String($0.drop { $0 == "/" })) }.filter { !$0.isEmpty }
        return parts.joined(separator: "/")
    }
}
