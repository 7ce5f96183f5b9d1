import Foundation
import Testing
@testable import PortalServer

/// `portal serve` answers only GET and HEAD, only to loopback host names when it listens
/// on loopback, and never through a symbolic link to a private file.
///
/// These tests are part of the serialized `ServerLoopbackTests`: the loopback client
/// blocks a thread of the cooperative pool while it waits, and two such tests at once
/// on a two-core machine leave no thread for the server to answer with.
extension ServerLoopbackTests {
    @Test func methodsOtherThanGetAndHeadGet405() async throws {
        let site = TestSite()
        defer { site.remove() }
        let server = try await RunningPreview.start(site)
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"] {
            let response = try ServeHardening.send(port: server.port, "\(method) /en/posts/hello/ HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)", body: "x=1")
            #expect(response.status == 405, "\(method)")
            #expect(response.headers["allow"] == "GET, HEAD", "\(method)")
            #expect(!response.text.contains("First version"), "\(method)")
        }
        let get = try ServeHardening.send(port: server.port, "GET /en/posts/hello/ HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)")
        #expect(get.status == 200)
        let head = try ServeHardening.send(port: server.port, "HEAD /en/posts/hello/ HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(await server.stop())
    }

    @Test func onlyLoopbackHostNamesAreAnswered() async throws {
        let site = TestSite()
        defer { site.remove() }
        let server = try await RunningPreview.start(site)
        let port = server.port
        for host in ["127.0.0.1:\(port)", "127.0.0.1", "localhost:\(port)", "LOCALHOST", "localhost.:\(port)", "[::1]:\(port)",
                     "127.1.2.3:8080", "[::1]"] {
            let response = try ServeHardening.send(port: port, "GET /en/posts/hello/ HTTP/1.1\r\nHost: \(host)")
            #expect(response.status == 200, "\(host)")
        }
        for host in ["evil.example", "evil.example:\(port)", "attacker.test:1313", "127.0.0.1.evil.example", "localhost.evil.example",
                     "127.0.0.256", "0.0.0.0:\(port)", "[::2]:\(port)", "10.0.0.1"] {
            for path in ["/en/posts/hello/", LiveReloadScript.eventsPath, "/no/such/"] {
                let response = try ServeHardening.send(port: port, "GET \(path) HTTP/1.1\r\nHost: \(host)")
                #expect(response.status == 403, "\(host) \(path)")
                #expect(response.text.hasPrefix("403 forbidden: unknown host"), "\(host)")
                #expect(!response.text.contains("First version"))
            }
        }
        #expect(await server.stop())
    }

    @Test func hostPolicyNamesAndBinding() {
        let loopback = RequestPolicy(bindHost: "127.0.0.1")
        #expect(loopback.refusal(method: "GET", host: "localhost:1313") == nil)
        #expect(loopback.refusal(method: "GET", host: "evil.example") == .host("evil.example"))
        #expect(loopback.refusal(method: "GET", host: nil) == nil)
        #expect(loopback.refusal(method: "POST", host: "localhost") == .method)
        // What --host names is accepted too.
        let named = RequestPolicy(bindHost: "localhost")
        #expect(named.refusal(method: "GET", host: "localhost:1") == nil)
        let v6 = RequestPolicy(bindHost: "::1")
        #expect(v6.checksHost)
        #expect(v6.refusal(method: "GET", host: "[::1]:1313") == nil)
        // Listening on every address (to preview from a phone): any name.
        let open = RequestPolicy(bindHost: "0.0.0.0")
        #expect(!open.checksHost)
        #expect(open.refusal(method: "GET", host: "laptop.local:1313") == nil)
        #expect(open.refusal(method: "DELETE", host: "laptop.local:1313") == .method)
    }

    @Test func symlinksToPrivateFilesAreNeitherBuiltNorServed() async throws {
        let site = TestSite()
        defer { site.remove() }
        site.write("static/ok.txt", "ok")
        site.write("data/authors.toml", "[li]\nname = \"Li\"\nemail = \"li@private.example\"\n")
        site.write("shared/logo.txt", "logo")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: site.root + "/static/cfg.txt", withDestinationPath: "../site.toml")
        try fm.createSymbolicLink(atPath: site.root + "/static/authors.txt", withDestinationPath: "../data/authors.toml")
        try fm.createSymbolicLink(atPath: site.root + "/static/all", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: site.root + "/static/logo.txt", withDestinationPath: "../shared/logo.txt")
        let server = try await RunningPreview.start(site)
        for path in ["/cfg.txt", "/authors.txt", "/all/site.toml", "/all/data/authors.toml"] {
            let response = try LoopbackClient.get(port: server.port, path)
            #expect(response.status == 403 || response.status == 404, "\(path) gave \(response.status)")
            #expect(!response.text.contains("baseURL") && !response.text.contains("private.example"), "\(path)")
        }
        #expect(try LoopbackClient.get(port: server.port, "/cfg.txt").status == 403)
        #expect(try LoopbackClient.get(port: server.port, "/authors.txt").status == 403)
        #expect(try LoopbackClient.get(port: server.port, "/all/site.toml").status == 403)
        #expect(try LoopbackClient.get(port: server.port, "/no-such-file.txt").status == 404)
        // A link inside the site to a public file is fine.
        #expect(try LoopbackClient.get(port: server.port, "/logo.txt").text == "logo")
        #expect(try LoopbackClient.get(port: server.port, "/ok.txt").status == 200)

        // A file replaced by such a link after the build is refused when read.
        try fm.removeItem(atPath: site.root + "/static/ok.txt")
        try fm.createSymbolicLink(atPath: site.root + "/static/ok.txt", withDestinationPath: "../site.toml")
        let swapped = try LoopbackClient.get(port: server.port, "/ok.txt")
        #expect(swapped.status == 403 || swapped.status == 404)
        #expect(!swapped.text.contains("baseURL"))
        #expect(await server.stop())
    }

    @Test func guardRefusesPrivateTargetsButServesHiddenStaticFiles() throws {
        let site = TestSite()
        defer { site.remove() }
        site.write("static/.well-known/security.txt", "contact")
        site.write("static/a.txt", "a")
        site.write(".env", "SECRET=1")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/static/env.txt", withDestinationPath: "../.env")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/static/cfg.txt", withDestinationPath: "../site.toml")
        let guardian = SourceGuard(siteRoot: site.root)
        #expect(guardian.read(site.root + "/static/.well-known/security.txt") == Array("contact".utf8))
        #expect(guardian.read(site.root + "/static/a.txt") == Array("a".utf8))
        #expect(guardian.read(site.root + "/static/env.txt") == nil)
        #expect(guardian.read(site.root + "/static/cfg.txt") == nil)
        #expect(guardian.refusesLink(at: site.root + "/static/cfg.txt"))
        #expect(!guardian.refusesLink(at: site.root + "/static/a.txt"))
    }
}

enum ServeHardening {
    /// One raw request (`head` without the final blank line); the answer, bounded by `timeout`
    /// (the server closes the connection when it has answered, so a long bound costs
    /// nothing unless a busy machine is slow to answer).
    static func send(port: Int, _ head: String, body: String = "", timeout: Double = 30) throws -> LoopbackClient.Response {
        let fd = try LoopbackClient.connect(port: port, timeout: timeout)
        defer { close(fd) }
        var text = head + "\r\nConnection: close\r\n"
        if !body.isEmpty { text += "Content-Length: \(body.utf8.count)\r\n" }
        try LoopbackClient.send(fd, text + "\r\n" + body)
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        guard let response = LoopbackClient.parse(data) else { throw LoopbackClient.Failure.malformed }
        return response
    }
}
