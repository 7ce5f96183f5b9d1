import Foundation
import Testing
@testable import PortalServer

@Suite(.serialized) struct WatcherTests {
    /// The next batch, or nil after `timeout` seconds.
    /// Looks once more after every sleep, so that a test task the loaded pool wakes late
    /// still sees what arrived meanwhile.
    func nextBatch(_ watcher: any ChangeWatcher, timeout: Double) async -> [String]? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let batch = watcher.changes.take()
            if !batch.isEmpty { return batch }
            if Date() >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Whether a batch naming `path` arrives within `timeout` seconds, whatever batches come before it.
    func sees(_ path: String, _ watcher: any ChangeWatcher, within timeout: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while let batch = await nextBatch(watcher, timeout: max(0, deadline.timeIntervalSinceNow)) {
            if batch.contains(path) { return true }
        }
        return false
    }

    func check(_ watcher: any ChangeWatcher, _ site: TestSite) async {
        try? await Task.sleep(for: .milliseconds(150))
        site.write("content/posts/hello.en.md", TestSite.post(title: "Hello", body: "changed"))
        site.write("content/posts/hello.zh-hans.md", TestSite.post(title: "你好", body: "改了"))
        // Both writes are reported (in one batch on an idle machine; a loaded one may
        // wake the test late or split the burst, so every batch until both are seen counts).
        var posts = Set<String>()
        let deadline = Date().addingTimeInterval(5)
        while posts.count < 2, let batch = await nextBatch(watcher, timeout: max(0, deadline.timeIntervalSinceNow)) {
            posts.formUnion(batch.filter { $0.hasPrefix("content/posts/hello.") })
        }
        #expect(posts == ["content/posts/hello.en.md", "content/posts/hello.zh-hans.md"], "\(posts)")

        site.write("content/new/deep/page.en.md", "x")
        var seen = Set(await nextBatch(watcher, timeout: 5) ?? [])
        if !seen.contains("content/new/deep/page.en.md") {
            // inotify may report the new folder first, then the file inside it.
            site.write("content/new/deep/page.en.md", "y")
            seen.formUnion(await nextBatch(watcher, timeout: 5) ?? [])
        }
        #expect(seen.contains("content/new/deep/page.en.md"))

        site.write("site.toml", TestSite.siteToml + "\n")
        // A late batch of the folder's events may come first (a loaded machine delays them).
        #expect(await sees("site.toml", watcher, within: 5))
        watcher.stop()
    }

    #if os(Linux)
    @Test func inotifyReportsEditsNewFoldersAndConfig() async throws {
        let site = TestSite()
        defer { site.remove() }
        let watcher = try #require(InotifyWatcher(root: site.root, quietPeriod: .milliseconds(50)))
        await check(watcher, site)
    }
    #endif

    @Test func pollingReportsEditsNewFoldersAndConfig() async {
        let site = TestSite()
        defer { site.remove() }
        let watcher = PollingWatcher(root: site.root, interval: .milliseconds(50), quietPeriod: .milliseconds(50))
        await check(watcher, site)
    }

    @Test func bufferMergesBurstsWaitingForARebuild() async {
        let buffer = ChangeBuffer()
        buffer.add(["content/a.md"])
        buffer.add(["content/b.md", "content/a.md"])
        var iterator = buffer.signals.makeAsyncIterator()
        #expect(await iterator.next() != nil)
        #expect(buffer.take() == ["content/a.md", "content/b.md"])
        #expect(buffer.take().isEmpty)
    }

    @Test func watchesTheFoldersSiteTomlMounts() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try """
            title = "T"
            defaultLanguage = "en"
            [languages.en]
            name = "English"
            [languages.zh]
            name = "中文"
            contentDir = "content-zh"
            [[mounts]]
            source = "i18n/zh/docs"
            target = "docs"
            lang = "zh"
            [data]
            authors = "blog/authors.yml"
            """.write(toFile: root + "/site.toml", atomically: true, encoding: .utf8)
        let folders = ServeOptions.watchedFolders(siteRoot: root)
        for folder in ["content", "Templates", "static", "data", "content-zh", "i18n", "blog"] {
            #expect(folders.contains(folder), "\(folder) in \(folders)")
        }
        #expect(ServeOptions.isWatched("i18n/zh/docs/a.md", folders: folders))
        #expect(!ServeOptions.isWatched("i18n/zh/docs/a.md"))
    }

    @Test func ignoresUnwatchedAndNoise() {
        #expect(ServeOptions.isWatched("content/a.md"))
        #expect(ServeOptions.isWatched("site.toml"))
        #expect(!ServeOptions.isWatched("public/index.html"))
        #expect(ServeOptions.isNoise(".a.md.swp"))
        #expect(ServeOptions.isNoise("a.md~"))
    }
}
