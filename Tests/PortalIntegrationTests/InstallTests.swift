import Foundation
import PortalPipeline
import Testing
import Yams

/// `portal init`, the workflow it writes, action.yml and the release archive: a new
/// site builds strictly, and the shell steps of the workflows run here, end to end,
/// against a release archive served on 127.0.0.1 in place of GitHub's download.
///
/// The archive is `scripts/release.sh --pack` of the portal built beside the tests, or
/// the real one when PORTAL_RELEASE_DIR names the folder release.sh wrote (.ci/run).
@Suite(.serialized, .enabled(if: OutputSafetyTests.portal != nil, "no built portal executable beside the tests"))
struct InstallTests {
    static let version = (try? String(contentsOfFile: Fixtures.packageRoot + "/VERSION", encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""

    /// PATH of the workflow steps: one folder holding links to the tools the steps use
    /// and nothing else, so no Swift toolchain even where swift is in /usr/bin (the
    /// official swift images).
    static let systemPath: String = {
        let folder = Fixtures.temporaryDirectory() + "/tools"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let searched = ["/usr/local/bin", "/usr/bin", "/bin"]
        for tool in ["bash", "sh", "env", "curl", "sha256sum", "tar", "gzip", "uname", "mkdir", "cat", "rm", "ls", "git"] {
            if let found = searched.map({ $0 + "/" + tool }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                try? FileManager.default.createSymbolicLink(atPath: folder + "/" + tool, withDestinationPath: found)
            }
        }
        return folder
    }()

    struct Output {
        var status: Int32
        var text: String
    }

    /// Runs `executable` with `arguments`; stdout and stderr together.
    static func run(_ executable: String, _ arguments: [String], in folder: String, environment: [String: String]? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self))
    }

    static func portal(_ arguments: [String], in folder: String) throws -> Output {
        try run(OutputSafetyTests.portal ?? "/nonexistent", arguments, in: folder)
    }

    static func value(_ node: Node?, _ key: String) -> Node? {
        node?.mapping?.first { $0.key.scalar?.string == key }?.value
    }

