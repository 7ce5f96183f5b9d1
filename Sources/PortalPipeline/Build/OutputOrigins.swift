import PortalText
import PortalSources
import PortalSite
import PortalRender

/// Where each output file comes from, and the problems of the output paths told at
/// that place: two sources for one path, a file where another source needs a folder,
/// a name longer than file systems allow, a page that makes too many files.
package enum OutputOrigins {
    /// The longest name of one file or folder most file systems take (ext4, APFS, NTFS: 255 bytes).
    package static let nameBytes = 255

    /// A file `page` makes because of its front-matter `key` (its line, when known).
    package static func origin(_ page: Page, key: String, note: String) -> OutputFile.Origin {
        .source(page.source.sitePath, line: page.metadata.lines[key], note: note)
    }

    /// The origin of the file a render job writes at `path`.
    package static func origin(of job: RenderJob, path: String, model: SiteModel) -> OutputFile.Origin {
        let content = model.content
        switch job {
        case let .page(id):
            return .source(content.pages[id].source.sitePath)
        case let .section(language, index, _):
            let section = content.sections[language][index]
            guard let first = section.indexPage ?? section.pages.first else { break }
            return .source(content.pages[first].source.sitePath, note: "the list of section '\(section.name)'")
        case let .tag(language, index, _):
            let term = model.archives.tags[language][index]
            guard let first = term.pages.first else { break }
            return origin(content.pages[first], key: "tags", note: "tag '\(term.name)'")
        case let .author(language, index, _):
            let author = model.archives.authors[language][index]
            guard let first = author.pages.first else { break }
            return origin(content.pages[first], key: "authors", note: "author '\(author.id)'")
        case let .term(language, taxonomy, index, _):
            let archive = model.archives.taxonomies[taxonomy]
            let term = archive.terms[language][index]
            guard let first = term.pages.first else { break }
            return origin(content.pages[first], key: archive.taxonomy.plural, note: "\(archive.taxonomy.singular) '\(term.name)'")
        case .tags: return .generated("the list of tags")
        case let .taxonomy(_, taxonomy): return .generated("the list of \(model.archives.taxonomies[taxonomy].taxonomy.plural)")
        case .authors: return .generated("the list of authors")
        case .archives, .year, .month: return .generated("the date archives")
        case .search: return .generated("the search page")
        case .home: return .generated("the home page")
        case .notFound, .languageNotFound: return .generated("the 404 page")
        case .root: return .generated("the root page")
        }
        return .generated("generated " + path)
    }

    /// Tags and authors beyond the limits of `[limits]`, at the page's key.
    package static func limitProblems(content: SiteContent, limits: SiteLimits) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in content.pages where page.fallbackOf == nil {
            let checks = [("tags", page.metadata.tags.count, limits.tagsPerPage, "tagsPerPage"),
                          ("authors", page.metadata.authors.count, limits.authorsPerPage, "authorsPerPage")]
            for (key, count, limit, setting) in checks where count > limit {
                diagnostics.append(.error(
                    "\(count) \(key) on one page, more than the limit of \(limit): name fewer, or raise it with `[limits] \(setting) = \(count)` in site.toml",
                    at: origin(page, key: key, note: key).location))
            }
        }
        return diagnostics
    }

    /// Every problem of the output paths, each at the source that caused it.
    package static func problems(in files: [OutputFile], limits: SiteLimits) -> [Diagnostic] {
        var owner: [String: OutputFile.Origin] = [:]
        owner.reserveCapacity(files.count)
        var diagnostics: [Diagnostic] = []
        var filesBySource: [String: Int] = [:]
        for file in files {
            let origin = file.origin
            if let first = owner[file.path] {
                // At the source of the two that has a place, the later one first.
                diagnostics.append(.error("'\(file.path)' would be written by both \(first) and \(origin)",
                                          at: origin.location ?? first.location))
            } else {
                owner[file.path] = origin
            }
            // A page's own file is one; what else it makes carries a note.
            if let source = origin.source, origin.note != nil { filesBySource[source, default: 1] += 1 }
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
        for file in files {
            if file.path.utf8.count > nameBytes { keep(longName(in: file.path, origin: file.origin)) }
            keep(fileInTheWay(of: file.path, origin: file.origin, owner: owner))
        }
        diagnostics += places.compactMap { byPlace[$0] }
        for (source, count) in filesBySource.sorted(by: { $0.key < $1.key }) where count > limits.filesPerPage {
            diagnostics.append(.error(
                "this page makes \(count) output files (its page, its aliases, and the pages and feeds of the tags and authors it is the first to name), more than the limit of \(limits.filesPerPage): raise it with `[limits] filesPerPage = \(count)` in site.toml if that is meant",
                at: SourceLocation(path: source)))
        }
        return diagnostics
    }

    /// A name of `path` longer than file systems allow.
    private static func longName(in path: String, origin: OutputFile.Origin) -> (key: String, diagnostic: Diagnostic)? {
        for name in path.split(separator: "/") where name.utf8.count > nameBytes {
            let shown = String(name.prefix(40))
            return ("name " + path[..<name.endIndex], .error(
                "the name '\(shown)…' in '\(path)' (written for \(origin.what)) is \(name.utf8.count) bytes long, more than the \(nameBytes) bytes a file system allows for one name: shorten \(cause(origin))",
                at: origin.location))
        }
        return nil
    }

    /// What to rename to change the path an origin writes.
    private static func cause(_ origin: OutputFile.Origin) -> String {
        guard origin.source != nil else { return "the other one" }
        let note = origin.note ?? ""
        if note.hasPrefix("tag '") { return "the tag" }
        if note.hasPrefix("author '") { return "the author id" }
        if note.hasPrefix("alias '") { return "the alias" }
        if note.hasPrefix("the list of section '") { return "the section's folder" }
        return "the slug, title or file name"
    }

    /// A file written at a folder that `path` needs. Only folders whose name has a dot
    /// are looked up (`index.html`, `feed.xml`): generated folders have none, so the
    /// check costs a scan of the bytes.
    private static func fileInTheWay(of path: String, origin: OutputFile.Origin,
                                     owner: [String: OutputFile.Origin]) -> (key: String, diagnostic: Diagnostic)? {
        // The byte offsets of the slashes that end a folder name with a dot.
        var ends: [Int] = []
        var dotted = false
        for (index, byte) in path.utf8.enumerated() {
            if byte == UInt8(ascii: ".") {
                dotted = true
            } else if byte == UInt8(ascii: "/") {
                if dotted { ends.append(index) }
                dotted = false
            }
        }
        for end in ends {
            let folder = String(decoding: path.utf8.prefix(end), as: UTF8.self)
            guard let other = owner[folder] else { continue }
            let location = origin.location ?? other.location
            let culprit = location == origin.location ? origin : other
            return ("folder " + folder, .error(
                "\(origin.what) is published under '\(folder)/', but '\(folder)' is the file of \(other.what): rename \(cause(culprit))",
                at: location))
        }
        return nil
    }
}
