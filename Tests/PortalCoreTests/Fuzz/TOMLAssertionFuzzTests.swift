import Foundation
import Testing
@testable import PortalText
@testable import PortalSources

/// Found by FuzzData and FuzzFrontMatter (scripts/fuzz.sh) when TOMLKit read TOML: its
/// toml++ asserted, aborting the whole build, on a table header whose key starts with
/// neither a bare-key character nor a quote, on a date-time with no digit after its `T`,
/// and on a value shaped like a date that is not one. Portal's TOML reader must report
/// each as a located error in every place TOML is read.
@Suite struct TOMLAssertionFuzzTests {
    /// The input FuzzData wrote (its first byte picks site.toml): the subpath
    /// fixture's site.toml with a mutated `[languages.zh-Hans]` header.
    static let reproducer = Data(base64Encoded: "AHRpdGxlID0gIlN1YnBhdGgiCmJhc2VVUkwgPSAiaHR0cHM6Ly9vcmcuZXhhbXBsZS5pby9wb3J0YWwvIgpkZWZhdWx0TGFuZ3VhZ2UgPSAiZW4iCnRpbWVab25lID0gIkV1cm9wZS9CZXJsaW4iCgpbbGFuZ3VhZ2VzLmVuXQpuYW1lID0gIkVuZ2xpc2giCnRpdGxlID0gIlN1Yi1wYXRoIHBvcnRhbCIKCluZnpWYip5nZXMuemgtSGFuc10KbmFtZSA9ICLnroDkvZPkuK3mlociCnRpdGxlID0gIuWtkOi3r+W+hOmXqOY/tyIK")!

    /// The second input FuzzData wrote (`data/authors.toml`): the header follows a
    /// byte order mark, which toml++ skips.
    static let afterByteOrderMark = Data(base64Encoded: "Ae+7v1ssaW5dBm5hTWXDPSA9ICJNYWludCE9CiA9ICJJbnZhbCIK")!

    /// The input FuzzFrontMatter wrote: a page whose `+++` front matter has
    /// `Date = 2022-02-03T-0`:00:00+08:Str00`.
    static let dateTimeWithoutTime = Data(base64Encoded: "CgorKysKRGF0ZSA9IDIwMjItMDItMDNULTBgOjAwOjAwKzA4OlN0cjAwCkxpbmFsaWFsZSA9ICE6bGFuayIKRGVzY3JpcGFsaWF0aW9uID0gc0Rlc2MgYWFtZS1venlzLiIKKysrCkJvZHkuCg==")!

    /// The third input FuzzFrontMatter wrote (a sample post with `date = 2024-09-1于 8 …`);
    /// the whole input is also read as front matter text, which libFuzzer minimised
    /// to `i=2024-09-1于 8`.
    static let brokenDate = Data(base64Encoded: "KysrCnRpdGxlID0gIuekvuWMuuS8muiurue6quimge+8mjAuOSDlj5HluIPlpI3nm5giCmRhdGUgPSAyMDI0LTA5LTHkuo4gOCDmnIggOCDml6Xlj5HluIPvvIzmnKzmrKHkvJrorq7lgZrlj5HluIPlpI3nm5jjgIIKCiMjIOWBmuW+l+WlveeahAoKLSDlj5HluIPlgJnpgInniYjmj5DliY3kuKTlkajlj5Hlh7rvvIzmlLbliLAgMjQg5p2h5Y+N6aaI44CCCi0g5Y2H57qn5oyH5Y2X56ys5LiA5qyh5YGa5Yiw5LqG5Lit6Iux5paH5ZCM5q2l5Y+R5biD44CCCgojIzJUMjA6MDA6MDArMDg6MDAKdGFncyA9IFsi56S+5Yy65Lya6K6uIiwgIlJlbGVhc2UiXQphdXRob3JzID0gWyJjaGVuamluZyJdCisrKwoKMC45IOS6jiA4IOaciCA4IOaXpeWPkeW4g++8jOacrOasoeS8muiuruWBmuWPkeW4g+WkjeebmOOAggoKIyMg5YGa5b6X5aW955qECgotIOWPkeW4g+WAmemAieeJiOaPkOWJjeS4pOWRqOWPkeWHuu+8jOaUtuWIsCAyNCDmnaHlj43ppojjgIIKLSDljYfnuqfmjIfljZfnrKzkuIDmrKHlgZrliLDkuobkuK3oi7HmloflkIzmraXlj5HluIPjgIIKCiMjIOmcgOimgeaUuei/h+etvuiHquWKqOeUn+aIkAotIFsgXSDlnKjotKHnjK7ogIXmjIfljZfph4zlhpnmmI7lj5HluIPmtYHnqIsKLSBbIF0g5Li6IDEuMCDmjIflrprkuKTkvY3lj5HluIPnu4/nkIbvvIzkupLkuLrlpIfku70K")!

    static let headers = ["[é]\n", "[\u{FFFD}ges.zh-Hans]\n", "[!]\n", "[ =]\n", "[[{]]\n", "[\n", "x = 1\n\n  [\t#]\n", "\u{FEFF}[,]\n", "[\r\n"]

