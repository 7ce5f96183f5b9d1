import Foundation

/// Author profiles keyed by id, from `data/authors.toml` or `data/authors.yml`.
public struct AuthorRegistry: Sendable {
    public var profiles: [String: AuthorProfile]

    public init(profiles: [String: AuthorProfile] = [:]) {
        self.profiles = profiles
    }

    public func profile(for id: String) -> AuthorProfile? { profiles[id] }

    /// Profiles by lower-cased id (the first id in byte order when two differ only in
    /// case): made once, for ids written in another case than the registry's.
    public func caseless() -> [String: AuthorProfile] {
        var found: [String: (id: String, profile: AuthorProfile)] = [:]
        for (id, profile) in profiles {
            let key = id.lowercased()
            if let earlier = found[key], earlier.id < id { continue }
            found[key] = (id, profile)
        }
        return found.mapValues(\.profile)
    }
}
