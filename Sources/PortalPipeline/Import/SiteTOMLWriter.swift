/// Writes an `ImportedSite` as the text of a `site.toml`: the same site always gives
/// the same text, byte for byte.
package enum SiteTOMLWriter {
    /// Comment lines are wrapped before this many characters.
    static let width = 88

    /// `siteFolder`, when given, is named in the header: the paths below are relative to it.
    package static func text(for site: ImportedSite, siteFolder: String? = nil) -> String {
        var lines: [String] = []
        let files = site.configFiles.joined(separator: ", ")
        lines += comment("site.toml written by `portal import` from a \(site.generator.rawValue) site (\(files)).")
        lines += comment("Content files stay where they are; paths below are relative to the site folder"
            + (siteFolder.map { " \($0)" } ?? "") + ".")
        if !site.notes.isEmpty {
            lines.append("#")
            lines += comment("Notes from the import: what was not carried over, and what to check "
                + "(edit this file if portal should do the same):")
            for note in site.notes {
                lines += comment(note, first: "- ", rest: "  ")
            }
        }
        lines.append("")

        if let title = site.title { lines.append("title = \(quoted(title))") }
        if let baseURL = site.baseURL { lines.append("baseURL = \(quoted(baseURL))") }
        lines.append("defaultLanguage = \(quoted(site.defaultLanguage))")
        lines.append("defaultLanguageInSubdir = \(site.defaultLanguageInSubdir)")
        if site.keepsPathCase { lines.append("disablePathToLower = true") }
        if site.datedNamesAsFolders { lines.append("datedNames = \"folders\"") }
        if let zone = site.timeZone { lines.append("timeZone = \(quoted(zone))") }
        if let size = site.pageSize { lines.append("pageSize = \(size)") }

        for language in site.orderedLanguages {
            lines.append("")
            lines.append("[languages.\(key(language.code))]")
            lines.append("name = \(quoted(language.name))")
            lines.append("title = \(quoted(language.title))")
            if let description = language.description, !description.isEmpty {
                lines.append("description = \(quoted(description))")
            }
            if let weight = language.weight { lines.append("weight = \(weight)") }
            if let dir = language.contentDir { lines.append("contentDir = \(quoted(dir))") }
            if let locale = language.locale { lines.append("locale = \(quoted(locale))") }
        }

        for mount in site.orderedMounts {
            lines.append("")
            lines.append("[[mounts]]")
            lines.append("source = \(quoted(mount.source))")
            lines.append("target = \(quoted(mount.target))")
            if let lang = mount.lang { lines.append("lang = \(quoted(lang))") }
        }

        if !site.permalinks.isEmpty {
            lines.append("")
            lines.append("[permalinks]")
            for permalink in site.permalinks.sorted(by: { $0.section < $1.section }) {
                lines.append("\(key(permalink.section)) = \(quoted(permalink.pattern))")
            }
        }

        for section in site.sectionLayouts.keys.sorted() {
            lines.append("")
            lines.append("[sections.\(key(section))]")
            lines.append("layout = \(quoted(site.sectionLayouts[section] ?? ""))")
        }

        if !site.data.isEmpty {
            lines.append("")
            lines.append("[data]")
            for name in site.data.keys.sorted() {
                lines.append("\(key(name)) = \(quoted(site.data[name] ?? ""))")
            }
        }

        if !site.taxonomies.isEmpty {
            lines.append("")
            lines.append("[taxonomies]")
            for singular in site.taxonomies.keys.sorted() {
                lines.append("\(key(singular)) = \(quoted(site.taxonomies[singular] ?? ""))")
            }
        }

        if let unsafe = site.markdownUnsafe {
            lines.append("")
            lines.append("[markdown]")
            lines.append("unsafe = \(unsafe)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as `#` lines of at most `width` characters, broken at spaces.
    static func comment(_ text: String, first: String = "", rest: String = "") -> [String] {
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}" ? " " : scalar
        }))
        var lines: [String] = []
        var line = "# " + first
        var lineHasWord = false
        for word in clean.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = "# " + rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// A bare key when TOML allows one, else a quoted key.
    static func key(_ name: String) -> String {
        let bare = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
        }
        return bare ? name : quoted(name)
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
