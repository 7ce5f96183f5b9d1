import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

@Suite struct FolderPlanTests {
    static func files(_ paths: [String]) -> [OutputFile] {
        paths.map { OutputFile(path: $0, text: "") }
    }

    /// Folder paths, and each parent with its subfolders' paths.
    static func shape(_ plan: FolderPlan) -> (folders: Set<String>, children: [String: [String]]) {
        let folders = Set(plan.folders.map { String($0.path) })
        var children: [String: [String]] = [:]
        for level in plan.levels {
            for group in level {
                let parent = group.parent == FolderPlan.root ? "" : String(plan.folders[group.parent].path)
                children[parent] = group.folders.map { String(plan.folders[$0].path) }
            }
        }
        return (folders, children)
    }

    @Test func findsEveryFolderOfEachTreeWhateverTheOrderOfTheFiles() throws {
        // Unsorted input; names sorting between `a` and `a/` (`a-b`, `a.x`) and Chinese names.
        let paths = ["zh/标签/网关/index.html", "a/index.html", "a-b/index.html", "a.x", "zh/标签/index.html",
                     "a/b/c/index.html", "zh/标签/限流/index.html", "index.html", "a/b/index.xml"]
        let plan = try FolderPlan(Self.files(paths))
        let shape = Self.shape(plan)
        #expect(shape.folders == ["a", "a/b", "a/b/c", "a-b", "zh", "zh/标签", "zh/标签/网关", "zh/标签/限流"])
        #expect(shape.children == ["": ["a-b", "a", "zh"], "a": ["a/b"], "a/b": ["a/b/c"], "zh": ["zh/标签"], "zh/标签": ["zh/标签/网关", "zh/标签/限流"]])
        // Parents are listed before their subfolders.
        for (index, folder) in plan.folders.enumerated() {
            if let slash = folder.path.lastIndex(of: "/") {
                #expect(plan.folders[..<index].contains { $0.path == folder.path[..<slash] })
            }
        }
    }

    @Test func findsAFileThatIsAlsoAFolderPastNamesThatSortBetween() {
        let files = Self.files(["a", "a-b/index.html", "a.x", "a/index.html"])
        #expect(throws: OutputWriteError(.conflictingPaths, path: "a", message: "is a file, and also the folder of a/index.html")) {
            try FolderPlan(files)
        }
        #expect(throws: OutputWriteError(.conflictingPaths, path: "x/y", message: "is a file, and also the folder of x/y/z.html")) {
            try FolderPlan(Self.files(["x/y/z.html", "x/y"]))
        }
    }

    @Test func pathsAreComparedByTheirBytes() throws {
        // The same name in composed and decomposed form: two names to the file system.
        let composed = "caf\u{E9}/index.html"
        let decomposed = "cafe\u{301}/index.html"
        let plan = try FolderPlan(Self.files([composed, decomposed]))
        #expect(plan.folders.count == 2)
        #expect(throws: OutputWriteError(.conflictingPaths, path: "b.html", message: "two files have this path")) {
            try FolderPlan(Self.files(["b.html", "a.html", "b.html"]))
        }
    }

    @Test func validPathsAreRelativeWithoutEmptyOrDotParts() {
        for good in ["a", "a/b.html", "...", "a/.well-known/x", "a..b/c", ".x"] {
            #expect(FolderPlan.isValid(good), "\(good)")
        }
        for bad in ["", "/a", "a/", "a//b", ".", "..", "./a", "a/./b", "a/../b", "a/..", "a\u{0}b"] {
            #expect(!FolderPlan.isValid(bad), "\(bad)")
        }
    }
}
