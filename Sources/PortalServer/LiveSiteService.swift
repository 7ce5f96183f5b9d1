import Foundation
import ServiceLifecycle

/// The service that builds the site once the server is listening, then
/// rebuilds after every burst of source changes until shutdown.
struct LiveSiteService: Service {
    let options: ServeOptions
    let rebuilder: Rebuilder
    let watcher: any ChangeWatcher
    let hub: EventHub
    let boundPort: AsyncStream<Int>
    let onReady: @Sendable (URL) async -> Void

    func run() async throws {
        defer {
            watcher.stop()
            hub.finishAll()
        }
        var port: Int?
        for await value in boundPort.cancelOnGracefulShutdown() {
            port = value
            break
        }
        guard let port else { return }
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        let base = "http://\(host):\(port)/"
        await rebuilder.rebuild(baseURL: base, changed: nil)
        Console.info("serving \(base) (drafts \(options.noDrafts ? "hidden" : "shown")); press Ctrl-C to stop")
        if let url = URL(string: base) { await onReady(url) }
        for await _ in watcher.changes.signals.cancelOnGracefulShutdown() {
            let batch = watcher.changes.take()
            if batch.isEmpty { continue }
            await rebuilder.rebuild(baseURL: base, changed: batch)
        }
    }
}
