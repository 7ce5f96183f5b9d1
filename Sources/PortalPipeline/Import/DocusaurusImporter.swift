import Foundation
import PortalText

/// Reads a Docusaurus site (its `docusaurus.config.js` as text, `versions.json` and the
/// folders that exist) into an `ImportedSite` whose mounts show each content folder
/// at the URL Docusaurus serves it from.
package enum DocusaurusImporter {
    package static let configFiles = [
        "docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs",
        "docusaurus.config.cjs", "docusaurus.config.mts", "docusaurus.config.cts",
    ]

    package static func configFile(siteRoot: String) -> String? {
        configFiles.first { ImportPaths.isFile(siteRoot + "/" + $0) }
    }

    package static func detect(siteRoot: String) -> Bool {
        configFile(siteRoot: siteRoot) != nil
    }

    package static func importSite(siteRoot: String) -> (ImportedSite?, [Diagnostic]) {
        guard let file = configFile(siteRoot: siteRoot) else {
            return (nil, [.error("no docusaurus.config.js in \(siteRoot)")])
        }
        guard let data = FileManager.default.contents(atPath: siteRoot + "/" + file),
              let text = String(validating: data, as: UTF8.self) else {
            return (nil, [.error("cannot read \(file) as UTF-8 text", at: SourceLocation(path: file))])
        }
        guard let config = JSConfigScanner(text).exportedObject() else {
            // Nothing literal to read: the classic preset with its defaults.
            let assumed = ImportTable([("presets", .array([.string("classic")]))])
            var site = map(assumed, file: file, siteRoot: siteRoot)
            site.notes.insert("\(file) could not be read (no object literal found): every value here is a Docusaurus default.", at: 0)
            let warning = Diagnostic.warning(
                "found no configuration object in \(file); Docusaurus' defaults are assumed", at: SourceLocation(path: file))
            return (site, [warning])
        }
        return (map(config, file: file, siteRoot: siteRoot), [])
    }

    // MARK: Plugins

    /// One instance of the docs, blog or pages plugin, with its options.
    struct Instance {
        enum Kind: String { case docs, blog, pages }
        var kind: Kind
        var id: String
        var options: ImportTable

        var isDefault: Bool { id == "default" }

        var path: String {
            let fallback: String
            switch kind {
            case .docs: fallback = "docs"
            case .blog: fallback = "blog"
            case .pages: fallback = "src/pages"
            }
            return options.string("path").flatMap(ImportPaths.cleanRelative) ?? fallback
        }

        /// Where the instance serves its pages, without slashes at either end.
        var routeBasePath: String {
            let fallback = kind == .pages ? "" : kind.rawValue
            guard let route = options.string("routeBasePath") else { return fallback }
            let relative = String(route.drop { $0 == "/" })
            return ImportPaths.cleanRelative(relative) ?? fallback
        }

        /// `docusaurus-plugin-content-docs` or `…-docs-<id>`: its folder under i18n/<locale>/.
        var i18nFolder: String {
            "docusaurus-plugin-content-\(kind.rawValue)" + (isDefault ? "" : "-\(id)")
        }

        var label: String {
            isDefault ? kind.rawValue : "\(kind.rawValue) plugin '\(id)'"
        }
    }

    /// The classic preset's `docs`, `blog` and `pages`, then plugin instances, and notes on
    /// other presets, plugins and themes.
    static func instances(_ config: ImportTable, into site: inout ImportedSite) -> [Instance] {
        var found: [Instance] = []
        var ignored: [String] = []
        var presetSeen = false
        for preset in config.value(at: ["presets"])?.array ?? [] {
            let (name, options) = nameAndOptions(preset)
            guard name == "classic" || name.contains("preset-classic") else {
                ignored.append("preset \(name)")
                continue
            }
            presetSeen = true
            for kind in [Instance.Kind.docs, .blog, .pages] {
                switch options?[kind.rawValue] {
                case .bool(false)?:
                    continue
                case let .table(settings)?:
                    found.append(Instance(kind: kind, id: settings.string("id") ?? "default", options: settings))
                default:
                    found.append(Instance(kind: kind, id: "default", options: ImportTable()))
                }
            }
            let rest = (options?.keys ?? []).filter { !["docs", "blog", "pages"].contains($0) }
            if !rest.isEmpty { site.notes.append("classic preset: \(rest.joined(separator: ", ")) not carried over.") }
        }
        if !presetSeen && config["presets"] != nil {
            site.notes.append("no classic preset found: only plugins are read.")
        }
        for plugin in config.value(at: ["plugins"])?.array ?? [] {
            let (name, options) = nameAndOptions(plugin)
            let kind: Instance.Kind? = name.contains("plugin-content-docs") ? .docs
                : name.contains("plugin-content-blog") ? .blog
                : name.contains("plugin-content-pages") ? .pages : nil
            guard let kind else {
                ignored.append("plugin \(name)")
                continue
            }
            let settings = options ?? ImportTable()
            found.append(Instance(kind: kind, id: settings.string("id") ?? "default", options: settings))
        }
        for theme in config.value(at: ["themes"])?.array ?? [] {
            ignored.append("theme \(nameAndOptions(theme).name)")
        }
        if !ignored.isEmpty {
            site.notes.append("not carried over: \(ignored.joined(separator: ", ")).")
        }
        return found
    }

    /// `'name'` or `['name', {options}]`; a computed name as its source text, shortened.
    static func nameAndOptions(_ value: ImportValue) -> (name: String, options: ImportTable?) {
        switch value {
        case let .string(name): return (name, nil)
        case let .array(items):
            guard let first = items.first else { return ("(empty)", nil) }
            return (nameAndOptions(first).name, items.dropFirst().first?.table)
        case let .other(text): return (quotedName(in: text) ?? shortened(text), nil)
        default: return (shortened(value.summary), nil)
        }
    }

    /// The first quoted string in `require.resolve('name')` and the like.
    static func quotedName(in text: String) -> String? {
        guard let open = text.firstIndex(where: { $0 == "'" || $0 == "\"" || $0 == "`" }) else { return nil }
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(of: text[open]), close > rest.startIndex else { return nil }
        return String(rest[..<close])
    }

    static func shortened(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 60 else { return text }
        return String(String.UnicodeScalarView(scalars[..<57])) + "…"
    }

    // MARK: Mapping

    static let handledKeys: Set<String> = ["title", "url", "baseUrl", "i18n", "presets", "plugins", "themes"]

    package static func map(_ config: ImportTable, file: String, siteRoot: String) -> ImportedSite {
        let i18n = config.table("i18n") ?? ImportTable()
        let defaultLocale = i18n.string("defaultLocale") ?? "en"
        var site = ImportedSite(generator: .docusaurus, configFiles: [file], defaultLanguage: defaultLocale)
        site.title = config.string("title")
        site.baseURL = baseURL(url: config["url"], baseUrl: config["baseUrl"], into: &site)
        site.defaultLanguageInSubdir = false
        // Docusaurus keeps the capitals of file and folder names in its URLs.
        site.keepsPathCase = true
        // Blog posts named `2022-09-15-x.md` are served at `/blog/2022/09/15/x`.
        site.datedNamesAsFolders = true
        site.markdownUnsafe = true

        var locales = (i18n.value(at: ["locales"])?.array ?? []).compactMap(\.string)
        if !locales.contains(defaultLocale) { locales.insert(defaultLocale, at: 0) }
        let localeConfigs = i18n.table("localeConfigs") ?? ImportTable()
        for (offset, code) in locales.enumerated() {
            let settings = localeConfigs.table(code)
            site.languages.append(ImportedSite.Language(
                code: code,
                name: settings?.string("label") ?? LanguageNames.name(for: code),
                title: site.title ?? "portal",
                weight: offset + 1,
                locale: LanguageNames.chineseLocale(for: code)
            ))
        }
        let i18nRoot = i18n.string("path").flatMap(ImportPaths.cleanRelative) ?? "i18n"
        let otherLocales = locales.filter { $0 != defaultLocale }.map { code in
            (code: code, folder: i18nRoot + "/" + (localeConfigs.string(code, "path").flatMap(ImportPaths.cleanRelative) ?? code))
        }

        let found = instances(config, into: &site)
        var authorsTaken = false
        for instance in found {
            switch instance.kind {
            case .docs: mapDocs(instance, locales: otherLocales, siteRoot: siteRoot, into: &site)
            case .blog: mapBlog(instance, locales: otherLocales, siteRoot: siteRoot, authorsTaken: &authorsTaken, into: &site)
            case .pages: mapPages(instance, locales: otherLocales, siteRoot: siteRoot, into: &site)
            }
        }
        noteLeftOvers(config, locales: otherLocales, siteRoot: siteRoot, into: &site)
        return site
    }

    static func baseURL(url: ImportValue?, baseUrl: ImportValue?, into site: inout ImportedSite) -> String? {
        if let url, url.string == nil {
            site.notes.append("url is computed in the configuration (\(shortened(url.summary))); set baseURL by hand.")
        }
        if let baseUrl, baseUrl.string == nil {
            site.notes.append("baseUrl is computed in the configuration (\(shortened(baseUrl.summary))); set baseURL by hand.")
        }
        let origin = url?.string ?? ""
        let path = baseUrl?.string ?? "/"
        if origin.isEmpty && url != nil && url?.string != nil {
            site.notes.append("url is empty in the configuration; set the site's address before deploying.")
        }
        var trimmedOrigin = Substring(origin)
        while trimmedOrigin.hasSuffix("/") { trimmedOrigin = trimmedOrigin.dropLast() }
        let cleanPath = path.split(separator: "/").joined(separator: "/")
        let joined = String(trimmedOrigin) + "/" + cleanPath + (cleanPath.isEmpty ? "" : "/")
        return joined
    }

    /// A docs instance: `versions.json` decides which version is served at the
    /// instance's root (the latest release, unless `lastVersion` says otherwise),
    /// the current docs at `next`, and every other version at its name.
    static func mapDocs(_ instance: Instance, locales: [(code: String, folder: String)], siteRoot: String, into site: inout ImportedSite) {
        let options = instance.options
        let prefix = instance.isDefault ? "" : "\(instance.id)_"
        let versionsFile = "\(prefix)versions.json"
        var versions: [String] = []
        if ImportPaths.isFile(siteRoot + "/" + versionsFile) {
            if let data = FileManager.default.contents(atPath: siteRoot + "/" + versionsFile),
               let text = String(validating: data, as: UTF8.self),
               let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] {
                versions = list.compactMap { $0 as? String }
            } else {
                site.notes.append("\(versionsFile) is not a JSON list of version names; versions are not mounted.")
            }
        }
        let includeCurrent = options.bool("includeCurrentVersion") ?? true
        let lastVersion = options.string("lastVersion") ?? versions.first ?? "current"
        let only = options.value(at: ["onlyIncludeVersions"])?.array?.compactMap(\.string)
        let versionOptions = options.table("versions") ?? ImportTable()
        let base = instance.routeBasePath

        var missing: [String] = []
        for version in (includeCurrent ? ["current"] : []) + versions {
            if let only, !only.contains(version) { continue }
            let isCurrent = version == "current"
            let pathPart = versionOptions.string(version, "path")
                ?? (version == lastVersion ? "" : isCurrent ? "next" : version)
            let target = ImportPaths.join(base, pathPart)
            let source = isCurrent ? instance.path : "\(prefix)versioned_docs/version-\(version)"
            guard ImportPaths.isFolder(siteRoot + "/" + source) else {
                if isCurrent {
                    site.notes.append("\(instance.label): folder \(source) does not exist; not mounted.")
                } else {
                    missing.append(version)
                }
                continue
            }
            site.mounts.append(ImportedSite.Mount(source: source, target: target))
            let translated = isCurrent ? "current" : "version-\(version)"
            for locale in locales {
                let folder = "\(locale.folder)/\(instance.i18nFolder)/\(translated)"
                if ImportPaths.isFolder(siteRoot + "/" + folder) {
                    site.mounts.append(ImportedSite.Mount(source: folder, target: target, lang: locale.code))
                }
            }
        }
        if !missing.isEmpty {
            site.notes.append("\(versionsFile) lists \(missing.joined(separator: ", ")), which have no \(prefix)versioned_docs/version-<name> folder; not mounted.")
        }
        if let section = base.split(separator: "/").first.map(String.init) {
            site.sectionLayouts[section] = "docs"
        } else {
            site.notes.append("\(instance.label) is served at the site root: no [sections] entry gives it the docs layout.")
        }
        let handled: Set<String> = [
            "id", "path", "routeBasePath", "includeCurrentVersion", "lastVersion", "onlyIncludeVersions", "versions",
        ]
        let rest = options.keys.filter { !handled.contains($0) }
        if !rest.isEmpty { site.notes.append("\(instance.label) options not carried over: \(rest.joined(separator: ", ")).") }
    }

    static func mapBlog(
        _ instance: Instance, locales: [(code: String, folder: String)], siteRoot: String,
        authorsTaken: inout Bool, into site: inout ImportedSite
    ) {
        let options = instance.options
        let target = instance.routeBasePath
        guard ImportPaths.isFolder(siteRoot + "/" + instance.path) else {
            site.notes.append("\(instance.label): folder \(instance.path) does not exist; not mounted.")
            return
        }
        site.mounts.append(ImportedSite.Mount(source: instance.path, target: target))
        let authorsName = options.string("authorsMapPath") ?? "authors.yml"
        for locale in locales {
            let folder = "\(locale.folder)/\(instance.i18nFolder)"
            guard ImportPaths.isFolder(siteRoot + "/" + folder) else { continue }
            site.mounts.append(ImportedSite.Mount(source: folder, target: target, lang: locale.code))
            if ImportPaths.isFile(siteRoot + "/" + folder + "/" + authorsName) {
                site.notes.append("\(folder)/\(authorsName) (\(locale.code) author profiles) not carried over: [data] names one authors file.")
            }
        }
        if let authors = ImportPaths.cleanRelative(instance.path + "/" + authorsName),
           ImportPaths.isFile(siteRoot + "/" + authors) {
            if authorsTaken {
                site.notes.append("\(authors) not carried over: [data] already names another authors file.")
            } else {
                site.data["authors"] = authors
                authorsTaken = true
            }
        }
        let handled: Set<String> = ["id", "path", "routeBasePath", "authorsMapPath"]
        let rest = options.keys.filter { !handled.contains($0) }
        if !rest.isEmpty { site.notes.append("\(instance.label) options not carried over: \(rest.joined(separator: ", ")).") }
    }

    static func mapPages(_ instance: Instance, locales: [(code: String, folder: String)], siteRoot: String, into site: inout ImportedSite) {
        let target = instance.routeBasePath
        var mounted: [String] = []
        if ImportPaths.isFolder(siteRoot + "/" + instance.path) {
            site.mounts.append(ImportedSite.Mount(source: instance.path, target: target))
            mounted.append(instance.path)
        }
        for locale in locales {
            let folder = "\(locale.folder)/\(instance.i18nFolder)"
            if ImportPaths.isFolder(siteRoot + "/" + folder) {
                site.mounts.append(ImportedSite.Mount(source: folder, target: target, lang: locale.code))
                mounted.append(folder)
            }
        }
        let react = mounted.flatMap { folder in reactFiles(in: siteRoot + "/" + folder).map { "\(folder)/\($0)" } }
        if !react.isEmpty {
            let shown = react.prefix(5).joined(separator: ", ") + (react.count > 5 ? " and \(react.count - 5) more" : "")
            site.notes.append("React pages are not carried over (only Markdown and MDX are pages): \(shown).")
        }
        let handled: Set<String> = ["id", "path", "routeBasePath"]
        let rest = instance.options.keys.filter { !handled.contains($0) }
        if !rest.isEmpty { site.notes.append("\(instance.label) options not carried over: \(rest.joined(separator: ", ")).") }
    }

    /// `.js`, `.jsx`, `.ts` and `.tsx` files under `folder`, relative to it and sorted.
    static func reactFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        for case let path as String in walker {
            let ext = (path as NSString).pathExtension.lowercased()
            if ["js", "jsx", "ts", "tsx"].contains(ext) { found.append(path) }
        }
        return found.sorted()
    }

    static func noteLeftOvers(_ config: ImportTable, locales: [(code: String, folder: String)], siteRoot: String, into site: inout ImportedSite) {
        if let theme = config.table("themeConfig") {
            site.notes.append("themeConfig (\(theme.keys.joined(separator: ", "))) not carried over: navigation bar, footer and the like come from portal's theme.")
        }
        let rest = config.keys.filter { !handledKeys.contains($0) && $0 != "themeConfig" }
        if !rest.isEmpty { site.notes.append("other settings not carried over: \(rest.joined(separator: ", ")).") }
        if let i18n = config.table("i18n") {
            var extra = i18n.keys.filter { !["defaultLocale", "locales", "localeConfigs", "path"].contains($0) }
            for entry in i18n.table("localeConfigs")?.entries ?? [] {
                for key in entry.value.table?.keys ?? [] where key != "label" && key != "path" {
                    extra.append("localeConfigs.\(entry.key).\(key)")
                }
            }
            if !extra.isEmpty { site.notes.append("i18n: \(extra.joined(separator: ", ")) not carried over.") }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: siteRoot)) ?? []
        let sidebars = names.filter { name in
            let lowered = name.lowercased()
            return lowered.hasPrefix("sidebar") && [".js", ".ts", ".json", ".mjs", ".cjs"].contains { lowered.hasSuffix($0) }
        }.sorted()
        if !sidebars.isEmpty {
            site.notes.append("sidebars (\(sidebars.joined(separator: ", "))) not carried over: the order and grouping of docs pages they set is lost.")
        }
        if ImportPaths.isFolder(siteRoot + "/versioned_sidebars") {
            site.notes.append("versioned_sidebars/ not carried over.")
        }
        for locale in locales {
            let interface = ["code.json", "docusaurus-theme-classic"].filter {
                FileManager.default.fileExists(atPath: siteRoot + "/" + locale.folder + "/" + $0)
            }
            if !interface.isEmpty {
                let shown = interface.map { "\(locale.folder)/\($0)" }.joined(separator: ", ")
                site.notes.append("interface translations \(shown) not carried over.")
            }
        }
    }
}
