import Foundation
import Testing
import Yams

/// `.github/workflows/pages.yml` is valid YAML, deploys `public/` with the Pages
/// actions, and runs the same commands as README's "Publishing" section.
@Suite struct PublishingTests {
    static let workflowPath = Fixtures.packageRoot + "/.github/workflows/pages.yml"

    static func workflow() throws -> Node {
        let text = try String(contentsOfFile: workflowPath, encoding: .utf8)
        return try #require(try Yams.compose(yaml: text))
    }

    /// A mapping's value by its key as written (`on` stays a string, not YAML 1.1's true).
    static func value(_ node: Node?, _ key: String) -> Node? {
        node?.mapping?.first { $0.key.scalar?.string == key }?.value
    }

    static func steps(_ workflow: Node, job: String) -> [Node] {
        Array(value(value(value(workflow, "jobs"), job), "steps")?.sequence ?? [])
    }

    /// The commands of the first ```sh block under "### This repository's own site" in README.md.
    static func readmeCommands() throws -> [String] {
        let readme = try String(contentsOfFile: Fixtures.packageRoot + "/README.md", encoding: .utf8)
        let section = try #require(readme.range(of: "\n### This repository's own site\n"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```sh\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```"))
        return rest[open.upperBound..<close.lowerBound].split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    @Test func workflowDeploysOnPushToMain() throws {
        let workflow = try Self.workflow()
        let on = Self.value(workflow, "on")
        #expect(Self.value(Self.value(on, "push"), "branches")?.sequence?.compactMap(\.string) == ["main"])
        let permissions = Self.value(workflow, "permissions")
        #expect(Self.value(permissions, "pages")?.string == "write")
        #expect(Self.value(permissions, "id-token")?.string == "write")

        let build = Self.steps(workflow, job: "build")
        let uses = build.compactMap { Self.value($0, "uses")?.string }
        #expect(uses.contains { $0.hasPrefix("actions/checkout@") })
        #expect(uses.contains { $0.hasPrefix("actions/configure-pages@") })
        let upload = try #require(build.first { Self.value($0, "uses")?.string?.hasPrefix("actions/upload-pages-artifact@") == true })
        #expect(Self.value(Self.value(upload, "with"), "path")?.string == "public")
        let buildStep = try #require(build.first { Self.value($0, "run")?.string?.contains("portal build") == true })
        #expect(Self.value(Self.value(buildStep, "env"), "PAGES_URL")?.string == "${{ steps.pages.outputs.base_url }}")
        #expect(build.contains { Self.value($0, "id")?.string == "pages" && Self.value($0, "uses")?.string?.hasPrefix("actions/configure-pages@") == true })

        let deploy = Self.steps(workflow, job: "deploy")
        #expect(deploy.contains { Self.value($0, "uses")?.string?.hasPrefix("actions/deploy-pages@") == true })
        #expect(Self.value(Self.value(Self.value(workflow, "jobs"), "deploy"), "needs")?.string == "build")
    }

    @Test func workflowRunsTheReadmeCommands() throws {
        let runs = Self.steps(try Self.workflow(), job: "build")
            .compactMap { Self.value($0, "run")?.string }
            .flatMap { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { $0.contains("apt-get") || $0.contains("portal build") }
        let readme = try Self.readmeCommands()
        #expect(!readme.isEmpty)
        #expect(runs == readme)
        #expect(readme.contains { $0.hasPrefix("swift run -c release portal build --base-url \"$PAGES_URL\"") })
        #expect(readme.contains { $0.contains("libcmark-gfm-dev libcmark-gfm-extensions-dev libkf5syntaxhighlighting-dev") })
    }
}
