import Foundation
import PortalPipeline
import Testing

/// The sample portal at the repository root, built for a project sub-path: no
/// link of any page may leave `/portal/`.
@Suite struct SubPathTests {
    static let base = "https://example.org/portal/"

    @Test func noLinkEscapesTheBasePath() throws {
        let result = Fixtures.build(Fixtures.packageRoot, baseURL: Self.base)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        var checked = 0
        var escapes: [String] = []
        for file in result.files where file.path.hasSuffix(".html") {
            let html = String(decoding: Fixtures.bytes(of: file), as: UTF8.self)
            for url in Self.attributeValues(in: html) {
                checked += 1
                if !Self.staysUnderBase(url) { escapes.append("\(file.path): \(url)") }
            }
        }
        #expect(checked > 1000, "\(checked) links checked")
        #expect(escapes == [])
    }

    @Test func theCheckSeesAnEscape() {
        #expect(Self.attributeValues(in: "<a href=\"/x/\">x</a><img src='/y.png'><a data-href=\"/z\">") == ["/x/", "/y.png"])
        #expect(!Self.staysUnderBase("/x/"))
        #expect(!Self.staysUnderBase("/portalx/"))
        #expect(Self.staysUnderBase("/portal/en/"))
        #expect(Self.staysUnderBase("../a/"))
        #expect(Self.staysUnderBase("#main"))
        #expect(Self.staysUnderBase("https://github.com/example"))
        #expect(Self.staysUnderBase("https://example.org/portal/en/"))
        #expect(!Self.staysUnderBase("https://example.org/en/"))
        #expect(Self.staysUnderBase("//cdn.example.org/x.js"))
        #expect(Self.staysUnderBase("mailto:a@example.org"))
    }

    /// A URL stays when it starts with the base path, is relative, a fragment or external.
    static func staysUnderBase(_ url: String) -> Bool {
        // Absolute URLs of the site itself (canonical, alternates) must keep the path too.
        if url.hasPrefix("https://example.org") { return url.hasPrefix(base) }
        if url.hasPrefix("//") || url.hasPrefix("#") { return true }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return true }
        if url.hasPrefix("/") { return url.hasPrefix("/portal/") }
        return true
    }

    /// Values of `href` and `src` attributes, quoted either way.
    static func attributeValues(in html: String) -> [String] {
        var values: [String] = []
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            var matched: Int?
            for name in ["href=", "src="] where Self.matches(bytes, at: i, name) {
                matched = i + name.utf8.count
            }
            // The attribute name must start a word (not `data-href=`).
            if let start = matched, i > 0, bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\n"),
               start < bytes.count, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") {
                let quote = bytes[start]
                var end = start + 1
                while end < bytes.count, bytes[end] != quote { end += 1 }
                values.append(String(decoding: bytes[(start + 1)..<end], as: UTF8.self))
                i = end
            }
            i += 1
        }
        return values
    }

    static func matches(_ bytes: [UInt8], at index: Int, _ name: String) -> Bool {
        let needle = Array(name.utf8)
        guard index + needle.count <= bytes.count else { return false }
        return Array(bytes[index..<(index + needle.count)]) == needle
    }
}
