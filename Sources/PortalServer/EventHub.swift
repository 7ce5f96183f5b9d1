import Foundation
import PortalText

/// Fans reload events out to every open `/__portal/events` stream, and
/// remembers the current build error so a page opened later still shows it.
final class EventHub: @unchecked Sendable {
    private struct State {
        var subscribers: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
        var nextID = 0
        var currentError: [String]?
    }

    private let state = Locked(State())

    /// A stream of events from now on; it starts with the current error, if any.
    func subscribe() -> AsyncStream<ReloadEvent> {
        let (stream, continuation) = AsyncStream<ReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id: Int = state.withLock { state in
            state.nextID += 1
            state.subscribers[state.nextID] = continuation
            if let currentError = state.currentError { continuation.yield(.error(currentError)) }
            return state.nextID
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    func publish(_ event: ReloadEvent) {
        let targets: [AsyncStream<ReloadEvent>.Continuation] = state.withLock { state in
            switch event {
            case let .error(lines): state.currentError = lines
            default: state.currentError = nil
            }
            return Array(state.subscribers.values)
        }
        for continuation in targets { continuation.yield(event) }
    }

    var error: [String]? { state.withLock { $0.currentError } }

    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Ends every stream (shutdown).
    func finishAll() {
        let targets = state.withLock { Array($0.subscribers.values) }
        for continuation in targets { continuation.finish() }
    }
}
