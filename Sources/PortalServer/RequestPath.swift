import Foundation

/// Turns the raw (percent-encoded) path of a request into a key of the
/// in-memory site, refusing anything that tries to leave it.
enum RequestPath {
    enum Resolution: Sendable, Equatable {
        /// Serve the file stored under this output path.
        case file(String)
        /// A folder asked for without its trailing slash: redirect here.
        case redirect(String)
        case forbidden
        case notFound
    }

    /// Resolves `rawPath` (no query) against the set of output paths `exists` knows.
    static func resolve(_ rawPath: String, exists: (String) -> Bool) -> Resolution {
        guard rawPath.hasPrefix("/") else { return .forbidden }
        var segments: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            let lowered = raw.lowercased()
            // An encoded slash or backslash could smuggle a separator past this check.
            if lowered.contains("%2f") || lowered.contains("%5c") || lowered.contains("%00") { return .forbidden }
            guard let decoded = raw.removingPercentEncoding else { return .forbidden }
            if decoded == "." || decoded == ".." || decoded.contains("/") || decoded.contains("\\") || decoded.contains("\0") {
                return .forbidden
            }
            segments.append(decoded)
        }
        let key = segments.joined(separator: "/")
        if key.isEmpty { return exists("index.html") ? .file("index.html") : .notFound }
        if rawPath.hasSuffix("/") {
            let index = key + "/index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(key) { return .file(key) }
        if exists(key + "/index.html") { return .redirect(rawPath + "/") }
        return .notFound
    }

    /// The decoded, checked path of a request without its leading `/` (`图片/说明.txt`),
    /// or nil when it is refused or empty.
    static func siteKey(_ rawPath: String) -> String? {
        guard case let .file(key) = resolve(rawPath, exists: { _ in true }), !rawPath.hasSuffix("/") else { return nil }
        return key
    }

    /// The 404 page for a request: the language's own when it has one, else the site's.
    static func notFoundPage(for rawPath: String, exists: (String) -> Bool) -> String? {
        let first = rawPath.split(separator: "/").first.flatMap { String($0).removingPercentEncoding }
        if let first, !first.contains("."), exists(first + "/404.html") { return first + "/404.html" }
        return exists("404.html") ? "404.html" : nil
    }
}
