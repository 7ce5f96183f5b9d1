import Foundation
import Testing
@testable import PortalText
@testable import PortalSources

/// portal's TOML reader against TOMLKit (toml++): whatever both accept reads the same,
/// and where they differ on accepting a text, the TOML 1.0 specification decides
/// (`decided` lists each such case and which reader follows the specification).
@Suite struct TOMLDifferentialTests {
    /// Documents in the style of the specification's examples and of portal's sites.
    static let cases = [
        "title = \"TOML Example\"\n\n[owner]\nname = \"Tom Preston-Werner\"\ndob = 1979-05-27T07:32:00-08:00\n\n[database]\nenabled = true\nports = [ 8000, 8001, 8002 ]\ndata = [ [\"delta\", \"phi\"], [3.14] ]\ntemp_targets = { cpu = 79.5, case = 72.0 }\n\n[servers]\n\n[servers.alpha]\nip = \"10.0.0.1\"\nrole = \"frontend\"\n",
        "str = \"I'm a string. \\\"You can quote me\\\". Name\\tJos\\u00E9\\nLocation\\tSF.\"\nstr1 = \"\"\"\nRoses are red\nViolets are blue\"\"\"\nstr2 = \"\"\"\nThe quick brown \\\n\n\n  fox jumps over \\\n    the lazy dog.\"\"\"\nwinpath = 'C:\\Users\\nodejs\\templates'\nregex = '<\\i\\c*\\s*>'\nlines = '''\nThe first newline is\ntrimmed in raw strings.\n'''\nquot15 = '''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''\n",
        "int1 = +99\nint2 = 42\nint3 = 0\nint4 = -17\nint5 = 1_000\nhex1 = 0xDEADBEEF\noct1 = 0o01234567\nbin1 = 0b11010110\nflt1 = +1.0\nflt2 = 3.1415\nflt3 = -0.01\nflt4 = 5e+22\nflt5 = 1e06\nflt6 = -2E-2\nflt7 = 6.626e-34\nflt8 = 224_617.445_991_228\nsf1 = inf\nsf2 = +inf\nsf3 = -inf\nsf4 = nan\nbig = 9223372036854775807\nsmall = -9223372036854775808\n",
        "odt1 = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00-07:00\nodt3 = 1979-05-27T00:32:00.999999-07:00\nodt4 = 1979-05-27 07:32:00Z\nldt1 = 1979-05-27T07:32:00\nldt2 = 1979-05-27T00:32:00.999999\nld1 = 1979-05-27\nlt1 = 07:32:00\nlt2 = 00:32:00.999999\nleap = 2024-02-29\n",
        "name = { first = \"Tom\", last = \"Preston-Werner\" }\npoint = { x = 1, y = 2 }\nanimal = { type.name = \"pug\" }\nnested = [ { a = [1, 2] }, [ { b = {} } ] ]\ncontributors = [\n  \"Foo Bar <foo@example.com>\", # a comment\n  { name = \"Baz Qux\", email = \"bazqux@example.com\", url = \"https://example.com/bazqux\" },\n]\n",
        "[[products]]\nname = \"Hammer\"\nsku = 738594937\n\n[[products]]\n\n[[products]]\nname = \"Nail\"\nsku = 284758393\ncolor = \"gray\"\n[[fruits]]\nname = \"apple\"\n[fruits.physical]\ncolor = \"red\"\n[[fruits.varieties]]\nname = \"red delicious\"\n[[fruits]]\nname = \"banana\"\n",
        "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n[x.y.z.w]\n[x]\n\"quoted key\" = 'v'\n'single' = \"\"\n\"\" = 1\n[dog.\"tater.man\"]\ntype.name = \"pug\"\n",
        "title = \"portal\"\nbaseURL = \"https://example.org/\"\ndefaultLanguage = \"zh-Hans\"\ntimeZone = \"Asia/Shanghai\"\n\n[languages.zh-Hans]\nname = \"简体中文\"\nweight = 1\n[languages.en]\nname = \"English\"\n[markdown]\nunsafe = \"sanitized\"\n[params]\nsocial = { github = \"x\" }\nmenu = [{ name = \"文档\", url = \"/docs/\" }]\n",
        "[zhangsan]\nname = \"张三\"\nurl = \"https://example.org/\"\n[zhangsan.names]\nen = \"Zhang San\"\n[zhangsan.socials]\ngithub = \"zhangsan\"\n",
        "a = \"\\U0001F600 \\u4E2D\"\nb = \"\"\"\r\nCRLF\r\nlines\"\"\"\nc = [\r\n1,\r\n]\n",
        // Refused by both.
        "a = 1\na = 2\n", "[a]\n[a]\n", "a = {}\na.b = 1\n", "a = [1,]\n[[a]]\n", "a = 012\n", "a = 1__0\n",
        "a = \"\\x41\"\n", "a = \"\\uD800\"\n", "a = 2021-02-30\n", "a = { b = 1, }\n", "a = { b = 1\n}\n",
        "[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n", "a.b = 1\n[a]\n", "[fruit]\napple.color = 1\n[fruit.apple]\n",
        "a = 9223372036854775808\n", "a = +0x1\n", "a = 1.\n", "a = .1\n", "a = 1e\n", "a = tru\n", "a = \"\u{1}\"\n",
        "a = 1 # \u{7F}\n", "a = 1\rb = 2\n", "s = \"\"\"a\"\"\"\"\"\"\n", "\"\"\"k\"\"\" = 1\n",
    ]

