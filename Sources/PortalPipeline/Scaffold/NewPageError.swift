import PortalText

/// Why `portal new` made no page: a wrong request (usage) or a problem with the site.
public enum NewPageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path or language asked for is not acceptable.
    case usage(String)
    /// The site cannot take the page (an existing file, an unreadable `site.toml`, a failed write).
    case site(Diagnostic)

    public var description: String {
        switch self {
        case let .usage(message): return "error: \(message)"
        case let .site(diagnostic): return diagnostic.description
        }
    }
}
