import Foundation
import PortalOutput
import Testing

/// The same sources give byte-identical output, and a failed build leaves the
/// previous output exactly as it was.
@Suite struct AtomicBuildTests {
    static let site: [String: String] = [
        "content/_index.zh-hans.md": "---\ntitle: 首页\n---\n欢迎。\n",
        "content/posts/a.zh-hans.md": "+++\ntitle = \"第一篇\"\ndate = 2024-03-01\ntags = [\"Dapr\", \"社区\"]\n+++\n正文。\n",
        "content/posts/a.en.md": "---\ntitle: First\ndate: 2024-03-01\ntags: [dapr]\n---\nBody.\n",
        "content/posts/2024-05-02-b.md": "---\ntitle: 第二篇\n---\n第二篇正文。\n",
        "static/robots-extra.txt": "extra\n",
    ]

    @Test func buildingTwiceGivesIdenticalFiles() {
        let root = Fixtures.makeSite(Self.site)
        let first = Fixtures.build(root)
        let second = Fixtures.build(root)
        #expect(!first.failed, "\(first.diagnostics)")
        #expect(first.files.map(\.path) == second.files.map(\.path))
        for (a, b) in zip(first.files, second.files) {
            #expect(Fixtures.bytes(of: a) == Fixtures.bytes(of: b), "\(a.path) differs between builds")
        }
    }

    @Test func writtenTreesAreIdenticalOnDisk() throws {
        let root = Fixtures.makeSite(Self.site)
        let out1 = Fixtures.temporaryDirectory() + "/public"
        let out2 = Fixtures.temporaryDirectory() + "/public"
        try OutputWriter.write(Fixtures.build(root).files, to: out1)
        try OutputWriter.write(Fixtures.build(root).files, to: out2)
        let tree = Fixtures.tree(out1)
        #expect(tree == Fixtures.tree(out2))
        #expect(tree.contains("zh-hans/posts/a/index.html"))
        for path in tree {
            #expect(FileManager.default.contents(atPath: out1 + "/" + path) == FileManager.default.contents(atPath: out2 + "/" + path), "\(path)")
        }
    }

    @Test func failedBuildLeavesPreviousOutputUntouched() throws {
        let root = Fixtures.makeSite(Self.site)
        let output = Fixtures.temporaryDirectory() + "/public"
        try OutputWriter.write(Fixtures.build(root).files, to: output)
        let before = Fixtures.tree(output).map { ($0, FileManager.default.contents(atPath: output + "/" + $0)) }

        Fixtures.write("---\ntitle: broken\n", to: root + "/content/posts/broken.md")
        let failed = Fixtures.build(root)
        #expect(failed.failed)
        #expect(failed.files.isEmpty)
        #expect(failed.diagnostics.contains { $0.location?.path == "content/posts/broken.md" && $0.isError })

        let after = Fixtures.tree(output).map { ($0, FileManager.default.contents(atPath: output + "/" + $0)) }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(zip(before, after).allSatisfy { $0.1 == $1.1 })
    }
}
