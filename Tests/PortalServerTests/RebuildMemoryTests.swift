import Foundation
import PortalPipeline
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `portal serve` rebuilds for hours: a full rebuild must not keep memory. (Rebuilds after
/// edits of the TOML files are measured in `TOMLEditMemoryTests`.)
///
/// The rebuilds run in a child process (this test binary, with only the probe below),
/// so that what other tests allocate at the same time does not count.
@Suite struct RebuildMemoryTests {
    static let probeVariable = "PORTAL_REBUILD_MEMORY_PROBE"

    #if os(Linux)
    @Test func threeHundredFullRebuildsKeepResidentMemoryFlat() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("portal-rss-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: try #require(SelfExecutable.path))
        child.arguments = ["--testing-library", "swift-testing", "--filter", "RebuildMemoryTests/probe"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.probeVariable] = output
        child.environment = environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let deadline = Date().addingTimeInterval(240)
        while child.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if child.isRunning { child.terminate() }
        child.waitUntilExit()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let numbers = text.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(numbers.count == 3, "probe wrote '\(text)'")
        let (before, after, builds) = (numbers[0], numbers[1], numbers[2])
        #expect(builds == 300)
        #expect(after - before <= 5 * 1024 * 1024, "RSS grew by \((after - before) / 1024) KB over \(builds) rebuilds (\(before / 1024) KB -> \(after / 1024) KB)")
    }
    #endif

    /// Runs only in the child: 20 rebuilds to warm up, then 300 measured ones.
    @Test func probe() throws {
        guard let output = ProcessInfo.processInfo.environment[Self.probeVariable] else { return }
        let site = TestSite()
        defer { site.remove() }
        var authors = ""
        for n in 0..<200 {
            authors += "[author\(n)]\nname = \"Author \(n)\"\nurl = \"https://example.org/\(n)/\"\n[author\(n).names]\nzh-Hans = \"作者\(n)\"\n\n"
        }
        site.write("data/authors.toml", authors)
        site.write("data/tags.toml", (0..<100).map { "[tag\($0)]\nzh-hans = \"标签\($0)\"\nen = \"Tag \($0)\"\n" }.joined(separator: "\n"))
        site.write("Templates/i18n/en.toml", "readMore = \"Read on\"\n")
        site.write("content/posts/tagged.en.md", "+++\ntitle = \"Tagged\"\ndate = 2024-01-03\ntags = [\"tag1\", \"tag2\"]\nauthors = [\"author1\"]\n+++\n\nBody.\n")
        let cache = BuildCache()
        let options = BuildOptions(sourceRoot: site.root, includeDrafts: true, includeFuture: true)
        func rebuild() throws {
            let result = SiteBuilder(options: options).build(cache: cache)
            try #require(!result.failed, "\(result.diagnostics)")
        }
        for _ in 0..<20 { try rebuild() }
        let before = Self.residentBytes()
        for _ in 0..<300 { try rebuild() }
        let after = Self.residentBytes()
        try "\(before) \(after) 300".write(toFile: output, atomically: true, encoding: .utf8)
    }

    /// Resident memory from /proc/self/statm, after giving freed memory back.
    static func residentBytes() -> Int {
        #if os(Linux)
        // glibc's malloc_trim, which the Glibc module does not declare.
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
        }
        let text = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return 0
        #endif
    }
}

enum SelfExecutable {
    /// This test binary, as the kernel names it.
    static var path: String? {
        #if os(Linux)
        return try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        #else
        return CommandLine.arguments.first
        #endif
    }
}
