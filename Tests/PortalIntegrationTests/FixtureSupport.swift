import Foundation
import PortalSite
import PortalPipeline

/// Paths and helpers shared by the integration tests.
enum Fixtures {
    /// The package root, three levels above this file.
    static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    static let sites = packageRoot + "/Tests/Fixtures/sites"
    static let invalid = packageRoot + "/Tests/Fixtures/invalid"
    /// `../shared/seeds/site`, when the shared folder is beside the package.
    static var seedSite: String? {
        let path = URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared/seeds/site").path
        return FileManager.default.fileExists(atPath: path + "/site.toml") ? path : nil
    }

    /// A fixed "now" so that builds do not depend on the day they run.
    static let now = ISO8601DateFormatter().date(from: "2026-06-01T00:00:00Z")!

    static func build(_ root: String, baseURL: String? = nil, drafts: Bool = false, strict: Bool = false) -> BuildResult {
        SiteBuilder(options: BuildOptions(sourceRoot: root, baseURL: baseURL, includeDrafts: drafts, now: now, strict: strict)).build()
    }

    /// Bytes of an output file, reading copied files from their source.
    static func bytes(of file: OutputFile) -> [UInt8] {
        switch file.content {
        case let .bytes(bytes): return bytes
        case let .copy(from): return FileManager.default.contents(atPath: from).map { [UInt8]($0) } ?? []
        case let .deferred(content): return content.bytes()
        }
    }

    static func text(_ result: BuildResult, _ path: String) -> String? {
        result.files.first { $0.path == path }.map { String(decoding: bytes(of: $0), as: UTF8.self) }
    }

    /// Every regular file below `directory`, relative and sorted.
    static func tree(_ directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "portal-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes a small site (`site.toml` plus files) into a fresh temporary folder.
    static func makeSite(_ files: [String: String], siteToml: String = defaultSiteToml) -> String {
        let root = temporaryDirectory()
        write(siteToml, to: root + "/site.toml")
        for (path, text) in files { write(text, to: root + "/" + path) }
        return root
    }

    static func write(_ text: String, to path: String) {
        write(Array(text.utf8), to: path)
    }

    static func write(_ bytes: [UInt8], to path: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    static let defaultSiteToml = """
        title = "Test portal"
        baseURL = "https://example.org/"
        defaultLanguage = "zh-Hans"
        timeZone = "Asia/Shanghai"
        pageSize = 10

        [languages.zh-Hans]
        name = "简体中文"
        title = "测试门户"

        [languages.en]
        name = "English"
        title = "Test portal"
        """
}
