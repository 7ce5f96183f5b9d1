import Foundation
@testable import PortalText
@testable import PortalSources
@testable import PortalMarkdown
@testable import PortalSite
@testable import PortalTemplates
@testable import PortalRender
@testable import PortalOutput
@testable import PortalPipeline

/// A throwaway site folder for tests; files are written with inline text.
struct TemporarySite {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("portal-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() {
        FileOperations.removeTree(root)
    }

    /// `../shared/seeds/<name>` beside the package root, if present.
    static func seedPath(_ name: String, filePath: String = #filePath) -> String? {
        var url = URL(fileURLWithPath: filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        let seed = url.deletingLastPathComponent().appendingPathComponent("shared/seeds/\(name)").path
        return FileManager.default.fileExists(atPath: seed) ? seed : nil
    }
}
