import Foundation

/// Author profiles keyed by id, from `data/authors.toml` or `data/authors.yml`.
public struct AuthorRegistry: Sendable {
    public var profiles: [String: AuthorProfile]

    public init(profiles: [String: AuthorProfile] = [:]) {
        self.profiles = profiles
    }

    public func profile(for id: String) -> AuthorProfile? { profiles[id] }

    /// The profile whose id equals `id` ignoring case (the first such id in byte order).
    public func profile(matching id: String) -> AuthorProfile? {
        let lowered = id.lowercased()
        return profiles.keys.filter { $0.lowercased() == lowered }.min().flatMap { profiles[$0] }
    }
}
