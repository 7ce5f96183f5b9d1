import Foundation
import Hummingbird
import Logging
import PortalPipeline
import ServiceLifecycle

/// `portal serve`: the whole site built in memory and served with live
/// reload, rebuilt when its sources change. Never writes a file.
public struct PreviewServer: Sendable {
    public let options: ServeOptions

    public init(options: ServeOptions) {
        self.options = options
    }

    /// Runs until SIGINT or SIGTERM (or until the calling task is cancelled).
    /// `onReady` gets the site's URL once the first build is served.
    public func run(onReady: @escaping @Sendable (URL) async -> Void = { _ in }) async throws {
        let store = SiteStore()
        let hub = EventHub()
        let rebuilder = Rebuilder(options: options, store: store, hub: hub)
        // Start watching before the first build so no edit made during it is lost.
        let watcher = ChangeWatchers.make(options: options)
        let (boundPort, portContinuation) = AsyncStream<Int>.makeStream()
        let responder = SiteResponder(store: store, hub: hub, guardian: SourceGuard(siteRoot: options.siteRoot),
                                      policy: RequestPolicy(bindHost: options.host), siteRoot: options.siteRoot)
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "portal"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: Self.logger(environment: ProcessInfo.processInfo.environment)
        )
        let site = LiveSiteService(options: options, rebuilder: rebuilder, watcher: watcher, hub: hub, boundPort: boundPort, onReady: onReady)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: app), .init(service: site)],
            gracefulShutdownSignals: [.sigint, .sigterm],
            logger: app.logger))
        do {
            try await group.run()
        } catch {
            watcher.stop()
            throw error
        }
        watcher.stop()
    }

    /// The server's logger: warnings and errors only, since portal prints its own
    /// "serving http://…" line (the server library would also log, at info level, that
    /// it listens). `LOG_LEVEL` (trace, debug, info, notice, warning, error, critical)
    /// still shows more, or less.
    package static func logger(environment: [String: String]) -> Logger {
        var logger = Logger(label: "portal")
        logger.logLevel = environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .warning
        return logger
    }
}
