import Foundation
import PortalText

/// Changed paths waiting for the next rebuild. Watchers add to it; the
/// rebuild loop takes everything at once, so edits made during a long build
/// lead to one more build, not one per edit.
final class ChangeBuffer: @unchecked Sendable {
    private let pending = Locked(Set<String>())
    /// Wakes the rebuild loop; at most one wake-up is kept.
    let signals: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (signals, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    func add(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        pending.withLock { $0.formUnion(paths) }
        continuation.yield()
    }

    /// Everything changed since the last call, sorted.
    func take() -> [String] {
        pending.withLock { pending in
            defer { pending.removeAll() }
            return pending.sorted()
        }
    }

    func finish() {
        continuation.finish()
    }
}
