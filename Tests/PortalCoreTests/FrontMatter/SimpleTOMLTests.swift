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

/// The quick reader of flat TOML front matter must give exactly the nodes portal's TOML
/// reader gives, and leave everything it does not fully understand to that reader.
@Suite struct SimpleTOMLTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    static func parsed(_ text: String) -> String? {
        guard case let .success(entries) = TOMLFrontMatterReader.readParsed(text, lineOffset: 1, timeZone: zone) else { return nil }
        return FrontMatterFixture.describe(entries)
    }

    static let simple = [
        "",
        "# only a comment\n\n",
        "title = \"架构设计 在代码评审流程场景下的实践\"\ndate = 2022-12-31\nlastmod = 2023-01-14\ndraft = false\n"
            + "tags = [\"Protobuf\", \"熔断\"]\nsummary = \"文档小组介绍了边车模式。\"\n\n[header]\nimage = \"/images/a.png\"\ncaption = \"确认了负载均衡\"\n",
        "date = 2020-05-17T11:45:00+08:00\nlastmod = 2020-05-18T03:00:00Z\npublishDate = 2020-05-19T08:30:00\n",
        "expiryDate = 2021-02-28T23:59:59-05:30\nweight = 10\nnegative = -42\nzero = 0\nflag = true\n",
        "title = 'literal: with \"quotes\" and \\\\ backslash'\nslug = \"\"\nempty = []\n",
        "  indented = \"yes\"\ntags = [ \"a\" , 'b',2021-01-01, 7, true, ]\nkeywords=[\"x\"]\n",
        "zeta = 1\nalpha = 2\n[params]\nb = \"2\"\na = \"1\"\n[author]\n",
        "title = \"a # not a comment, [not a list]\"\n",
    ]

    @Test func flatFrontMatterReadsAsTOMLKitReadsIt() throws {
        for text in Self.simple {
            let quick = try #require(TOMLFrontMatterReader.readSimple(text, lineOffset: 1, timeZone: Self.zone), "not read quickly: \(text)")
            #expect(FrontMatterFixture.describe(quick) == Self.parsed(text), "\(text)")
        }
    }

    @Test func everythingElseIsLeftToTOMLKit() {
        let others = [
            "title = \"escaped \\\" quote\"\n",          // escapes
            "title = \"\"\"multi\nline\"\"\"\n",          // multi-line string
            "title = '''literal'''\n",                    // multi-line literal string
            "title = \"text\" # comment\n",               // comment after a value
            "title = \"a\"\ntitle = \"b\"\n",             // repeated key
            "site.title = \"x\"\n",                        // dotted key
            "\"quoted key\" = 1\n",                        // quoted key
            "ratio = 1.5\n",                               // float
            "big = 1_000\n",                               // underscore
            "hex = 0x1F\n",                                // other base
            "plus = +1\n",
            "leading = 01\n",
            "author = { name = \"x\" }\n",                // inline table
            "tags = [\n  \"a\",\n]\n",                    // list over several lines
            "tags = [[\"a\"], [\"b\"]]\n",                // nested list
            "[[authors]]\nname = \"x\"\n",                 // array of tables
            "[params.deep]\nx = 1\n",                      // dotted table
            "[ params ]\nx = 1\n",
            "params = 1\n[params]\nx = 1\n",               // table over a key
            "[a]\n[a]\n",                                  // repeated table
            "date = 2021-02-30\n",                         // no such day
            "date = 2021-12-23 10:00:00\n",                // space between date and time
            "date = 2021-12-23T10:00:00.5Z\n",             // fraction of a second
            "date = 2021-12-23t10:00:00z\n",
            "time = 10:00:00\n",                           // a time of day alone
            "title = x\n",                                 // bare word
            "title =\n",
            "title = \"tab\there\"\n",                    // tab
            "title = \"x\"\r\n",                           // carriage return
            "title = \"a\u{85}b\"\n",                      // C1 control
            "\u{FEFF}title = \"x\"\n",                     // byte-order mark
        ]
        for text in others {
            #expect(TOMLFrontMatterReader.readSimple(text, lineOffset: 1, timeZone: Self.zone) == nil, "read quickly: \(text)")
        }
        // The full reader still reports the problems of those that are invalid.
        if case .success = TOMLFrontMatterReader.read("title = \"a\"\ntitle = \"b\"\n", lineOffset: 1, timeZone: Self.zone) {
            Issue.record("a repeated key was accepted")
        }
    }

    @Test func editedFrontMatterIsReadAsTOMLKitReadsItOrLeftToIt() {
        // Whatever the quick reader accepts, the full reader accepts too and reads the same.
        var quick = 0
        let short = ["n = 10\nm = -7\n", "d = 2021-12-23\nt = 2021-12-23T10:00:00+08:00\n", "l = [1, \"a\", 'b', true]\n[x]\ny = 'z'\n"]
        for text in FrontMatterFixture.variants(of: Self.simple + short, each: 1000) {
            guard let entries = TOMLFrontMatterReader.readSimple(text, lineOffset: 1, timeZone: Self.zone) else { continue }
            #expect(FrontMatterFixture.describe(entries) == Self.parsed(text), "\(text.debugDescription)")
            quick += 1
        }
        #expect(quick > 100)
    }

    @Test(.enabled(if: SharedFolder.exists || ProcessInfo.processInfo.environment["PORTAL_TOML_CORPUS"] != nil,
                   "needs ../shared beside the repository or PORTAL_TOML_CORPUS naming a corpus"))
    func seedAndBenchmarkFrontMatterReadTheSameBothWays() throws {
        // Real front matter; PORTAL_TOML_CORPUS names another folder to compare.
        var compared = 0
        for (path, front) in FrontMatterFixture.corpusFrontMatters(fence: "+++", variable: "PORTAL_TOML_CORPUS") {
            guard let quick = TOMLFrontMatterReader.readSimple(front, lineOffset: 1, timeZone: Self.zone) else { continue }
            #expect(FrontMatterFixture.describe(quick) == Self.parsed(front), "\(path)")
            compared += 1
        }
        if ProcessInfo.processInfo.environment["PORTAL_TOML_CORPUS"] != nil { print("compared \(compared) TOML front matters") }
    }
}
