/// `[content]` table: how `portal new` writes a page.
public struct ContentOptions: Sendable, Hashable {
    /// Front matter of new pages: TOML between `+++` (Hugo's default) or YAML between `---`.
    public var frontMatter: FrontMatterFormat

    public enum FrontMatterFormat: String, Sendable, Hashable {
        case toml
        case yaml
    }

    public init(frontMatter: FrontMatterFormat = .toml) {
        self.frontMatter = frontMatter
    }
}
