/// Where each output file comes from, and the problems of the output paths told at
/// that place: two sources for one path, a file where another source needs a folder,
/// a name longer than file systems allow, a page that makes too many files.
///
/// An origin is a text: `content/a.md` for a page, `content/a.md:4 (tag 'x')` for what a
/// page's front matter names, `(generated en/tags/index.html)` for what no source names.
enum OutputOrigins {
    /// The longest name of one file or folder most file systems take (ext4, APFS, NTFS: 255 bytes).
    static let nameBytes = 255

    /// `path` with the line of its page's `key` in the front matter, when known.
    static func place(_ page: Page, key: String) -> String {
        let path = page.source.sitePath
        guard let line = page.metadata.lines[key] else { return path }
        return "\(path):\(line)"
    }

    /// The origin of the file a render job writes at `path`.
    static func describe(_ job: RenderJob, path: String, model: SiteModel) -> String {
        let content = model.content
        switch job {
        case let .page(id):
            return content.pages[id].source.sitePath
        case let .section(language, index, _):
            guard let section = content.sections[language]?[index] else { break }
            let first = section.indexPage ?? section.pages.first
            guard let first, content.pages.indices.contains(first) else { break }
            return "\(content.pages[first].source.sitePath) (the list of section '\(section.name)')"
        case let .tag(language, index, _):
            guard let term = model.archives.tags[language]?[index], let first = term.pages.first, content.pages.indices.contains(first) else { break }
            return "\(place(content.pages[first], key: "tags")) (tag '\(term.name)')"
        case let .author(language, index, _):
            guard let author = model.archives.authors[language]?[index], let first = author.pages.first, content.pages.indices.contains(first) else { break }
            return "\(place(content.pages[first], key: "authors")) (author '\(author.id)')"
        case .tags: return "(the list of tags)"
        case .authors: return "(the list of authors)"
        case .archives, .year, .month: return "(the date archives)"
        case .home: return "(the home page)"
        case .notFound: return "(the 404 page)"
        case .root: return "(the root page)"
        }
        return "(generated \(path))"
    }

    /// The source file and line an origin names, or nil for generated files.
    static func location(of origin: String) -> SourceLocation? {
        guard let (path, line, _) = split(origin) else { return nil }
        return SourceLocation(path: String(path), line: line ?? 1)
    }

    /// The source path, line and whether a description follows (` (tag 'x')`); nil for
    /// generated files. Bytes only: this runs for every file of a build.
    static func split(_ origin: String) -> (path: Substring, line: Int?, described: Bool)? {
        let bytes = origin.utf8
        guard let first = bytes.first, first != UInt8(ascii: "(") else { return nil }
        // Where ` (` starts, if anywhere.
        let cut: Int? = bytes.withContiguousStorageIfAvailable { buffer -> Int? in
            var index = 0
            while index + 1 < buffer.count {
                if buffer[index] == UInt8(ascii: " "), buffer[index + 1] == UInt8(ascii: "(") { return index }
                index += 1
            }
            return nil
        } ?? origin.utf8.indices.firstIndex { bytes[$0] == UInt8(ascii: " ") && bytes.index(after: $0) != bytes.endIndex && bytes[bytes.index(after: $0)] == UInt8(ascii: "(") }
            .map { bytes.distance(from: bytes.startIndex, to: $0) }
        var source = origin[bytes.startIndex..<(cut.map { bytes.index(bytes.startIndex, offsetBy: $0) } ?? bytes.endIndex)]
        var line: Int?
        if let colon = source.utf8.lastIndex(of: UInt8(ascii: ":")), let number = Int(source[source.utf8.index(after: colon)...]) {
            line = number
            source = source[..<colon]
        }
        return (source, line, cut != nil)
    }

    /// What an origin makes, for messages: `tag 'x'`, or the whole origin.
    static func what(_ origin: String) -> String {
        if origin.hasPrefix("("), origin.hasSuffix(")") { return String(origin.dropFirst().dropLast()) }
        guard let open = origin.range(of: " (") , origin.hasSuffix(")") else { return origin }
        return "\(origin[open.upperBound..<origin.index(before: origin.endIndex)]) of \(origin[..<open.lowerBound])"
    }

