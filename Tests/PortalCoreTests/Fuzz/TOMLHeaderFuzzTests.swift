import Foundation
import Testing
@testable import PortalText
@testable import PortalSources

/// Found by FuzzData (scripts/fuzz.sh): a table header whose key starts with a
/// character that is neither a bare-key character nor a quote made toml++ assert,
/// which aborted the whole build. Each TOML reader now reports it as an error.
@Suite struct TOMLHeaderFuzzTests {
    /// The input FuzzData wrote (its first byte picks site.toml): the subpath
    /// fixture's site.toml with a mutated `[languages.zh-Hans]` header.
    static let reproducer = Data(base64Encoded: "AHRpdGxlID0gIlN1YnBhdGgiCmJhc2VVUkwgPSAiaHR0cHM6Ly9vcmcuZXhhbXBsZS5pby9wb3J0YWwvIgpkZWZhdWx0TGFuZ3VhZ2UgPSAiZW4iCnRpbWVab25lID0gIkV1cm9wZS9CZXJsaW4iCgpbbGFuZ3VhZ2VzLmVuXQpuYW1lID0gIkVuZ2xpc2giCnRpdGxlID0gIlN1Yi1wYXRoIHBvcnRhbCIKCluZnpWYip5nZXMuemgtSGFuc10KbmFtZSA9ICLnroDkvZPkuK3mlociCnRpdGxlID0gIuWtkOi3r+W+hOmXqOY/tyIK")!

    static let headers = ["[é]\n", "[\u{FFFD}ges.zh-Hans]\n", "[!]\n", "[ =]\n", "[[{]]\n", "[\n", "x = 1\n\n  [\t#]\n"]

    @Test func theReproducerIsAnErrorInSiteToml() throws {
        let text = String(decoding: Self.reproducer.dropFirst(), as: UTF8.self)
        let (config, diagnostics) = SiteConfigLoader.parseText(text, path: "site.toml")
        #expect(config == nil)
        let error = try #require(diagnostics.first)
        #expect(error.message.contains("table header must start with a bare key"))
        #expect(error.location?.line == 10)
        #expect(error.location?.column == 2)
    }

    @Test func everyTOMLReaderReportsTheHeader() {
        for header in Self.headers {
            let (config, siteDiagnostics) = SiteConfigLoader.parseText(header, path: "site.toml")
            #expect(config == nil && siteDiagnostics.hasErrors, "\(header.debugDescription)")
            #expect(DataLoader.parseAuthorsTOMLText(header, file: "data/authors.toml").diagnostics.hasErrors)
            #expect(DataLoader.parseTagNamesText(header, file: "data/tags.toml").diagnostics.hasErrors)
            let (document, diagnostics) = FrontMatterFixture.parse("+++\n" + header + "+++\nbody\n")
            #expect(document == nil, "\(header.debugDescription)")
            #expect(diagnostics.first?.message.contains("table header must start with a bare key") == true, "\(diagnostics)")
        }
    }

    @Test func theLineAndColumnAreTheCharacters() throws {
        let (_, diagnostics) = FrontMatterFixture.parse("+++\ntitle = \"a\"\n[ 中]\n+++\n")
        let error = try #require(diagnostics.first)
        #expect(error.location?.line == 3)
        #expect(error.location?.column == 3)
    }

    /// Brackets inside values, strings and comments are not headers.
    @Test func validTOMLIsLeftToTOMLKit() {
        let valid = [
            "a = [\n  [1, 2],\n  [\"é\"],\n]\n",
            "a = \"\"\"\n[é]\n\"\"\"\n[b]\nc = 1\n",
            "a = '''\n[!]\n'''\n",
            "a = \"[é]\" # [!]\n[\"é\"]\nx = 1\n['!']\ny = 2\n",
            "[[list]]\nname = \"x\"\n[ t . u ] # [é]\nv = { w = [1] }\n",
            "s = \"\"\"\\\"\"\"\"\n[k]\n",
        ]
        for text in valid {
            #expect(TOMLHeaderCheck.badHeaderKey(in: text) == nil, "\(text.debugDescription)")
            var diagnostics: [Diagnostic] = []
            #expect(TOMLValueReader.parseTable(text, file: "t.toml", diagnostics: &diagnostics) != nil, "\(text.debugDescription) \(diagnostics)")
        }
    }
}
