import Foundation
import PortalText
import PortalSources

extension NewPage {
    /// Loads the site's configuration, plans the page and writes it, creating
    /// missing folders. Never overwrites: an existing file is an error.
    /// Returns the path written, relative to the site root (`content/posts/a.md`).
    public static func create(_ request: Request, siteRoot: String, now: Date) throws(NewPageError) -> String {
        let loaded = SiteConfigLoader.load(siteRoot: siteRoot)
        guard let config = loaded.config else {
            throw .site(loaded.diagnostics.first { $0.isError } ?? .error("cannot read site.toml", at: SourceLocation(path: "site.toml")))
        }
        let meetings = DataLoader.loadMeetings(siteRoot: siteRoot, timeZone: config.timeZone)
        if let problem = meetings.diagnostics.first(where: \.isError) { throw .site(problem) }
        let page = try plan(request, config: config, layout: LanguageLayout.detect(siteRoot: siteRoot, config: config), now: now,
                            meetings: meetings.meetings)
        try page.write(siteRoot: siteRoot)
        return "content/" + page.contentPath
    }

    /// Writes `text` to `content/<contentPath>`; refuses to replace any file.
    public func write(siteRoot: String) throws(NewPageError) {
        let sitePath = "content/" + contentPath
        let path = siteRoot + "/" + sitePath
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            throw .site(.error("the file already exists; portal new never overwrites a file", at: SourceLocation(path: sitePath)))
        }
        do {
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // withoutOverwriting: a file created meanwhile is not replaced either.
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw .site(.error("cannot write \(sitePath): \(error.localizedDescription)", at: SourceLocation(path: sitePath)))
        }
    }
}
