import Foundation
import PortalPipeline
import Testing

/// One fixture folder per invalid input under Tests/Fixtures/invalid; each holds a
/// site and `expected.txt`, the messages the build must print (one per line).
@Suite struct InvalidInputTests {
    static let names: [String] = {
        (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.invalid))?.sorted() ?? []
    }()

    @Test(arguments: InvalidInputTests.names)
    func invalidInputFailsWithLocatedMessage(_ name: String) throws {
        let root = Fixtures.invalid + "/" + name
        let result = Fixtures.build(root)
        #expect(result.failed, "\(name) must fail")
        #expect(result.files.isEmpty)
        let printed = result.diagnostics.map(\.description)
        let expected = try String(contentsOfFile: root + "/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        #expect(!expected.isEmpty)
        for line in expected {
            #expect(printed.contains { $0.hasPrefix(line) || $0 == line }, "\(name): no message starting with '\(line)' in \(printed)")
        }
    }
}
