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

    /// Pages and feeds are rendered when first read, in any order and on any thread:
    /// reading them in reverse order gives the bytes of a build read in order.
    @Test(arguments: GoldenSiteTests.names)
    func renderingOrderDoesNotChangeTheFiles(_ name: String) throws {
        let root = Fixtures.sites + "/" + name
        let first = Fixtures.build(root)
        let second = Fixtures.build(root)
        #expect(second.files.map(\.path) == first.files.map(\.path))
        #expect(second.diagnostics.map(\.description) == first.diagnostics.map(\.description))
        #expect(first.files.contains { if case .deferred = $0.content { return true } else { return false } })
        let reversed = second.files.reversed().map { ($0.path, Fixtures.bytes(of: $0)) }
        for (file, (path, bytes)) in zip(first.files, reversed.reversed()) {
            #expect(file.path == path)
            #expect(Fixtures.bytes(of: file) == bytes, "\(name): \(file.path) differs when rendered in another order")
        }
    }
}
