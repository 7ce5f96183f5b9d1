import ArgumentParser
import Foundation
import PortalText
import PortalMarkdown
import PortalOutput
import PortalPipeline
import PortalSources

/// `portal build`: builds the site into the output folder, atomically.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into a folder of static files.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Output folder (default: public/ inside the site).")
    var output: String?

    @Option(name: .long, help: "Base URL, replacing baseURL of site.toml (also PORTAL_BASE_URL).")
    var baseURL: String?

    @Option(name: .long, help: "The build's \"now\" (2026-01-01T00:00:00Z): what is upcoming, future or expired is measured against it (also SOURCE_DATE_EPOCH, in seconds).")
    var now: String?

    @Flag(name: .long, help: "Print the time of each stage.")
    var timings = false

    @Flag(name: .long, help: "List every warning (by default the first \(DiagnosticReport.defaultWarningLimit) are listed).")
    var allWarnings = false

    func run() throws {
        let started = Date()
        let outputDir = output.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? site.sourceRoot + "/public"
        if let problem = OutputFolder.problem(output: outputDir, siteRoot: site.sourceRoot) {
            Terminal.error("error: --output \(problem)")
            throw ExitCode(2)
        }
        BuildInterrupts.install { signal, removed, replaced in
            let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
            if replaced {
                Terminal.error("build interrupted (\(name)) after the new output was in place at \(outputDir)" + (removed.isEmpty ? "" : "; removed the previous one"))
            } else {
                let what = removed.isEmpty ? "" : "; removed the unfinished output"
                Terminal.error("build interrupted (\(name))\(what); \(outputDir) was left as it was")
            }
        }
        OutputFolder.removeLeftovers(of: outputDir)
        let environmentBase = ProcessInfo.processInfo.environment["PORTAL_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let given = baseURL ?? environmentBase, let problem = SiteConfig.baseURLProblem(given) {
            Terminal.error("error: \(baseURL != nil ? "--base-url" : "PORTAL_BASE_URL") \(problem)")
            throw ExitCode(2)
        }
        let options = BuildOptions(
            sourceRoot: site.sourceRoot, baseURL: baseURL ?? environmentBase,
            includeDrafts: site.drafts, includeFuture: site.future,
            includeExpired: site.expired, now: try buildTime(), strict: site.strict)
        let result = SiteBuilder(options: options).build()
        let report = DiagnosticReport.lines(result.diagnostics, warningLimit: allWarnings ? nil : DiagnosticReport.defaultWarningLimit)
        if !report.isEmpty { Terminal.error(report.joined(separator: "\n")) }
        let errors = result.diagnostics.filter(\.isError).count
        if result.failed {
            let kept = FileManager.default.fileExists(atPath: outputDir) ? "; the previous output was left untouched" : "; nothing was written"
            Terminal.error("build failed: \(errors) error\(errors == 1 ? "" : "s")\(kept)")
            throw ExitCode(1)
        }
        let writeStarted = Date()
        do {
            try OutputWriter.write(result.files, to: outputDir)
        } catch {
            BuildInterrupts.waitIfInterrupted()
            Terminal.error("error: cannot write \(outputDir): \(error)")
            throw ExitCode(1)
        }
        var written = result
        written.statistics.stageTimes.append(("write", Date().timeIntervalSince(writeStarted)))
        printSummary(written, outputDir: outputDir, seconds: Date().timeIntervalSince(started))
        // Done: the process ends here, with the site model still alive. Freeing its pages
        // and values one by one would take longer than the system takes to drop them all.
        withExtendedLifetime(written) { Foundation.exit(0) }
    }

    /// `--now`, else `SOURCE_DATE_EPOCH`, else the clock.
    private func buildTime() throws -> Date {
        if let now {
            guard let parsed = BuildTime.parse(now) else {
                Terminal.error("error: --now '\(now)' is not a date: give one such as 2026-01-01 or 2026-01-01T00:00:00Z")
                throw ExitCode(2)
            }
            return parsed
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch) else {
                Terminal.error("error: SOURCE_DATE_EPOCH '\(epoch)' is not a number of seconds")
                throw ExitCode(2)
            }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    private func printSummary(_ result: BuildResult, outputDir: String, seconds: Double) {
        let stats = result.statistics
        var lines: [String] = []
        for entry in stats.pagesPerLanguage {
            lines.append(pad("pages (\(entry.language))", entry.pages))
        }
        lines.append(pad("archive and list pages", stats.archivePages))
        lines.append(pad("aliases", stats.aliases))
        lines.append(pad("static files", stats.staticFiles))
        lines.append(pad("files written", result.files.count))
        let warnings = result.diagnostics.count
        if warnings > 0 { lines.append(pad("warnings", warnings)) }
        if timings {
            for stage in stats.stageTimes {
                lines.append("  " + stage.stage.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%8.3f s", stage.seconds))
            }
            lines.append(contentsOf: Self.capabilityLines)
        }
        lines.append("built \(outputDir) in " + String(format: "%.2f s", seconds))
        print(lines.joined(separator: "\n"))
    }

    /// How this binary parses and highlights (the release archive links cmark-gfm
    /// statically and leaves KSyntaxHighlighting out).
    static var capabilityLines: [String] {
        [
            "  markdown parsing: " + (MarkdownRenderer.parsesInParallel
                ? "side by side on every core"
                : "one parse at a time (cmark-gfm linked statically or another version)"),
            "  code highlighting: " + (CodeBlocks.highlightingAvailable
                ? "KSyntaxHighlighting"
                : "unavailable in this build: code blocks are printed plain (build from source or use the Docker image)"),
        ]
    }

    private func pad(_ label: String, _ value: Int) -> String {
        "  " + label.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%8d", value)
    }
}
