import ArgumentParser
import Foundation
import PortalPipeline

/// `portal new`: creates a Markdown page with front matter under content/.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a page under content/ with front matter (title, today's date, draft).")

    @Argument(help: "The page to create, relative to content/: SECTION/NAME.md.")
    var path: String

    @Option(name: .long, help: "Language of the page: adds the suffix (NAME.en.md) or uses the site's language folder.")
    var lang: String?

    @Option(name: .long, help: "Title (default: made from NAME).")
    var title: String?

    @Option(name: .long, help: "For a page in the meetings section: the meeting series (data/meetings.toml) whose next meeting it records (default: the first).")
    var series: String?

    @Option(name: .long, help: "The site folder (holds site.toml and content/).")
    var source: String = "."

    @Flag(inversion: .prefixedNo, help: "Start the page as a draft, as Hugo does (--no-draft publishes it at once).")
    var draft = true

    func run() throws {
        let root = try SiteFolder.checked(source)
        let request = NewPage.Request(path: path, language: lang, title: title, draft: draft, series: series)
        do {
            let created = try NewPage.create(request, siteRoot: root, now: Date())
            print(created)
        } catch {
            Terminal.error(error.description)
            if case .usage = error { throw ExitCode(2) }
            throw ExitCode(1)
        }
    }
}
