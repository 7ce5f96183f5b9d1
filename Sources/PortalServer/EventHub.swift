import Foundation

/// Fans reload events out to every open `/__portal/events` stream, and
/// remembers the current build error so a page opened later still shows it.
final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
    private var nextID = 0
    private var currentError: [String]?

    /// A stream of events from now on; it starts with the current error, if any.
    func subscribe() -> AsyncStream<ReloadEvent> {
        let (stream, continuation) = AsyncStream<ReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id: Int = lock.withLock {
            nextID += 1
            subscribers[nextID] = continuation
            if let currentError { continuation.yield(.error(currentError)) }
            return nextID
        }
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    func publish(_ event: ReloadEvent) {
        let targets: [AsyncStream<ReloadEvent>.Continuation] = lock.withLock {
            switch event {
            case let .error(lines): currentError = lines
            default: currentError = nil
            }
            return Array(subscribers.values)
        }
        for continuation in targets { continuation.yield(event) }
    }

    var error: [String]? { lock.withLock { currentError } }

    var subscriberCount: Int { lock.withLock { subscribers.count } }

    /// Ends every stream (shutdown).
    func finishAll() {
        let targets = lock.withLock { Array(subscribers.values) }
        for continuation in targets { continuation.finish() }
    }
}
