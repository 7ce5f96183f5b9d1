import Foundation
import Testing

/// What the `portal` command tells a user, with its exit code.
@Suite(.enabled(if: OutputSafetyTests.portal != nil, "no built portal executable beside the tests"))
struct CommandMessageTests {
    @Test func aFailedFirstBuildDoesNotSpeakOfAPreviousOutput() async throws {
        let root = Fixtures.makeSite(["content/posts/a.md": "---\ntitle: [broken\n---\n"])
        let first = try await OutputSafetyTests.run(["build", "--source", root], in: root)
        #expect(first.status == 1)
        #expect(first.errors.contains("build failed: 1 error; nothing was written"), "\(first.errors)")
        // With an earlier output in place, that output is what is kept.
        try "---\ntitle: fine\n---\n".write(toFile: root + "/content/posts/a.md", atomically: true, encoding: .utf8)
        #expect(try await OutputSafetyTests.run(["build", "--source", root], in: root).status == 0)
        try "---\ntitle: [broken\n---\n".write(toFile: root + "/content/posts/a.md", atomically: true, encoding: .utf8)
        let again = try await OutputSafetyTests.run(["build", "--source", root], in: root)
        #expect(again.status == 1)
        #expect(again.errors.contains("build failed: 1 error; the previous output was left untouched"), "\(again.errors)")
    }

    @Test func aBaseURLWithoutSchemeIsAUsageError() async throws {
        let root = Fixtures.makeSite(["content/posts/a.md": "---\ntitle: A\n---\n"])
        let run = try await OutputSafetyTests.run(["build", "--source", root, "--base-url", "example.github.io/x/"], in: root)
        #expect(run.status == 2)
        #expect(run.errors == "error: --base-url 'example.github.io/x/' is not a base URL: give the scheme and host, such as https://example.github.io/x/\n")
    }

    @Test func versionIsPrinted() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: OutputSafetyTests.portal ?? "/nonexistent")
        process.arguments = ["--version"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.hasPrefix("portal "))
    }
}
