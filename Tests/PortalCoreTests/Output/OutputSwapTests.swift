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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The marker, the exchange that puts a new output in place, its fallback, and the
/// removal of what killed builds left beside the output.
@Suite struct OutputSwapTests {
    static func names(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func everyOutputCarriesTheSameMarker() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.root + "/public"
        try OutputWriter.write([OutputFile(path: "a.html", text: "a")], to: output)
        let first = try Data(contentsOf: URL(fileURLWithPath: output + "/" + OutputFolder.markerName))
        try OutputWriter.write([OutputFile(path: "b.html", text: "b")], to: output)
        let second = try Data(contentsOf: URL(fileURLWithPath: output + "/" + OutputFolder.markerName))
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self) == OutputFolder.markerText)
        #expect(Self.names(in: output) == [OutputFolder.markerName, "b.html"])
    }

    @Test func theExchangeSwapsTwoFoldersInOneStep() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("a/one.txt", "1")
        try site.write("b/two.txt", "2")
        let code = FolderExchange.exchange(site.root + "/a", site.root + "/b")
        #if os(Linux) || os(macOS)
        // tmpfs, ext4, xfs, btrfs and APFS all exchange; others report that they cannot.
        if code == 0 {
            #expect(Self.names(in: site.root + "/a") == ["two.txt"])
            #expect(Self.names(in: site.root + "/b") == ["one.txt"])
        } else {
            #expect(FolderExchange.isUnsupported(code), "\(String(cString: strerror(code)))")
        }
        #endif
        // Something missing is a failure of this exchange, not of the file system.
        let missing = FolderExchange.exchange(site.root + "/a", site.root + "/missing")
        #expect(missing != 0)
        #expect(!FolderExchange.isUnsupported(missing) || missing == ENOSYS)
    }

    @Test func replacingAnOutputUsesTheExchange() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.root + "/public"
        try OutputWriter.write([OutputFile(path: "old.html", text: "old")], to: output)
        var calls: [(String, String)] = []
        let method = try OutputWriter.write([OutputFile(path: "new.html", text: "new")], to: output) { a, b in
            calls.append((a, b))
            return FolderExchange.exchange(a, b)
        }
        #expect(calls.count == 1)
        #expect(calls.first?.1 == output)
        #expect(calls.first?.0.hasPrefix(output + ".tmp-\(getpid())-") == true)
        // Where this folder's file system exchanges (tmpfs, ext4 …), the exchange was used.
        try site.write("x/x", "x")
        try site.write("y/y", "y")
        if FolderExchange.exchange(site.root + "/x", site.root + "/y") == 0 {
            #expect(method == .exchange)
        } else {
            #expect(method == .renames)
        }
        FileOperations.removeTree(site.root + "/x")
        FileOperations.removeTree(site.root + "/y")
        #expect(Self.names(in: output) == [OutputFolder.markerName, "new.html"])
        #expect(Self.names(in: site.root) == ["public"])
    }

    @Test func aFileSystemThatRefusesTheExchangeGetsTwoRenames() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.root + "/public"
        try OutputWriter.write([OutputFile(path: "old.html", text: "old")], to: output)
        for refusal in [EINVAL, ENOSYS, ENOTSUP] {
            let method = try OutputWriter.write([OutputFile(path: "new\(refusal).html", text: "new")], to: output) { _, _ in refusal }
            #expect(method == .renames)
            #expect(Self.names(in: output) == [OutputFolder.markerName, "new\(refusal).html"])
            #expect(Self.names(in: site.root) == ["public"])
        }
        // Any other failure is reported, and the previous output stays.
        #expect(throws: OutputWriteError.self) {
            try OutputWriter.write([OutputFile(path: "lost.html", text: "x")], to: output) { _, _ in EIO }
        }
        #expect(Self.names(in: output) == [OutputFolder.markerName, "new\(ENOTSUP).html"])
        #expect(Self.names(in: site.root) == ["public"])
    }

    @Test func aForeignFolderIsNeverReplaced() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("mine/notes.txt", "precious")
        #expect(throws: OutputWriteError.self) {
            try OutputWriter.write([OutputFile(path: "a.html", text: "a")], to: site.root + "/mine")
        }
        #expect(Self.names(in: site.root + "/mine") == ["notes.txt"])
        #expect(Self.names(in: site.root) == ["mine"])
        // An empty folder is fine.
        try FileManager.default.createDirectory(atPath: site.root + "/empty", withIntermediateDirectories: false)
        try OutputWriter.write([OutputFile(path: "a.html", text: "a")], to: site.root + "/empty")
        #expect(Self.names(in: site.root + "/empty") == [OutputFolder.markerName, "a.html"])
    }

    @Test func leftoversOfKilledBuildsAreRemovedOnlyWhenPortalMadeThem() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.root + "/public"
        try OutputWriter.write([OutputFile(path: "a.html", text: "a")], to: output)
        // A dead process id: the largest pid Linux hands out is below 2^22.
        let dead = 4_194_304 + 17
        let marker = OutputFolder.markerName
        try site.write("public.tmp-\(dead)-abc/\(marker)", OutputFolder.markerText)
        try site.write("public.tmp-\(dead)-abc/en/index.html", "half written")
        try site.write("public.old-\(dead)-def/\(marker)", OutputFolder.markerText)
        try site.write("public.old-\(dead)-def/deep/er/x.html", "old")
        try FileManager.default.createDirectory(atPath: site.root + "/public.tmp-\(dead)-empty", withIntermediateDirectories: false)
        // Not portal's: no marker, or a name that only looks alike, or a build still running.
        try site.write("public.tmp-\(dead)-foreign/keep.txt", "keep")
        try site.write("public.tmpfile/\(marker)", "keep")
        try site.write("public.tmp-\(getpid())-running/\(marker)", "keep")
        try OutputWriter.write([OutputFile(path: "b.html", text: "b")], to: output)
        #expect(Set(Self.names(in: site.root)) == ["public", "public.tmp-\(dead)-foreign", "public.tmp-\(getpid())-running", "public.tmpfile"])
    }

    @Test func anOutputMarkedInsideTheSourcesIsNotReadAsContent() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("site.toml", "title = \"T\"\nbaseURL = \"https://example.org/\"\n")
        try site.write("content/posts/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nA.\n")
        // What an old portal, or a copy, left inside content/.
        try site.write("content/old-output/\(OutputFolder.markerName)", OutputFolder.markerText)
        try site.write("content/old-output/posts/a/index.md", "---\ntitle: copy\n---\n")
        try site.write("content/old-output/logo.png", "png")
        let config = SiteConfigLoader.load(siteRoot: site.root).config
        let scan = try ContentScanner.scan(siteRoot: site.root, config: #require(config))
        #expect(scan.sources.map(\.sitePath) == ["content/posts/a.md"])
        #expect(scan.assets.isEmpty)
        #expect(DirectoryWalker.outputMarker == OutputFolder.markerName)
        #expect(scan.diagnostics.contains { $0.location?.path == "content/old-output" && $0.message.contains(OutputFolder.markerName) })
    }
}

