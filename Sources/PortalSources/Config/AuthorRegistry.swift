import Foundation

/// Author profiles keyed by id, from `data/authors.toml` or `data/authors.yml`.
public struct AuthorRegistry: Sendable {
    public var profiles: [String: AuthorProfile]

    public init(profiles: [String: AuthorProfile] = [:]) {
        self.profiles = profiles
    }

    public func profile(for id: String) -> AuthorProfile? { profiles[id] }
}
