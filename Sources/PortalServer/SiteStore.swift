import Foundation

/// The snapshot being served, swapped atomically after each good rebuild.
final class SiteStore: @unchecked Sendable {
    private let lock = NSLock()
    private var current: SiteSnapshot?

    /// Nil until the first build succeeded.
    var snapshot: SiteSnapshot? { lock.withLock { current } }

    func replace(with snapshot: SiteSnapshot) {
        lock.withLock { current = snapshot }
    }
}
