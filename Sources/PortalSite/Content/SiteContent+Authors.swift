import PortalSources
import PortalText

extension SiteContent {
    /// Author profiles written as pages (`authors/<id>/_index.md`, as Wowchemy sites keep
    /// them), merged into `registry`: what a page says fills what the registry leaves out.
    /// Read keys: `title` or `name`, `role`, `bio`, `avatar`/`image`, and `social`
    /// (a list of `{icon, link}`), each compared case-insensitively.
    public func authorProfiles(merging registry: AuthorRegistry) -> AuthorRegistry {
        var merged = registry
        for page in pages where page.kind == .listText && page.fallbackOf == nil {
            let parts = page.source.translationPath.split(separator: "/")
            guard parts.count == 3, parts[0] == "authors" else { continue }
            let id = String(parts[1])
            func param(_ key: String) -> MetaValue? {
                page.metadata.params.first { $0.key.lowercased() == key }?.value
            }
            let written = page.metadata.title ?? param("name")?.stringValue
            var profile = merged.profiles[id] ?? AuthorProfile(name: written ?? id)
            if profile.name == id, let written { profile.name = written }
            if profile.title == nil { profile.title = param("role")?.stringValue }
            if profile.bio == nil { profile.bio = param("bio")?.stringValue ?? page.metadata.summary }
            if profile.imageURL == nil, let image = (param("avatar") ?? param("image"))?.stringValue, URLSafety.isAllowedLink(image) {
                profile.imageURL = image
            }
            if profile.socials.isEmpty, case let .array(items)? = param("social") {
                profile.socials = items.compactMap { item in
                    guard let link = item["link"]?.stringValue, URLSafety.isAllowedLink(link) else { return nil }
                    return AuthorProfile.Social(network: item["icon"]?.stringValue ?? "link", handle: link)
                }
            }
            merged.profiles[id] = profile
        }
        return merged
    }
}
