import Foundation
import PortalPipeline
import Testing

/// Builds each fixture site under Tests/Fixtures/sites and compares every output
/// file with its `expected/` tree. `RECORD_GOLDEN=1 swift test` re-records them.
@Suite struct GoldenSiteTests {
    static let names: [String] = {
        (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.sites))?.sorted() ?? []
    }()

    @Test(arguments: GoldenSiteTests.names)
    func siteMatchesGoldenTree(_ name: String) throws {
        let root = Fixtures.sites + "/" + name
        let built = Fixtures.build(root)
        #expect(!built.failed, "\(built.diagnostics)")
        // The theme's own assets are the same in every site; the embedding test covers them.
        var result = built
        result.files = built.files.filter { !$0.path.hasPrefix("assets/") }
        let expectedDir = root + "/expected"
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: expectedDir)
            for file in result.files { Fixtures.write(Fixtures.bytes(of: file), to: expectedDir + "/" + file.path) }
            let warnings = result.diagnostics.map(\.description).joined(separator: "\n")
            Fixtures.write(warnings.isEmpty ? "" : warnings + "\n", to: root + "/expected-diagnostics.txt")
            return
        }
        let expected = Fixtures.tree(expectedDir)
        let actual = result.files.map(\.path)
        #expect(Set(actual).subtracting(expected).sorted() == [], "files built but not expected")
        #expect(Set(expected).subtracting(actual).sorted() == [], "files expected but not built")
        for file in result.files where expected.contains(file.path) {
            let want = FileManager.default.contents(atPath: expectedDir + "/" + file.path).map { [UInt8]($0) } ?? []
            #expect(Fixtures.bytes(of: file) == want, "\(name): \(file.path) differs from the golden file")
        }
        let diagnostics = (try? String(contentsOfFile: root + "/expected-diagnostics.txt", encoding: .utf8)) ?? ""
        let actualDiagnostics = result.diagnostics.map(\.description).joined(separator: "\n")
        #expect(actualDiagnostics == diagnostics.trimmingCharacters(in: .newlines), "\(name): diagnostics differ")
    }

    /// `portal build` renders pages and feeds in the threads that write them: same files, same bytes.
    @Test(arguments: GoldenSiteTests.names)
    func deferredRenderingGivesTheSameFiles(_ name: String) throws {
        let root = Fixtures.sites + "/" + name
        let eager = Fixtures.build(root)
        let deferred = Fixtures.build(root, deferred: true)
        #expect(deferred.files.map(\.path) == eager.files.map(\.path))
        #expect(deferred.diagnostics.map(\.description) == eager.diagnostics.map(\.description))
        #expect(deferred.files.contains { if case .deferred = $0.content { return true } else { return false } })
        for (late, early) in zip(deferred.files, eager.files) {
            #expect(Fixtures.bytes(of: late) == Fixtures.bytes(of: early), "\(name): \(late.path) differs when deferred")
        }
    }
}
