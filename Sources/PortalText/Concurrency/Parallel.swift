import Dispatch
import Foundation

/// Maps `items` across all cores, keeping their order.
///
/// Work is cut into about sixteen chunks per core so that uneven items still
/// balance (the last chunks to finish leave the other cores idle for less);
/// each chunk initialises only its own slots of the result array.
///
/// With `oneByOne`, each item is its own unit of work, handed to whichever thread is free:
/// for a few items of very different sizes.
package func parallelMap<T: Sendable, R: Sendable>(_ items: [T], oneByOne: Bool = false, _ transform: @Sendable (T) -> R) -> [R] {
    let count = items.count
    if count <= 1 { return items.map(transform) }
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunkCount = oneByOne ? count : min(count, cores * 16)
    let chunkSize = (count + chunkCount - 1) / chunkCount
    return Array(unsafeUninitializedCapacity: count) { output, initializedCount in
        guard let base = output.baseAddress else { return }
        let slots = ResultSlots(base: base)
        items.withUnsafeBufferPointer { input in
            let source = InputItems(base: input)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let start = chunk * chunkSize
                let end = min(start + chunkSize, count)
                guard start < end else { return }
                for index in start..<end {
                    // Disjoint ranges: each slot is initialised once, by one chunk.
                    (slots.base + index).initialize(to: transform(source.base[index]))
                }
            }
        }
        initializedCount = count
    }
}

/// Result memory whose disjoint slots are written by different threads.
private struct ResultSlots<R>: @unchecked Sendable {
    package let base: UnsafeMutablePointer<R>
}

/// Read-only view of the input shared by all chunks.
private struct InputItems<T>: @unchecked Sendable {
    package let base: UnsafeBufferPointer<T>
}

/// Work started on another thread, whose result is collected later with `wait()`: for a
/// serial stage that can run beside a parallel one.
package final class BackgroundWork<T: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    // Written once by the worker before it signals; read only after the signal.
    private var result: T?

    package init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            self.result = work()
            self.finished.signal()
        }
    }

    /// The result, once the work has finished; call once.
    package func wait() -> T {
        finished.wait()
        guard let result else { preconditionFailure("background work ended without a result") }
        return result
    }
}
