import Foundation
import Testing
@testable import PortalSearch

/// The index side of search: the shared cases (which `node --test` runs against the
/// theme's script too), the Traditional -> Simplified table, and stemming.
@Suite struct SearchTokenizerTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    struct Case: Decodable {
        var text: String
        var tokens: [[Token]]

        enum Token: Decodable {
            case term(String), position(Int)
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .position(number) } else { self = .term(try container.decode(String.self)) }
            }
        }
    }

    static func cases() throws -> [Case] {
        let data = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Tests/Fixtures/search/tokenizer-cases.json"))
        return try JSONDecoder().decode([Case].self, from: data)
    }

    @Test func sharedCases() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 10)
        for item in cases {
            let expected = item.tokens.map { pair -> String in
                var term = "", position = -1
                for part in pair {
                    switch part {
                    case let .term(text): term = text
                    case let .position(number): position = number
                    }
                }
                return "\(term)@\(position)"
            }
            let actual = SearchTokenizer.tokens(item.text).map { "\($0.term)@\($0.position)" }
            #expect(actual == expected, "\(item.text)")
        }
    }

    @Test func traditionalCharactersFindSimplifiedText() {
        #expect(SearchTokenizer.normalize("社區網頁開發").map(String.init).joined() == "社区网页开发")
        // Simplified text and characters both scripts share stay as they are.
        #expect(SearchTokenizer.normalize("社区服务").map(String.init).joined() == "社区服务")
        #expect(TraditionalSimplified.table.count > 2_500)
        // No simplified form is itself mapped further (one look-up is enough).
        #expect(TraditionalSimplified.table.values.allSatisfy { TraditionalSimplified.table[$0.value] == nil })
    }

    @Test func theBrowserGetsTheSameTable() throws {
        let text = try String(contentsOfFile: Self.packageRoot + "/Templates/assets/search-t2s.txt", encoding: .utf8)
        #expect(text.trimmingCharacters(in: .newlines) == TraditionalSimplified.pairs)
    }

    @Test(arguments: [("clusters", "cluster"), ("studies", "study"), ("classes", "class"), ("boxes", "box"), ("status", "status"),
                      ("analysis", "analysis"), ("deployed", "deploy"), ("building", "build"), ("go", "go"), ("v2s", "v2s"), ("bus", "bus")])
    func lightStemming(word: String, stem: String) {
        #expect(SearchTokenizer.stem(word) == stem)
    }
}

/// The theme's script runs the same cases under Node (`node --test Tests/JS/`), when Node is installed.
@Suite struct SearchScriptTests {
    static var node: String? {
        ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func scriptAgreesWithTheSwiftTokenizer() throws {
        guard let node = Self.node else {
            print("node is not installed: the script's tests are skipped (apt-get install nodejs)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["--test", "Tests/JS/"]
        process.currentDirectoryURL = URL(fileURLWithPath: SearchTokenizerTests.packageRoot)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("# fail 0"))
    }
}
