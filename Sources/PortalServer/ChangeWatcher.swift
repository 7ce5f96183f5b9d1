import Foundation

/// Reports changed site-relative paths into `changes`, once per burst of
/// changes (after a quiet period).
protocol ChangeWatcher: AnyObject, Sendable {
    var changes: ChangeBuffer { get }
    /// Stops the watching thread and finishes `changes`.
    func stop()
}

enum ChangeWatchers {
    /// inotify where the kernel offers it, else polling modification times.
    static func make(options: ServeOptions) -> any ChangeWatcher {
        #if os(Linux)
        if !options.forcePolling, let watcher = InotifyWatcher(root: options.siteRoot, quietPeriod: options.quietPeriod) {
            return watcher
        }
        if !options.forcePolling { Console.info("inotify unavailable: watching by polling modification times") }
        #endif
        return PollingWatcher(root: options.siteRoot, interval: options.pollInterval, quietPeriod: options.quietPeriod)
    }
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