    /// Tags and authors beyond the limits of `[limits]`, at the page's key.
    static func limitProblems(content: SiteContent, limits: SiteLimits) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in content.pages where page.fallbackOf == nil {
            let checks = [("tags", page.metadata.tags.count, limits.tagsPerPage, "tagsPerPage"),
                          ("authors", page.metadata.authors.count, limits.authorsPerPage, "authorsPerPage")]
            for (key, count, limit, setting) in checks where count > limit {
                diagnostics.append(.error(
                    "\(count) \(key) on one page, more than the limit of \(limit): name fewer, or raise it with `[limits] \(setting) = \(count)` in site.toml",
                    at: location(of: place(page, key: key))))
            }
        }
        return diagnostics
    }

    /// Every problem of the output paths, each at the source that caused it.
    static func problems(files: [OutputFile], provenance: [String], limits: SiteLimits) -> [Diagnostic] {
        var owner: [String: String] = [:]
        owner.reserveCapacity(files.count)
        var diagnostics: [Diagnostic] = []
        var filesBySource: [String: Int] = [:]
        for (file, origin) in zip(files, provenance) {
            if let first = owner[file.path] {
                // At the source of the two that has a place, the later one first.
                let location = location(of: origin) ?? location(of: first)
                diagnostics.append(.error("'\(file.path)' would be written by both \(first) and \(origin)", at: location))
            } else {
                owner[file.path] = origin
            }
            // A page's own file is one; what else it makes carries a description.
            if let (source, _, described) = split(origin), described { filesBySource[String(source), default: 1] += 1 }
        }
        // One message per name or folder (a tag's page, feed and redirects share them),
        // at a source when one of the files has one.
        var byPlace: [String: Diagnostic] = [:]
        var places: [String] = []
        func keep(_ problem: (key: String, diagnostic: Diagnostic)?) {
            guard let (key, diagnostic) = problem else { return }
            if let kept = byPlace[key] {
                if kept.location == nil, diagnostic.location != nil { byPlace[key] = diagnostic }
            } else {
                byPlace[key] = diagnostic
                places.append(key)
            }
        }
        for (file, origin) in zip(files, provenance) {
            if file.path.utf8.count > nameBytes { keep(longName(in: file.path, origin: origin)) }
            keep(fileInTheWay(of: file.path, origin: origin, owner: owner))
        }
        diagnostics += places.compactMap { byPlace[$0] }
        for (source, count) in filesBySource where count > limits.filesPerPage {
            diagnostics.append(.error(
                "this page makes \(count) output files (its page, its aliases, and the pages and feeds of the tags and authors it is the first to name), more than the limit of \(limits.filesPerPage): raise it with `[limits] filesPerPage = \(count)` in site.toml if that is meant",
                at: SourceLocation(path: source)))
        }
        return diagnostics
    }

    /// A name of `path` longer than file systems allow.
    static func longName(in path: String, origin: String) -> (key: String, diagnostic: Diagnostic)? {
        guard path.utf8.count > nameBytes else { return nil }
        for name in path.split(separator: "/") where name.utf8.count > nameBytes {
            let shown = String(name.prefix(40))
            return ("name " + path[..<name.endIndex], .error(
                "the name '\(shown)…' in '\(path)' (written for \(what(origin))) is \(name.utf8.count) bytes long, more than the \(nameBytes) bytes a file system allows for one name: shorten \(cause(origin))",
                at: location(of: origin)))
        }
        return nil
    }

    /// What to rename to change the path an origin writes.
    static func cause(_ origin: String) -> String {
        if origin.contains(" (tag '") { return "the tag" }
        if origin.contains(" (author '") { return "the author id" }
        if origin.contains(" (alias '") { return "the alias" }
        if origin.contains(" (the list of section '") { return "the section's folder" }
        if origin.hasPrefix("(") { return "the other one" }
        return "the slug, title or file name"
    }

    /// A file written at a folder that `path` needs. Only folders whose name has a dot
    /// are looked up (`index.html`, `feed.xml`): generated folders have none, so the
    /// check costs a scan of the bytes.
    static func fileInTheWay(of path: String, origin: String, owner: [String: String]) -> (key: String, diagnostic: Diagnostic)? {
        // The byte offsets of the slashes that end a folder name with a dot.
        let ends: [Int] = path.utf8.withContiguousStorageIfAvailable { buffer -> [Int] in
            var ends: [Int] = []
            var dotted = false
            for index in 0..<buffer.count {
                let byte = buffer[index]
                if byte == UInt8(ascii: ".") {
                    dotted = true
                } else if byte == UInt8(ascii: "/") {
                    if dotted { ends.append(index) }
                    dotted = false
                }
            }
            return ends
        } ?? Array(path.utf8).enumerated().filter { $0.element == UInt8(ascii: "/") }.map(\.offset)
        for end in ends {
            let utf8 = path.utf8
            guard let folder = String(utf8[utf8.startIndex..<utf8.index(utf8.startIndex, offsetBy: end)]), let other = owner[folder] else { continue }
            let location = location(of: origin) ?? location(of: other)
            let culprit = location == self.location(of: origin) ? origin : other
            return ("folder " + folder, .error(
                "\(what(origin)) is published under '\(folder)/', but '\(folder)' is the file of \(what(other)): rename \(cause(culprit))",
                at: location))
        }
        return nil
    }
}
