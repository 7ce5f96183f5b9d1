import Foundation

/// A value shared between threads: every read and write holds its lock. The one
/// lock type of portal; nothing else wraps NSLock.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    public init(_ value: Value) {
        stored = value
    }

    /// Runs `body` with the value, holding the lock; `body` may change it.
    @discardableResult
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&stored)
    }

    /// A copy of the value.
    public var value: Value {
        withLock { $0 }
    }

    /// Replaces the value.
    public func set(_ value: Value) {
        withLock { $0 = value }
    }
}
