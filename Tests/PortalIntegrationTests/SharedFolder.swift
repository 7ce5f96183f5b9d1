import Foundation

/// `../shared` beside the package: the seed documents and corpora the project was designed
/// from. A user's clone has none; the tests that read it are skipped there, saying why.
enum SharedFolder {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url.deletingLastPathComponent().appendingPathComponent("shared").path
    }()

    static var hasSeeds: Bool { FileManager.default.fileExists(atPath: root + "/seeds") }
    static var exists: Bool { FileManager.default.fileExists(atPath: root) }
}
