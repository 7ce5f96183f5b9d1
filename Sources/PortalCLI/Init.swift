import ArgumentParser
import Foundation
import PortalPipeline

/// `portal init`: a new site folder, ready to build and to publish with GitHub Pages.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site: site.toml, a first post and an about page per language, a GitHub Pages workflow.")

    @Argument(help: "The folder to create the site in (default: the current folder).")
    var folder: String = "."

    @Option(name: .long, help: "Language codes, the default language first.")
    var languages: String = "zh-Hans,en"

    @Option(name: .long, help: "Where the workflow downloads portal releases from (<URL>/v<version>/<archive>).")
    var releases: String = BuildInfo.releases

    func run() throws {
        let root = SiteFolder.absolute(folder)
        do {
            let codes = try NewSite.languages(languages)
            let request = NewSite.Request(languages: codes, version: BuildInfo.version, download: releases, now: Date())
            let outcome = try NewSite.create(request, in: root)
            for path in outcome.written { print("created \(path)") }
            for path in outcome.kept { print("kept    \(path) (it was there already)") }
            if releases.contains("/OWNER/") {
                Terminal.error("note: set PORTAL_DOWNLOAD in .github/workflows/pages.yml to the releases of the portal repository you use (or pass --releases)")
            }
            let into = folder == "." ? "" : " --source \(folder)"
            print("next: portal serve\(into)   (preview)   portal build\(into)   (into public/)")
        } catch {
            Terminal.error(error.description)
            if case .usage = error { throw ExitCode(2) }
            throw ExitCode(1)
        }
    }
}
