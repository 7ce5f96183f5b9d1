import Testing
@testable import PortalSources

/// `--base-url` and `PORTAL_BASE_URL` must name where the site lives.
@Suite struct BaseURLCheckTests {
    @Test func acceptsURLsWithSchemeAndHostAndRootPaths() {
        for good in ["https://org.github.io/portal/", "http://localhost:8080/", "https://example.org", "/", "/docs/"] {
            #expect(SiteConfig.baseURLProblem(good) == nil, "\(good)")
        }
    }

    @Test func refusesTheRestShowingACorrectOne() {
        #expect(SiteConfig.baseURLProblem("example.github.io/x/")
            == "'example.github.io/x/' is not a base URL: give the scheme and host, such as https://example.github.io/x/")
        #expect(SiteConfig.baseURLProblem("not a url")
            == "'not a url' is not a base URL: give the scheme and host, such as https://example.org/ or /docs/")
        for bad in ["ftp://example.org/", "https://", "//cdn.example.org/", "javascript:alert(1)", "docs/"] {
            #expect(SiteConfig.baseURLProblem(bad) != nil, "\(bad)")
        }
    }
}
