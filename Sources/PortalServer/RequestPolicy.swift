/// What `portal serve` answers before looking at the path: only GET and HEAD, and,
/// when it listens on a loopback address, only requests naming a loopback host.
///
/// A page on the web can make a browser send requests to 127.0.0.1 under its own
/// host name (DNS rebinding) and read the answers, drafts included; such requests
/// carry that name in `Host`, so they are refused.
struct RequestPolicy: Sendable {
    /// Host names accepted besides the loopback ones (what `--host` names), lower-cased.
    let extraHosts: Set<String>
    /// Whether `Host` is checked: only when listening on a loopback address.
    let checksHost: Bool

    static let allowedMethods = "GET, HEAD"

    init(bindHost: String) {
        let host = Self.normalized(bindHost)
        checksHost = Self.isLoopback(host)
        extraHosts = [host]
    }

    enum Refusal: Equatable {
        case method
        case host(String)
    }

    /// Why a request is refused, or nil. `host` is the `Host` header, nil when absent
    /// (a browser always sends one).
    func refusal(method: String, host: String?) -> Refusal? {
        if method != "GET" && method != "HEAD" { return .method }
        guard checksHost, let host else { return nil }
        let name = Self.normalized(Self.hostName(host))
        if Self.isLoopback(name) || extraHosts.contains(name) { return nil }
        return .host(host)
    }

    /// The host of a `Host` header without its port: `[::1]:1313` -> `[::1]`, `localhost:80` -> `localhost`.
    static func hostName(_ header: String) -> String {
        let trimmed = header.trimmingSpaces
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else { return trimmed }
            return String(trimmed[...close])
        }
        if let colon = trimmed.lastIndex(of: ":") { return String(trimmed[..<colon]) }
        return trimmed
    }

    /// Lower-cased, without a final dot; an IPv6 address in brackets.
    static func normalized(_ host: String) -> String {
        var name = host.lowercased()
        if name.hasSuffix("."), name.count > 1 { name.removeLast() }
        if name.contains(":"), !name.hasPrefix("[") { name = "[" + name + "]" }
        return name
    }

    /// `localhost`, `127.x.y.z` and `[::1]`.
    static func isLoopback(_ name: String) -> Bool {
        if name == "localhost" || name == "[::1]" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber } && (Int(part) ?? 256) <= 255
        }
    }
}

private extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
