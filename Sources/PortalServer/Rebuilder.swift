import Foundation
import PortalText
import PortalPipeline

/// Runs builds for the preview, reusing parsed and rendered pages between them,
/// and turns each result into what to serve and what to tell open pages.
final class Rebuilder: @unchecked Sendable {
    let options: ServeOptions
    let cache = BuildCache()
    let store: SiteStore
    let hub: EventHub
    private let queue = DispatchQueue(label: "portal.rebuild")

    init(options: ServeOptions, store: SiteStore, hub: EventHub) {
        self.options = options
        self.store = store
        self.hub = hub
    }

    /// Builds once with `baseURL`; `changed` is nil for the first build.
    /// Returns whether the build succeeded.
    @discardableResult
    func rebuild(baseURL: String, changed: [String]?) async -> Bool {
        let started = DispatchTime.now().uptimeNanoseconds
        let buildOptions = BuildOptions(
            sourceRoot: options.siteRoot, baseURL: baseURL,
            includeDrafts: !options.noDrafts, includeFuture: !options.noDrafts,
            includeExpired: !options.noDrafts, strict: options.strict)
        let cache = self.cache
        // Builds are CPU-bound and block: keep them off the cooperative pool.
        let result: BuildResult = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: SiteBuilder(options: buildOptions).build(cache: cache, changed: changed)) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let what = changed.map { $0.count == 1 ? $0[0] : "\($0.count) changes" } ?? "first build"
        if result.failed {
            let lines = result.diagnostics.filter(\.isError).map(\.description)
            for line in lines { Console.error(line) }
            Console.error("rebuild failed (\(what)); still serving the last good site")
            hub.publish(.error(lines))
            return false
        }
        let hadError = hub.error != nil
        for line in DiagnosticReport.lines(result.diagnostics) { Console.error(line) }
        if let patched = result.statistics.patchedPages {
            // Same files as before; their pages now read the new Markdown.
            let done = patched == 0 ? "updated" : "re-rendered \(patched) page\(patched == 1 ? "" : "s")"
            Console.info("\(done) (\(what)) in " + String(format: "%.3f s", seconds))
        } else {
            store.replace(with: SiteSnapshot(files: result.files))
            Console.info("built \(result.files.count) files (\(what)) in " + String(format: "%.3f s", seconds))
        }
        if let changed, !hadError, !changed.isEmpty, changed.allSatisfy({ $0.lowercased().hasSuffix(".css") }) {
            hub.publish(.css)
        } else {
            hub.publish(.reload)
        }
        return true
    }
}
