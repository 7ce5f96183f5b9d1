import Foundation
import PortalPipeline
import Testing
#if canImport(Glibc)
import Glibc
#endif
#if canImport(TOMLKit)
import TOMLKit
#endif

/// Editing site.toml, data/authors.toml and an i18n table before every rebuild parses
/// each of them again: portal's TOML reader keeps nothing once a build is done.
/// (With TOMLKit, which never frees a parsed table, memory grew on every edit.)
///
/// As in `RebuildMemoryTests`, the rebuilds run in a child process. Set
/// PORTAL_TOML_MEMORY_BEFORE=1 to also measure, and print, TOMLKit parsing the same
/// edited texts beside each rebuild (the memory the product kept before).
@Suite struct TOMLEditMemoryTests {
    static let probeVariable = "PORTAL_TOML_EDIT_MEMORY_PROBE"

    #if os(Linux)
    @Test func threeHundredEditedRebuildsKeepResidentMemoryFlat() async throws {
        // Waited for on a thread of its own: tests of the preview server need the
        // threads of the cooperative pool to answer in time.
        let after = try await Self.offPool { try Self.measure(withTOMLKit: false) }
        #expect(after.builds == 300)
        #expect(after.growth <= 5 * 1024 * 1024, "RSS grew by \(after.growth / 1024) KB over \(after.builds) edited rebuilds")
        print("TOML edit memory: portal's reader \(after.growth / 1024) KB over \(after.builds) edited rebuilds")
        if ProcessInfo.processInfo.environment["PORTAL_TOML_MEMORY_BEFORE"] != nil {
            let before = try await Self.offPool { try Self.measure(withTOMLKit: true) }
            print("TOML edit memory: with TOMLKit parsing the same texts \(before.growth / 1024) KB over \(before.builds) edited rebuilds")
        }
    }

    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    static func measure(withTOMLKit: Bool) throws -> (growth: Int, builds: Int) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("portal-toml-rss-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: try #require(SelfExecutable.path))
        child.arguments = ["--testing-library", "swift-testing", "--filter", "TOMLEditMemoryTests/probe"]
        var environment = ProcessInfo.processInfo.environment
        environment[probeVariable] = output + (withTOMLKit ? "\u{1}tomlkit" : "")
        child.environment = environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        // At the lowest priority: tests answering HTTP within a timeout run beside it.
        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(child.processIdentifier), 19)
        let deadline = Date().addingTimeInterval(300)
        while child.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if child.isRunning { child.terminate() }
        child.waitUntilExit()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let numbers = text.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(numbers.count == 3, "probe wrote '\(text)'")
        return (numbers[1] - numbers[0], numbers[2])
    }
    #endif

    /// The three TOML files of the site, edited for rebuild `n`.
    static func files(_ n: Int) -> [(path: String, text: String)] {
        var authors = ""
        for a in 0..<40 {
            authors += "[author\(a)]\nname = \"Author \(a) (\(n))\"\nurl = \"https://example.org/\(a)/\"\n"
                + "socials = { github = \"a\(a)\", x = \"b\(a)\" }\n[author\(a).names]\nzh-Hans = \"作者\(a)\"\n\n"
        }
        let site = TestSite.siteToml + "\n[params]\nedit = \(n)\nmenu = [{ name = \"文档\", url = \"/docs/\" }, { name = \"Blog\", url = \"/blog/\" }]\n"
        let strings = "readMore = \"Read on \\u2192 (\(n))\"  # not a flat table: the full reader reads it\nhome = 'Home'\n"
        return [("site.toml", site), ("data/authors.toml", authors), ("Templates/i18n/en.toml", strings)]
    }

    /// Runs only in the child: 20 edited rebuilds to warm up, then 300 measured ones.
    @Test func probe() throws {
        guard let setting = ProcessInfo.processInfo.environment[Self.probeVariable] else { return }
        let parts = setting.split(separator: "\u{1}").map(String.init)
        let withTOMLKit = parts.count > 1
        let site = TestSite()
        defer { site.remove() }
        site.write("content/posts/tagged.en.md", "+++\ntitle = \"Tagged\"\ndate = 2024-01-03\nauthors = [\"author1\"]\n[extra]\nk = { a = 1 }\n+++\n\nBody.\n")
        let cache = BuildCache()
        let options = BuildOptions(sourceRoot: site.root, includeDrafts: true, includeFuture: true)
        func rebuild(_ n: Int) throws {
            for file in Self.files(n) {
                site.write(file.path, file.text)
                #if canImport(TOMLKit)
                if withTOMLKit { _ = try? TOMLTable(string: file.text) }
                #endif
            }
            let result = SiteBuilder(options: options).build(cache: cache)
            try #require(!result.failed, "\(result.diagnostics)")
        }
        for n in 0..<20 { try rebuild(n) }
        let before = RebuildMemoryTests.residentBytes()
        for n in 20..<320 { try rebuild(n) }
        let after = RebuildMemoryTests.residentBytes()
        try "\(before) \(after) 300".write(toFile: parts[0], atomically: true, encoding: .utf8)
    }
}
