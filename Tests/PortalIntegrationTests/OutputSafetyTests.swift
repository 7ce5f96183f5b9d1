import Foundation
import PortalOutput
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `portal build` as a user runs it: output folders that would lose the user's files are
/// refused, and builds killed at any moment leave one output and nothing beside it.
@Suite struct OutputSafetyTests {
    /// The `portal` executable of this build: beside the test bundle in the build's bin
    /// folder (`swift build` and `swift test` make both), or nil.
    static let portal: String? = {
        var folders: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        folders.append(runner.deletingLastPathComponent())
        folders.append(runner.deletingLastPathComponent().deletingLastPathComponent())
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        folders.append(URL(fileURLWithPath: Fixtures.packageRoot + "/.build/debug"))
        for folder in folders {
            let path = folder.appendingPathComponent("portal").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: path) {
                return path
            }
        }
        print("OutputSafetyTests: no built portal executable beside the tests (run `swift build` first); the tests that run it are skipped")
        return nil
    }()

    struct Run: Sendable {
        var status: Int32
        var signalled: Bool
        var errors: String
    }

    /// Starts `portal` with `arguments` in `folder` and waits for it on a thread of its own:
    /// blocking one of the few threads Swift concurrency runs tests on would starve the
    /// tests of `portal serve` that run meanwhile. `whileRunning` gets the process.
    static func run(_ arguments: [String], in folder: String, whileRunning: (@Sendable (Process) -> Void)? = nil) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try runBlocking(arguments, in: folder, whileRunning: whileRunning) }) }.start()
        }
    }

    static func runBlocking(_ arguments: [String], in folder: String, whileRunning: ((Process) -> Void)?) throws -> Run {
        let process = Process()
        // At the lowest priority (nice execs portal: same process, every thread of it): the
        // builds of these tests run beside the timing-sensitive tests of `portal serve`.
        let nice = "/usr/bin/nice"
        if FileManager.default.isExecutableFile(atPath: nice) {
            process.executableURL = URL(fileURLWithPath: nice)
            process.arguments = ["-n", "19", portal ?? "/nonexistent"] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: portal ?? "/nonexistent")
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        whileRunning?(process)
        let text = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                   errors: String(decoding: text, as: UTF8.self))
    }

    /// Every file and folder under `root`, relative, with the bytes of files.
    static func snapshot(_ root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            result[relative] = FileManager.default.contents(atPath: root + "/" + relative) ?? Data()
        }
        return result
    }

    static func names(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test(.enabled(if: portal != nil)) func outputsThatWouldLoseTheSitesFilesAreRefused() async throws {
        let parent = Fixtures.temporaryDirectory()
        let site = parent + "/site"
        try FileManager.default.copyItem(atPath: Fixtures.sites + "/subpath", toPath: site)
        try FileManager.default.createDirectory(atPath: site + "/data", withIntermediateDirectories: true)
        Fixtures.write("[alice]\nname = \"Alice\"\n", to: site + "/data/authors.toml")
        Fixtures.write("mine\n", to: parent + "/foreign/notes.txt")
        let before = Self.snapshot(parent)
        let cases: [(String, String)] = [
            (".", "is the site folder itself"),
            ("./", "is the site folder itself"),
            ("content", "is the site's content/ folder"),
            ("content/blog/out", "lies inside the site's content/ folder"),
            ("static", "is the site's static/ folder"),
            ("data", "is the site's data/ folder"),
            ("Templates/x", "lies inside the site's Templates/ folder"),
            ("..", "contains the site folder"),
            ("../foreign", "is not empty and was not written by portal"),
        ]
        for (output, expected) in cases {
            let run = try await Self.run(["build", "--output", output], in: site)
            #expect(run.status == 2 && !run.signalled, "--output \(output): exit \(run.status)")
            #expect(run.errors.contains(expected), "--output \(output): \(run.errors)")
            #expect(run.errors.hasPrefix("error: --output "), "\(run.errors)")
        }
        #expect(Self.snapshot(parent) == before, "a refused build changed the site or the folder beside it")
    }

    @Test(.enabled(if: portal != nil)) func aPreviousOutputIsReplacedAndMarked() async throws {
        let parent = Fixtures.temporaryDirectory()
        let site = parent + "/site"
        try FileManager.default.copyItem(atPath: Fixtures.sites + "/subpath", toPath: site)
        for output in ["public", "../out", parent + "/empty"] {
            try? FileManager.default.createDirectory(atPath: parent + "/empty", withIntermediateDirectories: true)
            let first = try await Self.run(["build", "--output", output], in: site)
            #expect(first.status == 0, "\(output): \(first.errors)")
            let folder = output.hasPrefix("/") ? output : site + "/" + output
            let marker = FileManager.default.contents(atPath: folder + "/" + OutputFolder.markerName)
            #expect(marker == Data(OutputFolder.markerText.utf8), "\(output)")
            let second = try await Self.run(["build", "--output", output], in: site)
            #expect(second.status == 0, "\(output) a second time: \(second.errors)")
            #expect(FileManager.default.fileExists(atPath: folder + "/en/blog/sibling/index.html"))
        }
        #expect(Self.names(in: parent) == ["empty", "out", "site"])
        #expect(Self.names(in: site) == ["content", "expected", "expected-diagnostics.txt", "public", "site.toml", "static"])
    }

    /// A site of `count` posts with a few tags each (about 6 files per post), written
    /// without Foundation's per-file fsync.
    static func largeSite(posts count: Int) -> String {
        let root = scratchFolder()
        Fixtures.write(Fixtures.defaultSiteToml, to: root + "/site.toml")
        try? FileManager.default.createDirectory(atPath: root + "/content/posts", withIntermediateDirectories: true)
        for index in 0..<count {
            let text = "---\ntitle: Post \(index)\ndate: 2024-01-\(String(format: "%02d", index % 28 + 1))\ntags: [t\(index % 97), u\(index % 13)]\n---\n"
                + String(repeating: "Some text of post \(index), with [a link](/zh-hans/). ", count: 20) + "\n"
            guard let file = fopen(root + "/content/posts/p\(index).md", "w") else { continue }
            _ = text.withCString { fputs($0, file) }
            fclose(file)
        }
        return root
    }

    /// A fresh folder in memory (/dev/shm) where there is one: the thousands of files these
    /// builds write and delete then cost no disk time, which the tests of `portal serve`'s
    /// file watching, running meanwhile, would wait for.
    static func scratchFolder() -> String {
        let shm = "/dev/shm"
        guard FileManager.default.isWritableFile(atPath: shm) else { return Fixtures.temporaryDirectory() }
        let path = shm + "/portal-test-" + UUID().uuidString
        return (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)) != nil ? path : Fixtures.temporaryDirectory()
    }

    @Test(.enabled(if: portal != nil)) func killedBuildsLeaveOneOutputAndNothingBesideIt() async throws {
        let site = Self.largeSite(posts: 1000)
        let parent = Self.scratchFolder()
        defer {
            try? FileManager.default.removeItem(atPath: site)
            try? FileManager.default.removeItem(atPath: parent)
        }
        let output = parent + "/public"
        let build = ["build", "--source", site, "--output", output]
        let first = try await Self.run(build, in: parent)
        #expect(first.status == 0, "\(first.errors)")
        // The time of a build that replaces an output, as the killed ones do.
        var started = Date()
        let second = try await Self.run(build, in: parent)
        var seconds = Date().timeIntervalSince(started)
        #expect(second.status == 0, "\(second.errors)")
        print("OutputSafetyTests: a build of 1,000 posts that replaces its output took \(String(format: "%.2f", seconds)) s")
        var generator = SystemRandomNumberGenerator()
        for signal in [SIGKILL, SIGTERM, SIGINT] {
            // Anywhere from the start to the end of a build, writing and swapping included.
            let delay = Double.random(in: 0.02...max(0.05, seconds), using: &generator)
            let run = try await Self.run(build, in: parent) { process in
                usleep(useconds_t(delay * 1_000_000))
                kill(process.processIdentifier, signal)
            }
            let label = "signal \(signal) after \(String(format: "%.2f", delay)) s of \(String(format: "%.2f", seconds)) s"
            print("OutputSafetyTests: \(label): exit \(run.status)\(run.signalled ? " (signalled)" : "")")
            if signal == SIGKILL {
                #expect(run.signalled || run.status == 0, "\(label): \(run.status)")
            } else {
                // Handled: the unfinished output is gone already, and the exit says which signal
                // (a signal that came before portal listened for it ended it before it wrote).
                let handled = !run.signalled && run.status == 128 + signal
                let early = run.signalled && run.status == signal
                #expect(run.status == 0 || handled || early, "\(label): \(run.status) \(run.errors)")
                if handled { #expect(run.errors.contains("build interrupted"), "\(label): \(run.errors)") }
                #expect(Self.names(in: parent) == ["public"], "\(label)")
            }
            // Killed at any moment, a complete output is in place.
            #expect(FileManager.default.fileExists(atPath: output + "/zh-hans/index.html"), "\(label)")
            #expect(FileManager.default.fileExists(atPath: output + "/" + OutputFolder.markerName), "\(label)")
            started = Date()
            let next = try await Self.run(build, in: parent)
            seconds = min(seconds, Date().timeIntervalSince(started))
            #expect(next.status == 0, "\(label), next build: \(next.errors)")
            #expect(Self.names(in: parent) == ["public"], "\(label), after the next build")
        }
        let tree = Fixtures.tree(output)
        #expect(tree.contains("zh-hans/posts/p999/index.html"))
    }
}