/// Which output folders a site may not use.
@Suite struct OutputFolderCheckTests {
    @Test func sourcesAndForeignFoldersAreRefused() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let root = site.root + "/site"
        try site.write("site/site.toml", "title = \"T\"\n")
        try site.write("site/content/a.md", "A")
        try site.write("site/static/s.txt", "S")
        try site.write("elsewhere/notes.txt", "mine")
        let refused: [(String, String)] = [
            (root, "is the site folder itself"),
            (root + "/", "is the site folder itself"),
            (root + "/content/../", "is the site folder itself"),
            (site.root, "contains the site folder"),
            ("/", "contains the site folder"),
            (root + "/content", "is the site's content/ folder"),
            (root + "/content/blog/out", "lies inside the site's content/ folder"),
            (root + "/static", "is the site's static/ folder"),
            (root + "/data", "is the site's data/ folder"),
            (root + "/Templates/x", "lies inside the site's Templates/ folder"),
            (site.root + "/elsewhere", "is not empty and was not written by portal"),
            (root + "/site.toml", "exists and is not a folder"),
        ]
        for (output, expected) in refused {
            let problem = OutputFolder.problem(output: output, siteRoot: root)
            #expect(problem?.contains(expected) == true, "\(output): \(problem ?? "accepted")")
        }
        // A link into the sources counts as the sources.
        try FileManager.default.createSymbolicLink(atPath: site.root + "/link", withDestinationPath: root + "/content")
        #expect(OutputFolder.problem(output: site.root + "/link/out", siteRoot: root)?.contains("content/") == true)

        for accepted in [root + "/public", site.root + "/public", site.root + "/new/deeper/public", root + "/contents"] {
            #expect(OutputFolder.problem(output: accepted, siteRoot: root) == nil, "\(accepted)")
        }
        try OutputWriter.write([OutputFile(path: "a.html", text: "a")], to: root + "/public")
        #expect(OutputFolder.problem(output: root + "/public", siteRoot: root) == nil)
    }
}