    static func strings(_ node: Node?) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in node?.mapping ?? [:] {
            if let key = key.string, let value = value.string { result[key] = value }
        }
        return result
    }

    // MARK: portal init

    @Test func initWritesASiteThatBuildsStrictly() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let created = try Self.portal(["init", "site", "--languages", "zh-Hans,en"], in: folder)
        #expect(created.status == 0, "\(created.text)")
        let site = folder + "/site"
        for path in ["site.toml", "data/authors.toml", ".gitignore", ".github/workflows/pages.yml",
                     "content/_index.zh-hans.md", "content/_index.en.md", "content/about.zh-hans.md", "content/about.en.md"] {
            #expect(FileManager.default.fileExists(atPath: site + "/" + path), "\(path)")
        }
        let posts = try FileManager.default.contentsOfDirectory(atPath: site + "/content/blog").sorted()
        #expect(posts.count == 2 && posts.allSatisfy { $0.hasSuffix("-welcome.en.md") || $0.hasSuffix("-welcome.zh-hans.md") }, "\(posts)")

        let built = try Self.portal(["build", "--strict", "--source", site], in: folder)
        #expect(built.status == 0, "\(built.text)")
        for page in ["zh-hans/index.html", "en/index.html", "en/about/index.html", "zh-hans/about/index.html", "en/blog/index.html"] {
            #expect(FileManager.default.fileExists(atPath: site + "/public/" + page), "\(page)")
        }
        let post = try #require(FileManager.default.enumerator(atPath: site + "/public/en/blog")?.allObjects
            .compactMap { $0 as? String }.first { $0.hasSuffix("welcome/index.html") })
        let html = try String(contentsOfFile: site + "/public/en/blog/" + post, encoding: .utf8)
        #expect(html.contains("Hello, portal"))
        #expect(html.contains("The editors"))
    }

    @Test func initNeverOverwrites() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fixtures.write("# mine\n", to: folder + "/.gitignore")
        let first = try Self.portal(["init", "--languages", "en"], in: folder)
        #expect(first.status == 0, "\(first.text)")
        #expect(first.text.contains("kept    .gitignore"))
        #expect(try String(contentsOfFile: folder + "/.gitignore", encoding: .utf8) == "# mine\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/content/about.zh-hans.md"))

        let before = OutputSafetyTests.snapshot(folder)
        let again = try Self.portal(["init", "--languages", "en"], in: folder)
        #expect(again.status == 2)
        #expect(again.text.contains("never overwrites"))
        #expect(OutputSafetyTests.snapshot(folder) == before)

        let wrong = try Self.portal(["init", Fixtures.temporaryDirectory(), "--languages", "en,,fr"], in: folder)
        #expect(wrong.status == 2)
    }

    @Test func versionNamesTheVersionFileAndWhatTheBuildCanDo() throws {
        let version = try Self.portal(["--version"], in: Fixtures.packageRoot)
        #expect(version.text.hasPrefix("portal \(Self.version) ("), "\(version.text)")
        #expect(version.text.contains("code highlighting: "))
    }

    // MARK: The workflows

    /// The archive folder laid out as GitHub serves releases: <root>/<owner>/<repo>/releases/download/v<version>/.
    static func serveRelease(in folder: String) throws -> (server: pid_t, base: String, download: String) {
        let releases = folder + "/www/example/portal/releases/download/v" + version
        try FileManager.default.createDirectory(atPath: releases, withIntermediateDirectories: true)
        let name = "portal-\(version)-linux-\(try run("/usr/bin/uname", ["-m"], in: folder).text.trimmingCharacters(in: .whitespacesAndNewlines))"
        if let given = ProcessInfo.processInfo.environment["PORTAL_RELEASE_DIR"], !given.isEmpty {
            for file in [name + ".tar.gz", name + ".tar.gz.sha256"] {
                try FileManager.default.copyItem(atPath: given + "/" + file, toPath: releases + "/" + file)
            }
        } else {
            let packed = try run("/bin/bash", [Fixtures.packageRoot + "/scripts/release.sh", "--pack", OutputSafetyTests.portal ?? "", "--output", releases],
                                 in: Fixtures.packageRoot)
            try #require(packed.status == 0, "\(packed.text)")
        }
        #expect(FileManager.default.fileExists(atPath: releases + "/" + name + ".tar.gz"))

        // http.server on port 0: the system picks a free port, which the server writes
        // to a file. It first closes every descriptor it inherited: a pipe of another
        // test's process held open here would never reach its end of file.
        let portFile = folder + "/port"
        let script = """
            import functools, http.server, os, sys
            os.closerange(3, 65536)
            handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            with open(sys.argv[2] + ".tmp", "w") as f: f.write(str(server.server_address[1]))
            os.rename(sys.argv[2] + ".tmp", sys.argv[2])
            server.serve_forever()
            """
        // Started in the background by bash, so that no Process of this test waits on it.
        let started = try run("/bin/bash", ["-c", "python3 -c \"$0\" \"$1\" \"$2\" </dev/null >/dev/null 2>&1 & echo $!",
                                            script, folder + "/www", portFile], in: folder)
        let server = try #require(Int32(started.text.trimmingCharacters(in: .whitespacesAndNewlines)), "\(started.text)")
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !FileManager.default.fileExists(atPath: portFile) { usleep(20_000) }
        let port = try #require(try? String(contentsOfFile: portFile, encoding: .utf8), "http.server wrote no port")
        let base = "http://127.0.0.1:\(port)"
        return (server, base, base + "/example/portal/releases/download")
    }

    static func stop(_ server: pid_t) {
        kill(server, SIGKILL)
    }

    /// Runs the `run:` steps of `steps` as a runner would (bash -e -o pipefail, one
    /// script each, PATH grown by $GITHUB_PATH), with `${{ … }}` replaced from
    /// `expressions`; steps that use an action are left out. Returns the outputs written.
    static func runSteps(_ steps: [Node], environment: [String: String], expressions: [String: String],
                         in folder: String, runnerTemp: String) throws -> [String: String] {
        let githubPath = runnerTemp + "/github-path"
        let githubOutput = runnerTemp + "/github-output"
        FileManager.default.createFile(atPath: githubPath, contents: nil)
        FileManager.default.createFile(atPath: githubOutput, contents: nil)
        func substitute(_ text: String) throws -> String {
            var unknown: [String] = []
            let result = text.replacing(/\$\{\{\s*([^}]+?)\s*\}\}/) { match in
                let name = String(match.1)
                guard let value = expressions[name] else { unknown.append(name); return "" }
                return value
            }
            try #require(unknown.isEmpty, "no value for \(unknown)")
            return result
        }
        var ran = 0
        for step in steps {
            guard let script = value(step, "run")?.string else { continue }
            var env = environment
            for (key, text) in strings(value(step, "env")) { env[key] = try substitute(text) }
            let added = try String(contentsOfFile: githubPath, encoding: .utf8).split(separator: "\n").reversed()
            env["PATH"] = (added.map(String.init) + [systemPath]).joined(separator: ":")
            env["GITHUB_PATH"] = githubPath
            env["GITHUB_OUTPUT"] = githubOutput
            env["RUNNER_TEMP"] = runnerTemp
            env["LD_LIBRARY_PATH"] = ""
            env["HOME"] = runnerTemp
            let file = runnerTemp + "/step-\(ran).sh"
            try substitute(script).write(toFile: file, atomically: true, encoding: .utf8)
            let result = try run("/bin/bash", ["--noprofile", "--norc", "-e", "-o", "pipefail", file], in: folder, environment: env)
            try #require(result.status == 0, "step \(value(step, "name")?.string ?? "\(ran)") failed:\n\(script)\n\(result.text)")
            ran += 1
        }
        #expect(ran >= 2)
        var outputs: [String: String] = [:]
        for line in try String(contentsOfFile: githubOutput, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { outputs[String(parts[0])] = String(parts[1]) }
        }
        return outputs
    }

    @Test func theGeneratedWorkflowInstallsAndBuildsWithNoToolchain() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (server, _, download) = try Self.serveRelease(in: folder)
        defer { Self.stop(server) }
        // No swift on the steps' PATH.
        #expect(try Self.run("/bin/bash", ["-c", "command -v swift || command -v swiftc"], in: folder, environment: ["PATH": Self.systemPath]).status != 0)

        let site = folder + "/site"
        let created = try Self.portal(["init", site, "--releases", download], in: folder)
        #expect(created.status == 0, "\(created.text)")
        let text = try String(contentsOfFile: site + "/.github/workflows/pages.yml", encoding: .utf8)
        let workflow = try #require(try Yams.compose(yaml: text))
        #expect(Self.value(Self.value(Self.value(workflow, "on"), "push"), "branches")?.sequence?.compactMap(\.string) == ["main"])
        let env = Self.strings(Self.value(workflow, "env"))
        #expect(env["PORTAL_VERSION"] == Self.version)
        #expect(env["PORTAL_DOWNLOAD"] == download)
        let jobs = Self.value(workflow, "jobs")
        let steps = Array(Self.value(Self.value(jobs, "build"), "steps")?.sequence ?? [])
        let uses = steps.compactMap { Self.value($0, "uses")?.string }
        #expect(uses.contains { $0.hasPrefix("actions/checkout@") })
        #expect(uses.contains { $0.hasPrefix("actions/configure-pages@") })
        #expect(uses.contains { $0.hasPrefix("actions/upload-pages-artifact@") })
        #expect(!text.contains("swift "))
        let deploy = Array(Self.value(Self.value(jobs, "deploy"), "steps")?.sequence ?? [])
        #expect(deploy.contains { Self.value($0, "uses")?.string?.hasPrefix("actions/deploy-pages@") == true })

        let pagesURL = "https://example.github.io/my-site"
        let runnerTemp = folder + "/runner"
        try FileManager.default.createDirectory(atPath: runnerTemp, withIntermediateDirectories: true)
        _ = try Self.runSteps(steps, environment: env, expressions: ["steps.pages.outputs.base_url": pagesURL],
                              in: site, runnerTemp: runnerTemp)
        let home = try String(contentsOfFile: site + "/public/en/index.html", encoding: .utf8)
        #expect(home.contains("/my-site/en/about/"))
        #expect(FileManager.default.fileExists(atPath: runnerTemp + "/portal-\(Self.version)"))
    }

    @Test func theActionInstallsAndBuildsWithNoToolchain() throws {
        let text = try String(contentsOfFile: Fixtures.packageRoot + "/action.yml", encoding: .utf8)
        let action = try #require(try Yams.compose(yaml: text))
        let inputs = Self.value(action, "inputs")
        let names = Set(inputs?.mapping?.keys.compactMap(\.string) ?? [])
        #expect(names.isSuperset(of: ["version", "source", "base-url", "strict"]), "\(names)")
        #expect(Self.value(Self.value(inputs, "version"), "default")?.string == Self.version)
        #expect(Self.value(Self.value(action, "runs"), "using")?.string == "composite")
        let steps = Array(Self.value(Self.value(action, "runs"), "steps")?.sequence ?? [])
        #expect(steps.allSatisfy { Self.value($0, "shell")?.string == "bash" })
        // The action installs with the lines `portal init` writes into pages.yml.
        let install = try #require(steps.first.flatMap { Self.value($0, "run")?.string })
        #expect(install.hasSuffix(NewSite.installScript), "\(install)")

        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (server, base, _) = try Self.serveRelease(in: folder)
        defer { Self.stop(server) }
        let workspace = folder + "/workspace"
        #expect(try Self.portal(["init", workspace + "/site", "--languages", "en,zh-Hans"], in: folder).status == 0)
        let runnerTemp = folder + "/runner"
        try FileManager.default.createDirectory(atPath: runnerTemp, withIntermediateDirectories: true)
        let outputs = try Self.runSteps(steps, environment: [:], expressions: [
            "inputs.version": Self.version, "inputs.source": "site", "inputs.base-url": "https://docs.example.org/",
            "inputs.strict": "true", "inputs.releases": "",
            "github.server_url": base, "github.action_repository": "example/portal",
        ], in: workspace, runnerTemp: runnerTemp)
        #expect(outputs["output"] == "site/public")
        let home = try String(contentsOfFile: workspace + "/site/public/en/index.html", encoding: .utf8)
        #expect(home.contains("https://docs.example.org/en/about/") || home.contains("/en/about/"))
    }

    // MARK: This repository's release workflow

    @Test func theReleaseWorkflowRunsReleaseShOnBothArchitecturesOnATag() throws {
        let text = try String(contentsOfFile: Fixtures.packageRoot + "/.github/workflows/release.yml", encoding: .utf8)
        let workflow = try #require(try Yams.compose(yaml: text))
        #expect(Self.value(Self.value(Self.value(workflow, "on"), "push"), "tags")?.sequence?.compactMap(\.string) == ["v*"])
        let build = Self.value(Self.value(workflow, "jobs"), "build")
        let runners = Self.value(Self.value(Self.value(build, "strategy"), "matrix"), "runner")?.sequence?.compactMap(\.string) ?? []
        #expect(runners.count == 2 && runners.contains { $0.hasSuffix("-arm") })
        let runs = (Self.value(build, "steps")?.sequence ?? []).compactMap { Self.value($0, "run")?.string }.joined(separator: "\n")
        #expect(runs.contains("scripts/release.sh"))
        #expect(runs.contains("libcmark-gfm-dev"))
        let publish = (Self.value(Self.value(Self.value(workflow, "jobs"), "publish"), "steps")?.sequence ?? [])
            .compactMap { Self.value($0, "run")?.string }.joined(separator: "\n")
        #expect(publish.contains("gh release"))
    }
}
