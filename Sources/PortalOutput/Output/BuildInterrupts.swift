#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// SIGINT and SIGTERM during `portal build`: the unfinished output beside the output
/// folder is removed, the previous output stays, and the process exits with 130 or 143.
///
/// The signal handler only writes the signal's number to a pipe; a thread of its own
/// reads it and does the work. While the new output takes the place of the old one
/// (`whileSwapping`), the cleanup waits, so it never finds the output half swapped.
public enum BuildInterrupts {
    private final class State: @unchecked Sendable {
        package let lock = NSRecursiveLock()
        /// Folders removed on an interrupt (staging folders, a previous output moved aside).
        package var pending: [String] = []
        package var installed = false
        package var interrupted = false
        /// Whether the new output took the place of the old one (then only the old one is left to remove).
        package var replaced = false
    }

    private static let state = State()
    nonisolated(unsafe) private static var pipeWrite: Int32 = -1

    /// Installs the handlers (once). `report` is called, before the process exits, with the
    /// signal, the folders that were removed, and whether the new output was in place.
    public static func install(report: @escaping @Sendable (_ signal: Int32, _ removed: [String], _ replaced: Bool) -> Void) {
        state.lock.lock()
        defer { state.lock.unlock() }
        guard !state.installed else { return }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        pipeWrite = ends[1]
        let readEnd = ends[0]
        state.installed = true
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count == 1 { break }
                if count < 0 && errno == EINTR { continue }
                return
            }
            let received = Int32(byte)
            let removed = cleanUp()
            report(received, removed, state.replaced)
            _exit(128 + received)
        }
        thread.start()
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM] {
            _ = signal(number) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(BuildInterrupts.pipeWrite, &byte, 1)
            }
            sigaddset(&signals, number)
        }
        // A parent may start portal with these blocked (a thread's mask is inherited); the
        // threads made from here on inherit this one's.
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Removes the pending folders and keeps the lock for good: the process is ending.
    private static func cleanUp() -> [String] {
        state.lock.lock()
        state.interrupted = true
        var removed: [String] = []
        for path in state.pending where FileOperations.kind(of: path).exists {
            // Out of the way first, so that no thread still writing can add to it.
            let aside = OutputWriter.uniqueSibling(of: path, tag: "old")
            let victim = FileOperations.renameItem(path, to: aside) == nil ? aside : path
            OutputFolder.removeOutputTree(victim)
            removed.append(path)
        }
        return removed
    }

    /// Whether an interrupt is being handled; the process ends soon.
    public static var interrupted: Bool {
        state.lock.lock()
        defer { state.lock.unlock() }
        return state.interrupted
    }

    /// Blocks for good when an interrupt is being handled (its thread ends the process),
    /// so that a failure it caused is not reported as one of the build.
    public static func waitIfInterrupted() {
        state.lock.lock()
        let interrupted = state.interrupted
        state.lock.unlock()
        if interrupted {
            while true { pause() }
        }
    }

    package static func register(_ path: String) {
        state.lock.lock()
        state.pending.append(path)
        state.lock.unlock()
    }

    package static func unregister(_ path: String) {
        state.lock.lock()
        state.pending.removeAll { $0 == path }
        state.lock.unlock()
    }

    /// Notes that the new output is in place.
    package static func outputReplaced() {
        state.lock.lock()
        state.replaced = true
        state.lock.unlock()
    }

    /// Runs `body` with the cleanup held off.
    package static func whileSwapping<T>(_ body: () throws -> T) rethrows -> T {
        state.lock.lock()
        defer { state.lock.unlock() }
        return try body()
    }
}
