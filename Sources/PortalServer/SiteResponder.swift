import Foundation
import Hummingbird
import PortalPipeline
import ServiceLifecycle

/// Answers every request from the in-memory site, plus the live-reload
/// script and event stream.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: SiteStore
    let hub: EventHub
    let guardian: SourceGuard
    var policy = RequestPolicy(bindHost: "127.0.0.1")
    /// The site folder, to tell a refused symbolic link (403) from a missing file (404).
    var siteRoot: String?

    func respond(to request: Request, context: Context) async throws -> Response {
        switch policy.refusal(method: request.method.rawValue, host: request.head.authority) {
        case .method?:
            var headers = HTTPFields()
            headers[.allow] = RequestPolicy.allowedMethods
            headers[.contentType] = "text/plain; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .methodNotAllowed, headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "405 method not allowed: portal serve answers GET and HEAD\n")))
        case let .host(host)?:
            let text = "403 forbidden: unknown host '\(host)'. portal serve answers to localhost, 127.0.0.1 and [::1];"
                + " to preview under another name, start it with --host NAME\n"
            return bytes(Array(text.utf8), type: "text/plain; charset=utf-8", status: .forbidden)
        case nil:
            break
        }
        let path = request.uri.path
        switch path {
        case LiveReloadScript.eventsPath: return events()
        case LiveReloadScript.path: return bytes(Array(LiveReloadScript.source.utf8), type: "text/javascript; charset=utf-8")
        default: break
        }
        guard let snapshot = store.snapshot else { return building() }
        switch RequestPath.resolve(path, exists: snapshot.contains) {
        case let .file(key):
            return serve(key, from: snapshot, status: .ok)
        case let .redirect(location):
            var headers = HTTPFields()
            headers[.location] = location
            return Response(status: .movedPermanently, headers: headers)
        case .forbidden:
            return bytes(Array("403 forbidden\n".utf8), type: "text/plain; charset=utf-8", status: .forbidden)
        case .notFound:
            if let key = RequestPath.siteKey(path), refusesLink(key) {
                return bytes(Array("403 forbidden: symbolic link leaves the site\n".utf8), type: "text/plain; charset=utf-8", status: .forbidden)
            }
            if let page = RequestPath.notFoundPage(for: path, exists: snapshot.contains) {
                return serve(page, from: snapshot, status: .notFound)
            }
            return bytes(Array("404 not found\n".utf8), type: "text/plain; charset=utf-8", status: .notFound)
        }
    }

    private func serve(_ key: String, from snapshot: SiteSnapshot, status: HTTPResponse.Status) -> Response {
        guard let content = snapshot.files[key] else { return bytes([], type: "text/plain", status: .notFound) }
        let type = ContentTypes.forPath(key)
        var body: [UInt8]
        switch content {
        case let .bytes(stored): body = stored
        case let .copy(from: source):
            guard let data = guardian.read(source) else {
                return bytes(Array("403 forbidden\n".utf8), type: "text/plain; charset=utf-8", status: .forbidden)
            }
            body = data
        case let .deferred(content): body = content.bytes()
        }
        if ContentTypes.isHTML(key) { body = LiveReloadScript.inject(into: body) }
        return bytes(body, type: type, status: status)
    }

    /// Whether `static/KEY` or `content/KEY` is a symbolic link the build refused.
    private func refusesLink(_ key: String) -> Bool {
        guard let siteRoot else { return false }
        return ["static/", "content/"].contains { guardian.refusesLink(at: siteRoot + "/" + $0 + key) }
    }

    /// Before the first good build: a page that waits for it (and shows its errors).
    private func building() -> Response {
        let html = "<!doctype html><meta charset=\"utf-8\"><title>portal</title><body><p>Building the site…</p></body>"
        let body = LiveReloadScript.inject(into: Array(html.utf8))
        return bytes(body, type: "text/html; charset=utf-8", status: .serviceUnavailable)
    }

    private func events() -> Response {
        let stream = hub.subscribe()
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n: portal live reload\n\n"))
            // Without cancelOnGracefulShutdown an open stream would hold Ctrl-C up.
            for await event in stream.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        })
    }

    private func bytes(_ body: [UInt8], type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
