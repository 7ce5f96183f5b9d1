import Foundation
import Testing
@testable import PortalText
@testable import PortalSources
@testable import PortalSite

/// Hugo's JSON front matter (`{ … }` at the top of the file) and `expiryDate`.
@Suite struct JSONFrontMatterTests {
    @Test func jsonObjectIsFrontMatter() throws {
        let text = "\n{\n  \"title\": \"Q3 roadmap {draft}\",\n  \"date\": \"2024-03-01\",\n  \"tags\": [\"roadmap\", \"社区\"],\n  \"params\": {\"x\": [1, 2]}\n}\n# Heading\n\nbody }\n"
        let document = try #require(FrontMatterFixture.parse(text).document)
        #expect(document.format == .json)
        #expect(document.metadata.title == "Q3 roadmap {draft}")
        #expect(document.metadata.tags == ["roadmap", "社区"])
        #expect(document.metadata.date != nil)
        #expect(document.body == "# Heading\n\nbody }\n")
        #expect(document.bodyLine == 8)
        // On one line, with the body right after.
        let compact = try #require(FrontMatterFixture.parse("{\"title\":\"T\"}\nbody\n").document)
        #expect(compact.metadata.title == "T")
        #expect(compact.body == "body\n")
        #expect(compact.bodyLine == 2)
    }

    @Test func bracesThatAreNoObjectStayBody() throws {
        // MDX comments and JSX expressions start with `{` too.
        let mdx = try #require(FrontMatterFixture.parse("{/* a comment */}\n\nText\n", path: "docs/a.mdx").document)
        #expect(mdx.format == .none)
        #expect(mdx.body.contains("Text"))
        let expression = try #require(FrontMatterFixture.parse("{props.title}\n\nText\n", path: "docs/b.mdx").document)
        #expect(expression.format == .none)
    }

    @Test func unterminatedAndInvalidJSONAreLocated() {
        let open = FrontMatterFixture.parse("{\n  \"title\": \"T\",\n  \"tags\": [\"a\"\n")
        #expect(open.document == nil)
        #expect(open.diagnostics.first?.description == "content/posts/a.md:1:1: error: unterminated front matter: no closing `}`")
        let invalid = FrontMatterFixture.parse("{\n  \"title\": \"T\",\n  \"date\": 2024-13-45\n}\nbody\n")
        #expect(invalid.document == nil)
        #expect(invalid.diagnostics.first?.location?.line == 3)
    }

    @Test func expiredPagesAreLeftOutUnlessAsked() throws {
        let now = Date(timeIntervalSince1970: 2_000_000_000)
        func document(_ name: String, expiry: Date?) -> Document {
            var document = ContentResolverTests.document("posts/\(name).md", title: name, date: Date(timeIntervalSince1970: 1_900_000_000))
            document.metadata.expiryDate = expiry
            return document
        }
        let documents = [document("expired", expiry: now.addingTimeInterval(-60)), document("later", expiry: now.addingTimeInterval(60)),
                         document("never", expiry: nil)]
        let published = ContentResolver(config: ContentResolverTests.config, includeDrafts: false, includeFuture: false, now: now)
            .resolve(documents).content.pages.map(\.title).sorted()
        #expect(published == ["later", "never"])
        let all = ContentResolver(config: ContentResolverTests.config, includeDrafts: false, includeFuture: false, includeExpired: true, now: now)
            .resolve(documents).content.pages.map(\.title).sorted()
        #expect(all == ["expired", "later", "never"])
        // Both spellings are read, as dates.
        let metadata = try #require(FrontMatterFixture.metadata("---\ntitle: T\nexpiryDate: 2030-01-02\n---\n"))
        #expect(metadata.expiryDate != nil)
        #expect(FrontMatterFixture.metadata("---\ntitle: T\nunpublishdate: 2030-01-02\n---\n")?.expiryDate != nil)
        #expect(metadata.params.isEmpty)
        // A changed expiry is a changed page (serve rebuilds rather than patches it).
        var changed = metadata
        changed.expiryDate = nil
        #expect(changed != metadata)
    }
}
