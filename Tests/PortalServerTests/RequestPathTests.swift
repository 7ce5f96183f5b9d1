import Testing
@testable import PortalServer

@Suite struct RequestPathTests {
    static let files: Set<String> = ["index.html", "404.html", "en/404.html", "en/posts/hello/index.html", "css/site.css", "图片/说明.txt"]
    func resolve(_ path: String) -> RequestPath.Resolution {
        RequestPath.resolve(path) { Self.files.contains($0) }
    }

    @Test func servesFilesAndIndexes() {
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/en/posts/hello/") == .file("en/posts/hello/index.html"))
        #expect(resolve("/css/site.css") == .file("css/site.css"))
    }

    @Test func redirectsFolderWithoutSlash() {
        #expect(resolve("/en/posts/hello") == .redirect("/en/posts/hello/"))
    }

    @Test func decodesChinesePaths() {
        #expect(resolve("/%E5%9B%BE%E7%89%87/%E8%AF%B4%E6%98%8E.txt") == .file("图片/说明.txt"))
    }

    @Test(arguments: ["/../site.toml", "/%2e%2e/site.toml", "/%2E%2E/%2E%2E/etc/passwd", "/en/..%2fsite.toml",
                      "/en/%2f..%2fsite.toml", "/..\\site.toml", "/./index.html", "/a%00b", "/%5c..%5csite.toml"])
    func refusesTraversal(_ path: String) {
        #expect(resolve(path) == .forbidden)
    }

    @Test func missingIsNotFound() {
        #expect(resolve("/nope/") == .notFound)
        #expect(resolve("/nope.css") == .notFound)
        #expect(RequestPath.notFoundPage(for: "/en/x/") { Self.files.contains($0) } == "en/404.html")
        #expect(RequestPath.notFoundPage(for: "/zh-hans/x/") { Self.files.contains($0) } == "404.html")
    }
}
