import ArgumentParser
import Foundation
import PortalPipeline

/// `portal import`: writes a site.toml that builds a Hugo or Docusaurus site where it stands.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a site.toml for an existing Hugo or Docusaurus site, leaving its content files as they are.",
        discussion: """
            What the other generator's configuration says that portal cannot do is listed \
            as # comments at the top of the file. Then run `portal build` in the site folder.
            """)

    @Argument(help: "The Hugo or Docusaurus site folder.")
    var source: String = "."

    @Option(name: .long, help: "Where to write site.toml: a file, or a folder to write it in (default: SRC/site.toml).")
    var output: String?

    @Flag(name: .long, help: "Replace an existing site.toml.")
    var force = false

    func run() throws {
        let root = SiteFolder.absolute(source)
        let result: SiteImporter.Result
        do {
            result = try SiteImporter.run(
                siteRoot: root, output: output, force: force,
                currentFolder: FileManager.default.currentDirectoryPath)
        } catch {
            Terminal.error(error.description)
            if case .usage = error { throw ExitCode(2) }
            throw ExitCode(1)
        }
        for diagnostic in result.diagnostics {
            Terminal.error(diagnostic.description)
        }
        let site = result.site
        let notes = site.notes.isEmpty
            ? ""
            : "; \(site.notes.count) note\(site.notes.count == 1 ? " says" : "s say") at its top what was not carried over"
        print("wrote \(result.output) for the \(site.generator.rawValue) site in \(root)\(notes)")
        if (result.output as NSString).deletingLastPathComponent != root {
            print("its paths are relative to \(root): move it there before running portal build")
        }
    }
}
