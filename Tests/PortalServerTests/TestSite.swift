import Foundation
@testable import PortalServer

/// A small bilingual site in a fresh temporary folder, and a running preview of it.
struct TestSite {
    let root: String

    static let siteToml = """
        title = "Test portal"
        baseURL = "https://example.org/"
        defaultLanguage = "zh-Hans"
        timeZone = "Asia/Shanghai"
        pageSize = 10

        [languages.zh-Hans]
        name = "简体中文"
        title = "测试门户"

        [languages.en]
        name = "English"
        title = "Test portal"
        """

    static func post(title: String, body: String) -> String {
        "+++\ntitle = \"\(title)\"\ndate = 2024-01-02\n+++\n\n\(body)\n"
    }

    init() {
        let base = FileManager.default.temporaryDirectory.path
        root = SourceGuard.realPath(base).map { $0 + "/portal-serve-" + UUID().uuidString } ?? base
        write("site.toml", Self.siteToml)
        write("content/posts/hello.zh-hans.md", Self.post(title: "你好", body: "第一版正文。"))
        write("content/posts/hello.en.md", Self.post(title: "Hello", body: "First version of the body."))
    }

    func write(_ path: String, _ text: String) {
        let full = root + "/" + path
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Write in place and close (IN_CLOSE_WRITE), as editors do.
        FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// A preview server running in a task, stopped by cancelling it.
final class RunningPreview: @unchecked Sendable {
    let task: Task<Void, Error>
    let port: Int

    private init(task: Task<Void, Error>, port: Int) {
        self.task = task
        self.port = port
    }

    struct NotReady: Error {}

    /// Starts the server on a free port and waits (bounded) for its first build.
    static func start(_ site: TestSite, polling: Bool = false, timeout: Double = 90) async throws -> RunningPreview {
        let box = PortBox()
        let options = ServeOptions(siteRoot: site.root, host: "127.0.0.1", port: 0, forcePolling: polling, pollInterval: .milliseconds(100))
        let task = Task {
            try await PreviewServer(options: options).run { url in box.set(url.port ?? 0) }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let port = box.port { return RunningPreview(task: task, port: port) }
            if Date() >= deadline { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        task.cancel()
        throw NotReady()
    }

    /// Cancels the server and waits at most `timeout` seconds for it to end.
    func stop(timeout: Double = 10) async -> Bool {
        task.cancel()
        let finished = Finished()
        let waiter = Task { _ = try? await task.value; finished.set() }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if finished.value { return true }
            if Date() >= deadline { break }
            try? await Task.sleep(for: .milliseconds(20))
        }
        waiter.cancel()
        return false
    }
}

private final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Int?
    var port: Int? { lock.withLock { stored } }
    func set(_ port: Int) { lock.withLock { stored = port } }
}

private final class Finished: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    var value: Bool { lock.withLock { done } }
    func set() { lock.withLock { done = true } }
}
