import Foundation
import Testing

/// The README's set-up command, run as written by bash with stand-ins for apt-get,
/// swift and sudo: it must work as root where there is no sudo (the official swift
/// images, most CI containers) and as a user through sudo.
@Suite struct QuickStartTests {
    /// The first `sh` block under "## Quick start".
    static func setupCommand() throws -> String {
        let readme = try String(contentsOfFile: Fixtures.packageRoot + "/README.md", encoding: .utf8)
        let section = try #require(readme.range(of: "## Quick start"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```sh\n"))
        let close = try #require(rest.range(of: "\n```", range: open.upperBound..<rest.endIndex))
        return String(rest[open.upperBound..<close.lowerBound])
    }

    /// Runs `command` with only the stand-ins on PATH; returns the exit status and what they logged.
    static func run(_ command: String, withSudo: Bool, failing: String? = nil) throws -> (status: Int32, log: [String]) {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bin = folder + "/bin"
        let log = folder + "/log"
        var tools = ["apt-get", "swift"]
        if withSudo { tools.append("sudo") }
        for tool in tools {
            let body = tool == "sudo"
                ? "#!/bin/bash\necho \"sudo $*\" >> \(log)\nexec \"$@\"\n"
                : "#!/bin/bash\necho \"\(tool) $*\" >> \(log)\n\(tool == failing ? "exit 100" : "exit 0")\n"
            Fixtures.write(body, to: bin + "/" + tool)
            chmod(bin + "/" + tool, 0o755)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--noprofile", "--norc", "-c", command]
        process.environment = ["PATH": bin, "HOME": folder]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        try process.run()
        process.waitUntilExit()
        let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        return (process.terminationStatus, lines)
    }

    @Test func worksWhereThereIsNoSudo() throws {
        let (status, log) = try Self.run(Self.setupCommand(), withSudo: false)
        #expect(status == 0)
        #expect(log == ["apt-get update", "apt-get install -y libcmark-gfm-dev libcmark-gfm-extensions-dev libkf5syntaxhighlighting-dev", "swift run portal build"])
    }

    @Test func goesThroughSudoWhenThereIsOne() throws {
        let (status, log) = try Self.run(Self.setupCommand(), withSudo: true)
        #expect(status == 0)
        #expect(log == [
            "sudo apt-get update", "apt-get update",
            "sudo apt-get install -y libcmark-gfm-dev libcmark-gfm-extensions-dev libkf5syntaxhighlighting-dev", "apt-get install -y libcmark-gfm-dev libcmark-gfm-extensions-dev libkf5syntaxhighlighting-dev",
            "swift run portal build",
        ])
    }

    @Test func stopsWhenTheInstallFails() throws {
        let (status, log) = try Self.run(Self.setupCommand(), withSudo: false, failing: "apt-get")
        #expect(status != 0)
        #expect(log == ["apt-get update"])
    }
}
