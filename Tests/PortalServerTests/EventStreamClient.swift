import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Listens to `/__portal/events` on a background thread and keeps what
/// arrived, so tests can wait (with a deadline) for an event.
final class EventStreamClient: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var received = ""
    private var closed = false

    init(port: Int) throws {
        fd = try LoopbackClient.connect(port: port, timeout: 0.5)
        try LoopbackClient.send(fd, "GET /__portal/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        let thread = Thread { [self] in self.readLoop() }
        thread.start()
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 16384)
        while !lock.withLock({ closed }) {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            if n < 0 { if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue } else { break } }
            let text = String(decoding: buffer[0..<n], as: UTF8.self)
            lock.withLock { received += text }
        }
    }

    var text: String { lock.withLock { received } }

    /// Forgets what arrived so far.
    func reset() { lock.withLock { received = "" } }

    /// Waits until `event: name` arrived; returns the text received, or nil after `timeout`.
    func wait(for name: String, timeout: Double) async -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let current = text
            if current.contains("event: \(name)\n") { return current }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    func close() {
        lock.withLock { closed = true }
        shutdown(fd, Int32(SHUT_RDWR))
        Glibc.close(fd)
    }
}
