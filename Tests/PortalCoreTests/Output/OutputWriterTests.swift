import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct OutputWriterTests {
    /// Every file under `root` with its bytes, by relative path (the output marker left out).
    static func tree(_ root: String) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            if relative == OutputFolder.markerName { continue }
            var isDirectory: ObjCBool = false
            let path = root + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
        }
        return result
    }

    /// Every folder under `root`, by relative path.
    static func folders(_ root: String) -> Set<String> {
        var result = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), isDirectory.boolValue {
                result.insert(relative)
            }
        }
        return result
    }

    /// Names in the folder that holds `output` that start with its name (staging and aside folders).
    static func siblings(of output: String) throws -> [String] {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix(name) }.sorted()
    }

    @Test func writesATree() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("static/logo.svg", "<svg/>")
        let output = site.root + "/public"
        var files = [
            OutputFile(path: "index.html", text: "<p>root</p>"),
            OutputFile(path: "zh-hans/posts/会议/index.html", text: "<p>会议</p>"),
            OutputFile(path: "zh-hans/index.html", text: "<p>中文</p>"),
            OutputFile(path: "logo.svg", content: .copy(from: site.root + "/static/logo.svg")),
            OutputFile(path: "empty.txt", content: .bytes([])),
        ]
        for index in 0..<300 {
            files.append(OutputFile(path: "en/page/\(index)/index.html", text: String(repeating: "x", count: index * 5)))
        }
        try OutputWriter.write(files, to: output)
        let tree = try Self.tree(output)
        #expect(tree.count == files.count)
        #expect(tree["zh-hans/posts/会议/index.html"] == Array("<p>会议</p>".utf8))
        #expect(tree["logo.svg"] == Array("<svg/>".utf8))
        #expect(tree["empty.txt"] == [])
        #expect(tree["en/page/299/index.html"]?.count == 299 * 5)
        #expect(try Self.siblings(of: output) == ["public"])
    }

    @Test func wideAndDeepFoldersEndUpInPlace() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.root + "/public"
        // Big lists, a deep one, and small ones.
        var files: [OutputFile] = [OutputFile(path: "index.html", text: "root")]
        for index in 0..<96 {
            files.append(OutputFile(path: "en/posts/帖子-\(index)/index.html", text: "\(index)"))
        }
        for index in 0..<40 {
            files.append(OutputFile(path: "en/tags/t\(index % 4)/page/\(index)/index.html", text: "t\(index)"))
        }
        files.append(OutputFile(path: "zh-hans/about/index.html", text: "关于"))
        try OutputWriter.write(files, to: output)
        var expected = Set<String>()
        for file in files {
            var folder = Substring(file.path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                expected.insert(String(folder))
            }
        }
        #expect(Self.folders(output) == expected)
        let tree = try Self.tree(output)
        #expect(tree.count == files.count)
        #expect(tree["en/posts/帖子-95/index.html"] == Array("95".utf8))
        #expect(tree["en/tags/t3/page/39/index.html"] == Array("t39".utf8))
    }

    @Test func createsFoldersKnownOnlyThroughDeeperPaths() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.root + "/public"
        // `a/b/c/d` holds no file of its own; the root has many subfolders.
        var files = [
            OutputFile(path: "a/b/c/d/e/index.html", text: "deep"),
            OutputFile(path: "a/index.html", text: "a"),
            OutputFile(path: "a/b/c/page/1/index.html", content: .deferred(DeferredContent { Array("made late".utf8) })),
        ]
        for index in 0..<40 {
            files.append(OutputFile(path: "r\(index)/s/index.html", text: "\(index)"))
        }
        try OutputWriter.write(files, to: output)
        let tree = try Self.tree(output)
        #expect(tree.count == files.count)
        #expect(tree["a/b/c/d/e/index.html"] == Array("deep".utf8))
        #expect(tree["a/b/c/page/1/index.html"] == Array("made late".utf8))
        #expect(tree["r39/s/index.html"] == Array("39".utf8))
    }

    @Test func replacesAnExistingTree() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.root + "/public"
        try OutputWriter.write([
            OutputFile(path: "old.html", text: "old"),
            OutputFile(path: "same/index.html", text: "before"),
        ], to: output)
        try OutputWriter.write([
            OutputFile(path: "new.html", text: "new"),
            OutputFile(path: "same/index.html", text: "after"),
        ], to: output + "/")
        #expect(try Self.tree(output) == ["new.html": Array("new".utf8), "same/index.html": Array("after".utf8)])
        #expect(try Self.siblings(of: output) == ["public"])
    }

    @Test func createsMissingParents() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.root + "/build/site/public"
        try OutputWriter.write([OutputFile(path: "a.html", text: "a")], to: output)
        #expect(try Self.tree(output) == ["a.html": Array("a".utf8)])
    }

    @Test func failedWriteLeavesThePreviousOutput() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.root + "/public"
        try OutputWriter.write([OutputFile(path: "keep/index.html", text: "keep")], to: output)
        let before = try Self.tree(output)

        // A copy whose source is missing fails in the middle of writing.
        let badCopy = [OutputFile(path: "a.html", text: "a"), OutputFile(path: "b.png", content: .copy(from: site.root + "/missing.png"))]
        #expect(throws: OutputWriteError.self) { try OutputWriter.write(badCopy, to: output) }
        #expect(try Self.tree(output) == before)
        #expect(try Self.siblings(of: output) == ["public"])

        do {
            try OutputWriter.write(badCopy, to: output)
        } catch let error as OutputWriteError {
            #expect(error.path == "b.png")
            #expect(error.description.hasPrefix("cannot write b.png: cannot read \(site.root)/missing.png"))
        }
    }

    @Test func fileAndFolderAtOnePathIsRefused() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.root + "/public"
        try OutputWriter.write([OutputFile(path: "keep.html", text: "keep")], to: output)
        let files = [OutputFile(path: "a", text: "file"), OutputFile(path: "a/index.html", text: "page")]
        #expect(throws: OutputWriteError(.conflictingPaths, path: "a", message: "is a file, and also the folder of a/index.html")) {
            try OutputWriter.write(files, to: output)
        }
        #expect(try Self.tree(output) == ["keep.html": Array("keep".utf8)])
        #expect(try Self.siblings(of: output) == ["public"])
    }

    @Test func refusesPathsLeavingTheOutput() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.root + "/public"
        for bad in ["/etc/passwd", "../x.html", "a/../../x.html", "", "a//b", "./a", "a/"] {
            #expect(throws: OutputWriteError.self, "\(bad)") {
                try OutputWriter.write([OutputFile(path: bad, text: "x")], to: output)
            }
        }
        do {
            try OutputWriter.write([OutputFile(path: "../x.html", text: "x")], to: output)
        } catch let error as OutputWriteError {
            #expect(error.reason == .invalidPath)
            #expect(error.path == "../x.html")
        }
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/x.html"))
        #expect(try Self.siblings(of: output) == [])
    }

    @Test func refusesDuplicatePaths() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let files = [OutputFile(path: "a.html", text: "1"), OutputFile(path: "a.html", text: "2")]
        #expect(throws: OutputWriteError(.conflictingPaths, path: "a.html", message: "two files have this path")) {
            try OutputWriter.write(files, to: site.root + "/public")
        }
    }

    @Test func outputThatIsAFileIsRefused() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("public", "not a folder")
        #expect(throws: OutputWriteError.self) {
            try OutputWriter.write([OutputFile(path: "a.html", text: "a")], to: site.root + "/public")
        }
        #expect(try String(contentsOfFile: site.root + "/public", encoding: .utf8) == "not a folder")
    }

    @Test func copiesLargeFiles() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: site.root + "/big.bin"))
        try OutputWriter.write([OutputFile(path: "x/big.bin", content: .copy(from: site.root + "/big.bin"))], to: site.root + "/out")
        #expect(try Self.tree(site.root + "/out") == ["x/big.bin": bytes])
    }
}

@Suite struct FileOperationsTests {
    @Test func removeTreeDoesNotFollowLinks() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("keep/precious.txt", "keep")
        try site.write("old/a/b.txt", "b")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/old/link", withDestinationPath: site.root + "/keep")
        FileOperations.removeTree(site.root + "/old")
        #expect(!FileManager.default.fileExists(atPath: site.root + "/old"))
        #expect(FileManager.default.fileExists(atPath: site.root + "/keep/precious.txt"))
    }
}