    @Test func theReproducerIsAnErrorInSiteToml() throws {
        let text = String(decoding: Self.reproducer.dropFirst(), as: UTF8.self)
        let (config, diagnostics) = SiteConfigLoader.parseText(text, path: "site.toml")
        #expect(config == nil)
        let error = try #require(diagnostics.first)
        #expect(error.message.hasPrefix("invalid TOML"))
        #expect(error.location?.line == 10)
        #expect(error.location?.column == 2)
    }

    @Test func theHeaderAfterAByteOrderMarkIsAnError() throws {
        let text = String(decoding: Self.afterByteOrderMark.dropFirst(), as: UTF8.self)
        let (registry, diagnostics) = DataLoader.parseAuthorsTOMLText(text, file: "data/authors.toml")
        #expect(registry.profiles.isEmpty)
        let error = try #require(diagnostics.first)
        #expect(error.message.hasPrefix("invalid TOML"))
        #expect(error.location?.line == 1)
        #expect(error.location?.column == 2)
    }

    @Test func aDateTimeWithoutATimeIsAnError() throws {
        let bytes = Array(Self.dateTimeWithoutTime)
        for path in ["posts/2021-12-23-a.md", "notes/b.txt"] {
            let (document, diagnostics) = FrontMatterFixture.parseBytes(bytes, path: path)
            #expect(document == nil)
            let error = try #require(diagnostics.first)
            #expect(error.message.hasPrefix("invalid TOML front matter"), "\(error)")
            #expect(error.location?.line == 4)
            #expect(error.location?.column == 8)
        }
        for text in ["d = 2022-02-03T-0:00:00\n", "d = [1979-05-27T]\n", "t = { d = 1979-05-27tx:00:00 }\n", "a = [\n  1979-05-27T07:32:00Z,\n  1979-05-27T:\n]\n"] {
            #expect(SiteConfigLoader.parseText(text, path: "site.toml").diagnostics.hasErrors)
        }
    }

    @Test func aBrokenDateIsAnError() throws {
        let text = String(decoding: Self.brokenDate, as: UTF8.self)
        let (document, diagnostics) = FrontMatterFixture.parseBytes(Array(Self.brokenDate))
        #expect(document == nil)
        #expect(diagnostics.first?.message.hasPrefix("invalid TOML front matter") == true, "\(diagnostics)")
        guard case .failure = TOMLFrontMatterReader.read(text, lineOffset: 1, timeZone: .utc) else {
            Issue.record("read as TOML")
            return
        }
        for value in ["i=2024-09-1于 8\n", "d = 2024-09-1x\n", "d = [abcd-ef-gh 1]\n"] {
            #expect(SiteConfigLoader.parseText(value, path: "site.toml").diagnostics.hasErrors, "\(value.debugDescription)")
        }
        #expect(!SiteConfigLoader.parseText("d = 2024-09-10 08:00:00\nabcd-ef-gh = 1\n", path: "site.toml").diagnostics.hasErrors)
    }

    @Test func everyTOMLReaderReportsTheHeader() {
        for header in Self.headers {
            let (config, siteDiagnostics) = SiteConfigLoader.parseText(header, path: "site.toml")
            #expect(config == nil && siteDiagnostics.hasErrors, "\(header.debugDescription)")
            #expect(DataLoader.parseAuthorsTOMLText(header, file: "data/authors.toml").diagnostics.hasErrors)
            #expect(DataLoader.parseTagNamesText(header, file: "data/tags.toml").diagnostics.hasErrors)
            let (document, diagnostics) = FrontMatterFixture.parse("+++\n" + header + "+++\nbody\n")
            #expect(document == nil, "\(header.debugDescription)")
            #expect(diagnostics.first?.message.hasPrefix("invalid TOML front matter") == true, "\(diagnostics)")
        }
    }

    @Test func theLineAndColumnAreTheCharacters() throws {
        let (_, diagnostics) = FrontMatterFixture.parse("+++\ntitle = \"a\"\n[ 中]\n+++\n")
        let error = try #require(diagnostics.first)
        #expect(error.location?.line == 3)
        #expect(error.location?.column == 3)
    }

    /// Brackets inside values, strings and comments are not headers.
    @Test func validTOMLIsRead() {
        let valid = [
            "a = [\n  [1, 2],\n  [\"é\"],\n]\n",
            "a = \"\"\"\n[é]\n\"\"\"\n[b]\nc = 1\n",
            "a = '''\n[!]\n'''\n",
            "a = \"[é]\" # [!]\n[\"é\"]\nx = 1\n['!']\ny = 2\n",
            "[[list]]\nname = \"x\"\n[ t . u ] # [é]\nv = { w = [1] }\n",
            "s = \"\"\"\\\"\"\"\"\n[k]\n",
            "2022-02-03Tx = 1\nd = 1979-05-27T07:32:00Z\ne = 1979-05-27t07:32:00\nf = 1979-05-27\ng = { 2022-02-03T- = 1979-05-27 07:32:00 }\n",
        ]
        for text in valid {
            var diagnostics: [Diagnostic] = []
            #expect(TOMLValueReader.parseTable(text, file: "t.toml", diagnostics: &diagnostics) != nil, "\(text.debugDescription) \(diagnostics)")
        }
    }
}
