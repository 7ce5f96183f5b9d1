import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the files a build copies (`.copy(from:)`) only when their real path,
/// symlinks resolved, lies inside the site folder.
struct SourceGuard: Sendable {
    /// Real path of the site folder, with a trailing slash.
    let rootPrefix: String

    init(siteRoot: String) {
        let real = Self.realPath(siteRoot) ?? siteRoot
        rootPrefix = real.hasSuffix("/") ? real : real + "/"
    }

    /// The file's bytes, or nil when it is missing or outside the site.
    func read(_ path: String) -> [UInt8]? {
        guard let real = Self.realPath(path), real.hasPrefix(rootPrefix) else { return nil }
        return FileManager.default.contents(atPath: real).map { [UInt8]($0) }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