    /// A text both readers accept or both refuse, or that reads differently: the outcome
    /// by the specification for each case where the readers disagree.
    static let decided: [String: String] = [:]

    struct Comparison {
        var compared = 0
        var bothAccepted = 0
        var crashed = 0
        var disagreements: [String] = []

        /// Compares each text (with its origin) in portal's reader and in TOMLKit.
        init(_ items: [(text: String, origin: String)]) throws {
            // TOMLKit reads a C string and stops at a NUL; portal refuses the NUL.
            let items = items.filter { !$0.text.utf8.contains(0) }
            let theirs = try TOMLKitReference.canonicalInChild(items.map(\.text))
            for (item, reference) in zip(items, theirs) {
                compared += 1
                let ours: String?
                do throws(TOMLError) {
                    ours = TOMLText.canonical(try TOMLParser.parse(item.text))
                } catch {
                    ours = nil
                }
                if reference == TOMLKitReference.crashed {
                    crashed += 1
                    if ours != nil { disagreements.append("\(item.origin): portal accepts, TOMLKit crashes: \(TOMLText.quote(item.text))") }
                    continue
                }
                if let ours, let reference {
                    bothAccepted += 1
                    if ours != reference {
                        disagreements.append("\(item.origin): values differ\n  portal:  \(ours)\n  TOMLKit: \(reference)\n  text: \(TOMLText.quote(item.text))")
                    }
                } else if (ours == nil) != (reference == nil) {
                    disagreements.append("\(item.origin): \(ours == nil ? "portal refuses, TOMLKit accepts" : "portal accepts, TOMLKit refuses"): \(TOMLText.quote(item.text))")
                }
            }
        }

        var summary: String {
            "\(compared) compared, \(bothAccepted) accepted by both, \(crashed) crash TOMLKit, \(disagreements.count) disagreements"
        }
    }

    /// Disagreements not in `decided`, recorded as issues; returns the comparison for its counts.
    static func check(_ comparison: Comparison) {
        for disagreement in comparison.disagreements where !decided.keys.contains(where: { disagreement.hasSuffix(TOMLText.quote($0)) }) {
            Issue.record(Comment(rawValue: disagreement))
        }
    }

    @Test func tomlKitProbe() {
        TOMLKitReference.probe()
    }

    /// Front matter as posts write it (flat keys, dates, lists, a table or two).
    static let frontMatterCases = [
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

    /// Runs `work` on a thread of its own: the comparisons take seconds, and tests of the
    /// preview server need the threads of the cooperative pool to answer in time.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    @Test func casesReadTheSame() async throws {
        let comparison = try await Self.offPool { try Comparison((Self.cases + Self.frontMatterCases).enumerated().map { ($1, "case \($0)") }) }
        Self.check(comparison)
        print("TOML differential, cases: \(comparison.summary)")
        #expect(comparison.bothAccepted >= 10)
    }

    @Test func editedVariantsReadTheSame() async throws {
        let texts = FrontMatterFixture.variants(of: Self.cases + Self.frontMatterCases, each: 300)
        let comparison = try await Self.offPool { try Comparison(texts.enumerated().map { ($1, "variant \($0)") }) }
        Self.check(comparison)
        print("TOML differential, variants: \(comparison.summary)")
        #expect(comparison.bothAccepted > 1000)
    }

    @Test(.enabled(if: SharedFolder.exists, "needs ../shared beside the repository"))
    func sharedFilesReadTheSame() async throws {
        var items: [(text: String, origin: String)] = []
        if let walker = FileManager.default.enumerator(atPath: SharedFolder.root) {
            for case let path as String in walker where path.hasSuffix(".toml") {
                guard let data = FileManager.default.contents(atPath: SharedFolder.root + "/" + path),
                      let text = String(data: data, encoding: .utf8) else { continue }
                items.append((text, path))
            }
        }
        let files = items.count
        items += FrontMatterFixture.corpusFrontMatters(fence: "+++", variable: "PORTAL_TOML_CORPUS").map { ($0.text, $0.path) }
        let compared = items
        let comparison = try await Self.offPool { try Comparison(compared) }
        Self.check(comparison)
        print("TOML differential, ../shared: \(files) .toml files and \(items.count - files) TOML front matters: \(comparison.summary)")
    }
}
