import Foundation
import PortalSources

/// A page `portal new` creates: where it goes under `content/` and its text.
public struct NewPage: Sendable, Hashable {
    /// Path relative to `content/`, e.g. `posts/launch.en.md`.
    public var contentPath: String
    /// Front matter (title, date, draft) and an empty body.
    public var text: String

    /// What `portal new SECTION/NAME.md [--lang L] [--title T]` asks for.
    public struct Request: Sendable, Hashable {
        /// `posts/launch.md`; a leading `content/` is allowed and dropped.
        public var path: String
        public var language: String?
        public var title: String?
        /// Hugo's default archetype starts pages as drafts, and so does portal.
        public var draft: Bool
        /// The meeting series a page in the meetings section records (`--series`); the first one by default.
        public var series: String?

        public init(path: String, language: String? = nil, title: String? = nil, draft: Bool = true, series: String? = nil) {
            self.path = path
            self.language = language
            self.title = title
            self.draft = draft
            self.series = series
        }
    }

    /// Plans the page: validates the path and language, places it by the site's
    /// language layout and writes the front matter in the site's format, dated
    /// `now` in the site's time zone. Touches no file.
    /// A page in the meetings section of a site with meeting series (`data/meetings.*`) is
    /// the next meeting of a series: dated by it, with its `meeting` fields and an agenda.
    public static func plan(_ request: Request, config: SiteConfig, layout: LanguageLayout, now: Date,
                            meetings: MeetingData = MeetingData()) throws(NewPageError) -> NewPage {
        var parts = try components(of: request.path)
        let matcher = LanguageMatcher(config: config)
        let written = matcher.resolve(contentPath: parts.joined(separator: "/"))
        let namesLanguage = written.language != config.defaultLanguage || written.translationPath != stem(of: parts)
        var language = namesLanguage ? written.language : nil
        if let requested = request.language {
            guard let match = config.language(matching: requested) else {
                let codes = config.languages.map(\.code).joined(separator: ", ")
                throw .usage("unknown language '\(requested)': the site has \(codes)")
            }
            if let language, language != match.code {
                throw .usage("'\(request.path)' is already a page in '\(language)', not '\(match.code)'")
            }
            if language == nil {
                parts = place(parts, language: match, layout: layout)
                language = match.code
            }
        } else if language == nil, case let .folders(folders) = layout, let folder = folders[config.defaultLanguage] {
            // Every page of a folder-per-language site lives in a language folder.
            parts.insert(folder, at: 0)
        }
        let contentPath = parts.joined(separator: "/")
        let translationPath = matcher.resolve(contentPath: contentPath).translationPath
        let pageLanguage = language ?? config.defaultLanguage
        if let next = try nextMeeting(request, translationPath: translationPath, meetings: meetings, now: now) {
            let title = request.title.flatMap { $0.isEmpty ? nil : $0 }
                ?? next.series.title(in: pageLanguage) + " " + next.occurrence.start.dayText
            let text = meetingFrontMatter(title: title, series: next.series, occurrence: next.occurrence, draft: request.draft,
                                          format: config.content.frontMatter) + agenda(language: pageLanguage)
            return NewPage(contentPath: contentPath, text: text)
        }
        let title = request.title.flatMap { $0.isEmpty ? nil : $0 }
            ?? derivedTitle(translationPath: translationPath)
        // A name that starts with a date (`2026-12-05-weekly.md`, or such a folder) dates the page.
        let dated = FileNameDate.date(inContentPath: contentPath, timeZone: config.timeZone)
        let text = frontMatter(title: title, day: day(dated ?? now, in: config.timeZone), draft: request.draft, format: config.content.frontMatter)
        return NewPage(contentPath: contentPath, text: text)
    }

    /// Path components below `content/`, with `.md` added when no Markdown extension is given.
    package static func components(of path: String) throws(NewPageError) -> [String] {
        var text = path.replacingOccurrences(of: "\\", with: "/")
        if text.hasPrefix("content/") { text.removeFirst("content/".count) }
        guard !text.hasPrefix("/"), !text.isEmpty else {
            throw .usage("'\(path)' must be a path inside content/, such as posts/launch.md")
        }
        var parts: [String] = []
        for part in text.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            switch part {
            case ".": continue
            case "..": throw .usage("'\(path)' leads outside content/")
            default:
                guard !part.hasPrefix("."), !part.contains("\0") else {
                    throw .usage("'\(path)': '\(part)' is a hidden or invalid name")
                }
                parts.append(part)
            }
        }
        guard var name = parts.popLast() else { throw .usage("'\(path)' names no file") }
        let lowered = name.lowercased()
        if !(lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown")) { name += ".md" }
        return parts + [name]
    }

    /// The file name without extension and folders, as the language matcher sees it.
    package static func stem(of parts: [String]) -> String {
        var copy = parts
        let name = copy.popLast() ?? ""
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        return (copy + [stem]).joined(separator: "/")
    }

    /// `posts/a.md` in language `en`: `posts/a.en.md`, or `en/posts/a.md` in a folder layout.
    package static func place(_ parts: [String], language: LanguageConfig, layout: LanguageLayout) -> [String] {
        if case let .folders(folders) = layout {
            return [folders[language.code] ?? language.urlPrefix] + parts
        }
        var copy = parts
        let name = copy.popLast() ?? ""
        guard let dot = name.lastIndex(of: ".") else { return copy + [name + "." + language.urlPrefix] }
        return copy + [String(name[..<dot]) + "." + language.urlPrefix + String(name[dot...])]
    }
}
